// Package money holds exact monetary amounts in any ISO 4217 currency.
//
// An [Amount] is an immutable value: a decimal number (never a float64) and a
// [Currency]. Arithmetic never mixes currencies silently: adding euros to
// dollars returns a [*MismatchError]. The zero Amount has no currency and can
// be added to any amount, so it is a convenient starting value for sums.
//
// Precision comes from the currency (EUR has 2 minor digits, JPY 0, KWD 3),
// and rounding happens only where the caller asks for it, with an explicit
// [RoundingMode]. [RoundHalfAwayFromZero], the EN 16931 and French practice,
// is the default. Splitting an amount with [Amount.Allocate] or [Amount.Split]
// gives parts that always sum exactly to the whole.
//
//	price := money.MustParse("100.00 EUR")
//	parts, _ := price.Split(3) // 33.34 EUR, 33.33 EUR, 33.33 EUR
//	total, _ := money.Sum(parts...)
//	fmt.Println(total) // 100.00 EUR
//
// [Amount.InBounds] says whether an amount is one billkit accepts from a
// user: below 10^[MaxIntegerDigits] major units, at its currency's
// precision.
//
// The package never reads or changes the package-level settings of
// github.com/shopspring/decimal: every division states its precision.
package money
