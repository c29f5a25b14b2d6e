package main

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// The demo's calendar: its history starts with the year and stands still
// on today, the day the application shows.
var (
	historyStart = date.MustParse("2026-01-01")
	today        = date.MustParse("2026-06-15")
)

// deal is a quote the seed takes as far as its status says.
type deal struct {
	number   string
	buyer    invoice.Party
	drafted  date.Date // the day alice drafts it
	accepted date.Date // the day the buyer accepts it; zero when it is not accepted
	status   quote.Status
	po       string
	lines    []lineSpec
}

// lineSpec is a quote line: implementation days billed once on the
// kick-off, or seats billed monthly in advance from the kick-off, on
// calendar months, for months months (12 when zero).
type lineSpec struct {
	product  string
	quantity int64
	discount int64
	kickOff  date.Date
	months   int
}

// The deals of the half year: accepted ones become contracts that the
// monthly bill runs invoice; the last ones stay at each earlier status.
var deals = []deal{
	{number: "Q-2026-0001", buyer: boulangerie, drafted: d("2026-01-05"), accepted: d("2026-01-12"), po: "PO-77", lines: []lineSpec{
		{"impl", 10, 15, d("2026-01-15"), 0}, {"seat", 20, 0, d("2026-01-15"), 0}}},
	{number: "Q-2026-0002", buyer: fromagerie, drafted: d("2026-01-05"), accepted: d("2026-01-20"), lines: []lineSpec{
		{"seat", 5, 0, d("2026-02-01"), 4}}},
	{number: "Q-2026-0003", buyer: pharmacie, drafted: d("2026-01-12"), accepted: d("2026-01-26"), lines: []lineSpec{
		{"seat", 10, 0, d("2026-02-01"), 3}}},
	{number: "Q-2026-0004", buyer: librairie, drafted: d("2026-02-02"), accepted: d("2026-02-16"), po: "BC-2026-114", lines: []lineSpec{
		{"impl", 3, 8, d("2026-03-01"), 0}, {"seat", 40, 0, d("2026-03-01"), 0}}},
	{number: "Q-2026-0005", buyer: garage, drafted: d("2026-02-09"), accepted: d("2026-02-23"), lines: []lineSpec{
		{"seat", 30, 0, d("2026-03-01"), 0}}},
	{number: "Q-2026-0006", buyer: boulangerie, drafted: d("2026-04-06"), accepted: d("2026-04-20"), lines: []lineSpec{
		{"seat", 10, 0, d("2026-05-01"), 0}}},
	{number: "Q-2026-0007", buyer: cafe, drafted: d("2026-04-13"), accepted: d("2026-04-27"), lines: []lineSpec{
		{"seat", 60, 20, d("2026-05-01"), 0}}},
	{number: "Q-2026-0008", buyer: fromagerie, drafted: d("2026-05-11"), accepted: d("2026-05-25"), lines: []lineSpec{
		{"seat", 3, 0, d("2026-06-01"), 0}}},
	{number: "Q-2026-0009", buyer: brasserie, drafted: d("2026-06-03"), status: quote.StatusSent, lines: []lineSpec{
		{"impl", 2, 5, d("2026-07-01"), 0}, {"seat", 12, 0, d("2026-07-01"), 0}}},
	{number: "Q-2026-0010", buyer: couture, drafted: d("2026-06-08"), status: quote.StatusDraft, lines: []lineSpec{
		{"seat", 15, 0, d("2026-07-01"), 0}}},
	{number: "Q-2026-0011", buyer: hotel, drafted: d("2026-06-10"), status: quote.StatusInReview, lines: []lineSpec{
		{"impl", 5, 25, d("2026-07-01"), 0}, {"seat", 45, 12, d("2026-07-01"), 0}}},
}

// paysAfter is how many days after the issue date each customer pays;
// the Garage never does.
var paysAfter = map[string]int{
	boulangerie.Name: 18, fromagerie.Name: 12, pharmacie.Name: 25, librairie.Name: 50, cafe.Name: 20,
}

// d parses a day of the story.
func d(s string) date.Date { return date.MustParse(s) }

// seeder tells the story of the half year through the engine and the
// conversations, day by day, as the people of the demo would have.
type seeder struct {
	ctx    context.Context
	s      *services
	clock  *demoClock
	newID  func() uuid.UUID
	agenda map[date.Date][]func() error // what happens on each day
	quotes map[string]string            // quote IDs by number
}

