package collab_test

import (
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/stretchr/testify/assert"
)

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
		is   error
	}{
		{&collab.AccessError{User: "u-bob", Object: inv, Action: collab.ActionView}, `collab: user "u-bob" may not view invoice/INV-2026-0042`, collab.ErrForbidden},
		{&collab.NotFoundError{Entity: "message", ID: "m-1"}, `collab: message "m-1" not found`, collab.ErrNotFound},
		{&collab.ConflictError{Entity: "task", ID: "t-1", Expected: 1, Actual: 2}, `collab: task "t-1" is at version 2, not 1`, collab.ErrConflict},
		{&collab.ConflictError{Entity: "message", ID: "m-1"}, `collab: message "m-1" already exists`, collab.ErrConflict},
		{&collab.TransitionError{TaskID: "t-1", From: collab.TaskDone, To: collab.TaskCancelled}, `collab: task "t-1" cannot go from done to cancelled`, collab.ErrInvalidTransition},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.EqualError(t, tt.err, tt.want)
			assert.ErrorIs(t, tt.err, tt.is)
		})
	}
}
