package invoice

import (
	"context"
	"strconv"
	"strings"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// Sequence hands out the counters of gapless, chronological numbering
// series. Each series key has its own counter, starting at 1.
//
// Next must be atomic: it compares on with the date of the last document of
// the series and, only if on is not earlier, increments the counter and
// records on, all at once. It returns a *ChronologyError (ErrChronology),
// and consumes nothing, when on is earlier. Issue calls Next only after
// every check has passed, and nothing that follows Next can fail, so a
// counter is consumed exactly when a document is issued.
//
// A store makes numbering transactional by implementing Next inside the
// transaction that saves the issued invoice (for PostgreSQL, an UPDATE of
// the series row ... RETURNING in that transaction, which also serialises
// concurrent issuers): if saving fails, the rollback returns the counter,
// and no number is ever skipped or used twice. MemorySequence is the
// implementation for a single process.
type Sequence interface {
	Next(ctx context.Context, series string, on date.Date) (uint64, error)
}

// Series describes a numbering series and the format of its numbers: the
// prefix, the year of issue when the counter restarts every year, a
// separator and the counter padded with zeros. The series of French
// invoices are commonly kept per legal entity and document type, such as
// {ID: "acme-fr/invoice", Prefix: "F", Yearly: true, Separator: "-"} for
// F2026-000123, and {ID: "acme-fr/credit", Prefix: "AV", ...} for credit notes.
type Series struct {
	// ID identifies the series in the Sequence. Required.
	ID string `json:"id"`
	// Prefix starts every number, such as "F" or "INV-".
	Prefix string `json:"prefix,omitempty"`
	// Yearly restarts the counter each calendar year and puts the year
	// after the prefix; the year is part of the sequence key.
	Yearly bool `json:"yearly,omitempty"`
	// Separator goes before the counter, such as "-".
	Separator string `json:"separator,omitempty"`
	// Width is the minimum number of digits of the counter, zero padded;
	// 0 means 6. Larger counters take more digits rather than wrap.
	Width int `json:"width,omitempty"`
}

// Validate checks the series: an ID, a width from 0 to 18, and a prefix and
// separator of at most 20 printable characters without spaces.
func (s Series) Validate() error {
	var errs validation.Errors
	if strings.TrimSpace(s.ID) == "" {
		errs.Add("id", validation.CodeRequired, "is required")
	}
	if s.Width < 0 || s.Width > 18 {
		errs.Add("width", validation.CodeOutOfRange, "must be between 0 and 18")
	}
	for _, f := range [...]struct{ field, value string }{{"prefix", s.Prefix}, {"separator", s.Separator}} {
		if len(f.value) > 20 || strings.IndexFunc(f.value, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0 {
			errs.Add(f.field, validation.CodeInvalid, "must be at most 20 printable characters without spaces")
		}
	}
	return errs.Err()
}

// Key returns the sequence key of the series for a document issued on the
// given day: the ID, followed by "/" and the year for a yearly series.
func (s Series) Key(on date.Date) string {
	if s.Yearly {
		return s.ID + "/" + strconv.Itoa(on.Year())
	}
	return s.ID
}

// Format returns the number n of the series for a document issued on the
// given day, such as "F2026-000123".
func (s Series) Format(on date.Date, n uint64) string {
	width := s.Width
	if width == 0 {
		width = 6
	}
	var b strings.Builder
	b.WriteString(s.Prefix)
	if s.Yearly {
		b.WriteString(strconv.Itoa(on.Year()))
	}
	b.WriteString(s.Separator)
	digits := strconv.FormatUint(n, 10)
	for i := len(digits); i < width; i++ {
		b.WriteByte('0')
	}
	b.WriteString(digits)
	return b.String()
}