// seed fills the stores with half a year of history, up to today.
func seed(ctx context.Context, s *services, clock *demoClock, newID func() uuid.UUID) error {
	sd := &seeder{ctx: ctx, s: s, clock: clock, newID: newID,
		agenda: map[date.Date][]func() error{}, quotes: map[string]string{}}
	for _, dl := range deals {
		sd.on(dl.drafted, func() error { return sd.quote(dl) })
	}
	sd.on(d("2026-01-15"), func() error { return sd.billRun(d("2026-01-15")) })
	for m := 2; m <= 6; m++ {
		day := date.MustNew(2026, 1, 1).AddMonths(m - 1)
		sd.on(day, func() error { return sd.billRun(day) })
	}
	sd.conversations()
	for day := historyStart; !day.After(today); day = day.AddDays(1) {
		// Steps may schedule others on the same day: read the agenda as
		// it grows.
		for i := 0; i < len(sd.agenda[day]); i++ {
			sd.clock.set(day)
			if err := sd.agenda[day][i](); err != nil {
				return fmt.Errorf("seed, %s: %w", day, err)
			}
		}
	}
	clock.set(today)
	return nil
}

// on schedules a step on a day, after those already scheduled on it.
func (sd *seeder) on(day date.Date, step func() error) {
	sd.agenda[day] = append(sd.agenda[day], step)
}

// quote drafts the quote of a deal and takes it as far as the deal says:
// through its discount approval, sent, and accepted on its day.
func (sd *seeder) quote(dl deal) error {
	e := sd.s.engine
	in := quote.Input{Number: dl.number, Seller: seller, Buyer: dl.buyer, Currency: money.EUR, BookID: "std",
		Date: dl.drafted, ValidUntil: dl.drafted.AddDays(30)}
	for i, l := range dl.lines {
		li := quote.LineInput{ID: fmt.Sprint(i + 1), ProductID: l.product, Quantity: decimal.NewFromInt(l.quantity),
			Discount: quote.Discount{Percent: decimal.NewFromInt(l.discount)}}
		if l.product == "impl" {
			li.Plan = schedule.OneTimePlan(l.kickOff, money.Amount{})
		} else {
			months := l.months
			if months == 0 {
				months = 12
			}
			li.Plan = schedule.Plan{Kind: schedule.KindRecurring, Recurring: &schedule.Recurring{Cycle: schedule.Cycle{
				Interval: schedule.Interval{Unit: schedule.Month}, Alignment: schedule.AlignCalendar,
				Start: l.kickOff, End: l.kickOff.AddMonths(months),
			}}}
		}
		in.Lines = append(in.Lines, li)
	}
	q, err := e.CreateQuote(sd.ctx, alice, in)
	if err != nil {
		return err
	}
	id := q.ID.String()
	sd.quotes[dl.number] = id
	if dl.status == quote.StatusDraft {
		return nil
	}
	if len(q.Requirements) > 0 {
		_, req, err := e.SubmitQuote(sd.ctx, alice, id)
		if err != nil {
			return err
		}
		if dl.status == quote.StatusInReview {
			return nil
		}
		if _, err := e.Approve(sd.ctx, bruno, req.ID); err != nil {
			return err
		}
	}
	if _, err := e.SendQuote(sd.ctx, alice, id, dl.drafted); err != nil {
		return err
	}
	if dl.accepted.IsZero() {
		return nil
	}
	sd.on(dl.accepted, func() error {
		_, err := e.AcceptQuote(sd.ctx, alice, id, dl.accepted, dl.po)
		return err
	})
	return nil
}

// billRun bills what is due on day. Each invoice is submitted, approved
// by a finance manager when its amount needs it, issued, sent, and its
// payment scheduled as its customer's habits say. On the last run, some
// invoices are left at earlier steps: a draft the accountant has not
// submitted yet, one waiting for the finance manager's approval.
func (sd *seeder) billRun(day date.Date) error {
	e := sd.s.engine
	buyers := map[uuid.UUID]string{}
	rep, err := e.BillRun(sd.ctx, claire, day, billing.BillRunOptions{Workers: 1,
		OnInvoice: func(s invoice.Snapshot) { buyers[s.ID] = s.Document.Buyer.Name }})
	if err != nil {
		return err
	}
	if len(rep.Failures) > 0 {
		return fmt.Errorf("bill run: %s: %w", rep.Failures[0].ContractID, rep.Failures[0].Err)
	}
	last := day.Month() == today.Month()
	for _, inv := range rep.Invoices {
		id, buyer := inv.ID.String(), buyers[inv.ID]
		if last && buyer == fromagerie.Name {
			continue // still a draft
		}
		_, req, err := e.SubmitInvoice(sd.ctx, claire, id)
		if err != nil {
			return err
		}
		if req.ID != "" {
			if last && buyer == librairie.Name {
				continue // waiting for the finance manager
			}
			if _, err := e.Approve(sd.ctx, david, req.ID); err != nil {
				return err
			}
		}
		if _, err := e.IssueInvoice(sd.ctx, claire, id, day); err != nil {
			return err
		}
		sent, err := e.SendInvoice(sd.ctx, claire, id, day)
		if err != nil {
			return err
		}
		if after, ok := paysAfter[buyer]; ok {
			paid := day.AddDays(after)
			sd.on(paid, func() error { return sd.pay(sent, paid) })
		}
	}
	return nil
}

