package catalog_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

func TestProductValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(p *catalog.Product)
		faults [][2]string
	}{
		{"valid", func(*catalog.Product) {}, nil},
		{"archived", func(p *catalog.Product) { p.Status = catalog.ProductArchived }, nil},
		{"missing everything", func(p *catalog.Product) { *p = catalog.Product{} }, [][2]string{
			{"id", validation.CodeRequired}, {"sku", validation.CodeRequired}, {"name", validation.CodeRequired},
			{"unit", validation.CodeRequired}, {"tax_category", validation.CodeRequired},
		}},
		{"padded sku", func(p *catalog.Product) { p.SKU = " API" }, [][2]string{{"sku", validation.CodeInvalid}}},
		{"long name", func(p *catalog.Product) { p.Name = strings.Repeat("n", 201) }, [][2]string{{"name", validation.CodeOutOfRange}}},
		{"NUL in the name", func(p *catalog.Product) { p.Name = "API\x00" }, [][2]string{{"name", validation.CodeInvalid}}},
		{"invalid UTF-8 in the SKU", func(p *catalog.Product) { p.SKU = "API-\xff" }, [][2]string{{"sku", validation.CodeInvalid}}},
		{"an escape in the description", func(p *catalog.Product) { p.Description = "calls\x1b[2J" }, [][2]string{{"description", validation.CodeInvalid}}},
		{"a description of several lines", func(p *catalog.Product) { p.Description = "Calls to the API,\r\n\tbilled monthly" }, nil},
		{"lower-case unit", func(p *catalog.Product) { p.Unit = "hur" }, [][2]string{{"unit", validation.CodeInvalid}}},
		{"unknown status", func(p *catalog.Product) { p.Status = "deleted" }, [][2]string{{"status", validation.CodeNotAllowed}}},
		{"unknown category", func(p *catalog.Product) { p.TaxCategory = "X" }, [][2]string{{"tax_category", validation.CodeNotAllowed}}},
		{"unknown rate kind", func(p *catalog.Product) { p.RateKind = "tiny" }, [][2]string{{"rate_kind", validation.CodeNotAllowed}}},
		{"standard without kind", func(p *catalog.Product) { p.RateKind = "" }, [][2]string{{"rate_kind", validation.CodeRequired}}},
		{"standard at zero", func(p *catalog.Product) { p.RateKind = tax.Zero }, [][2]string{{"rate_kind", validation.CodeInconsistent}}},
		{"standard reduced", func(p *catalog.Product) { p.RateKind = tax.Reduced }, nil},
		{"zero rated", func(p *catalog.Product) { p.TaxCategory, p.RateKind = tax.ZeroRated, tax.Zero }, nil},
		{"exempt without kind", func(p *catalog.Product) { p.TaxCategory, p.RateKind = tax.Exempt, "" }, nil},
		{"exempt at reduced rate", func(p *catalog.Product) { p.TaxCategory, p.RateKind = tax.Exempt, tax.Reduced },
			[][2]string{{"rate_kind", validation.CodeInconsistent}}},
		{"outside scope with kind", func(p *catalog.Product) { p.TaxCategory, p.RateKind = tax.OutsideScope, tax.Zero },
			[][2]string{{"rate_kind", validation.CodeForbidden}}},
		{"outside scope", func(p *catalog.Product) { p.TaxCategory, p.RateKind = tax.OutsideScope, "" }, nil},
		{"canary islands", func(p *catalog.Product) { p.TaxCategory, p.RateKind = tax.CanaryIslands, "" }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := baseProduct()
			tt.edit(&p)
			err := p.Validate()
			if tt.faults == nil {
				assert.NoError(t, err)
				return
			}
			requireFaults(t, err, tt.faults...)
		})
	}
}

func TestProductIsActive(t *testing.T) {
	tests := []struct {
		status catalog.ProductStatus
		want   bool
	}{
		{"", true},
		{catalog.ProductActive, true},
		{catalog.ProductArchived, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.status), func(t *testing.T) {
			p := baseProduct()
			p.Status = tt.status
			assert.Equal(t, tt.want, p.IsActive())
		})
	}
}
