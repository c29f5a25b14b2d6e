package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

func TestNewDunningHistory(t *testing.T) {
	sent := ReminderRecord{InvoiceID: testID(1), Step: "reminder", On: day("2026-04-08")}
	tests := []struct {
		name    string
		records []ReminderRecord
		faults  []string
	}{
		{"empty", nil, nil},
		{"valid", []ReminderRecord{sent, {InvoiceID: testID(2), Step: "reminder", On: day("2026-04-08")}}, nil},
		{"incomplete", []ReminderRecord{{}}, []string{"records[0].invoice_id required", "records[0].step required", "records[0].on required"}},
		{"same step twice", []ReminderRecord{sent, sent}, []string{"records[1].step duplicate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := NewDunningHistory(tt.records...)
			assert.Equal(t, tt.faults, faults(t, err))
			if tt.faults == nil {
				require.NotNil(t, h)
				assert.Equal(t, len(tt.records), len(h.Records()))
			}
		})
	}
}

func TestDunningHistoryRecord(t *testing.T) {
	var h DunningHistory
	first := Reminder{InvoiceID: testID(1), Step: "firm_reminder", On: day("2026-04-20"), Skipped: []string{"reminder"}}
	require.NoError(t, h.Record(first))
	assert.Equal(t, []ReminderRecord{
		{InvoiceID: testID(1), Step: "reminder", On: day("2026-04-20"), Skipped: true},
		{InvoiceID: testID(1), Step: "firm_reminder", On: day("2026-04-20")},
	}, h.Of(testID(1)))
	assert.Empty(t, h.Of(testID(2)))

	tests := []struct {
		name      string
		reminders []Reminder
		faults    []string
	}{
		{"a step already sent", []Reminder{{InvoiceID: testID(1), Step: "firm_reminder", On: day("2026-04-21")}},
			[]string{"reminders[0].step duplicate"}},
		{"a step already skipped", []Reminder{{InvoiceID: testID(1), Step: "reminder", On: day("2026-04-21")}},
			[]string{"reminders[0].step duplicate"}},
		{"twice in one batch", []Reminder{
			{InvoiceID: testID(2), Step: "reminder", On: day("2026-04-21")},
			{InvoiceID: testID(2), Step: "reminder", On: day("2026-04-21")},
		}, []string{"reminders[1].step duplicate"}},
		{"incomplete", []Reminder{{InvoiceID: testID(2), Step: "reminder"}}, []string{"reminders[0].on required"}},
		{"one good, one bad", []Reminder{
			{InvoiceID: testID(3), Step: "reminder", On: day("2026-04-21")},
			{InvoiceID: testID(4), On: date.Date{}},
		}, []string{"reminders[1].step required", "reminders[1].on required"}},
		{"a step with a NUL", []Reminder{{InvoiceID: testID(5), Step: "firm\x00", On: day("2026-04-21")}},
			[]string{"reminders[0].step invalid"}},
		{"a skipped step of invalid UTF-8", []Reminder{{InvoiceID: testID(5), Step: "firm", On: day("2026-04-21"), Skipped: []string{"ok", "\xff"}}},
			[]string{"reminders[0].skipped[1] invalid"}},
		{"too many skipped steps", []Reminder{{InvoiceID: testID(5), Step: "firm", On: day("2026-04-21"), Skipped: make([]string, MaxListLength+1)}},
			[]string{"reminders[0].skipped out_of_range"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := h.Records()
			assert.Equal(t, tt.faults, faults(t, h.Record(tt.reminders...)))
			assert.Equal(t, before, h.Records(), "nothing recorded")
		})
	}
}

func TestDunningHistoryRoundTrip(t *testing.T) {
	var h DunningHistory
	var on = dueD.AddDays(40)
	reminders, err := DefaultDunningPolicy().Run(on, []Receivable{overdue(1), overdue(2)}, &h)
	require.NoError(t, err)
	require.NoError(t, h.Record(reminders...))
	back, err := NewDunningHistory(h.Records()...)
	require.NoError(t, err)
	again, err := DefaultDunningPolicy().Run(on.AddDays(100), []Receivable{overdue(1), overdue(2)}, back)
	require.NoError(t, err)
	assert.Empty(t, again, "every step was done")
}
