package main

import (
	"errors"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// quoteFor is a quote of the given number to buyer: implementation days
// (if any) at a negotiated discount, billed once on the kick-off day, and
// platform seats billed monthly in advance from the kick-off for a year,
// on calendar months, so the first month is prorated.
func quoteFor(number string, buyer invoice.Party, days, discount, seats int64, kickOff date.Date) quote.Input {
	in := quote.Input{Number: number, Seller: seller, Buyer: buyer, Currency: money.EUR, BookID: "std",
		Date: date.MustParse("2026-03-02"), ValidUntil: date.MustParse("2026-03-31")}
	if days > 0 {
		in.Lines = append(in.Lines, quote.LineInput{ID: "1", ProductID: "impl", Quantity: decimal.NewFromInt(days),
			Discount: quote.Discount{Percent: decimal.NewFromInt(discount)},
			Plan:     schedule.OneTimePlan(kickOff, money.Amount{})})
	}
	in.Lines = append(in.Lines, quote.LineInput{ID: "2", ProductID: "seat", Quantity: decimal.NewFromInt(seats),
		Plan: schedule.Plan{Kind: schedule.KindRecurring, Recurring: &schedule.Recurring{Cycle: schedule.Cycle{
			Interval: schedule.Interval{Unit: schedule.Month}, Alignment: schedule.AlignCalendar,
			Start: kickOff, End: kickOff.AddYears(1),
		}}}})
	return in
}

// negotiate takes the Boulangerie's quote through its discount approval
// to a contract, and the Fromagerie's, within limits, straight there.
func (t *tour) negotiate() error {
	day := date.MustParse("2026-03-02")
	t.section("Quote", day)
	q, err := t.engine.CreateQuote(t.ctx, alice, quoteFor("Q-2026-0042", boulangerie, 10, 15, 20, date.MustParse("2026-03-16")))
	if err != nil {
		return err
	}
	id := q.ID.String()
	t.say("%s drafts %s for %s:", alice, q.Input.Number, q.Input.Buyer.Name)
	for _, l := range q.Lines {
		t.say("  line %s  %s %s × %s, %s %% off: %s", l.ID, l.Quantity, l.Name, l.UnitPrice, l.DiscountPercent, l.NetAmount)
	}
	t.say("  total %s, %s with VAT", q.Document.Totals.TaxExclusive, q.Document.Totals.TaxInclusive)

	_, err = t.engine.SendQuote(t.ctx, alice, id, day)
	var needs *quote.ApprovalRequiredError
	if !errors.As(err, &needs) {
		return errors.Join(errors.New("the discount should need approval"), err)
	}
	t.say("%s cannot send it yet: %v", alice, err)
	_, req, err := t.engine.SubmitQuote(t.ctx, alice, id)
	if err != nil {
		return err
	}
	t.say("%s submits it for approval at level %s", alice, req.Steps[0].Level)

	inbox, err := t.engine.PendingApprovals(t.ctx, bruno)
	if err != nil {
		return err
	}
	for _, r := range inbox {
		t.say("%s's approval inbox: %s (%s, %s, requested by %s)", bruno, r.Summary, r.Kind, r.Amount, r.RequestedBy)
	}
	// Finance managers may approve quotes too: both are told.
	t.printNotifications(bruno, notify.KindApprovalRequested)
	t.printNotifications(david, notify.KindApprovalRequested)
	done, err := t.engine.Approve(t.ctx, bruno, req.ID)
	if err != nil {
		return err
	}
	t.say("%s approves: request %s", bruno, done.Status)
	t.printNotifications(alice, "")
	t.printNotifications(david, "")

	if _, err := t.engine.SendQuote(t.ctx, alice, id, day); err != nil {
		return err
	}
	t.say("%s sends %s to the buyer", alice, q.Input.Number)

	// The Fromagerie's quote has no discount: no approval, sent at once.
	small, err := t.engine.CreateQuote(t.ctx, alice, quoteFor("Q-2026-0043", fromagerie, 0, 0, 5, date.MustParse("2026-04-01")))
	if err != nil {
		return err
	}
	if _, err := t.engine.SendQuote(t.ctx, alice, small.ID.String(), day); err != nil {
		return err
	}
	t.say("%s sends %s to %s: %s a month, no discount, no approval", alice, small.Input.Number,
		small.Input.Buyer.Name, small.Document.Totals.TaxExclusive)

	day = date.MustParse("2026-03-10")
	t.section("Acceptance", day)
	for _, a := range []struct{ id, po string }{{id, "PO-77"}, {small.ID.String(), ""}} {
		c, err := t.engine.AcceptQuote(t.ctx, alice, a.id, day, a.po)
		if err != nil {
			return err
		}
		t.contracts = append(t.contracts, c)
		t.say("%s accepts %s: contract %s", c.Buyer.Name, c.QuoteNumber, c.ID)
	}
	return nil
}

// printNotifications prints the notifications of the given kind (any
// kind when empty) that user received since the last call.
func (t *tour) printNotifications(user string, kind notify.Kind) {
	for _, n := range t.inbox.For(user) {
		if !t.seen[n.ID] && (kind == "" || n.Kind == kind) {
			t.seen[n.ID] = true
			t.say("  notification to %s (%s): %s", n.Recipient, n.Kind, n.Subject)
		}
	}
}
