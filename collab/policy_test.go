package collab_test

import (
	"context"
	"errors"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/store/memory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPolicyErrorsPropagate(t *testing.T) {
	boom := errors.New("acl service unavailable")
	dir := newDirectory(t)
	svc, err := collab.NewService(memory.NewCollabStore(), dir, collab.PolicyFuncs{
		View: func(context.Context, string, collab.Ref) (bool, error) { return false, boom },
	})
	require.NoError(t, err)
	_, err = svc.Post(context.Background(), claire, inv, "hello")
	assert.ErrorIs(t, err, boom)
	assert.NotErrorIs(t, err, collab.ErrForbidden, "an outage is not a refusal")
}

func TestPolicyFuncsDenyByDefault(t *testing.T) {
	ctx := context.Background()
	var p collab.PolicyFuncs
	view, err := p.CanView(ctx, alice, inv)
	require.NoError(t, err)
	moderate, _ := p.CanModerate(ctx, alice, inv)
	confidential, _ := p.CanReadConfidential(ctx, alice, collab.Attachment{})
	assert.False(t, view || moderate || confidential)
}
