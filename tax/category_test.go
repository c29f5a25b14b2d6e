package tax_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/tax"
)

func TestCategoryRules(t *testing.T) {
	tests := []struct {
		cat              tax.Category
		exemptionReason  bool
		zeroRateOnly     bool
		positiveRate     bool
		hasRate          bool
		buyerVATID       bool
		defaultExemption string
	}{
		{tax.StandardRate, false, false, true, true, false, ""},
		{tax.ZeroRated, false, true, false, true, false, ""},
		{tax.Exempt, true, true, false, true, false, ""},
		{tax.ReverseCharge, true, true, false, true, true, "VATEX-EU-AE"},
		{tax.IntraCommunity, true, true, false, true, true, "VATEX-EU-IC"},
		{tax.Export, true, true, false, true, false, "VATEX-EU-G"},
		{tax.OutsideScope, true, false, false, false, false, "VATEX-EU-O"},
		{tax.CanaryIslands, false, false, false, true, false, ""},
		{tax.CeutaMelilla, false, false, false, true, false, ""},
	}
	require.Len(t, tests, len(tax.Categories()), "every category must be in this table")
	for _, tt := range tests {
		t.Run(string(tt.cat), func(t *testing.T) {
			assert.True(t, tt.cat.Valid())
			assert.NotEmpty(t, tt.cat.Description())
			assert.Equal(t, tt.exemptionReason, tt.cat.RequiresExemptionReason(), "RequiresExemptionReason")
			assert.Equal(t, tt.zeroRateOnly, tt.cat.ZeroRateOnly(), "ZeroRateOnly")
			assert.Equal(t, tt.positiveRate, tt.cat.RequiresPositiveRate(), "RequiresPositiveRate")
			assert.Equal(t, tt.hasRate, tt.cat.HasRate(), "HasRate")
			assert.Equal(t, tt.buyerVATID, tt.cat.RequiresBuyerVATID(), "RequiresBuyerVATID")

			reason, ok := tax.DefaultExemptionReason(tt.cat)
			assert.Equal(t, tt.defaultExemption != "", ok)
			assert.Equal(t, tt.defaultExemption, reason.Code)
			if ok {
				assert.True(t, tt.cat.RequiresExemptionReason(), "a default reason only for categories that need one")
			}

			parsed, err := tax.ParseCategory(tt.cat.String())
			require.NoError(t, err)
			assert.Equal(t, tt.cat, parsed)
		})
	}
}

func TestCategoryRulesAreConsistent(t *testing.T) {
	for _, c := range tax.Categories() {
		t.Run(string(c), func(t *testing.T) {
			assert.False(t, c.ZeroRateOnly() && c.RequiresPositiveRate(), "a rate cannot be both 0 and positive")
			if !c.HasRate() {
				assert.False(t, c.ZeroRateOnly() || c.RequiresPositiveRate(), "rules about a rate that is not there")
			}
		})
	}
}

func TestCategoryDescriptions(t *testing.T) {
	assert.Equal(t, "VAT exempt for EEA intra-community supply of goods and services", tax.IntraCommunity.Description())
	assert.Equal(t, "Free export item, VAT not charged", tax.Export.Description())
	assert.Equal(t, "Standard rate", tax.StandardRate.Description())
}

func TestParseCategoryRejects(t *testing.T) {
	for _, s := range []string{"", "s", "ae", "X", "VAT", " S", "S "} {
		t.Run(s, func(t *testing.T) {
			c, err := tax.ParseCategory(s)
			assert.Empty(t, c)
			assert.ErrorIs(t, err, tax.ErrUnknownCategory)
			var fe *tax.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "category", fe.Field)
			assert.Equal(t, s, fe.Value)
		})
	}
}

func TestInvalidCategory(t *testing.T) {
	c := tax.Category("X")
	assert.False(t, c.Valid())
	assert.Empty(t, c.Description())
	assert.False(t, c.RequiresExemptionReason())
	assert.False(t, c.ZeroRateOnly())
	assert.False(t, c.RequiresPositiveRate())
	assert.False(t, c.HasRate())
	assert.False(t, c.RequiresBuyerVATID())
}

func TestCategoriesReturnsACopy(t *testing.T) {
	cats := tax.Categories()
	cats[0] = "X"
	assert.Equal(t, tax.StandardRate, tax.Categories()[0])
}
