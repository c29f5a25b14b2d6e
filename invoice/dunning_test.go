package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDunningChannelValid(t *testing.T) {
	tests := []struct {
		channel DunningChannel
		valid   bool
	}{
		{ChannelEmail, true}, {ChannelLetter, true}, {ChannelRegisteredLetter, true}, {ChannelPhone, true},
		{ChannelSMS, true}, {"", false}, {"fax", false}, {"Email", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.channel), func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.channel.Valid())
		})
	}
}

func TestDunningPolicyValidate(t *testing.T) {
	step := func(key string, days int) DunningStep {
		return DunningStep{Key: key, DaysAfterDue: days, Template: "dunning/" + key, Channel: ChannelEmail}
	}
	tests := []struct {
		name   string
		policy DunningPolicy
		faults []string
	}{
		{"default", DefaultDunningPolicy(), nil},
		{"one step", DunningPolicy{Steps: []DunningStep{step("a", 1)}}, nil},
		{"no step", DunningPolicy{}, []string{"steps out_of_range"}},
		{"step due on the due date", DunningPolicy{Steps: []DunningStep{step("a", 0)}}, []string{"steps[0].days_after_due out_of_range"}},
		{"steps out of order", DunningPolicy{Steps: []DunningStep{step("a", 15), step("b", 7)}}, []string{"steps[1].days_after_due out_of_range"}},
		{"two steps the same day", DunningPolicy{Steps: []DunningStep{step("a", 7), step("b", 7)}}, []string{"steps[1].days_after_due out_of_range"}},
		{"same key twice", DunningPolicy{Steps: []DunningStep{step("a", 7), step("a", 15)}}, []string{"steps[1].key duplicate"}},
		{"incomplete step", DunningPolicy{Steps: []DunningStep{{DaysAfterDue: 7}}},
			[]string{"steps[0].key required", "steps[0].template required", "steps[0].channel required"}},
		{"unknown channel", DunningPolicy{Steps: []DunningStep{{Key: "a", DaysAfterDue: 7, Template: "t", Channel: "fax"}}},
			[]string{"steps[0].channel not_allowed"}},
		{"negative gap", DunningPolicy{Steps: []DunningStep{step("a", 7)}, MinDaysBetween: -1}, []string{"min_days_between out_of_range"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.faults, faults(t, tt.policy.Validate()))
		})
	}
}
