package invoice

import (
	"context"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// creditable returns an issued invoice of two lines with a document level
// allowance and charge:
//
//	line 1: 10 × 50.00 = 500.00 S 20 %; line 2: 4 × 25.00 = 100.00 S 5.5 %
//	allowance 10 % at S 20 % = 50.00; charge 9.00 at S 20 %
//	S 20 %: 500.00 − 50.00 + 9.00 = 459.00, VAT 91.80
//	S 5.5 %: 100.00, VAT 5.50; total 656.30
func creditable(t *testing.T, seq Sequence) *Invoice {
	t.Helper()
	d := frenchInvoice(item("1", "Licence", "10", "C62", "50.00 EUR", s20), item("2", "Manuel", "4", "C62", "25.00 EUR", s55))
	d.Allowances = []AllowanceCharge{{Percent: dec("10"), Reason: "Remise", VAT: s20}}
	d.Charges = []AllowanceCharge{{Amount: amt("9.00 EUR"), Reason: "Port", VAT: s20}}
	inv := issued(t, seq, d)
	require.Equal(t, "656.30 EUR", inv.Total().String())
	return inv
}

func TestCreditNoteShares(t *testing.T) {
	var seq MemorySequence
	orig := creditable(t, &seq)
	cn, err := issueCredit(t, &seq, orig, CreditRequest{Lines: []LineCredit{
		{LineID: "1", Quantity: dec("5")},
		{LineID: "2", Amount: amt("10.00 EUR")},
	}})
	require.NoError(t, err)
	doc := cn.Document()
	// line 1: 5 of 10 = 250.00; line 2: a price reduction of 10.00, one lump sum
	assert.Equal(t, "250.00 EUR", doc.Lines[0].NetAmount.String())
	assert.Equal(t, "5", doc.Lines[0].CreditedQuantity.String())
	assert.Equal(t, "LS", doc.Lines[1].UnitCode)
	assert.True(t, doc.Lines[1].CreditedQuantity.IsZero())
	// half the lines at 20 %: half of −50.00 + 9.00 = −41.00, an allowance of 20.50
	require.Len(t, doc.Allowances, 1)
	assert.Equal(t, "20.50 EUR", doc.Allowances[0].Amount.String())
	assert.Empty(t, doc.Charges)
	// S 20 %: 250.00 − 20.50 = 229.50, VAT 45.90; S 5.5 %: 10.00, VAT 0.55
	assert.Equal(t, []string{"S 20%: 229.50 EUR / 45.90 EUR", "S 5.5%: 10.00 EUR / 0.55 EUR"}, breakdownStrings(doc))
	assert.Equal(t, "285.95 EUR", cn.Total().String())
	assert.NoError(t, doc.Validate())

	state := orig.CreditState()
	assert.Equal(t, []string{"1: 5 / 250.00 EUR", "2: 0 / 10.00 EUR"}, lineCredits(state.Lines))
	assert.Equal(t, []uuid.UUID{cn.ID()}, state.CreditNotes)
	assert.Equal(t, "370.35 EUR", orig.DueAfterCredits().String()) // 656.30 − 285.95

	// The rest: 5 licences, 90.00 of manuals, the other half of the adjustments.
	rest, err := issueCredit(t, &seq, orig, CreditRequest{})
	require.NoError(t, err)
	assert.Equal(t, []string{"S 20%: 229.50 EUR / 45.90 EUR", "S 5.5%: 90.00 EUR / 4.95 EUR"}, breakdownStrings(rest.Document()))
	assert.Equal(t, StatusVoid, orig.Status())
	assert.Equal(t, "0.00 EUR", orig.DueAfterCredits().String())
}

// lineCredits writes line credits as "line: quantity / amount".
func lineCredits(lines []LineCredit) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.LineID + ": " + l.Quantity.String() + " / " + l.Amount.String()
	}
	return out
}

