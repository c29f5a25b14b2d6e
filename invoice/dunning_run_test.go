package invoice

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

// overdue returns an open receivable of testCustomer numbered n, due on
// April 1, 2026, sent and unpaid.
func overdue(n int) Receivable {
	return Receivable{InvoiceID: testID(n), Number: fmt.Sprintf("F2026-%06d", n), Customer: testCustomer,
		IssueDate: issD, DueDate: dueD, Status: StatusSent, Due: amt("120.00 EUR"), Credited: amt("0.00 EUR"),
		Paid: amt("0.00 EUR"), Balance: amt("120.00 EUR")}
}

// noGap is the default policy without the minimum gap between reminders.
func noGap() DunningPolicy {
	p := DefaultDunningPolicy()
	p.MinDaysBetween = 0
	return p
}

// runOn runs policy on one day for rs, records what it proposes and
// returns it as "step" or "step (skipped a, b)" strings.
func runOn(t *testing.T, policy DunningPolicy, on string, h *DunningHistory, rs ...Receivable) []string {
	t.Helper()
	reminders, err := policy.Run(day(on), rs, h)
	require.NoError(t, err)
	require.NoError(t, h.Record(reminders...))
	var out []string
	for _, r := range reminders {
		s := r.Step
		for i, k := range r.Skipped {
			if i == 0 {
				s += " (skipped "
			} else {
				s += ", "
			}
			s += k
		}
		if len(r.Skipped) > 0 {
			s += ")"
		}
		out = append(out, s)
	}
	return out
}

func TestDunningDailyRunsSendEachStepOnce(t *testing.T) {
	var h DunningHistory
	sent := map[string]string{}
	for on := dueD.AddDays(-3); on.Before(dueD.AddDays(60)); on = on.AddDays(1) {
		for _, s := range runOn(t, DefaultDunningPolicy(), on.String(), &h, overdue(1)) {
			sent[on.String()] = s
		}
	}
	assert.Equal(t, map[string]string{
		"2026-04-08": "reminder",      // J+7
		"2026-04-16": "firm_reminder", // J+15
		"2026-05-01": "formal_notice", // J+30
	}, sent)
	assert.Len(t, h.Of(testID(1)), 3)
}

func TestDunningMissedRuns(t *testing.T) {
	type run struct {
		on   string
		want []string
	}
	tests := []struct {
		name   string
		policy DunningPolicy
		runs   []run
	}{
		{"first run at J+20 sends the firm reminder only", DefaultDunningPolicy(), []run{
			{"2026-04-21", []string{"firm_reminder (skipped reminder)"}},
			{"2026-04-22", nil},
			{"2026-05-01", []string{"formal_notice"}},
		}},
		{"first run at J+40 sends the formal notice only", DefaultDunningPolicy(), []run{
			{"2026-05-11", []string{"formal_notice (skipped reminder, firm_reminder)"}},
			{"2026-06-30", nil},
		}},
		{"the next step waits for the minimum gap", DefaultDunningPolicy(), []run{
			{"2026-04-29", []string{"firm_reminder (skipped reminder)"}},
			{"2026-05-01", nil},
			{"2026-05-05", nil},
			{"2026-05-06", []string{"formal_notice"}},
		}},
		{"without a gap the next step follows at once", noGap(), []run{
			{"2026-04-30", []string{"firm_reminder (skipped reminder)"}},
			{"2026-05-01", []string{"formal_notice"}},
		}},
		{"a skipped step is never sent later", noGap(), []run{
			{"2026-04-20", []string{"firm_reminder (skipped reminder)"}},
			{"2026-04-21", nil},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h DunningHistory
			for _, r := range tt.runs {
				assert.Equal(t, r.want, runOn(t, tt.policy, r.on, &h, overdue(1)), "run of %s", r.on)
			}
		})
	}
}

