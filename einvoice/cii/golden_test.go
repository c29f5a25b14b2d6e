package cii_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/einvoice/cii"
	"github.com/billkit/billkit/einvoice/internal/testdocs"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden compares the CII of each shared test document with its golden
// file; go test -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	for _, c := range testdocs.Cases(t) {
		t.Run(c.Name, func(t *testing.T) {
			got, err := cii.Marshal(c.Doc, c.Opts...)
			require.NoError(t, err)
			path := filepath.Join("testdata", c.Name+".xml")
			if *update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create the golden file")
			assert.Equal(t, string(want), string(got))
		})
	}
}

// TestDeterministic checks that the same document gives the same bytes.
func TestDeterministic(t *testing.T) {
	for _, c := range testdocs.Cases(t) {
		a, err := cii.Marshal(c.Doc, c.Opts...)
		require.NoError(t, err)
		b, err := cii.Marshal(c.Doc, c.Opts...)
		require.NoError(t, err)
		assert.Equal(t, a, b, c.Name)
	}
}
