package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// sequence is the numbering series seen from a transaction: an
// invoice.Sequence whose numbers are consumed only if the transaction
// commits.
type sequence struct {
	tx *tx
}

var _ invoice.Sequence = (*sequence)(nil)

// Next implements invoice.Sequence: it returns the next counter of series
// for a document issued on the given day, or a *invoice.ChronologyError,
// consuming nothing, when that day is before the date of the series' last
// document. It is a write: in a View it fails with billing.ErrReadOnly.
//
// Next locks the series' row until the transaction ends: a concurrent
// issuer on the same series, in this process or another, waits for the
// commit or the rollback and then takes the number after, or the same
// number again. So numbers are never skipped nor given twice.
func (s *sequence) Next(ctx context.Context, series string, on date.Date) (uint64, error) {
	t := s.tx
	if err := t.check(ctx, true); err != nil {
		return 0, err
	}
	switch {
	case on.IsZero():
		return 0, validation.New("issue_date", validation.CodeRequired, "is required to number a document")
	case series == "":
		return 0, validation.New("series", validation.CodeRequired, "is required to number a document")
	case !storable(series):
		return 0, validation.New("series", validation.CodeInvalid, "must be UTF-8 text without NUL characters")
	}
	var last int64
	err := t.ptx.QueryRow(ctx, t.s.q.next, series, on.String()).Scan(&last)
	if err == nil {
		return uint64(last), nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, t.fail(err)
	}
	// The series' last document is dated after on.
	var text string
	if err := t.ptx.QueryRow(ctx, t.s.q.lastDate, series).Scan(&text); err != nil {
		return 0, t.fail(err)
	}
	lastDate, err := date.Parse(text)
	if err != nil {
		return 0, t.fail(err)
	}
	return 0, &invoice.ChronologyError{Series: series, Last: lastDate, Date: on}
}
