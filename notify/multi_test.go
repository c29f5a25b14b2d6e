package notify_test

import (
	"context"
	"errors"
	"testing"

	"github.com/billkit/billkit/notify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMultiDeliversToAllAndJoinsErrors(t *testing.T) {
	errA := errors.New("smtp down")
	errB := errors.New("push quota")
	failing := func(err error) notify.Notifier {
		return notify.NotifierFunc(func(context.Context, notify.Notification) error { return err })
	}
	tests := []struct {
		name    string
		targets func(rec *notify.Recorder) notify.Multi
		wantErr []error
	}{
		{"all succeed", func(rec *notify.Recorder) notify.Multi { return notify.Multi{rec, nil, notify.Discard} }, nil},
		{"one fails, the rest still run", func(rec *notify.Recorder) notify.Multi { return notify.Multi{failing(errA), rec} }, []error{errA}},
		{"two fail", func(rec *notify.Recorder) notify.Multi { return notify.Multi{failing(errA), rec, failing(errB)} }, []error{errA, errB}},
		{"empty", func(*notify.Recorder) notify.Multi { return nil }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &notify.Recorder{}
			err := tt.targets(rec).Notify(t.Context(), fixture("u-1"))
			if tt.wantErr == nil {
				require.NoError(t, err)
			} else {
				for _, want := range tt.wantErr {
					assert.ErrorIs(t, err, want)
				}
			}
			if tt.name != "empty" {
				assert.Equal(t, 1, rec.Len())
			}
		})
	}
}

func TestMultiGivesEachTargetItsOwnCopy(t *testing.T) {
	mutate := notify.NotifierFunc(func(_ context.Context, n notify.Notification) error {
		n.Data["thread_id"] = "tampered"
		return nil
	})
	rec := &notify.Recorder{}
	n := fixture("u-1")
	require.NoError(t, notify.Multi{mutate, rec}.Notify(t.Context(), n))
	assert.Equal(t, "t-1", rec.All()[0].Data["thread_id"])
	assert.Equal(t, "t-1", n.Data["thread_id"])
}
