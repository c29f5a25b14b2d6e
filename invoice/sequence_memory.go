package invoice

import (
	"context"
	"sync"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// MemorySequence is a Sequence kept in memory, safe for concurrent use. It
// suits tests, examples and single-process hosts that persist nothing; its
// zero value is ready to use.
type MemorySequence struct {
	mu     sync.Mutex
	series map[string]*seriesState
}

type seriesState struct {
	last     uint64
	lastDate date.Date
}

// Next returns the next counter of series for a document issued on the
// given day, or a *ChronologyError, consuming nothing, when that day is
// before the date of the series' last document.
func (m *MemorySequence) Next(ctx context.Context, series string, on date.Date) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if on.IsZero() {
		return 0, validation.New("issue_date", validation.CodeRequired, "is required to number a document")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.series == nil {
		m.series = make(map[string]*seriesState)
	}
	st := m.series[series]
	if st == nil {
		st = &seriesState{}
		m.series[series] = st
	}
	if on.Before(st.lastDate) {
		return 0, &ChronologyError{Series: series, Last: st.lastDate, Date: on}
	}
	st.last++
	st.lastDate = on
	return st.last, nil
}

// Last returns the last counter handed out for series and the date it was
// handed out for, or zeros for a series not used yet.
func (m *MemorySequence) Last(series string) (uint64, date.Date) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if st := m.series[series]; st != nil {
		return st.last, st.lastDate
	}
	return 0, date.Date{}
}
