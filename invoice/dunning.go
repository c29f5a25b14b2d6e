package invoice

import (
	"strconv"

	"github.com/billkit/billkit/validation"
)

// DunningChannel is how a reminder reaches the customer. It is serialised
// as its string value.
type DunningChannel string

// The dunning channels.
const (
	ChannelEmail            DunningChannel = "email"
	ChannelLetter           DunningChannel = "letter"
	ChannelRegisteredLetter DunningChannel = "registered_letter" // with acknowledgement of receipt, for a formal notice
	ChannelPhone            DunningChannel = "phone"
	ChannelSMS              DunningChannel = "sms"
)

// Valid reports whether c is one of the channels above.
func (c DunningChannel) Valid() bool {
	switch c {
	case ChannelEmail, ChannelLetter, ChannelRegisteredLetter, ChannelPhone, ChannelSMS:
		return true
	}
	return false
}

// DunningStep is one step of a dunning policy: a reminder sent a number of
// days after the due date.
type DunningStep struct {
	// Key identifies the step in the dunning history, so that it is never
	// sent twice for an invoice. It must stay the same when the policy is
	// edited. Required, unique in the policy.
	Key string `json:"key" validate:"required,max=64,text"`
	// DaysAfterDue is when the step is due: the invoice's due date plus
	// this many days ("J+7"). At least 1, increasing from step to step.
	DaysAfterDue int `json:"days_after_due" validate:"min=1,max=3650"`
	// Template is the host's key of the message to send. Required.
	Template string `json:"template" validate:"required,max=200,text"`
	// Channel is how to send it. Required.
	Channel DunningChannel `json:"channel" validate:"required"`
}

// DunningPolicy is the sequence of reminders sent for an overdue invoice,
// from the friendliest to the most formal.
//
// A run (see Run) sends each step at most once per invoice, in order. When
// runs were missed and several steps have fallen due since the last
// reminder, only the latest of them is sent, and the earlier ones are
// recorded as skipped, never to be sent later: a customer 20 days late gets
// the firm J+15 reminder, not a friendly J+7 reminder followed by a firm
// one on the same day. Dunning stops as soon as an invoice no longer
// awaits payment (paid, void after full credit, written off), owes nothing
// more, or is disputed.
type DunningPolicy struct {
	// Steps are the reminders, in increasing DaysAfterDue. At least one,
	// at most MaxListLength.
	Steps []DunningStep `json:"steps" validate:"min=1,max=100,dive"`
	// MinDaysBetween, when set, holds a reminder back until that many days
	// have passed since the previous reminder of the same invoice, so that
	// a late catch-up is not followed by the next step the day after.
	MinDaysBetween int `json:"min_days_between,omitempty" validate:"min=0,max=365"`
}

// DefaultDunningPolicy returns a common French sequence: a friendly
// reminder by e-mail at J+7, a firm reminder by e-mail at J+15 and a formal
// notice (mise en demeure) by registered letter at J+30, at least 7 days
// apart.
func DefaultDunningPolicy() DunningPolicy {
	return DunningPolicy{
		Steps: []DunningStep{
			{Key: "reminder", DaysAfterDue: 7, Template: "dunning/reminder", Channel: ChannelEmail},
			{Key: "firm_reminder", DaysAfterDue: 15, Template: "dunning/firm_reminder", Channel: ChannelEmail},
			{Key: "formal_notice", DaysAfterDue: 30, Template: "dunning/formal_notice", Channel: ChannelRegisteredLetter},
		},
		MinDaysBetween: 7,
	}
}

// Validate checks p and returns nil or a *validation.Error.
func (p DunningPolicy) Validate() error {
	var errs validation.Errors
	errs.Merge(validation.Struct(p))
	seen := make(map[string]bool, len(p.Steps))
	for i, s := range p.Steps {
		at := "steps[" + strconv.Itoa(i) + "]"
		if s.Channel != "" && !s.Channel.Valid() {
			errs.Add(at+".channel", validation.CodeNotAllowed, "must be one of: email, letter, registered_letter, phone, sms")
		}
		if s.Key != "" && seen[s.Key] {
			errs.Add(at+".key", validation.CodeDuplicate, "step "+s.Key+" is already in the policy")
		}
		seen[s.Key] = true
		if i > 0 && s.DaysAfterDue <= p.Steps[i-1].DaysAfterDue {
			errs.Add(at+".days_after_due", validation.CodeOutOfRange,
				"must be after the previous step's "+strconv.Itoa(p.Steps[i-1].DaysAfterDue)+" days")
		}
	}
	return errs.Err()
}
