package schedule

import (
	"fmt"
	"slices"
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"pgregory.net/rapid"
)

// The properties below run rapid's default number of cases (100, a second
// or so); run them longer with -rapid.checks, as elsewhere in the module:
//
//	go test ./schedule/ -run Property -rapid.checks=20000

// genChangingPlan draws a valid recurring plan of any alignment, unit,
// count (1 to 12), timing, leading policy and day-count rule, in a
// currency with or without decimals.
func genChangingPlan(t *rapid.T) Plan {
	unit := rapid.SampledFrom(Units()).Draw(t, "unit")
	c := Cycle{
		Interval: Interval{Unit: unit, Count: rapid.IntRange(1, 12).Draw(t, "count")},
		Start:    date.MustParse("2020-01-01").AddDays(rapid.IntRange(0, 3000).Draw(t, "start")),
	}
	alignments := []Alignment{AlignAnniversary, AlignCalendar}
	if unit.months() > 0 {
		alignments = append(alignments, AlignBillingDay)
	}
	switch c.Alignment = rapid.SampledFrom(alignments).Draw(t, "alignment"); c.Alignment {
	case AlignBillingDay:
		c.BillingDay = rapid.IntRange(1, 31).Draw(t, "billing_day")
	case AlignAnniversary:
		if rapid.Bool().Draw(t, "anchor") {
			c.Anchor = c.Start.AddDays(-rapid.IntRange(0, 400).Draw(t, "anchor_days"))
		}
	}
	if rapid.Bool().Draw(t, "has_end") {
		c.End = c.Start.AddDays(rapid.IntRange(1, 3000).Draw(t, "end"))
	}
	rules := []DayCount{DayCountActual, DayCountWholeMonths}
	if unit != Day {
		rules = append(rules, DayCount30E360)
	}
	if unit.months() > 0 {
		rules = append(rules, DayCountAverageMonth)
	}
	cur := rapid.SampledFrom([]money.Currency{money.EUR, money.JPY}).Draw(t, "currency")
	return RecurringPlan(Recurring{
		Cycle:    c,
		Amount:   money.FromMinor(genMinor(t, "amount"), cur),
		Timing:   rapid.SampledFrom([]Timing{InAdvance, InArrears}).Draw(t, "timing"),
		Leading:  rapid.SampledFrom([]LeadingPolicy{LeadingProrate, LeadingFree, LeadingFull}).Draw(t, "leading"),
		DayCount: rapid.SampledFrom(rules).Draw(t, "day_count"),
	})
}

// genMinor draws an amount in minor units, often small enough for
// rounding ties to matter.
func genMinor(t *rapid.T, label string) int64 {
	if rapid.Bool().Draw(t, label+"_small") {
		return rapid.Int64Range(0, 100).Draw(t, label)
	}
	return rapid.Int64Range(0, 100_000_000).Draw(t, label)
}

// genDay draws a day of service of plan from its start, at most within
// days of it.
func genDay(t *rapid.T, plan Plan, from date.Date, days int, label string) date.Date {
	r := plan.Recurring
	d := from.AddDays(rapid.IntRange(0, days).Draw(t, label))
	if !r.End.IsZero() && !d.Before(r.End) {
		d = from.AddDays(rapid.IntRange(0, r.End.DaysSince(from)-1).Draw(t, label+"_before_end"))
	}
	return d
}

// periodOf returns the period of plan, cut to its life, that contains day,
// and the full period it belongs to.
func periodOf(t *rapid.T, plan Plan, day date.Date) (cut, full date.Range) {
	k, err := plan.Recurring.calc()
	if err != nil {
		t.Fatal(err)
	}
	cut, full, err = k.period(k.index(day))
	if err != nil {
		t.Fatal(err)
	}
	return cut, full
}

