package collab_test

import (
	"context"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/store/memory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewServiceRequiresPorts(t *testing.T) {
	store, dir, policy := memory.NewCollabStore(), collab.NewMemoryDirectory(), collab.PolicyFuncs{}
	tests := []struct {
		name string
		make func() (*collab.Service, error)
		want string
	}{
		{"no store", func() (*collab.Service, error) { return collab.NewService(nil, dir, policy) }, "store"},
		{"no directory", func() (*collab.Service, error) { return collab.NewService(store, nil, policy) }, "directory"},
		{"no policy", func() (*collab.Service, error) { return collab.NewService(store, dir, nil) }, "access policy"},
		{"nil clock", func() (*collab.Service, error) { return collab.NewService(store, dir, policy, collab.WithClock(nil)) }, "clock"},
		{"nil IDs", func() (*collab.Service, error) {
			return collab.NewService(store, dir, policy, collab.WithIDGenerator(nil))
		}, "ID generator"},
		{"nil notifier", func() (*collab.Service, error) {
			return collab.NewService(store, dir, policy, collab.WithNotifier(nil))
		}, "notifier"},
		{"zero attachment size", func() (*collab.Service, error) {
			return collab.NewService(store, dir, policy, collab.WithMaxAttachmentSize(0))
		}, "attachment size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, err := tt.make()
			assert.Nil(t, svc)
			assert.ErrorIs(t, err, collab.ErrConfig)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestServiceDefaults(t *testing.T) {
	dir := newDirectory(t)
	svc, err := collab.NewService(memory.NewCollabStore(), dir, collab.PolicyFuncs{
		View: func(context.Context, string, collab.Ref) (bool, error) { return true, nil },
	})
	require.NoError(t, err)
	m, err := svc.Post(context.Background(), claire, inv, "default clock and IDs")
	require.NoError(t, err)
	assert.Len(t, m.ID, 36, "a UUID")
	assert.Equal(t, byte('7'), m.ID[14], "version 7")
	assert.Equal(t, "UTC", m.CreatedAt.Location().String())
	assert.Zero(t, m.CreatedAt.Nanosecond()%1000, "microsecond precision")
}
