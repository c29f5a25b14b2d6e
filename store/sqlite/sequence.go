package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// sequence is the numbering series seen from a transaction: an
// invoice.Sequence whose numbers are consumed only if the transaction
// commits. Update holds the database's write lock from its start, so no
// other transaction can take a number of the same series until this one
// ends: numbers are gapless and never handed out twice.
type sequence struct {
	tx *tx
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
	var (
		last     uint64
		lastText string
		lastDate date.Date
	)
	err := s.tx.stmt(ctx, stmtSeriesGet).QueryRowContext(ctx, series).Scan(&last, &lastText)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return 0, dbError(ctx, "sequence", err)
	default:
		if lastDate, err = date.Parse(lastText); err != nil {
			return 0, fmt.Errorf("sqlite: series %q: stored date: %w", series, err)
		}
	}
	if on.Before(lastDate) {
		return 0, &invoice.ChronologyError{Series: series, Last: lastDate, Date: on}
	}
	last++
	if _, err := s.tx.stmt(ctx, stmtSeriesPut).ExecContext(ctx, series, int64(last), on.String()); err != nil {
		return 0, dbError(ctx, "sequence", err)
	}
	return last, nil
}