func TestDunningStops(t *testing.T) {
	tests := []struct {
		name string
		edit func(r *Receivable)
		want []string
	}{
		{"sent and unpaid", func(*Receivable) {}, []string{"formal_notice (skipped reminder, firm_reminder)"}},
		{"issued, not sent", func(r *Receivable) { r.Status = StatusIssued }, []string{"formal_notice (skipped reminder, firm_reminder)"}},
		{"partially paid", func(r *Receivable) { r.Status, r.Balance = StatusPartiallyPaid, amt("20.00 EUR") },
			[]string{"formal_notice (skipped reminder, firm_reminder)"}},
		{"paid", func(r *Receivable) { r.Status, r.Balance = StatusPaid, amt("0.00 EUR") }, nil},
		{"void: credited in full", func(r *Receivable) { r.Status, r.Balance = StatusVoid, amt("0.00 EUR") }, nil},
		{"written off", func(r *Receivable) { r.Status = StatusUncollectible }, nil},
		{"credited down to nothing", func(r *Receivable) { r.Balance = amt("0.00 EUR") }, nil},
		{"disputed", func(r *Receivable) { r.Dispute = Dispute{Reason: "Goods damaged", Since: dueD} }, nil},
		{"not due yet", func(r *Receivable) { r.DueDate = day("2026-05-11") }, nil},
		{"due 6 days ago", func(r *Receivable) { r.DueDate = day("2026-05-05") }, nil},
		{"no due date", func(r *Receivable) { r.DueDate = date.Date{} }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := overdue(1)
			tt.edit(&r)
			var h DunningHistory
			assert.Equal(t, tt.want, runOn(t, DefaultDunningPolicy(), "2026-05-11", &h, r))
		})
	}
}

func TestDunningResumesAfterDispute(t *testing.T) {
	var h DunningHistory
	r := overdue(1)
	assert.Equal(t, []string{"reminder"}, runOn(t, noGap(), "2026-04-08", &h, r))
	r.Dispute = Dispute{Reason: "Price disputed", Since: day("2026-04-09")}
	assert.Empty(t, runOn(t, noGap(), "2026-04-16", &h, r))
	r.Dispute = Dispute{}
	assert.Equal(t, []string{"firm_reminder"}, runOn(t, noGap(), "2026-04-25", &h, r))
}

func TestDunningRunReminder(t *testing.T) {
	reminders, err := DefaultDunningPolicy().Run(day("2026-04-09"), []Receivable{overdue(1)}, nil)
	require.NoError(t, err)
	assert.Equal(t, []Reminder{{InvoiceID: testID(1), Number: "F2026-000001", Customer: testCustomer, Step: "reminder", Level: 1,
		Template: "dunning/reminder", Channel: ChannelEmail, On: day("2026-04-09"), DueDate: dueD, DaysOverdue: 8,
		Balance: amt("120.00 EUR")}}, reminders)
}

func TestDunningRunPolicyChanged(t *testing.T) {
	// A step of an older policy counts for the gap, not for the order.
	h, err := NewDunningHistory(ReminderRecord{InvoiceID: testID(1), Step: "old_reminder", On: day("2026-04-10")})
	require.NoError(t, err)
	assert.Empty(t, runOn(t, DefaultDunningPolicy(), "2026-04-16", h, overdue(1)))
	assert.Equal(t, []string{"firm_reminder (skipped reminder)"}, runOn(t, DefaultDunningPolicy(), "2026-04-17", h, overdue(1)))
}

func TestDunningRunRefuses(t *testing.T) {
	tests := []struct {
		name        string
		policy      DunningPolicy
		on          date.Date
		receivables []Receivable
		faults      []string
	}{
		{"no day", DefaultDunningPolicy(), date.Date{}, nil, []string{"on required"}},
		{"invalid policy", DunningPolicy{}, day("2026-05-01"), nil, []string{"policy.steps out_of_range"}},
		{"invoice listed twice", DefaultDunningPolicy(), day("2026-05-01"), []Receivable{overdue(1), overdue(2), overdue(1)},
			[]string{"receivables[2].invoice_id duplicate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reminders, err := tt.policy.Run(tt.on, tt.receivables, nil)
			assert.Nil(t, reminders)
			assert.Equal(t, tt.faults, faults(t, err))
		})
	}
}

func TestDunningRunFromLedger(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR", "80.00 EUR", "60.00 EUR") // due March 15, March 30, April 14
	_, err := l.RecordPayment(payment(1, "100.00 EUR", "2026-03-20"), AllocateOldestFirst())
	require.NoError(t, err)
	require.NoError(t, l.Dispute(inv[2].ID(), "Not delivered", day("2026-04-15")))
	reminders, err := DefaultDunningPolicy().Run(day("2026-04-25"), l.Receivables(), nil)
	require.NoError(t, err)
	require.Len(t, reminders, 1, "the first invoice is paid, the third disputed")
	assert.Equal(t, inv[1].Number(), reminders[0].Number)
	assert.Equal(t, "firm_reminder", reminders[0].Step)
	assert.Equal(t, 26, reminders[0].DaysOverdue)
}