// costOf returns what plan bills for its period cut.
func costOf(t *rapid.T, plan Plan, cut date.Range) money.Amount {
	cs, err := plan.Charges(date.Range{Start: cut.Start, End: cut.End.AddDays(1)}, Inputs{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Period == cut {
			return c.Amount
		}
	}
	t.Fatalf("no charge of %s for %s", plan.Recurring.Amount, cut)
	return money.Amount{}
}

// periodEnds returns the ends of the periods of plan strictly inside
// window.
func periodEnds(t *rapid.T, plan Plan, window date.Range) []date.Date {
	ps, err := plan.Periods(window)
	if err != nil {
		t.Fatal(err)
	}
	var ends []date.Date
	for _, p := range ps {
		if p.End.After(window.Start) && p.End.Before(window.End) {
			ends = append(ends, p.End)
		}
	}
	return ends
}

// Property: whatever the alignment, interval, policy and sequence of
// changes, the plans that a change returns end their periods on the days
// the original plan does.
func TestProrateKeepsBoundariesProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		orig := genChangingPlan(t)
		plan := orig
		x := orig.Recurring.Start
		for i := range rapid.IntRange(1, 4).Draw(t, "changes") {
			x = genDay(t, plan, x, 500, fmt.Sprintf("effective %d", i))
			change := Change{
				Kind:      rapid.SampledFrom([]ChangeKind{ChangeUpgrade, ChangeDowngrade, ChangeQuantity, ChangePause}).Draw(t, "kind"),
				Effective: x,
				Policy:    rapid.SampledFrom([]Policy{ProrateNow, AtNextPeriod, NoProration}).Draw(t, "policy"),
			}
			if change.Kind == ChangePause {
				cut, _ := periodOf(t, plan, x)
				change.Resume = x.AddDays(rapid.IntRange(1, 400).Draw(t, "resume"))
				if change.Policy == AtNextPeriod && !change.Resume.After(cut.End) {
					change.Resume = cut.End.AddDays(1)
				}
				if end := plan.Recurring.End; !end.IsZero() && !change.Resume.Before(end) {
					change.Kind, change.Resume = ChangeQuantity, date.Date{}
				}
			}
			if change.Kind != ChangePause {
				change.Amount = ptr(money.FromMinor(genMinor(t, "new amount"), orig.Recurring.Amount.Currency()))
			}
			adj, err := Prorate(plan, change)
			if err != nil {
				t.Fatalf("change %d: %v", i, err)
			}
			for _, p := range []*Plan{adj.Before, adj.After} {
				if p == nil {
					continue
				}
				if err := p.Validate(); err != nil {
					t.Fatalf("change %d gave an invalid plan: %v", i, err)
				}
				r := p.Recurring
				window := date.Range{Start: r.Start, End: r.Start.AddDays(400)}
				if !r.End.IsZero() {
					window.End = date.Min(window.End, r.End)
				}
				if got, want := periodEnds(t, *p, window), periodEnds(t, orig, window); !slices.Equal(got, want) {
					t.Fatalf("change %d: %+v ends periods on %v, want %v", i, r.Cycle, got[:min(len(got), 5)], want[:min(len(want), 5)])
				}
			}
			if adj.After == nil {
				return
			}
			plan, x = *adj.After, adj.After.Recurring.Start
		}
	})
}

// chain is a sequence of changes to one billing period, applied as a host
// applies them: each to the plan the previous one returned, crediting what
// was billed for the period when it is billed in advance.
type chain struct {
	period date.Range     // the period changed, cut to the plan's life
	whole  bool           // the period is whole, not cut by the plan's start or end
	prices []money.Amount // the prices of its successive terms
	cost   money.Amount   // what the period costs in the end
}

