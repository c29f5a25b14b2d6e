package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/validation"
)

func TestValidateParty(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Party)
		want   []string
	}{
		{"valid", func(p *Party) {}, nil},
		{"no name", func(p *Party) { p.Name = "  " }, []string{"buyer.name BR-07"}},
		{"no address", func(p *Party) { p.Address = Address{} }, []string{"buyer.address BR-10"}},
		{"no country", func(p *Party) { p.Address.Country = "" }, []string{"buyer.address.country BR-11"}},
		{"reserved code UK", func(p *Party) { p.Address.Country = "UK" }, []string{"buyer.address.country invalid"}},
		{"lower case country", func(p *Party) { p.Address.Country = "de" }, []string{"buyer.address.country invalid"}},
		{"Greek VAT prefix", func(p *Party) { p.VATID = "EL123456789" }, nil},
		{"VAT identifier without country", func(p *Party) { p.VATID = "123456789" }, []string{"buyer.vat_id BR-CO-09"}},
		{"electronic address without scheme", func(p *Party) { p.ElectronicAddress.Value = "x@example.com" },
			[]string{"buyer.electronic_address.scheme BR-63"}},
		{"electronic address without value", func(p *Party) { p.ElectronicAddress.Scheme = "EM" },
			[]string{"buyer.electronic_address.value required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := germanBusiness()
			tt.change(&p)
			var errs validation.Errors
			validateParty(&errs, p, buyerRules)
			assert.Equal(t, tt.want, faults(t, errs.Err()))
		})
	}
	var errs validation.Errors
	validateParty(&errs, Party{}, sellerRules)
	assert.Equal(t, []string{"seller.name BR-06", "seller.address BR-08"}, faults(t, errs.Err()))
}

func TestAddressAndElectronicAddressIsZero(t *testing.T) {
	assert.True(t, Address{}.IsZero())
	assert.False(t, Address{Country: "FR"}.IsZero())
	assert.True(t, ElectronicAddress{}.IsZero())
	assert.False(t, ElectronicAddress{Scheme: "EM"}.IsZero())
}
