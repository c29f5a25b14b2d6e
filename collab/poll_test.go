package collab_test

import (
	"context"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPollVoting(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	p, err := e.svc.CreatePoll(ctx, claire, inv, "Send the reminder when?", []string{"Today", "Friday", "Next month"})
	require.NoError(t, err)
	assert.Equal(t, []collab.ChoiceResult{
		{Choice: collab.Choice{ID: "1", Label: "Today"}}, {Choice: collab.Choice{ID: "2", Label: "Friday"}},
		{Choice: collab.Choice{ID: "3", Label: "Next month"}},
	}, p.Choices)

	for _, v := range []struct{ user, choice string }{{alice, "1"}, {bob, "2"}, {dana, "2"}, {alice, "2"}} {
		_, err := e.svc.Vote(ctx, v.user, p.PollID, v.choice)
		require.NoError(t, err, "%s votes %s", v.user, v.choice)
	}
	res, err := e.svc.PollResults(ctx, alice, p.PollID)
	require.NoError(t, err)
	assert.Equal(t, 3, res.TotalVotes, "one vote per person")
	assert.Equal(t, []int{0, 3, 0}, []int{res.Choices[0].Votes, res.Choices[1].Votes, res.Choices[2].Votes},
		"alice changed her vote")
	assert.Equal(t, "2", res.MyChoice)

	_, err = e.svc.Vote(ctx, bob, p.PollID, "9")
	var ve *validation.Error
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("choice_id", validation.CodeUnknown))

	_, err = e.svc.ClosePoll(ctx, alice, p.PollID)
	assert.ErrorIs(t, err, collab.ErrForbidden, "only the author or a moderator closes")
	closed, err := e.svc.ClosePoll(ctx, claire, p.PollID)
	require.NoError(t, err)
	assert.True(t, closed.Closed)

	_, err = e.svc.Vote(ctx, bob, p.PollID, "1")
	assert.ErrorIs(t, err, collab.ErrClosed, "votes are final once closed")
	_, err = e.svc.ClosePoll(ctx, admin, p.PollID)
	assert.ErrorIs(t, err, collab.ErrClosed)

	_, err = e.svc.Vote(ctx, mallow, p.PollID, "1")
	assert.ErrorIs(t, err, collab.ErrForbidden)
	m := e.post(t, claire, inv, "not a poll")
	_, err = e.svc.Vote(ctx, bob, m.ID, "1")
	assert.ErrorIs(t, err, collab.ErrNotFound)
}

func TestPollOfDeletedMessage(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	p, err := e.svc.CreatePoll(ctx, claire, inv, "Which?", []string{"A", "B"})
	require.NoError(t, err)
	require.NoError(t, e.svc.Delete(ctx, claire, p.PollID))
	_, err = e.svc.Vote(ctx, bob, p.PollID, "1")
	assert.ErrorIs(t, err, collab.ErrDeleted)
}

func TestCreatePollValidation(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name        string
		question    string
		choices     []string
		field, code string
	}{
		{"no question", "", []string{"a", "b"}, "question", validation.CodeRequired},
		{"one choice", "q?", []string{"a"}, "choices", validation.CodeOutOfRange},
		{"too many choices", "q?", make([]string, 21), "choices", validation.CodeOutOfRange},
		{"blank choice", "q?", []string{"a", " "}, "choices[1]", validation.CodeRequired},
		{"duplicate ignoring case", "q?", []string{"Friday", "friday "}, "choices[1]", validation.CodeDuplicate},
		{"choice on two lines", "q?", []string{"a", "b\nc"}, "choices[1]", validation.CodeInvalid},
		{"NUL in a choice", "q?", []string{"a\x00", "b"}, "choices[0]", validation.CodeInvalid},
		{"invalid UTF-8 in a choice", "q?", []string{"a", "b\xff"}, "choices[1]", validation.CodeInvalid},
		{"NUL in the question", "q\x00?", []string{"a", "b"}, "question", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.CreatePoll(context.Background(), claire, inv, tt.question, tt.choices)
			var ve *validation.Error
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has(tt.field, tt.code), "%v", ve)
		})
	}
}
