package money_test

import (
	"errors"
	"fmt"

	"github.com/billkit/billkit/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

func ExampleAmount() {
	price := money.MustParse("19.99 EUR")
	line := price.Mul(decimal.NewFromInt(3))
	fmt.Println(line)

	_, err := line.Add(money.MustParse("5.00 USD"))
	fmt.Println(errors.Is(err, money.ErrCurrencyMismatch), err)
	// Output:
	// 59.97 EUR
	// true money: cannot add EUR and USD amounts
}

func ExampleAmount_Add_sum() {
	var total money.Amount // the zero Amount adopts the first currency it meets
	for _, s := range []string{"10.00 EUR", "2.50 EUR", "0.05 EUR"} {
		total, _ = total.Add(money.MustParse(s))
	}
	fmt.Println(total)
	// Output: 12.55 EUR
}

func ExampleAmount_Allocate() {
	// 10 % at signature, 25 % at delivery, the rest at acceptance.
	total := money.MustParse("1234.57 EUR")
	parts, _ := total.Allocate(decimal.NewFromInt(10), decimal.NewFromInt(25), decimal.NewFromInt(65))
	fmt.Println(parts)
	sum, _ := money.Sum(parts...)
	fmt.Println(sum)
	// Output:
	// [123.46 EUR 308.64 EUR 802.47 EUR]
	// 1234.57 EUR
}

func ExampleAmount_Split() {
	parts, _ := money.MustParse("100.00 EUR").Split(3)
	fmt.Println(parts)
	parts, _ = money.MustParse("-100 JPY").Split(3)
	fmt.Println(parts)
	// Output:
	// [33.34 EUR 33.33 EUR 33.33 EUR]
	// [-34 JPY -33 JPY -33 JPY]
}

func ExampleAmount_Round() {
	a := money.MustParse("2.345 EUR")
	for _, mode := range []money.RoundingMode{money.RoundHalfAwayFromZero, money.RoundHalfEven, money.RoundDown} {
		r, _ := a.Round(mode)
		fmt.Println(mode, r)
	}
	jpy, _ := money.MustParse("1234.5 JPY").Round(money.RoundHalfAwayFromZero)
	fmt.Println(jpy)
	// Output:
	// half_away_from_zero 2.35 EUR
	// half_even 2.34 EUR
	// down 2.34 EUR
	// 1235 JPY
}

func ExampleAmount_Format() {
	eur := money.MustParse("1234567.89 EUR")
	fmt.Printf("%q\n", eur.Format(language.MustParse("fr-FR")))
	fmt.Printf("%q\n", eur.Format(language.MustParse("de-DE")))
	fmt.Println(money.MustParse("1234567.89 USD").Format(language.AmericanEnglish))
	fmt.Println(money.MustParse("1234567.89 JPY").Format(language.MustParse("ja-JP")))
	// Output:
	// "1\u00a0234\u00a0567,89\u00a0€"
	// "1.234.567,89\u00a0€"
	// $1,234,567.89
	// ￥1,234,568
}

func ExampleParseLocalized() {
	a, err := money.ParseLocalized("1 234,50 €", money.EUR, language.French)
	fmt.Println(a, err)
	// Output: 1234.50 EUR <nil>
}

func ExampleParse() {
	a, err := money.Parse("EUR 1234.5")
	fmt.Println(a, err)
	_, err = money.Parse("12,5 EUR")
	fmt.Println(errors.Is(err, money.ErrInvalidAmount))
	// Output:
	// 1234.50 EUR <nil>
	// true
}

func ExampleParseCurrency() {
	for _, code := range []string{"EUR", "JPY", "KWD"} {
		c, _ := money.ParseCurrency(code)
		fmt.Println(c, c.Digits())
	}
	_, err := money.ParseCurrency("ABC")
	fmt.Println(err)
	// Output:
	// EUR 2
	// JPY 0
	// KWD 3
	// money: unknown currency code "ABC"
}

// AppendText writes amounts as String does into a buffer the caller
// reuses, as a report or a key of many amounts would.
func ExampleAmount_AppendText() {
	buf := make([]byte, 0, 64)
	for _, s := range []string{"1250.5 EUR", "-0.05 EUR", "1200 JPY"} {
		buf, _ = money.MustParse(s).AppendText(buf[:0])
		fmt.Println(string(buf))
	}
	// Output:
	// 1250.50 EUR
	// -0.05 EUR
	// 1200 JPY
}

// InBounds is what billkit accepts as an amount from a user: below 10^15
// major units, at the currency's precision.
func ExampleAmount_InBounds() {
	for _, s := range []string{"1800.00 EUR", "1800.005 EUR", "999999999999999.99 EUR", "1000000000000000 EUR"} {
		a, err := money.Parse(s)
		if err != nil {
			fmt.Println(s, err)
			continue
		}
		fmt.Println(s, a.InBounds())
	}
	// Output:
	// 1800.00 EUR true
	// 1800.005 EUR false
	// 999999999999999.99 EUR true
	// 1000000000000000 EUR false
}