// runChain applies to plan changes in one of its periods, at the prices
// that price draws, and calls check with each adjustment and what it
// changed in the period's cost.
func runChain(t *rapid.T, plan Plan, price func(current money.Amount) money.Amount,
	check func(i int, ch *chain, adj Adjustment, delta money.Amount)) chain {
	r := plan.Recurring
	cut, full := periodOf(t, plan, genDay(t, plan, r.Start, 1500, "period"))
	billed := r.Timing == InAdvance && rapid.Bool().Draw(t, "billed")
	ch := chain{period: cut, whole: cut == full, prices: []money.Amount{r.Amount}, cost: costOf(t, plan, cut)}
	current := Billed{Period: cut, Amount: ch.cost}
	x := cut.Start
	for i := range rapid.IntRange(1, 4).Draw(t, "changes") {
		x = x.AddDays(rapid.IntRange(0, cut.End.DaysSince(x)-1).Draw(t, fmt.Sprintf("effective %d", i)))
		a := price(plan.Recurring.Amount)
		ch.prices = append(ch.prices, a)
		change := Change{Kind: ChangeQuantity, Effective: x, Amount: &a}
		if billed {
			change.Billed = &Billed{Period: current.Period, Amount: current.Amount}
		}
		adj, err := Prorate(plan, change)
		if err != nil {
			t.Fatalf("change %d: %v", i, err)
		}
		// Billed, the period cost what was billed and Net is what the
		// change adds; not billed, Net is all the period costs now, in
		// place of what the plan would have billed for the rest of it.
		delta := adj.Net
		if !billed {
			delta, _ = delta.Sub(current.Amount)
		}
		check(i, &ch, adj, delta)
		ch.cost, _ = ch.cost.Add(delta)
		plan = *adj.After
		// The period's rest is billed under the new terms: at once when
		// billed in advance, and credited by the next change.
		current = Billed{Period: date.Range{Start: x, End: cut.End}}
		current.Amount = costOf(t, plan, current.Period)
	}
	return ch
}

// Property: a change to the same price is neutral under every day-count
// rule, leading policy and alignment, however many times the period is
// changed, billed in advance or not: the period costs what it cost before
// the change, to the unit.
func TestProrateSamePriceProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		plan := genChangingPlan(t)
		runChain(t, plan, func(current money.Amount) money.Amount { return current },
			func(i int, _ *chain, adj Adjustment, delta money.Amount) {
				if !delta.IsZero() {
					t.Fatalf("change %d on %s adds %s to the cost of %s (credits %v, preview %v)",
						i, adj.Effective, delta, adj.Period, strs(adj.Credits), strs(adj.Preview))
				}
			})
	})
}

// Property: however many times a period is repriced, billed in advance or
// not, it costs no more than its price under the dearest of its terms,
// give or take the rounding of its parts. Each part that the terms bill is
// rounded to the currency's precision, and so may exceed its exact share
// by a fraction of a minor unit where the dearest terms' share rounds
// down: a period priced in n+1 parts (n changes) at most one of which is
// at the dearest price may cost up to n minor units more. A single change
// in a whole period never costs more: the new terms bill what the old ones
// leave of the period's price, and that rest grows with the price.
func TestProrateNeverBillsAboveTheDearestTermsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		plan := genChangingPlan(t)
		cur := plan.Recurring.Amount.Currency()
		var whole bool
		changes := 0
		ch := runChain(t, plan, func(money.Amount) money.Amount {
			return money.FromMinor(genMinor(t, "price"), cur)
		}, func(i int, ch *chain, _ Adjustment, _ money.Amount) { changes, whole = i+1, ch.whole })
		dearest := slices.MaxFunc(ch.prices, func(a, b money.Amount) int { return a.Number().Cmp(b.Number()) })
		r := *plan.Recurring
		r.Amount = dearest
		limit := costOf(t, RecurringPlan(r), ch.period)
		over, err := ch.cost.Sub(limit)
		if err != nil {
			t.Fatal(err)
		}
		units, err := over.MinorUnits()
		if err != nil {
			t.Fatal(err)
		}
		if units > int64(changes) || (units > 0 && changes == 1 && whole) {
			t.Fatalf("%s at prices %v costs %s, %d minor units more than %s after %d changes",
				ch.period, ch.prices, ch.cost, units, limit, changes)
		}
	})
}
