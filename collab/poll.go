package collab

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/billkit/billkit/validation"
)

// Limits of a poll.
const (
	MinPollChoices      = 2
	MaxPollChoices      = 20
	MaxPollChoiceLength = 200 // characters
)

// Poll is a question with predefined choices, posted in a thread. Each
// user has one vote, which they may change until the poll is closed. Its
// ID is the ID of the message that carries it.
//
// Poll is what stores hold, ballots included; the Service shows polls as
// PollResults, which count votes without saying who cast them.
type Poll struct {
	// ID is the poll's ID, the same as its message's.
	ID string `json:"id"`
	// Object is the object whose thread holds the poll.
	Object Ref `json:"object"`
	// Question is the question asked.
	Question string `json:"question"`
	// Choices are the answers offered, in order.
	Choices []Choice `json:"choices"`
	// CreatedBy is the user who asked.
	CreatedBy string `json:"created_by"`
	// CreatedAt is when the poll was posted.
	CreatedAt time.Time `json:"created_at"`
	// ClosedAt is when the poll was closed, zero while it is open.
	ClosedAt time.Time `json:"closed_at,omitzero"`
	// ClosedBy is who closed it.
	ClosedBy string `json:"closed_by,omitempty"`
	// Ballots maps each voter's user ID to the ID of their choice.
	Ballots map[string]string `json:"ballots,omitempty"`
}

// Choice is one answer offered by a poll.
type Choice struct {
	// ID identifies the choice within its poll: "1", "2", ...
	ID string `json:"id"`
	// Label is the text of the choice.
	Label string `json:"label"`
}

// Closed reports whether the poll is closed.
func (p Poll) Closed() bool { return !p.ClosedAt.IsZero() }

// HasChoice reports whether id is one of the poll's choices.
func (p Poll) HasChoice(id string) bool {
	return slices.ContainsFunc(p.Choices, func(c Choice) bool { return c.ID == id })
}

// Clone returns a copy of p sharing no slice or map with it.
func (p Poll) Clone() Poll {
	p.Choices = slices.Clone(p.Choices)
	p.Ballots = maps.Clone(p.Ballots)
	return p
}

// PollResults is a poll as a user sees it: the votes per choice, and the
// user's own vote.
type PollResults struct {
	// PollID identifies the poll.
	PollID string `json:"poll_id"`
	// Object is the object whose thread holds the poll.
	Object Ref `json:"object"`
	// Question is the question asked.
	Question string `json:"question"`
	// Choices are the choices with their vote counts, in order.
	Choices []ChoiceResult `json:"choices"`
	// TotalVotes is the number of users who voted.
	TotalVotes int `json:"total_votes"`
	// MyChoice is the choice of the user asking, empty if they did not
	// vote.
	MyChoice string `json:"my_choice,omitempty"`
	// CreatedBy is the user who asked.
	CreatedBy string `json:"created_by"`
	// Closed is set once the poll is closed.
	Closed bool `json:"closed"`
	// ClosedAt is when it was closed.
	ClosedAt time.Time `json:"closed_at,omitzero"`
}

// ChoiceResult is a choice with its number of votes.
type ChoiceResult struct {
	Choice
	// Votes is the number of users who chose it.
	Votes int `json:"votes"`
}

func (p Poll) resultsFor(user string) PollResults {
	r := PollResults{
		PollID: p.ID, Object: p.Object, Question: p.Question, CreatedBy: p.CreatedBy,
		TotalVotes: len(p.Ballots), MyChoice: p.Ballots[user], Closed: p.Closed(), ClosedAt: p.ClosedAt,
	}
	counts := map[string]int{}
	for _, c := range p.Ballots {
		counts[c]++
	}
	for _, c := range p.Choices {
		r.Choices = append(r.Choices, ChoiceResult{Choice: c, Votes: counts[c.ID]})
	}
	return r
}

