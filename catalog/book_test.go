package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/validation"
)

func TestPriceBookValidate(t *testing.T) {
	tests := []struct {
		name   string
		book   catalog.PriceBook
		faults [][2]string
	}{
		{"valid", catalog.PriceBook{ID: "std", Name: "Standard EUR", Active: true}, nil},
		{"inactive", catalog.PriceBook{ID: "old", Name: "Legacy"}, nil},
		{"empty", catalog.PriceBook{}, [][2]string{{"id", validation.CodeRequired}, {"name", validation.CodeRequired}}},
		{"padded", catalog.PriceBook{ID: "std ", Name: " Partners"}, [][2]string{{"id", validation.CodeInvalid}, {"name", validation.CodeInvalid}}},
		{"control characters", catalog.PriceBook{ID: "std\x00", Name: "Part\nners"}, [][2]string{{"id", validation.CodeInvalid}, {"name", validation.CodeInvalid}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.book.Validate()
			if tt.faults == nil {
				assert.NoError(t, err)
				return
			}
			requireFaults(t, err, tt.faults...)
		})
	}
}
