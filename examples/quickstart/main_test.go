package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tour is deterministic: pinned dates and IDs, no clock. These are the
// figures a reader checks by hand.
func TestQuickstart(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	text := strings.ReplaceAll(out.String(), "\u00a0", " ")
	for _, want := range []string{
		"10 seats a month: 10 × 30.00 = 300.00 EUR",
		"150,000 API calls: 0–10000 × 0.00 + 10001–100000 × 0.002 + 100001–150000 × 0.001 = 230.00 EUR",
		"2026-03-16: 154.84 EUR = 300.00 EUR × 16/31 days (2026-03-16..2026-03-31)",
		"upgrade credit: 2026-04-16: -150.00 EUR",
		"upgrade charge: 2026-04-16: 225.00 EUR",
		"VAT S 20 %: 105,97 € on 529,84 €",
		"invoice F2026-000001 issued 2026-04-16, status issued",
		"total 529,84 €, VAT 105,97 €, due 635,81 € by 2026-05-31",
		"its content cannot change",
		"credit note AV2026-000001 corrects F2026-000001: 60,00 €; still due on the invoice 575,81 €",
		"notification to u-alice: Claire Dubois mentioned you on invoice F2026-000001",
		"09:05 u-alice: Yes, @claire: signed on April 15",
	} {
		assert.Contains(t, text, want)
	}
}
