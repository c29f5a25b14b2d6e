package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run(dir, &out))
	assert.Contains(t, out.String(), "invoice F2026-000001: 1600.00 EUR + VAT 260.00 EUR = 1860.00 EUR")
	for name, want := range map[string]string{
		"F2026-000001.ubl.xml":    "<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>",
		"F2026-000001.cii.xml":    "urn:cen.eu:en16931:2017",
		"F2026-000001.fr-FR.html": "1\u00a0860,00\u00a0€",
		"F2026-000001.en-US.html": "1,860.00",
		"732829320FEC20261231":    "JournalCode",
	} {
		matches, err := filepath.Glob(filepath.Join(dir, name+"*"))
		require.NoError(t, err)
		require.Len(t, matches, 1, name)
		data, err := os.ReadFile(matches[0])
		require.NoError(t, err)
		assert.True(t, strings.Contains(string(data), want) || bytes.Contains(data, []byte(want)), "%s lacks %q", name, want)
	}
}