// pay records the customer's transfer, on day, of what inv asked for.
func (sd *seeder) pay(inv invoice.Snapshot, day date.Date) error {
	doc := inv.Document
	_, err := sd.s.engine.RecordPayment(sd.ctx, claire, invoice.Payment{
		ID: sd.newID(), Customer: billing.CustomerKey(doc.Buyer), Amount: doc.Totals.Due,
		Date: day, Method: invoice.MethodTransfer, Reference: "VIR " + doc.Number,
	}, invoice.AllocateOldestFirst())
	return err
}

// conversations schedules what people said in the threads: a question on
// a discount, the follow-up of an invoice that is not paid (a task, then
// a poll), a mention of the finance team, a word on a quote in review.
func (sd *seeder) conversations() {
	c := sd.s.collab
	sd.on(d("2026-01-16"), func() error {
		ref, err := sd.invoiceRef(boulangerie, d("2026-01-15"))
		if err != nil {
			return err
		}
		ask, err := c.Post(sd.ctx, claire, ref,
			"@alice line 1 gives 15 % off the implementation days: is that what the Boulangerie signed, for this order only?")
		if err != nil {
			return err
		}
		_, err = c.Reply(sd.ctx, alice, ask.ID,
			"Yes @claire: Bruno approved it on Q-2026-0001, for the kick-off only. The seats stay at *list price*.")
		return err
	})
	sd.on(d("2026-04-10"), func() error {
		ref, err := sd.invoiceRef(garage, d("2026-03-01"))
		if err != nil {
			return err
		}
		if _, err := c.Post(sd.ctx, claire, ref,
			"The Garage has not paid its March invoice, 10 days overdue now. @david shall we call them?"); err != nil {
			return err
		}
		_, err = c.CreateTask(sd.ctx, david, ref, collab.TaskInput{
			Title: "Call Garage Lefèvre about the March invoice", Assignee: claire, Due: d("2026-04-17")})
		return err
	})
	sd.on(d("2026-05-20"), func() error {
		ref, err := sd.invoiceRef(garage, d("2026-03-01"))
		if err != nil {
			return err
		}
		poll, err := c.CreatePoll(sd.ctx, claire, ref, "The Garage now owes three invoices and does not answer. What next?",
			[]string{"Call them once more", "Send a formal notice", "Hand it to a collection agency"})
		if err != nil {
			return err
		}
		for _, v := range []struct{ who, choice string }{{david, "2"}, {emma, "1"}} {
			if _, err := c.Vote(sd.ctx, v.who, poll.PollID, v.choice); err != nil {
				return err
			}
		}
		return nil
	})
	sd.on(d("2026-06-10"), func() error {
		ref := collab.Ref{Kind: collab.KindQuote, ID: sd.quotes["Q-2026-0011"]}
		_, err := c.Post(sd.ctx, alice, ref,
			"@bruno 25 % off the implementation for Hôtel du Parc: they commit to 45 seats for a year, and we want the reference.")
		return err
	})
	sd.on(d("2026-06-12"), func() error {
		ref, err := sd.invoiceRef(librairie, d("2026-06-01"))
		if err != nil {
			return err
		}
		ask, err := c.Post(sd.ctx, claire, ref,
			"@finance the Librairie's June invoice is above the approval threshold again: 40 seats, as every month since March.")
		if err != nil {
			return err
		}
		sd.on(d("2026-06-14"), func() error {
			_, err := c.Reply(sd.ctx, david, ask.ID,
				"@claire I will look at it on Monday with their payment record: they paid May late.")
			return err
		})
		return nil
	})
}

// invoiceRef returns the reference of the invoice to buyer that the bill
// run of day drew up.
func (sd *seeder) invoiceRef(buyer invoice.Party, day date.Date) (collab.Ref, error) {
	found, err := sd.s.engine.Invoices(sd.ctx, claire, func(s invoice.Snapshot) bool {
		return s.Document.Buyer.Name == buyer.Name && s.Document.Period.Contains(day)
	})
	if err != nil {
		return collab.Ref{}, err
	}
	if len(found) == 0 {
		return collab.Ref{}, fmt.Errorf("no invoice to %s billed on %s", buyer.Name, day)
	}
	return collab.Ref{Kind: collab.KindInvoice, ID: found[0].ID.String()}, nil
}
