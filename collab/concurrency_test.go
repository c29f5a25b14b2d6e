package collab_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentPostsAndReactions has 50 users post and react on one
// thread at the same instant: no message and no reaction may be lost, and
// the feed must come out in the same order however it is paged.
func TestConcurrentPostsAndReactions(t *testing.T) {
	const users = 50
	e := newEnv(t, withFixedTime())
	ctx := context.Background()
	for i := range users {
		require.NoError(t, e.dir.AddUser(fmt.Sprintf("u-%02d", i), fmt.Sprintf("user%02d", i), fmt.Sprintf("User %02d", i)))
	}
	root := e.post(t, claire, inv, "Who approved the 12 % discount?")

	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range users {
		user := fmt.Sprintf("u-%02d", i)
		wg.Go(func() {
			<-start
			_, err := e.svc.Post(ctx, user, inv, "answer from "+user+" cc @claire")
			assert.NoError(t, err)
			_, err = e.svc.React(ctx, user, root.ID, collab.ReactionLike)
			assert.NoError(t, err)
			_, err = e.svc.Reply(ctx, user, root.ID, "reply from "+user)
			assert.NoError(t, err)
		})
	}
	close(start)
	wg.Wait()

	got, err := e.svc.Message(ctx, claire, root.ID)
	require.NoError(t, err)
	require.Len(t, got.Reactions, 1)
	assert.Equal(t, users, got.Reactions[0].Count, "no reaction lost")
	assert.Equal(t, users, got.ReplyCount, "no reply lost")

	full, err := e.svc.Activity(ctx, claire, inv, collab.PageRequest{Limit: collab.MaxPageSize})
	require.NoError(t, err)
	require.Len(t, full.Items, 1+2*users, "no message lost")
	authors := map[string]int{}
	for i, a := range full.Items {
		authors[a.Message.Author]++
		if i > 0 {
			prev := full.Items[i-1]
			assert.Negative(t, prev.Message.Position().Compare(a.Message.Position()), "strictly ordered by time then ID")
		}
	}
	assert.Len(t, authors, users+1)

	var paged []string
	req := collab.PageRequest{Limit: 7}
	for {
		page, err := e.svc.Activity(ctx, claire, inv, req)
		require.NoError(t, err)
		for _, a := range page.Items {
			paged = append(paged, a.ID)
		}
		if page.Next == "" {
			break
		}
		req.Cursor = page.Next
	}
	var all []string
	for _, a := range full.Items {
		all = append(all, a.ID)
	}
	assert.Equal(t, all, paged, "paging gives the same stable order")

	followers, err := e.svc.Followers(ctx, claire, inv)
	require.NoError(t, err)
	assert.Len(t, followers, users+1, "every author follows")
	assert.Len(t, e.rec.For(claire), 2*users, "claire: one mention per post, one reply notice per reply")
}

// TestConcurrentEditsNeverLoseAnUpdate has ten editors submit a change
// based on the same version: exactly one wins, the others get ErrConflict.
func TestConcurrentEditsNeverLoseAnUpdate(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	m := e.post(t, claire, inv, "v1")
	var wins, conflicts atomic.Int64
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			_, err := e.svc.Edit(ctx, claire, m.ID, m.Version, fmt.Sprint("v2 from device ", i))
			switch {
			case err == nil:
				wins.Add(1)
			case errors.Is(err, collab.ErrConflict):
				conflicts.Add(1)
			default:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, int64(1), wins.Load())
	assert.Equal(t, int64(9), conflicts.Load())
	got, err := e.svc.Message(ctx, claire, m.ID)
	require.NoError(t, err)
	assert.Len(t, got.History, 1, "the winning edit's predecessor is kept")
}
