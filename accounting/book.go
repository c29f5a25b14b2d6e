package accounting

import (
	"fmt"
	"slices"
	"sync"

	"github.com/billkit/billkit/date"
)

// Book keeps entries in the order they were posted and numbers them: each
// journal has its own continuous sequence, "VE000001", "VE000002", …, and
// its entries are posted in the order of their dates, as the FEC requires
// (entries in chronological order, numbered without gaps). A Book lives in
// memory; a host that stores entries keeps the last number and date of
// each journal in its store instead. It is safe for concurrent use.
type Book struct {
	mu      sync.Mutex
	entries []Entry
	last    map[string]journalState
}

type journalState struct {
	n    int
	date date.Date
}

// NewBook returns an empty Book.
func NewBook() *Book {
	return &Book{last: map[string]journalState{}}
}

// Post checks e (see Entry.Check), numbers it when it has no number yet,
// and appends it. An entry dated before the last entry of its journal is a
// *ChronologyError; an invalid or unbalanced entry is refused with the
// error of Check. Nothing is appended when Post fails. It returns the entry
// as it was booked.
func (b *Book) Post(e Entry) (Entry, error) {
	if err := e.Check(""); err != nil {
		return Entry{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	st := b.last[e.Journal.Code]
	if !st.date.IsZero() && e.Date.Before(st.date) {
		return Entry{}, &ChronologyError{Journal: e.Journal.Code, Last: st.date, Date: e.Date}
	}
	st.n++
	st.date = e.Date
	if e.Number == "" {
		e.Number = fmt.Sprintf("%s%06d", e.Journal.Code, st.n)
	}
	e.Lines = slices.Clone(e.Lines)
	b.last[e.Journal.Code] = st
	b.entries = append(b.entries, e)
	return e, nil
}

// Entries returns a copy of the entries, in the order they were posted.
func (b *Book) Entries() []Entry {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Entry, len(b.entries))
	for i, e := range b.entries {
		e.Lines = slices.Clone(e.Lines)
		out[i] = e
	}
	return out
}

// Len returns the number of entries posted.
func (b *Book) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.entries)
}
