package invoice

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

// failingSequence is a Sequence whose store is down.
type failingSequence struct{ calls int }

var errStoreDown = errors.New("store down")

func (f *failingSequence) Next(context.Context, string, date.Date) (uint64, error) {
	f.calls++
	return 0, errStoreDown
}

func approvedOf(t *testing.T, doc Document) *Invoice {
	t.Helper()
	inv := draftOf(t, doc)
	require.NoError(t, inv.Submit(ApprovalPolicy{}))
	return inv
}

func TestIssue(t *testing.T) {
	var seq MemorySequence
	inv := approvedOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	require.NoError(t, inv.Issue(context.Background(), &seq, testSeries, issD))
	assert.Equal(t, StatusIssued, inv.Status())
	assert.Equal(t, "F2026-000001", inv.Number())
	assert.Equal(t, issD, inv.IssueDate())
	assert.True(t, inv.IsIssued())
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, inv.Fingerprint())
	doc := inv.Document()
	assert.NoError(t, doc.Validate(), "an issued document passes every rule")

	err := inv.Edit(func(d *Document) error { return nil })
	assert.ErrorIs(t, err, ErrImmutable)
	assert.EqualError(t, err, "invoice: F2026-000001 is issued; its content cannot change (issue a credit note instead)")

	second := approvedOf(t, frenchInvoice(item("1", "Conseil", "1", "HUR", "100.00 EUR", s20)))
	require.NoError(t, second.Issue(context.Background(), &seq, testSeries, issD.AddDays(1)))
	assert.Equal(t, "F2026-000002", second.Number())
}

// TestIssueRefusalsConsumeNoNumber checks that every refusal leaves the
// invoice approved and the series untouched.
func TestIssueRefusalsConsumeNoNumber(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		seq    func(*MemorySequence) Sequence
		series Series
		on     date.Date
		change func(d *Document)
		check  func(t *testing.T, err error)
	}{
		{name: "date before the last of the series", on: issD.AddDays(-1),
			check: func(t *testing.T, err error) { assert.ErrorIs(t, err, ErrChronology) }},
		{name: "due date before the issue date", on: dueD.AddDays(1),
			check: func(t *testing.T, err error) {
				assert.Equal(t, []string{"due_date " + CodeDueDate}, faults(t, err))
			}},
		{name: "no issue date", on: date.Date{},
			check: func(t *testing.T, err error) { assert.Equal(t, []string{"issue_date BR-03"}, faults(t, err)) }},
		{name: "bad series", on: issD, series: Series{Prefix: "F"},
			check: func(t *testing.T, err error) { assert.Equal(t, []string{"series.id required"}, faults(t, err)) }},
		{name: "no sequence", on: issD, seq: func(*MemorySequence) Sequence { return nil },
			check: func(t *testing.T, err error) { assert.EqualError(t, err, "invoice: issue needs a Sequence") }},
		{name: "cancelled", ctx: cancelled, on: issD,
			check: func(t *testing.T, err error) { assert.ErrorIs(t, err, context.Canceled) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mem MemorySequence
			_, err := mem.Next(context.Background(), testSeries.Key(issD), issD)
			require.NoError(t, err)
			var seq Sequence = &mem
			if tt.seq != nil {
				seq = tt.seq(&mem)
			}
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			series := testSeries
			if tt.series != (Series{}) {
				series = tt.series
			}
			inv := approvedOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
			before := inv.Document()
			tt.check(t, inv.Issue(ctx, seq, series, tt.on))
			assert.Equal(t, StatusApproved, inv.Status())
			assert.Equal(t, before, inv.Document())
			assert.Empty(t, inv.Fingerprint())
			last, _ := mem.Last(testSeries.Key(issD))
			assert.Equal(t, uint64(1), last, "no number consumed")
		})
	}
}

func TestIssueWhenTheSequenceFails(t *testing.T) {
	seq := &failingSequence{}
	inv := approvedOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	assert.ErrorIs(t, inv.Issue(context.Background(), seq, testSeries, issD), errStoreDown)
	assert.Equal(t, 1, seq.calls)
	assert.Equal(t, StatusApproved, inv.Status())
	assert.Empty(t, inv.Number())
}

func TestIssueWrongType(t *testing.T) {
	var seq MemorySequence
	orig := issued(t, &seq, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	cn, err := NewCreditNote(orig.ID(), orig, CreditRequest{})
	require.NoError(t, err)
	require.NoError(t, cn.Submit(ApprovalPolicy{}))
	assert.ErrorIs(t, cn.Issue(context.Background(), &seq, creditSeries, issD), ErrWrongType)

	inv := approvedOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	assert.ErrorIs(t, inv.IssueCredit(context.Background(), orig, &seq, creditSeries, issD), ErrWrongType)
}