// CreatePoll posts a poll in the thread of ref: question, which may
// mention people like any message, and 2 to 20 distinct choices.
func (s *Service) CreatePoll(ctx context.Context, actor string, ref Ref, question string, choices []string) (PollResults, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	errs.MergeAt("object", ref.Validate())
	checkBody(&errs, "question", question)
	if len(choices) < MinPollChoices || len(choices) > MaxPollChoices {
		errs.Add("choices", validation.CodeOutOfRange, "must have 2 to 20 choices")
	}
	for i, c := range choices {
		field := "choices[" + strconv.Itoa(i) + "]"
		switch {
		case strings.TrimSpace(c) == "":
			errs.Add(field, validation.CodeRequired, "is required")
		case !utf8.ValidString(c) || hasControl(c):
			errs.Add(field, validation.CodeInvalid, "must be one line of valid UTF-8")
		case utf8.RuneCountInString(c) > MaxPollChoiceLength:
			errs.Add(field, validation.CodeOutOfRange, "must have at most 200 characters")
		case slices.ContainsFunc(choices[:i], func(o string) bool {
			return strings.EqualFold(strings.TrimSpace(o), strings.TrimSpace(c))
		}):
			errs.Add(field, validation.CodeDuplicate, "repeats an earlier choice")
		}
	}
	if err := errs.Err(); err != nil {
		return PollResults{}, err
	}
	var poll Poll
	_, err := s.publish(ctx, postSpec{
		actor: actor, ref: ref, kind: MessagePoll, body: question,
		insert: func(ctx context.Context, m *Message) error {
			poll = Poll{ID: m.ID, Object: m.Object, Question: question, CreatedBy: actor, CreatedAt: m.CreatedAt}
			for i, c := range choices {
				poll.Choices = append(poll.Choices, Choice{ID: strconv.Itoa(i + 1), Label: strings.TrimSpace(c)})
			}
			return s.store.InsertPoll(ctx, poll, *m)
		},
	})
	if err != nil {
		return PollResults{}, err
	}
	return poll.resultsFor(actor), nil
}

// Vote records actor's vote for choiceID in poll pollID, replacing their
// earlier vote. It fails with ErrClosed once the poll is closed.
func (s *Service) Vote(ctx context.Context, actor, pollID, choiceID string) (PollResults, error) {
	var errs validation.Errors
	checkID(&errs, "choice_id", choiceID)
	if err := errs.Err(); err != nil {
		return PollResults{}, err
	}
	p, err := s.visiblePoll(ctx, actor, pollID)
	if err != nil {
		return PollResults{}, err
	}
	if !p.HasChoice(choiceID) {
		return PollResults{}, validation.New("choice_id", validation.CodeUnknown, "is not a choice of this poll")
	}
	if p.Closed() {
		return PollResults{}, ErrClosed
	}
	p, err = s.store.CastVote(ctx, pollID, actor, choiceID)
	if err != nil {
		return PollResults{}, err
	}
	return p.resultsFor(actor), nil
}

// ClosePoll closes poll pollID: its author or a moderator of its object
// may. Votes are final from then on.
func (s *Service) ClosePoll(ctx context.Context, actor, pollID string) (PollResults, error) {
	p, err := s.visiblePoll(ctx, actor, pollID)
	if err != nil {
		return PollResults{}, err
	}
	if p.CreatedBy != actor {
		ok, err := s.canModerate(ctx, actor, p.Object)
		if err != nil {
			return PollResults{}, err
		}
		if !ok {
			return PollResults{}, &AccessError{User: actor, Object: p.Object, Action: ActionClosePoll}
		}
	}
	p, err = s.store.ClosePoll(ctx, pollID, actor, s.clock())
	if err != nil {
		return PollResults{}, err
	}
	return p.resultsFor(actor), nil
}

// PollResults returns the results of poll pollID as actor sees them.
func (s *Service) PollResults(ctx context.Context, actor, pollID string) (PollResults, error) {
	p, err := s.visiblePoll(ctx, actor, pollID)
	if err != nil {
		return PollResults{}, err
	}
	return p.resultsFor(actor), nil
}

// visiblePoll loads a poll that actor may see and whose message is not
// deleted.
func (s *Service) visiblePoll(ctx context.Context, actor, pollID string) (Poll, error) {
	m, err := s.visibleMessage(ctx, actor, "poll_id", pollID)
	if err != nil {
		return Poll{}, err
	}
	if m.Kind != MessagePoll {
		return Poll{}, &NotFoundError{Entity: "poll", ID: pollID}
	}
	if m.Deleted {
		return Poll{}, ErrDeleted
	}
	return s.store.Poll(ctx, pollID)
}
