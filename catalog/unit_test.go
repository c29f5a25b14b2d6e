package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/catalog"
)

func TestUnitCodeValid(t *testing.T) {
	tests := []struct {
		code catalog.UnitCode
		want bool
	}{
		{catalog.UnitOne, true},
		{catalog.UnitHour, true},
		{catalog.UnitMegabyte, true},
		{"LS", true},
		{"10", true},
		{"", false},
		{"C", false},
		{"C620", false},
		{"hur", false},
		{"H-7", false},
		{"É1", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.code.Valid())
		})
	}
}

func TestUnitCodeDescription(t *testing.T) {
	tests := []struct {
		code catalog.UnitCode
		want string
	}{
		{catalog.UnitOne, "one"},
		{catalog.UnitPiece, "piece"},
		{catalog.UnitHour, "hour"},
		{catalog.UnitDay, "day"},
		{catalog.UnitMonth, "month"},
		{catalog.UnitYear, "year"},
		{catalog.UnitKilowattHour, "kilowatt hour"},
		{catalog.UnitGigabyte, "gigabyte"},
		{"GB", ""}, // a US gallon per day, not a gigabyte
		{"ZZZ", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.code.Description())
		})
	}
}

func TestUnitCodesAreWellFormed(t *testing.T) {
	for _, u := range []catalog.UnitCode{
		catalog.UnitOne, catalog.UnitPiece, catalog.UnitLumpSum, catalog.UnitSecond, catalog.UnitMinute,
		catalog.UnitHour, catalog.UnitDay, catalog.UnitWeek, catalog.UnitMonth, catalog.UnitYear,
		catalog.UnitKilowattHour, catalog.UnitMegabyte, catalog.UnitGigabyte, catalog.UnitTerabyte,
		catalog.UnitKilogram, catalog.UnitMetre, catalog.UnitLitre,
	} {
		t.Run(string(u), func(t *testing.T) {
			assert.True(t, u.Valid())
			assert.NotEmpty(t, u.Description())
		})
	}
}
