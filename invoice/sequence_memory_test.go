package invoice

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

func TestMemorySequenceNext(t *testing.T) {
	ctx := context.Background()
	var seq MemorySequence
	day := date.MustParse("2026-03-02")

	for want := uint64(1); want <= 3; want++ {
		n, err := seq.Next(ctx, "a", day)
		require.NoError(t, err)
		assert.Equal(t, want, n)
	}
	n, err := seq.Next(ctx, "b", day.AddDays(-10))
	require.NoError(t, err)
	assert.Equal(t, uint64(1), n, "each series has its own counter")

	last, lastDate := seq.Last("a")
	assert.Equal(t, uint64(3), last)
	assert.Equal(t, day, lastDate)
	last, lastDate = seq.Last("unused")
	assert.Zero(t, last)
	assert.True(t, lastDate.IsZero())
}

func TestMemorySequenceRefusals(t *testing.T) {
	ctx := context.Background()
	day := date.MustParse("2026-03-02")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		on   date.Date
		want error
	}{
		{"earlier than the last document", ctx, day.AddDays(-1), ErrChronology},
		{"no date", ctx, date.Date{}, validation.ErrInvalid},
		{"cancelled context", cancelled, day, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seq MemorySequence
			_, err := seq.Next(ctx, "s", day)
			require.NoError(t, err)
			_, err = seq.Next(tt.ctx, "s", tt.on)
			assert.ErrorIs(t, err, tt.want)
			last, lastDate := seq.Last("s")
			assert.Equal(t, uint64(1), last, "a refusal consumes nothing")
			assert.Equal(t, day, lastDate)
		})
	}
	var seq MemorySequence
	_, _ = seq.Next(ctx, "s", day)
	_, err := seq.Next(ctx, "s", day.AddDays(-1))
	var ce *ChronologyError
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, ChronologyError{Series: "s", Last: day, Date: day.AddDays(-1)}, *ce)
	n, err := seq.Next(ctx, "s", day)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), n, "the same day is allowed")
}

// TestConcurrentIssueIsGapless issues 10,000 invoices of one series from 64
// goroutines: they get exactly the numbers 1 to 10,000.
func TestConcurrentIssueIsGapless(t *testing.T) {
	const invoices, workers = 10000, 64
	template := calculated(t, frenchInvoice(item("1", "Abonnement", "1", "MON", "49.00 EUR", s20)))
	template.Number, template.IssueDate = "", date.Date{}
	drafts := make([]*Invoice, invoices)
	for i := range drafts {
		inv, err := NewDraft(uuid.New(), template)
		require.NoError(t, err)
		require.NoError(t, inv.Submit(ApprovalPolicy{}))
		drafts[i] = inv
	}

	var seq MemorySequence
	var wg sync.WaitGroup
	next := make(chan *Invoice)
	errs := make(chan error, workers)
	for range workers {
		wg.Go(func() {
			for inv := range next {
				if err := inv.Issue(context.Background(), &seq, testSeries, issD); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for _, inv := range drafts {
		next <- inv
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	seen := make([]bool, invoices+1)
	for _, inv := range drafts {
		require.Equal(t, StatusIssued, inv.Status())
		counter, ok := strings.CutPrefix(inv.Number(), "F2026-")
		require.True(t, ok, inv.Number())
		n, err := strconv.Atoi(counter)
		require.NoError(t, err)
		require.True(t, n >= 1 && n <= invoices, "number %d out of 1..%d", n, invoices)
		require.False(t, seen[n], "number %d issued twice", n)
		seen[n] = true
	}
	last, _ := seq.Last(testSeries.Key(issD))
	assert.Equal(t, uint64(invoices), last, "no number skipped")
}
