package memory

import (
	"context"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// seriesStore holds the numbering series: the last counter handed out by
// each and the date it was handed out for, and what the open transaction
// changed.
type seriesStore struct {
	series map[string]seriesState
	undo   []seriesUndo
}

// seriesState is where a series stands.
type seriesState struct {
	last     uint64
	lastDate date.Date
}

// seriesUndo records the state of a series before a transaction took a
// number from it.
type seriesUndo struct {
	key     string
	prev    seriesState
	existed bool
}

// commit keeps the numbers the transaction took.
func (q *seriesStore) commit() {
	clear(q.undo)
	q.undo = q.undo[:0]
}

// rollback hands the numbers the transaction took back, newest first.
func (q *seriesStore) rollback() {
	for i := len(q.undo) - 1; i >= 0; i-- {
		u := q.undo[i]
		if u.existed {
			q.series[u.key] = u.prev
		} else {
			delete(q.series, u.key)
		}
	}
	q.commit()
}

// sequence is the numbering series seen from a transaction: an
// invoice.Sequence whose numbers are consumed only if the transaction
// commits.
type sequence struct {
	tx *tx
	q  *seriesStore
}

var _ invoice.Sequence = (*sequence)(nil)

// Next implements invoice.Sequence: it returns the next counter of series
// for a document issued on the given day, or a *invoice.ChronologyError,
// consuming nothing, when that day is before the date of the series' last
// document. It is a write: in a View it fails with billing.ErrReadOnly.
func (s *sequence) Next(ctx context.Context, series string, on date.Date) (uint64, error) {
	if err := s.tx.check(ctx, true); err != nil {
		return 0, err
	}
	if on.IsZero() {
		return 0, validation.New("issue_date", validation.CodeRequired, "is required to number a document")
	}
	st, existed := s.q.series[series]
	if on.Before(st.lastDate) {
		return 0, &invoice.ChronologyError{Series: series, Last: st.lastDate, Date: on}
	}
	s.q.undo = append(s.q.undo, seriesUndo{key: series, prev: st, existed: existed})
	st.last++
	st.lastDate = on
	s.q.series[series] = st
	return st.last, nil
}
