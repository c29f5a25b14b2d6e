package billing

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

// checkMilestone checks that a contract line has a milestone plan with the
// named milestone, not yet reached, and that on is a date.
func checkMilestone(c Contract, lineID, milestone string, on date.Date) error {
	var errs validation.Errors
	line, ok := c.Line(lineID)
	switch {
	case !ok:
		errs.Add("line_id", validation.CodeUnknown, "the contract has no line "+lineID)
	case line.Plan.Kind != schedule.KindMilestones || line.Plan.Milestones == nil:
		errs.Add("line_id", validation.CodeNotAllowed, "the line is not billed by milestones")
	default:
		found := false
		for _, m := range line.Plan.Milestones.Items {
			found = found || m.Name == milestone
		}
		if !found {
			errs.Add("milestone", validation.CodeUnknown, "the line has no milestone "+milestone)
		} else if _, done := c.Reached[lineID][milestone]; done {
			errs.Add("milestone", validation.CodeDuplicate, "was already reached")
		}
	}
	if on.IsZero() {
		errs.Add("on", validation.CodeRequired, "is required")
	}
	return errs.Err()
}
