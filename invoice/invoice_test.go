package invoice

import (
	"errors"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

func TestNewDraft(t *testing.T) {
	doc := frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20))
	doc.Number, doc.Type = "", ""
	inv, err := NewDraft(uuid.New(), doc)
	require.NoError(t, err)
	assert.Equal(t, StatusDraft, inv.Status())
	assert.Equal(t, TypeCommercialInvoice, inv.Type())
	assert.Equal(t, "240.00 EUR", inv.Total().String(), "a draft is calculated")
	assert.False(t, inv.IsIssued())
	assert.Empty(t, inv.Fingerprint())
	assert.NoError(t, inv.VerifyFingerprint())

	tests := []struct {
		name   string
		id     uuid.UUID
		change func(d *Document)
		want   []string
	}{
		{"no id", uuid.Nil, func(d *Document) {}, []string{"id required"}},
		{"credit note", uuid.New(), func(d *Document) { d.Type = TypeCreditNote }, []string{"type not_allowed"}},
		{"unknown type", uuid.New(), func(d *Document) { d.Type = "999" }, []string{"type not_allowed"}},
		{"with a number", uuid.New(), func(d *Document) { d.Number = "F1" }, []string{"number forbidden"}},
		{"not calculable", uuid.New(), func(d *Document) { d.Currency = money.Currency{} }, []string{"currency BR-05"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc.Clone()
			tt.change(&d)
			inv, err := NewDraft(tt.id, d)
			assert.Nil(t, inv)
			assert.Equal(t, tt.want, faults(t, err))
		})
	}
}

func TestDraftCopiesItsInput(t *testing.T) {
	doc := frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20))
	inv := draftOf(t, doc)
	doc.Lines[0].Name = "changed after"
	got := inv.Document()
	assert.Equal(t, "Conseil", got.Lines[0].Name)
	got.Lines[0].Name = "changed copy"
	assert.Equal(t, "Conseil", inv.Document().Lines[0].Name)
}

func TestEdit(t *testing.T) {
	inv := draftOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))

	require.NoError(t, inv.Edit(func(d *Document) error {
		d.Lines[0].Quantity = decimal.NewFromInt(3)
		return nil
	}))
	assert.Equal(t, "360.00 EUR", inv.Total().String(), "an edit is recalculated")

	errStop := errors.New("stop")
	tests := []struct {
		name string
		fn   func(d *Document) error
		want func(t *testing.T, err error)
	}{
		{"fn fails", func(d *Document) error { d.Lines = nil; return errStop },
			func(t *testing.T, err error) { assert.ErrorIs(t, err, errStop) }},
		{"not calculable", func(d *Document) error { d.Lines[0].UnitPrice = amt("1.00 USD"); return nil },
			func(t *testing.T, err error) {
				assert.Equal(t, []string{"lines[0].unit_price mismatch"}, faults(t, err))
			}},
		{"type changed", func(d *Document) error { d.Type = TypeCreditNote; return nil },
			func(t *testing.T, err error) { assert.Equal(t, []string{"type forbidden"}, faults(t, err)) }},
		{"number set", func(d *Document) error { d.Number = "F9"; return nil },
			func(t *testing.T, err error) { assert.Equal(t, []string{"number forbidden"}, faults(t, err)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := inv.Document()
			tt.want(t, inv.Edit(tt.fn))
			assert.Equal(t, before, inv.Document(), "a refused edit changes nothing")
		})
	}

	require.NoError(t, inv.Submit(ApprovalPolicy{}))
	err := inv.Edit(func(d *Document) error { return nil })
	var ie *ImmutableError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, StatusApproved, ie.Status)
}

func TestAccessors(t *testing.T) {
	var seq MemorySequence
	inv := issued(t, &seq, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	assert.Equal(t, "F2026-000001", inv.Number())
	assert.Equal(t, issD, inv.IssueDate())
	assert.Equal(t, dueD, inv.DueDate())
	assert.Equal(t, money.EUR, inv.Currency())
	assert.Equal(t, frenchSeller(), inv.Seller())
	assert.Equal(t, frenchBusiness(), inv.Buyer())
	assert.Equal(t, "240.00 EUR", inv.Totals().TaxInclusive.String())
	assert.Equal(t, "240.00 EUR", inv.AmountDue().String())
	assert.Equal(t, "0.00 EUR", inv.Credited().String())
	assert.Equal(t, "240.00 EUR", inv.DueAfterCredits().String())
	assert.True(t, inv.SentOn().IsZero())
}

func TestOverdue(t *testing.T) {
	tests := []struct {
		name   string
		status func(inv *Invoice)
		on     string
		days   int
	}{
		{"before the due date", func(*Invoice) {}, "2026-03-20", 0},
		{"on the due date", func(*Invoice) {}, "2026-04-01", 0},
		{"the day after", func(*Invoice) {}, "2026-04-02", 1},
		{"sent", func(inv *Invoice) { _ = inv.MarkSent(issD) }, "2026-05-01", 30},
		{"partially paid", func(inv *Invoice) { _ = inv.MarkPartiallyPaid() }, "2026-05-01", 30},
		{"paid", func(inv *Invoice) { _ = inv.MarkPaid() }, "2026-05-01", 0},
		{"written off", func(inv *Invoice) { _ = inv.MarkUncollectible() }, "2026-05-01", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seq MemorySequence
			inv := issued(t, &seq, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
			tt.status(inv)
			on := date.MustParse(tt.on)
			assert.Equal(t, tt.days > 0, inv.IsOverdue(on))
			assert.Equal(t, tt.days, inv.DaysOverdue(on))
		})
	}
	draft := draftOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	assert.False(t, draft.IsOverdue(date.MustParse("2027-01-01")), "a draft is never overdue")
}
