package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

func TestRun(t *testing.T) {
	for _, issue := range []bool{false, true} {
		var out, bars bytes.Buffer
		cfg := config{customers: 300, workers: 3, issue: issue, on: date.MustParse("2026-05-01"), progress: true}
		require.NoError(t, run(context.Background(), &out, &bars, cfg))
		text := out.String()
		assert.Contains(t, text, "bill run of 2026-05-01: 300 contracts,")
		assert.Contains(t, text, "on 300 invoices, 0 failed")
		assert.Contains(t, text, "the same run again: 0 invoices,")
		assert.Contains(t, text, "MRR movements: new ")
		assert.Contains(t, bars.String(), "300/300", "the progress bar reaches the end")
		if issue {
			assert.Contains(t, text, "first invoice: issued to ")
			assert.Contains(t, text, "300 invoices issued, average basket ")
		} else {
			assert.Contains(t, text, "first invoice: draft to ")
			assert.Contains(t, text, "0 invoices issued")
		}
		// The run bills every month due since each contract started, and
		// says how many charges that was, the same both times.
		billed := text[strings.Index(text, "300 contracts, ")+len("300 contracts, "):]
		billed = billed[:strings.Index(billed, " charges")]
		assert.Contains(t, text, "the same run again: 0 invoices, "+billed+" charges already billed")
	}
}

func TestRunRefusesNoCustomers(t *testing.T) {
	err := run(context.Background(), io.Discard, io.Discard, config{on: date.MustParse("2026-05-01")})
	assert.ErrorContains(t, err, "-n must be positive")
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 100000: "100,000", 1234567: "1,234,567", -4500: "-4,500"} {
		assert.Equal(t, want, count(n))
	}
}
