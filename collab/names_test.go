package collab_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/collab"
)

func TestNotificationsNameObjects(t *testing.T) {
	errDown := errors.New("names are down")
	names := collab.NamerFunc(func(_ context.Context, ref collab.Ref) (string, error) {
		switch ref {
		case inv:
			return "invoice F2026-000042", nil
		case quote:
			return "", errDown
		}
		return "", nil
	})
	e := newEnv(t, withOptions(collab.WithNames(names)))
	ctx := context.Background()

	_, err := e.svc.Post(ctx, claire, inv, "@alice is this line right?")
	require.NoError(t, err)
	require.Len(t, e.rec.For(alice), 1)
	assert.Equal(t, "Claire Dubois mentioned you on invoice F2026-000042", e.rec.For(alice)[0].Subject)

	// A name that cannot be found falls back on the kind and ID, and the
	// failure is reported.
	e.rec.Reset()
	_, err = e.svc.Post(ctx, claire, quote, "@alice and this one?")
	require.NoError(t, err)
	require.Len(t, e.rec.For(alice), 1)
	assert.Equal(t, "Claire Dubois mentioned you on quote Q-17", e.rec.For(alice)[0].Subject)
	assert.Contains(t, e.errs.all(), errDown)
}
