//go:build !unix

package billing_test

import "time"

// processCPU reports that the processor time cannot be read here.
func processCPU() (time.Duration, bool) { return 0, false }