func TestNewCreditNoteRefusals(t *testing.T) {
	var seq MemorySequence
	orig := creditable(t, &seq)
	tests := []struct {
		name  string
		req   CreditRequest
		check func(t *testing.T, err error)
	}{
		{"unknown line", CreditRequest{Lines: []LineCredit{{LineID: "9", Quantity: dec("1")}}},
			func(t *testing.T, err error) { assert.Equal(t, []string{"lines[0].line_id unknown"}, faults(t, err)) }},
		{"line twice", CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec("1")}, {LineID: "1", Quantity: dec("1")}}},
			func(t *testing.T, err error) { assert.Equal(t, []string{"lines[1].line_id duplicate"}, faults(t, err)) }},
		{"neither quantity nor amount", CreditRequest{Lines: []LineCredit{{LineID: "1"}}},
			func(t *testing.T, err error) { assert.Equal(t, []string{"lines[0] invalid"}, faults(t, err)) }},
		{"both quantity and amount", CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec("1"), Amount: amt("1.00 EUR")}}},
			func(t *testing.T, err error) { assert.Equal(t, []string{"lines[0] invalid"}, faults(t, err)) }},
		{"amount in another currency", CreditRequest{Lines: []LineCredit{{LineID: "1", Amount: amt("1.00 USD")}}},
			func(t *testing.T, err error) { assert.Equal(t, []string{"lines[0].amount mismatch"}, faults(t, err)) }},
		{"amount with three decimals", CreditRequest{Lines: []LineCredit{{LineID: "1", Amount: amt("1.001 EUR")}}},
			func(t *testing.T, err error) {
				assert.Equal(t, []string{"lines[0].amount out_of_range"}, faults(t, err))
			}},
		{"more than the quantity", CreditRequest{Lines: []LineCredit{{LineID: "2", Quantity: dec("5")}}},
			func(t *testing.T, err error) {
				var oe *OverCreditError
				require.ErrorAs(t, err, &oe)
				assert.Equal(t, OverCreditError{Field: "lines[0].quantity", LineID: "2", Requested: "5", Remaining: "4"}, *oe)
			}},
		{"negative quantity", CreditRequest{Lines: []LineCredit{{LineID: "2", Quantity: dec("-1")}}},
			func(t *testing.T, err error) { assert.ErrorIs(t, err, ErrOverCredit) }},
		{"more than the amount", CreditRequest{Lines: []LineCredit{{LineID: "2", Amount: amt("100.01 EUR")}}},
			func(t *testing.T, err error) {
				var oe *OverCreditError
				require.ErrorAs(t, err, &oe)
				assert.Equal(t, "100.00 EUR", oe.Remaining)
			}},
		{"a reason with a NUL", CreditRequest{Reason: "Two seats\x00 unused"},
			func(t *testing.T, err error) { assert.Equal(t, []string{"reason invalid"}, faults(t, err)) }},
		{"a reason of two lines", CreditRequest{Reason: "Two seats\nunused"},
			func(t *testing.T, err error) { assert.Equal(t, []string{"reason invalid"}, faults(t, err)) }},
		{"a reason of invalid UTF-8", CreditRequest{Reason: "Remise \xe9"},
			func(t *testing.T, err error) { assert.Equal(t, []string{"reason invalid"}, faults(t, err)) }},
		{"a reason of a megabyte", CreditRequest{Reason: strings.Repeat("r", 1<<20)},
			func(t *testing.T, err error) { assert.Equal(t, []string{"reason out_of_range"}, faults(t, err)) }},
		{"more lines than the invoice", CreditRequest{Lines: make([]LineCredit, 100001)},
			func(t *testing.T, err error) { assert.Equal(t, []string{"lines out_of_range"}, faults(t, err)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cn, err := NewCreditNote(uuid.New(), orig, tt.req)
			assert.Nil(t, cn)
			tt.check(t, err)
		})
	}
	_, err := NewCreditNote(uuid.Nil, orig, CreditRequest{})
	assert.Equal(t, []string{"id required"}, faults(t, err))
}

func TestNotCreditable(t *testing.T) {
	var seq MemorySequence
	draft := draftOf(t, frenchInvoice(item("1", "Conseil", "1", "HUR", "100.00 EUR", s20)))
	_, err := NewCreditNote(uuid.New(), draft, CreditRequest{})
	assert.ErrorIs(t, err, ErrNotCreditable)
	_, err = NewCreditNote(uuid.New(), nil, CreditRequest{})
	assert.ErrorIs(t, err, ErrNotCreditable)

	orig := creditable(t, &seq)
	cn, err := issueCredit(t, &seq, orig, CreditRequest{Lines: []LineCredit{{LineID: "2", Quantity: dec("1")}}})
	require.NoError(t, err)
	_, err = NewCreditNote(uuid.New(), cn, CreditRequest{})
	assert.ErrorIs(t, err, ErrNotCreditable, "a credit note is not credited")

	other := creditable(t, &seq)
	next, err := NewCreditNote(uuid.New(), orig, CreditRequest{})
	require.NoError(t, err)
	require.NoError(t, next.Submit(ApprovalPolicy{}))
	assert.ErrorIs(t, next.IssueCredit(context.Background(), other, &seq, creditSeries, issD), ErrNotCreditable,
		"a credit note is issued against its own invoice")
}

