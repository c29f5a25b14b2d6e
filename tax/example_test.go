package tax_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/tax"
)

func ExampleRates_Lookup() {
	rates := tax.DefaultRates()

	for _, on := range []string{"2013-12-31", "2014-01-01"} {
		pct, _ := rates.Lookup("FR", tax.Standard, date.MustParse(on))
		fmt.Printf("France, standard rate on %s: %s %%\n", on, pct)
	}

	_, err := rates.Lookup("FR", tax.Standard, date.MustParse("1999-12-31"))
	fmt.Println(errors.Is(err, tax.ErrNoRate), err)
	// Output:
	// France, standard rate on 2013-12-31: 19.6 %
	// France, standard rate on 2014-01-01: 20 %
	// true tax: no standard VAT rate known for "FR" on 1999-12-31
}

func ExampleRates_Register() {
	rates := tax.DefaultRates()
	err := rates.Register("CH", tax.Standard, date.MustParse("2024-01-01"), decimal.RequireFromString("8.1"))
	fmt.Println(err)

	err = rates.Register("ch", tax.Standard, date.MustParse("2024-01-01"), decimal.RequireFromString("8.1"))
	var fe *tax.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, errors.Is(err, tax.ErrInvalidRate))
	}

	pct, _ := rates.Lookup("CH", tax.Standard, date.MustParse("2026-01-01"))
	fmt.Println(pct)
	// Output:
	// <nil>
	// country true
	// 8.1
}

func ExampleCategory() {
	for _, c := range []tax.Category{tax.StandardRate, tax.ReverseCharge, tax.OutsideScope} {
		fmt.Printf("%s, %s:\n", c, c.Description())
		fmt.Printf("  exemption reason required: %v\n", c.RequiresExemptionReason())
		fmt.Printf("  carries a rate: %v, must be 0: %v, must be positive: %v\n",
			c.HasRate(), c.ZeroRateOnly(), c.RequiresPositiveRate())
		fmt.Printf("  buyer VAT identifier required: %v\n", c.RequiresBuyerVATID())
	}
	// Output:
	// S, Standard rate:
	//   exemption reason required: false
	//   carries a rate: true, must be 0: false, must be positive: true
	//   buyer VAT identifier required: false
	// AE, VAT Reverse Charge:
	//   exemption reason required: true
	//   carries a rate: true, must be 0: true, must be positive: false
	//   buyer VAT identifier required: true
	// O, Services outside scope of tax:
	//   exemption reason required: true
	//   carries a rate: false, must be 0: false, must be positive: false
	//   buyer VAT identifier required: false
}

func ExampleDefaultExemptionReason() {
	for _, c := range []tax.Category{tax.ReverseCharge, tax.IntraCommunity, tax.Exempt} {
		if r, ok := tax.DefaultExemptionReason(c); ok {
			fmt.Printf("%s: %s %q\n", c, r.Code, r.Text)
		} else {
			fmt.Printf("%s: no default, choose one\n", c)
		}
	}
	r, _ := tax.LookupExemptionReason("VATEX-FR-FRANCHISE")
	fmt.Println(r.Text)
	// Output:
	// AE: VATEX-EU-AE "Reverse charge"
	// K: VATEX-EU-IC "Intra-Community supply"
	// E: no default, choose one
	// VAT exemption, article 293 B of the French General Tax Code (CGI)
}
