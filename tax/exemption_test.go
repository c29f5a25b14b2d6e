package tax_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/tax"
)

func TestLookupExemptionReason(t *testing.T) {
	tests := []struct {
		code string
		text string
	}{
		{"VATEX-EU-AE", "Reverse charge"},
		{"VATEX-EU-IC", "Intra-Community supply"},
		{"VATEX-EU-G", "Export outside the EU"},
		{"VATEX-EU-O", "Not subject to VAT"},
		{"VATEX-EU-79-C", "Exempt based on article 79, point c of Council Directive 2006/112/EC"},
		{"VATEX-EU-132", "Exempt based on article 132 of Council Directive 2006/112/EC"},
		{"VATEX-EU-143", "Exempt based on article 143 of Council Directive 2006/112/EC"},
		{"VATEX-EU-148", "Exempt based on article 148 of Council Directive 2006/112/EC"},
		{"VATEX-EU-151", "Exempt based on article 151 of Council Directive 2006/112/EC"},
		{"VATEX-EU-309", "Exempt based on article 309 of Council Directive 2006/112/EC"},
		{"VATEX-FR-FRANCHISE", "VAT exemption, article 293 B of the French General Tax Code (CGI)"},
		{"VATEX-FR-CNWVAT", "France domestic Credit Notes without VAT, due to supplier forfeit of VAT for discount"},
	}
	require.Len(t, tax.ExemptionReasons(), len(tests), "every known reason must be in this table")
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			r, ok := tax.LookupExemptionReason(tt.code)
			require.True(t, ok)
			assert.Equal(t, tt.code, r.Code)
			assert.Equal(t, tt.text, r.Text)
		})
	}
}

func TestLookupExemptionReasonUnknown(t *testing.T) {
	for _, code := range []string{"", "vatex-eu-ae", "VATEX-EU-XX", "AE"} {
		t.Run(code, func(t *testing.T) {
			r, ok := tax.LookupExemptionReason(code)
			assert.False(t, ok)
			assert.Zero(t, r)
		})
	}
}

func TestExemptionReasonsSorted(t *testing.T) {
	reasons := tax.ExemptionReasons()
	for i := 1; i < len(reasons); i++ {
		assert.Negative(t, strings.Compare(reasons[i-1].Code, reasons[i].Code))
	}
}

func TestExemptionLookupIgnoresReassignedVariable(t *testing.T) {
	saved := tax.ExemptionReverseCharge
	t.Cleanup(func() { tax.ExemptionReverseCharge = saved })

	tax.ExemptionReverseCharge.Text = "changed"
	r, _ := tax.LookupExemptionReason("VATEX-EU-AE")
	assert.Equal(t, "Reverse charge", r.Text)
	r, _ = tax.DefaultExemptionReason(tax.ReverseCharge)
	assert.Equal(t, "Reverse charge", r.Text)
}
