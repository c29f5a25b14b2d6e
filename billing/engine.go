package billing

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// Engine runs the quote -> contract -> invoice -> payment flow for a host:
// every call names the acting user, is checked against their permissions,
// changes the store in one transaction, and records each change in the
// audit trail, which subscribers receive as it happens.
//
// An Engine is safe for concurrent use by many users at once. It starts no
// goroutine of its own.
type Engine struct {
	store    Store
	desk     *quote.Desk
	access   *Access
	clock    Clock
	newID    func() uuid.UUID
	loc      *time.Location
	notifier notify.Notifier
	series   invoice.Series
	credits  invoice.Series
	dueDays  int
	terms    string // the payment terms of dueDays, in words
	window   issueWindow
	legal    *invoice.LegalMentions
	rules    []ApprovalRule
	qAuthors bool // the authors of a quote may decide its discount approval
	usage    UsageSource
	broker   *broker
	// retention is how long an idempotency key counts.
	retention time.Duration
}

// UsageSource tells the engine how much of a usage-billed contract line
// was used, for bill runs.
type UsageSource interface {
	// Meter returns the meter of one contract line. c is the source's to
	// keep: it shares nothing with the engine or the store.
	Meter(ctx context.Context, c Contract, lineID string) (schedule.Meter, error)
}

// Option configures an Engine.
type Option func(*Engine)

// WithAccess sets the roles and users every call is checked against. The
// default is NewAccess(): the built-in roles and no users, so a host must
// add its users before anyone can do anything.
func WithAccess(a *Access) Option { return func(e *Engine) { e.access = a } }

// WithClock sets the clock that dates events, approvals and the engine's
// idea of today. The default is time.Now.
func WithClock(c Clock) Option { return func(e *Engine) { e.clock = c } }

// WithIDs sets the generator of new IDs. The default is NewID (UUIDv7).
func WithIDs(f func() uuid.UUID) Option { return func(e *Engine) { e.newID = f } }

// WithLocation sets the time zone of the account, in which "today" is
// taken. The default is UTC.
func WithLocation(loc *time.Location) Option { return func(e *Engine) { e.loc = loc } }

// WithNotifier sets where approval requests and decisions are announced.
// The default discards them.
func WithNotifier(n notify.Notifier) Option { return func(e *Engine) { e.notifier = n } }

// WithSeries sets the numbering series of invoices and of credit notes.
// The defaults are "invoice" with prefix "F" and "creditnote" with prefix
// "AV", both yearly: F2026-000001, AV2026-000001.
func WithSeries(invoices, creditNotes invoice.Series) Option {
	return func(e *Engine) { e.series, e.credits = invoices, creditNotes }
}

// WithPaymentTerms sets the number of days after the issue date an invoice
// created by a bill run is due. The default is 30.
func WithPaymentTerms(days int) Option { return func(e *Engine) { e.dueDays = days } }

// MaxIssueDateWindow is the largest number of days WithIssueDateWindow
// accepts on either side of today.
const MaxIssueDateWindow = 366

// WithIssueDateWindow sets the days on which invoices and credit notes may
// be issued, and bill runs issue them: from back days before today to
// ahead days after, today being the engine's clock in the account's time
// zone. The default, 0 and 0, is today only. Each bound is from 0 to
// MaxIssueDateWindow.
//
// A date before today also needs the permission invoice.backdate, and can
// never come before the date of the last number of its series (numbering
// is chronological). A date after today holds back every later issue in
// the series until that day: keep ahead small, if not 0.
func WithIssueDateWindow(back, ahead int) Option {
	return func(e *Engine) { e.window = issueWindow{back: back, ahead: ahead} }
}

// WithLegalMentions sets the payment mentions bill runs put on B2B
// invoices (see invoice.FrenchB2BMentions).
func WithLegalMentions(m invoice.LegalMentions) Option {
	return func(e *Engine) { e.legal = &m }
}

// WithApprovalRules sets the approval chains of invoices, credit notes and
// write-offs. Without rules none of them needs approval.
func WithApprovalRules(rules ...ApprovalRule) Option {
	return func(e *Engine) { e.rules = append([]ApprovalRule(nil), rules...) }
}

// WithQuoteApprovalAllowAuthors lets the people who drew up, edited or
// submitted a quote decide the steps of its discount approval, as
// ApprovalRule.AllowAuthors does for invoices and credit notes; the quote's
// author and the requester never may. By default they may not.
func WithQuoteApprovalAllowAuthors() Option { return func(e *Engine) { e.qAuthors = true } }

// WithUsage sets where bill runs read the usage of usage-billed lines.
func WithUsage(u UsageSource) Option { return func(e *Engine) { e.usage = u } }

// New returns an Engine over store that prices quotes with desk.
func New(store Store, desk *quote.Desk, opts ...Option) (*Engine, error) {
	if store == nil || desk == nil {
		return nil, fmt.Errorf("%w: a store and a quote desk are required", ErrConfig)
	}
	e := &Engine{
		store: store, desk: desk,
		clock: time.Now, newID: NewID, loc: time.UTC, notifier: notify.Discard, dueDays: 30,
		series:  invoice.Series{ID: "invoice", Prefix: "F", Yearly: true, Separator: "-"},
		credits: invoice.Series{ID: "creditnote", Prefix: "AV", Yearly: true, Separator: "-"},
	}
	e.retention = DefaultIdempotencyRetention
	for _, o := range opts {
		o(e)
	}
	if e.access == nil {
		e.access = NewAccess()
	}
	var errs []error
	if e.clock == nil || e.newID == nil || e.loc == nil || e.notifier == nil {
		errs = append(errs, errors.New("clock, IDs, location and notifier must not be nil"))
	}
	if e.dueDays < 0 {
		errs = append(errs, errors.New("payment terms must not be negative"))
	}
	if w := e.window; w.back < 0 || w.back > MaxIssueDateWindow || w.ahead < 0 || w.ahead > MaxIssueDateWindow {
		errs = append(errs, fmt.Errorf("the issue date window must be from 0 to %d days on each side of today", MaxIssueDateWindow))
	}
	if e.retention <= 0 {
		errs = append(errs, errors.New("the idempotency key retention must be positive"))
	}
	e.terms = strconv.Itoa(e.dueDays) + " days net"
	if err := e.series.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("invoice series: %w", err))
	}
	if err := e.credits.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("credit note series: %w", err))
	}
	for i, r := range e.rules {
		if err := r.validate(); err != nil {
			errs = append(errs, fmt.Errorf("approval rule %d: %w", i, err))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%w: %w", ErrConfig, errors.Join(errs...))
	}
	e.broker = newBroker()
	return e, nil
}

// Access returns the roles and users the engine checks calls against.
func (e *Engine) Access() *Access { return e.access }

// Desk returns the quote desk, whose catalogue prices quotes.
func (e *Engine) Desk() *quote.Desk { return e.desk }

// Store returns the engine's store.
func (e *Engine) Store() Store { return e.store }

// now returns the clock's time in UTC.
func (e *Engine) now() time.Time { return e.clock().UTC() }

// today returns the current day in the account's time zone.
func (e *Engine) today() date.Date { return date.In(e.clock(), e.loc) }
