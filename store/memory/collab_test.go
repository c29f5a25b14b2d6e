package memory_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/collab/collabtest"
	"github.com/billkit/billkit/store/memory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCollabStore(t *testing.T) {
	collabtest.RunStoreTests(t, func(*testing.T) collab.Store { return memory.NewCollabStore() })
}

func TestCollabContent(t *testing.T) {
	ctx := context.Background()
	c := memory.NewCollabContent()
	require.NoError(t, c.Put(ctx, "k", bytes.NewReader([]byte("PDF"))))
	rc, err := c.Open(ctx, "k")
	require.NoError(t, err)
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	assert.Equal(t, "PDF", string(b))
	require.NoError(t, rc.Close())

	failing := io.MultiReader(bytes.NewReader([]byte("partial")), errReader{})
	assert.Error(t, c.Put(ctx, "bad", failing))
	_, err = c.Open(ctx, "bad")
	assert.ErrorIs(t, err, collab.ErrNotFound, "a failed Put leaves nothing behind")

	require.NoError(t, c.Delete(ctx, "k"))
	require.NoError(t, c.Delete(ctx, "k"), "deleting a missing key is not an error")
	_, err = c.Open(ctx, "k")
	assert.ErrorIs(t, err, collab.ErrNotFound)
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk full") }
