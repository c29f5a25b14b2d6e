package schedule

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestErrorMessages(t *testing.T) {
	cause := errors.New("meter offline")
	tests := []struct {
		name     string
		err      error
		text     string
		sentinel error
	}{
		{"kind", &KindError{Op: "periods", Kind: KindOneTime, Err: ErrNoPeriods},
			"schedule: plan has no billing periods (periods of a one_time plan)", ErrNoPeriods},
		{"boundary", &BoundaryError{Near: day("9999-06-01")},
			"schedule: period outside the supported calendar (near 9999-06-01)", ErrOutOfRange},
		{"usage", &UsageError{Period: april, Err: cause},
			"schedule: usage could not be priced for 2026-04-01..2026-04-30: meter offline", ErrUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.text, tt.err.Error())
			assert.ErrorIs(t, tt.err, tt.sentinel)
		})
	}
	assert.ErrorIs(t, &UsageError{Period: april, Err: cause}, cause)
}
