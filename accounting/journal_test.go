package accounting_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/accounting"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
	"github.com/shopspring/decimal"
)

// TestDocumentEntries checks entries computed by hand. The base document
// is frenchDocument: 1950.00 + 49.99 − 100.00 at 20 % (VAT 380.00), 49.80
// + 15.00 at 5.5 % (VAT 3.56), 2348.35 in all.
func TestDocumentEntries(t *testing.T) {
	tests := []struct {
		name  string
		chart func(*accounting.Chart)
		doc   func(*invoice.Document)
		want  []string
	}{{
		name: "french chart nets the allowance on revenue",
		want: []string{"D 411000 C0042 2348.35", "C 706000 1949.79", "C 708500 15.00", "C 445711 380.00", "C 445713 3.56"},
	}, {
		name:  "allowance account",
		chart: func(c *accounting.Chart) { c.Allowances = accounting.Account{Number: "709000", Label: "RRR accordés"} },
		want:  []string{"D 411000 C0042 2348.35", "C 706000 2049.79", "D 709000 100.00", "C 708500 15.00", "C 445711 380.00", "C 445713 3.56"},
	}, {
		// 100.00 × 1950 / 1999.99 = 97.5005 and 100.00 × 49.99 / 1999.99 =
		// 2.4995: 97.50 and 2.49, the cent left goes to the larger remainder.
		name: "allowance spread over product accounts",
		chart: func(c *accounting.Chart) {
			c.ProductRevenue = map[string]accounting.Account{"Hébergement": {Number: "706100", Label: "Hébergement"}}
		},
		want: []string{"D 411000 C0042 2348.35", "C 706000 1902.30", "C 706100 47.49", "C 708500 15.00", "C 445711 380.00", "C 445713 3.56"},
	}, {
		name: "product key from the host",
		chart: func(c *accounting.Chart) {
			c.ProductOf = func(l invoice.Line) string { return "sku-" + l.ID }
			c.ProductRevenue = map[string]accounting.Account{"sku-3": {Number: "707000", Label: "Ventes de marchandises"}}
		},
		want: []string{"D 411000 C0042 2348.35", "C 706000 1899.99", "C 707000 49.80", "C 708500 15.00", "C 445711 380.00", "C 445713 3.56"},
	}, {
		name:  "charges spread when the chart has no charges account",
		chart: func(c *accounting.Chart) { c.Charges = accounting.Account{} },
		want:  []string{"D 411000 C0042 2348.35", "C 706000 1964.79", "C 445711 380.00", "C 445713 3.56"},
	}, {
		name: "amount paid before issue",
		doc:  func(d *invoice.Document) { d.PaidAmount = eur("348.35") },
		want: []string{"D 411000 C0042 2000.00", "D 419100 348.35", "C 706000 1949.79", "C 708500 15.00", "C 445711 380.00", "C 445713 3.56"},
	}, {
		name: "negative rounding amount",
		doc:  func(d *invoice.Document) { d.RoundingAmount = eur("-0.35") },
		want: []string{"D 411000 C0042 2348.00", "C 706000 1949.79", "C 708500 15.00", "C 445711 380.00", "C 445713 3.56", "D 658000 0.35"},
	}, {
		name: "returned goods net on their account",
		doc: func(d *invoice.Document) {
			d.Lines = []invoice.Line{line("1", "Licence", "1", "C62", "100.00", vat("20")), line("2", "Licence", "-0.3", "C62", "100.00", vat("20"))}
			d.Allowances, d.Charges = nil, nil
		},
		want: []string{"D 411000 C0042 84.00", "C 706000 70.00", "C 445711 14.00"},
	}, {
		name: "exempt category account and no VAT line",
		chart: func(c *accounting.Chart) {
			c.CategoryRevenue = map[tax.Category]accounting.Account{tax.Exempt: {Number: "706200", Label: "Formation exonérée"}}
		},
		doc: func(d *invoice.Document) {
			d.Lines = []invoice.Line{line("1", "Formation", "2", "DAY", "800.00", invoice.VAT{Category: tax.Exempt}), line("2", "Support", "1", "C62", "50.00", vat("20"))}
			d.Lines[0].ExemptionReason = tax.ExemptionEU132
			d.Allowances, d.Charges = nil, nil
		},
		want: []string{"D 411000 C0042 1660.00", "C 706200 1600.00", "C 706000 50.00", "C 445711 10.00"},
	}, {
		name: "unlisted rate on the general VAT account",
		doc: func(d *invoice.Document) {
			d.Lines = []invoice.Line{line("1", "Service", "1", "C62", "100.00", vat("8.5"))}
			d.Allowances, d.Charges = nil, nil
		},
		want: []string{"D 411000 C0042 108.50", "C 706000 100.00", "C 445710 8.50"},
	}, {
		name: "credit note reverses the sides",
		doc:  func(d *invoice.Document) { d.Type = invoice.TypeCreditNote; d.Number = "AV2026-000001" },
		want: []string{"C 411000 C0042 2348.35", "D 706000 1949.79", "D 708500 15.00", "D 445711 380.00", "D 445713 3.56"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chart := accounting.FrenchChart()
			if tt.chart != nil {
				tt.chart(&chart)
			}
			j, err := accounting.New(accounting.Config{Chart: chart})
			require.NoError(t, err)
			doc := frenchDocument()
			if tt.doc != nil {
				tt.doc(&doc)
			}
			doc = calculated(t, doc)
			e, err := j.Document(&doc, customer)
			require.NoError(t, err)
			assert.Equal(t, tt.want, rows(e))
			assert.NoError(t, e.Check(""))
		})
	}
}

