package accounting_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/accounting"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

func TestDocumentErrors(t *testing.T) {
	tests := []struct {
		name   string
		chart  func(*accounting.Chart)
		doc    func(*invoice.Document)
		field  string
		target error
	}{
		{name: "no number", doc: func(d *invoice.Document) { d.Number = "" }, field: "number", target: accounting.ErrInvalid},
		{name: "no issue date", doc: func(d *invoice.Document) { d.IssueDate = date.Date{} }, field: "issue_date", target: accounting.ErrInvalid},
		{name: "unknown type", doc: func(d *invoice.Document) { d.Type = "999" }, field: "type", target: accounting.ErrInvalid},
		{name: "no lines", doc: func(d *invoice.Document) { d.Lines = nil }, field: "lines", target: accounting.ErrInvalid},
		{name: "foreign currency without rate", doc: func(d *invoice.Document) { *d = inUSD(*d) }, field: "currency", target: accounting.ErrCurrency},
		{name: "amount in another currency", doc: func(d *invoice.Document) { d.Lines[1].NetAmount = money.MustParse("49.99 USD") }, field: "lines[1].net_amount", target: accounting.ErrCurrency},
		{
			name: "prepayment without account", chart: func(c *accounting.Chart) { c.Prepayments = accounting.Account{} },
			doc: func(d *invoice.Document) { d.Totals.Prepaid = eur("10.00"); d.Totals.Due = eur("2338.35") }, field: "chart.prepayments", target: accounting.ErrNoAccount,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chart := accounting.FrenchChart()
			if tt.chart != nil {
				tt.chart(&chart)
			}
			j, err := accounting.New(accounting.Config{Chart: chart})
			require.NoError(t, err)
			doc := calculated(t, frenchDocument())
			tt.doc(&doc)
			_, err = j.Document(&doc, customer)
			require.ErrorIs(t, err, tt.target)
			var fe *accounting.FieldError
			require.True(t, errors.As(err, &fe), "want a *FieldError, got %v", err)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
}

func inUSD(d invoice.Document) invoice.Document {
	d.Currency = money.USD
	for i := range d.Lines {
		d.Lines[i].UnitPrice = money.New(d.Lines[i].UnitPrice.Number(), money.USD)
	}
	d.Allowances, d.Charges = nil, nil
	_ = d.Calculate()
	return d
}

// TestUncalculatedDocumentIsUnbalanced: totals that do not match the lines
// by more than rounding are refused, not hidden in a rounding account.
func TestUncalculatedDocumentIsUnbalanced(t *testing.T) {
	doc := calculated(t, frenchDocument())
	doc.Totals.Due = eur("2000.00")
	_, err := journaliser(t).Document(&doc, customer)
	var ue *accounting.UnbalancedError
	require.ErrorAs(t, err, &ue)
	assert.ErrorIs(t, err, accounting.ErrUnbalanced)
	assert.Equal(t, "F2026-000001", ue.Field)
	assert.Equal(t, "2000.00 EUR", ue.Debit.String())
	assert.Equal(t, "2348.35 EUR", ue.Credit.String())
}

// TestSmallDifferenceIsBooked: a document whose total is one cent off its
// parts, as one rounded elsewhere may be, still balances.
func TestSmallDifferenceIsBooked(t *testing.T) {
	doc := calculated(t, frenchDocument())
	doc.Totals.Due = eur("2348.36")
	e, err := journaliser(t).Document(&doc, customer)
	require.NoError(t, err)
	assert.Equal(t, []string{"D 411000 C0042 2348.36", "C 706000 1949.79", "C 708500 15.00", "C 445711 380.00", "C 445713 3.56", "C 758000 0.01"}, rows(e))
	assert.Equal(t, accounting.DifferenceLabel, e.Lines[5].Label)
}

func TestInvoiceErrors(t *testing.T) {
	j := journaliser(t)
	_, err := j.Invoice(nil, customer)
	assert.ErrorIs(t, err, accounting.ErrInvalid)
	doc := frenchDocument()
	doc.Number, doc.IssueDate = "", date.Date{}
	draft, err := invoice.NewDraft(paymentID, doc)
	require.NoError(t, err)
	_, err = j.Invoice(draft, customer)
	var fe *accounting.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "number", fe.Field)
}

func TestPaymentErrors(t *testing.T) {
	j := journaliser(t)
	ok := invoice.Payment{ID: paymentID, Amount: eur("10.00"), Date: dueDay, Method: invoice.MethodCard}
	tests := []struct {
		name  string
		edit  func(*invoice.Payment)
		field string
	}{
		{"no amount", func(p *invoice.Payment) { p.Amount = money.Amount{} }, "amount"},
		{"negative amount", func(p *invoice.Payment) { p.Amount = eur("-1.00") }, "amount"},
		{"no date", func(p *invoice.Payment) { p.Date = date.Date{} }, "date"},
		{"unknown method", func(p *invoice.Payment) { p.Method = "barter" }, "method"},
		{"no reference nor id", func(p *invoice.Payment) { p.ID = [16]byte{} }, "reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ok
			tt.edit(&p)
			_, err := j.Payment(p, customer)
			var fe *accounting.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.ErrorIs(t, err, accounting.ErrInvalid)
		})
	}
}

func TestNewRejectsIncompleteChart(t *testing.T) {
	tests := []struct {
		name  string
		cfg   func(*accounting.Config)
		field string
	}{
		{"no receivable", func(c *accounting.Config) { c.Chart.Receivable = accounting.Account{} }, "chart.receivable"},
		{"no label", func(c *accounting.Config) { c.Chart.Bank.Label = " " }, "chart.bank.label"},
		{"space in number", func(c *accounting.Config) { c.Chart.VAT.Number = "445 710" }, "chart.vat.number"},
		{"rate account", func(c *accounting.Config) { c.Chart.VATRates[1].Account.Number = "" }, "chart.vat_rates[1].account"},
		{"product account", func(c *accounting.Config) {
			c.Chart.ProductRevenue = map[string]accounting.Account{"b": {Number: "1"}, "a": {Number: "2"}}
		}, "chart.product_revenue[a].label"},
		{"journal code", func(c *accounting.Config) { c.Sales = accounting.Journal{Code: "V E", Label: "Ventes"} }, "sales.code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := accounting.Config{Chart: accounting.FrenchChart()}
			tt.cfg(&cfg)
			_, err := accounting.New(cfg)
			var fe *accounting.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart()})
	require.NoError(t, err)
	assert.Equal(t, money.EUR, j.Config().Currency)
	assert.Equal(t, accounting.BankJournal, j.Config().Bank)
}

func TestErrorMessages(t *testing.T) {
	assert.Equal(t, "accounting: number: is required", (&accounting.FieldError{Field: "number", Reason: "is required"}).Error())
	assert.Equal(t, "accounting: entry: debits 1.00 EUR and credits 2.00 EUR differ",
		(&accounting.UnbalancedError{Debit: eur("1.00"), Credit: eur("2.00")}).Error())
	ce := &accounting.ChronologyError{Journal: "VE", Last: dueDay, Date: issueDay}
	assert.ErrorIs(t, ce, accounting.ErrChronology)
	assert.Equal(t, "accounting: journal VE: entry dated 2026-03-02 is before 2026-04-01, the date of its last entry", ce.Error())
}