func TestIssueCreditRefusals(t *testing.T) {
	var seq MemorySequence
	orig := creditable(t, &seq)
	first, err := NewCreditNote(uuid.New(), orig, CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec("6")}}})
	require.NoError(t, err)
	second, err := NewCreditNote(uuid.New(), orig, CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec("6")}}})
	require.NoError(t, err)
	require.NoError(t, first.Submit(ApprovalPolicy{}))
	require.NoError(t, second.Submit(ApprovalPolicy{}))

	ctx := context.Background()
	err = first.IssueCredit(ctx, orig, &seq, creditSeries, issD.AddDays(-1))
	assert.Equal(t, []string{"issue_date out_of_range"}, faults(t, err), "not before the invoice")
	require.NoError(t, first.IssueCredit(ctx, orig, &seq, creditSeries, issD))

	// Drawn up before the first was issued: its limits are outdated.
	assert.ErrorIs(t, second.IssueCredit(ctx, orig, &seq, creditSeries, issD), ErrCreditOutdated)
	assert.Equal(t, StatusApproved, second.Status())
	last, _ := seq.Last(creditSeries.Key(issD))
	assert.Equal(t, uint64(1), last, "refused credit notes take no number")

	// Redrawn, six more licences exceed the four left.
	_, err = NewCreditNote(uuid.New(), orig, CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec("6")}}})
	assert.ErrorIs(t, err, ErrOverCredit)
}

func TestEditedCreditNoteStillChecked(t *testing.T) {
	var seq MemorySequence
	orig := creditable(t, &seq)
	cn, err := NewCreditNote(uuid.New(), orig, CreditRequest{Lines: []LineCredit{{LineID: "2", Quantity: dec("1")}}})
	require.NoError(t, err)

	assert.Equal(t, []string{"preceding forbidden"}, faults(t, cn.Edit(func(d *Document) error {
		d.Preceding[0].Number = "F0"
		return nil
	})))
	assert.Equal(t, []string{"credit_limits forbidden"}, faults(t, cn.Edit(func(d *Document) error {
		d.CreditLimits[0].TaxAmount = money.Zero(money.EUR)
		return nil
	})))
	// Raising the quantity past the invoice's is refused at issue.
	require.NoError(t, cn.Edit(func(d *Document) error {
		d.Lines[0].Quantity, d.Lines[0].CreditedQuantity = dec("5"), dec("5")
		return nil
	}))
	require.NoError(t, cn.Submit(ApprovalPolicy{}))
	err = cn.IssueCredit(context.Background(), orig, &seq, creditSeries, issD)
	var oe *OverCreditError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, "lines[0].credited_quantity", oe.Field)
	assert.Empty(t, orig.CreditState().CreditNotes)
}

func TestCreditOfAPaidInvoiceVoidsIt(t *testing.T) {
	var seq MemorySequence
	l := item("1", "Conseil", "1", "HUR", "100.00 EUR", vat(tax.ReverseCharge, "0"))
	l.ExemptionReason = tax.ExemptionReverseCharge
	d := frenchInvoice(l)
	d.Buyer = germanBusiness()
	orig := issued(t, &seq, d)
	require.NoError(t, orig.MarkPaid())
	cn, err := issueCredit(t, &seq, orig, CreditRequest{Reason: "Annulation"})
	require.NoError(t, err)
	assert.Equal(t, []Note{{Text: "Annulation"}}, cn.Document().Notes)
	assert.Equal(t, []string{"AE 0%: 100.00 EUR / 0.00 EUR VATEX-EU-AE"}, breakdownStrings(cn.Document()))
	assert.Equal(t, StatusVoid, orig.Status())
	_, err = NewCreditNote(uuid.New(), orig, CreditRequest{})
	assert.ErrorIs(t, err, ErrNotCreditable)
}