func TestDocumentHeader(t *testing.T) {
	doc := calculated(t, frenchDocument())
	e, err := journaliser(t).Document(&doc, accounting.Account{Number: "C0042"})
	require.NoError(t, err)
	assert.Equal(t, accounting.SalesJournal, e.Journal)
	assert.Equal(t, "F2026-000001", e.PieceRef)
	assert.Equal(t, issueDay, e.Date)
	assert.Equal(t, issueDay, e.PieceDate)
	assert.Equal(t, "Facture F2026-000001 Boulangerie Martin SARL", e.Label)
	assert.Equal(t, "Boulangerie Martin SARL", e.Lines[0].Auxiliary.Label, "the customer's label defaults to the buyer's name")
	assert.Empty(t, e.Number, "a Book numbers entries")
}

// TestForeignCurrencyRounding converts an invoice in USD at 0.5: 12.04
// gives 6.02, but 10.03 gives 5.02 and 2.01 gives 1.01, so the credits
// exceed the debit by one cent, booked as a difference of rounding.
func TestForeignCurrencyRounding(t *testing.T) {
	rate := func(c money.Currency, on date.Date) (decimal.Decimal, error) { return dec("0.5"), nil }
	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart(), Rate: rate})
	require.NoError(t, err)
	doc := frenchDocument()
	doc.Currency = money.USD
	doc.Lines = []invoice.Line{{ID: "1", Name: "Service", Quantity: dec("1"), UnitCode: "C62", UnitPrice: money.MustParse("10.03 USD"), VAT: vat("20")}}
	doc.Allowances, doc.Charges = nil, nil
	doc = calculated(t, doc)
	e, err := j.Document(&doc, customer)
	require.NoError(t, err)
	assert.Equal(t, []string{"D 411000 C0042 6.02", "C 706000 5.02", "C 445711 1.01", "D 658000 0.01"}, rows(e))
	assert.Equal(t, accounting.DifferenceLabel, e.Lines[3].Label)
	assert.Equal(t, money.MustParse("12.04 USD"), e.Lines[0].Foreign)
	assert.True(t, e.Lines[3].Foreign.IsZero())
	assert.True(t, e.Balanced())
}

func TestPaymentAndRefund(t *testing.T) {
	chart := accounting.FrenchChart()
	chart.MethodBank = map[invoice.PaymentMethod]accounting.Account{invoice.MethodCheque: {Number: "511200", Label: "Chèques à encaisser"}}
	j, err := accounting.New(accounting.Config{Chart: chart})
	require.NoError(t, err)
	p := invoice.Payment{ID: paymentID, Customer: "cust-42", Amount: eur("500.00"), Date: dueDay, Method: invoice.MethodTransfer, Reference: "VIR 7781"}
	e, err := j.Payment(p, customer)
	require.NoError(t, err)
	assert.Equal(t, []string{"D 512000 500.00", "C 411000 C0042 500.00"}, rows(e))
	assert.Equal(t, accounting.BankJournal, e.Journal)
	assert.Equal(t, "VIR 7781", e.PieceRef)
	assert.Equal(t, "Règlement Boulangerie Martin SARL", e.Label)

	p.Method, p.Reference = invoice.MethodCheque, ""
	e, err = j.Payment(p, accounting.Account{})
	require.NoError(t, err)
	assert.Equal(t, []string{"D 511200 500.00", "C 411000 500.00"}, rows(e))
	assert.Equal(t, paymentID.String(), e.PieceRef)
	assert.Equal(t, "Règlement cust-42", e.Label)

	r := invoice.Refund{ID: paymentID, Amount: eur("20.00"), Date: dueDay, Method: invoice.MethodTransfer, Reference: "RBT 1"}
	e, err = j.Refund(r, customer)
	require.NoError(t, err)
	assert.Equal(t, []string{"C 512000 20.00", "D 411000 C0042 20.00"}, rows(e))
	assert.Equal(t, "Remboursement Boulangerie Martin SARL", e.Label)
}

// TestIssuedInvoiceAndCredits follows an invoice through a partial and a
// final credit note: together they reverse the invoice's entry exactly.
func TestIssuedInvoiceAndCredits(t *testing.T) {
	var seq invoice.MemorySequence
	j := journaliser(t)
	inv := issue(t, &seq, frenchDocument())
	cn1 := credit(t, &seq, inv, invoice.CreditRequest{Reason: "Jour non réalisé", Lines: []invoice.LineCredit{{LineID: "1", Quantity: dec("1")}}})
	cn2 := credit(t, &seq, inv, invoice.CreditRequest{Reason: "Annulation"})
	net := map[string]decimal.Decimal{}
	for i, doc := range []*invoice.Invoice{inv, cn1, cn2} {
		e, err := j.Invoice(doc, customer)
		require.NoError(t, err, "document %d", i)
		require.NoError(t, e.Check(""))
		for _, l := range e.Lines {
			net[l.Account.Number] = net[l.Account.Number].Add(l.Debit.Number()).Sub(l.Credit.Number())
		}
	}
	for acct, n := range net {
		assert.True(t, n.IsZero(), "account %s keeps %s", acct, n)
	}
}
