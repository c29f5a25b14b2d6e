package catalog_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

func TestErrors(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		sentinel error
		message  string
	}{
		{"not found", &catalog.NotFoundError{Kind: catalog.KindBook, ID: "std"}, catalog.ErrNotFound,
			`catalog: price book "std" not found`},
		{"no price", &catalog.NoPriceError{ProductID: "p1", BookID: "std", Currency: money.JPY, On: date.MustParse("2026-02-01")},
			catalog.ErrNoPrice, `catalog: no price for product "p1" in price book "std" in JPY on 2026-02-01`},
		{"archived", &catalog.InactiveError{Kind: catalog.KindProduct, ID: "p1"}, catalog.ErrInactive,
			`catalog: product "p1" is archived`},
		{"inactive book", &catalog.InactiveError{Kind: catalog.KindBook, ID: "std"}, catalog.ErrInactive,
			`catalog: price book "std" is inactive`},
		{"transition", &catalog.TransitionError{ProductID: "p1", From: catalog.ProductArchived, To: catalog.ProductArchived},
			catalog.ErrInvalidTransition, `catalog: product "p1" cannot go from archived to archived`},
		{"model", &catalog.ModelError{PriceID: "v1", Model: catalog.ModelPercentage, Want: "a base amount"},
			catalog.ErrWrongModel, `catalog: price "v1" uses the percentage model, which needs a base amount`},
		{"zero price", &catalog.ModelError{}, catalog.ErrWrongModel, `catalog: the zero Price has no pricing model`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.message, tt.err.Error())
			assert.ErrorIs(t, tt.err, tt.sentinel)
			for _, other := range []error{catalog.ErrNotFound, catalog.ErrNoPrice, catalog.ErrInactive,
				catalog.ErrInvalidTransition, catalog.ErrWrongModel} {
				if other != tt.sentinel {
					assert.False(t, errors.Is(tt.err, other), "%v is not %v", tt.err, other)
				}
			}
		})
	}
}
