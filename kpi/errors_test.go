package kpi_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
)

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		err  error
		is   []error
		text string
	}{
		{"undefined", &kpi.UndefinedError{KPI: "DSO", Reason: "no sales", Err: kpi.ErrNoSales},
			[]error{kpi.ErrUndefined, kpi.ErrNoSales}, "kpi: DSO is undefined: no sales"},
		{"undefined without cause", &kpi.UndefinedError{KPI: "ARPA", Reason: "nobody"},
			[]error{kpi.ErrUndefined}, "kpi: ARPA is undefined: nobody"},
		{"currency", &kpi.CurrencyError{Field: "contracts[2].currency", Want: money.EUR, Got: money.USD},
			[]error{kpi.ErrMixedCurrencies, money.ErrCurrencyMismatch},
			"kpi: contracts[2].currency is in USD, the indicator is in EUR: compute each currency apart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, target := range tt.is {
				assert.True(t, errors.Is(tt.err, target), "%v is not %v", tt.err, target)
			}
			assert.Equal(t, tt.text, tt.err.Error())
		})
	}
	assert.False(t, errors.Is(&kpi.UndefinedError{Err: kpi.ErrNoSales}, kpi.ErrZeroChurn))
}
