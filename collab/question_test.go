package collab_test

import (
	"context"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuestionBestAnswer(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	q, err := e.svc.Ask(ctx, claire, inv, "@alice which PO number goes on this invoice?")
	require.NoError(t, err)
	assert.Equal(t, collab.MessageQuestion, q.Kind)
	a1, err := e.svc.Reply(ctx, alice, q.ID, "PO-881")
	require.NoError(t, err)
	a2, err := e.svc.Reply(ctx, bob, q.ID, "PO-881-B, the amended one")
	require.NoError(t, err)
	other := e.post(t, bob, inv, "unrelated")

	_, err = e.svc.MarkBestAnswer(ctx, alice, q.ID, a1.ID)
	assert.ErrorIs(t, err, collab.ErrForbidden, "only the asker marks the best answer")
	_, err = e.svc.MarkBestAnswer(ctx, claire, q.ID, other.ID)
	assert.ErrorIs(t, err, validation.ErrInvalid, "not an answer to this question")
	_, err = e.svc.MarkBestAnswer(ctx, claire, other.ID, a1.ID)
	assert.ErrorIs(t, err, validation.ErrInvalid, "not a question")

	marked, err := e.svc.MarkBestAnswer(ctx, claire, q.ID, a1.ID)
	require.NoError(t, err)
	assert.Equal(t, a1.ID, marked.BestAnswerID)
	marked, err = e.svc.MarkBestAnswer(ctx, claire, q.ID, a2.ID)
	require.NoError(t, err)
	assert.Equal(t, a2.ID, marked.BestAnswerID, "the asker may change their mind")
	marked, err = e.svc.MarkBestAnswer(ctx, claire, q.ID, "")
	require.NoError(t, err)
	assert.Empty(t, marked.BestAnswerID)

	require.NoError(t, e.svc.Delete(ctx, bob, a2.ID))
	_, err = e.svc.MarkBestAnswer(ctx, claire, q.ID, a2.ID)
	assert.ErrorIs(t, err, collab.ErrDeleted)
}
