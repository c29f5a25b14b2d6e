package catalog

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/validation"
)

func TestNumberFault(t *testing.T) {
	tests := []struct {
		name string
		in   decimal.Decimal
		code string
	}{
		{"zero", decimal.Decimal{}, ""},
		{"one", decimal.NewFromInt(1), ""},
		{"sub-cent", decimal.RequireFromString("0.0015"), ""},
		{"10^15", decimal.New(1, 15), ""},
		{"just below 10^24", decimal.RequireFromString("999999999999999999999999.999999999999999999"), ""},
		{"18 decimals", decimal.New(1, -18), ""},
		{"trailing zeros beyond 18 decimals", decimal.New(10000, -22), ""},
		{"negative", decimal.NewFromInt(-1), validation.CodeOutOfRange},
		{"tiny negative", decimal.New(-1, -18), validation.CodeOutOfRange},
		{"10^24", decimal.New(1, 24), validation.CodeOutOfRange},
		{"huge exponent", decimal.New(1, 1_000_000_000), validation.CodeOutOfRange},
		{"19 decimals", decimal.New(1, -19), validation.CodeOutOfRange},
		{"tiny exponent", decimal.New(1, -1_000_000_000), validation.CodeOutOfRange},
		{"tiny exponent, many digits", decimal.New(1234567, -1_000_000_000), validation.CodeOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, msg := numberFault(tt.in)
			assert.Equal(t, tt.code, code)
			assert.Equal(t, tt.code == "", msg == "", "message %q", msg)
		})
	}
}

func TestCheckQuantity(t *testing.T) {
	assert.NoError(t, checkQuantity(decimal.NewFromInt(3)))
	err := checkQuantity(decimal.NewFromInt(-3))
	var ve *validation.Error
	if assert.ErrorAs(t, err, &ve) {
		assert.True(t, ve.Has("quantity", validation.CodeOutOfRange))
	}
}
