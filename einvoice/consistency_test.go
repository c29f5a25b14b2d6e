package einvoice_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/cii"
	"github.com/billkit/billkit/einvoice/internal/testdocs"
	"github.com/billkit/billkit/einvoice/ubl"
)

// TestSyntaxesCarrySameTotals writes each golden document in both syntaxes
// and checks that both carry the document's totals, VAT breakdown and line
// net amounts, at the currency's precision.
func TestSyntaxesCarrySameTotals(t *testing.T) {
	for _, c := range testdocs.Cases(t) {
		t.Run(c.Name, func(t *testing.T) {
			u, err := ubl.Marshal(c.Doc, c.Opts...)
			require.NoError(t, err)
			x, err := cii.Marshal(c.Doc, c.Opts...)
			require.NoError(t, err)
			want := testdocs.Expected(c.Doc)
			assert.Equal(t, want, testdocs.ReadUBL(t, u), "UBL")
			assert.Equal(t, want, testdocs.ReadCII(t, x), "CII")
		})
	}
}

// TestPropertyTotalsInXML draws random invoices: each one that passes
// invoice.Document.Validate is written in both syntaxes with exactly its
// totals, breakdown and line amounts; each one that does not is refused by
// both with the same faults, and no XML.
func TestPropertyTotalsInXML(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		doc := testdocs.Random(t)
		u, uerr := ubl.Marshal(doc)
		x, xerr := cii.Marshal(doc)
		if verr := doc.Validate(); verr != nil {
			require.ErrorIs(t, uerr, einvoice.ErrNotExportable)
			require.ErrorIs(t, xerr, einvoice.ErrNotExportable)
			assert.Nil(t, u)
			assert.Nil(t, x)
			var ue, xe *einvoice.ExportError
			require.True(t, errors.As(uerr, &ue) && errors.As(xerr, &xe))
			assert.Equal(t, ue.Faults, xe.Faults)
			return
		}
		require.NoError(t, uerr)
		require.NoError(t, xerr)
		want := testdocs.Expected(doc)
		assert.Equal(t, want, testdocs.ReadUBL(t, u), "UBL")
		assert.Equal(t, want, testdocs.ReadCII(t, x), "CII")
	})
}
