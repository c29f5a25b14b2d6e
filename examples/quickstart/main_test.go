package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/quickstart.golden with the tour's output")

// The tour pins its clock and IDs, so its output is the same every run:
// it is compared with a golden file, which `go test -update` rewrites
// after a deliberate change.
func TestQuickstart(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	golden := filepath.Join("testdata", "quickstart.golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./examples/quickstart -update to create it")
	assert.Equal(t, string(want), out.String())

	// The figures and steps a reader checks by hand, should the golden
	// file be rewritten carelessly.
	for _, line := range []string{
		"line 1  10 Implementation × 1000.00 EUR, 15 % off: 8500.00 EUR",
		"alice cannot send it yet: quote Q-2026-0042 revision 1 needs approval by sales_manager",
		"bruno's approval inbox: discounts of quote Q-2026-0042",
		"bruno approves: request approved",
		"progress: 2/2 contracts, 0 failed",
		"516.13 EUR", // 1000.00 EUR × 16/31 days
		"total 10016.13 EUR + VAT 2003.23 EUR = 12019.36 EUR",
		"the same run again: 0 billed, 4 already billed, 0 invoices",
		"claire submits the invoice to Boulangerie Martin SARL (12019.36 EUR): pending_approval",
		"david approves it",
		"claire issues F2026-000001 to Fromagerie Durand",
		"claire issues F2026-000002 to Boulangerie Martin SARL on 2026-04-01, due 2026-05-01: 12019.36 EUR",
		"its content cannot change",
		"F2026-000002 is paid",
		"invoice.issued           by claire status approved → issued, number ∅ → F2026-000002",
		"notification to alice (mention): Claire Dubois mentioned you on invoice",
		"alice  says: Yes @claire",
		"MRR 1250.00 EUR, ARR 15000.00 EUR",
	} {
		assert.Contains(t, out.String(), line)
	}
}

// Two runs print the same text: nothing depends on the wall clock or on
// random IDs.
func TestQuickstartIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, run(&a))
	require.NoError(t, run(&b))
	assert.Equal(t, a.String(), b.String())
}
