package schedule

import (
	"strconv"
	"strings"
	"time"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/shopspring/decimal"
)

// InstantSplit is an amount billed for a span of time split at an instant,
// to the second: the part used before the instant and the unused part
// after it, which add up exactly to the amount.
type InstantSplit struct {
	// Base is the amount billed for [From, To).
	Base money.Amount `json:"base"`
	// From is the first instant billed.
	From time.Time `json:"from"`
	// At is the instant of the change.
	At time.Time `json:"at"`
	// To is the first instant after the span billed.
	To time.Time `json:"to"`
	// UsedSeconds is the number of whole seconds of [From, At).
	UsedSeconds int64 `json:"used_seconds"`
	// TotalSeconds is the number of whole seconds of [From, To).
	TotalSeconds int64 `json:"total_seconds"`
	// Used is the part of Base for [From, At).
	Used money.Amount `json:"used"`
	// Unused is the part of Base for [At, To).
	Unused money.Amount `json:"unused"`
}

// ProrateSeconds splits billed, the amount billed for the instants
// [from, to), at the instant at, in proportion to elapsed seconds. Instants
// are compared as absolute times, so a day across a daylight saving change
// counts its real 23 or 25 hours; fractions of a second are ignored (each
// instant is truncated to its second). Used and Unused are allocated with
// money.Amount.Allocate and always sum exactly to billed; Used is billed ×
// UsedSeconds/TotalSeconds rounded half away from zero to the currency's
// precision.
//
// Use it for services sold by the instant; billing periods of civil dates
// use Split and the DayCount rules.
func ProrateSeconds(billed money.Amount, from, to, at time.Time) (InstantSplit, error) {
	var errs validation.Errors
	if billed.Currency().IsZero() {
		errs.Add("billed", validation.CodeRequired, "needs a currency")
	}
	f, t, a := from.Unix(), to.Unix(), at.Unix()
	if t <= f {
		errs.Add("to", validation.CodeOutOfRange, "must be at least one second after from")
	}
	if a < f || a > t {
		errs.Add("at", validation.CodeOutOfRange, "must be between from and to")
	}
	if err := errs.Err(); err != nil {
		return InstantSplit{}, err
	}
	s := InstantSplit{Base: billed, From: from, At: at, To: to, UsedSeconds: a - f, TotalSeconds: t - f}
	parts, err := billed.Allocate(decimal.NewFromInt(s.UsedSeconds), decimal.NewFromInt(t-a))
	if err != nil {
		return InstantSplit{}, err
	}
	s.Used, s.Unused = parts[0], parts[1]
	return s, nil
}

// String writes the split for a person, such as
// "100.00 EUR × 1296000/2592000 seconds (2026-04-01T00:00:00Z..2026-04-16T00:00:00Z of ..2026-05-01T00:00:00Z) = 50.00 EUR used, 50.00 EUR unused".
func (s InstantSplit) String() string {
	var b strings.Builder
	b.WriteString(s.Base.String())
	b.WriteString(" × ")
	b.WriteString(strconv.FormatInt(s.UsedSeconds, 10))
	b.WriteByte('/')
	b.WriteString(strconv.FormatInt(s.TotalSeconds, 10))
	b.WriteString(" seconds (")
	b.WriteString(s.From.Format(time.RFC3339))
	b.WriteString("..")
	b.WriteString(s.At.Format(time.RFC3339))
	b.WriteString(" of ..")
	b.WriteString(s.To.Format(time.RFC3339))
	b.WriteString(") = ")
	b.WriteString(s.Used.String())
	b.WriteString(" used, ")
	b.WriteString(s.Unused.String())
	b.WriteString(" unused")
	return b.String()
}
