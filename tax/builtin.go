package tax

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
)

// builtinRate is one row of the rates DefaultRates starts with.
type builtinRate struct {
	country string
	kind    RateKind
	from    date.Date
	percent decimal.Decimal
}

// row builds a built-in rate from literals; a bad literal stops the
// program at start-up, which the tests catch.
func row(country string, kind RateKind, year int, month time.Month, day int, percent string) builtinRate {
	return builtinRate{country, kind, date.MustNew(year, month, day), decimal.RequireFromString(percent)}
}

// builtinRates are the rates billkit knows out of the box, with the date
// each one took effect. The first date of a series is the earliest billkit
// carries, not necessarily the day the rate was introduced: invoices dated
// before it get a NoRateError rather than a guess.
//
// Sources: European Commission, DG Taxation and Customs Union, "VAT rates
// applied in the Member States of the European Union" (published twice a
// year), and the national laws named below.
var builtinRates = []builtinRate{
	// France: Code général des impôts, articles 278 (standard rate), 278-0
	// bis to 278 bis (5.5 %), 279 (intermediate rate) and 281 quater to 281
	// nonies (2.1 %). The standard and intermediate rates were raised on
	// 2014-01-01 by the loi de finances rectificative pour 2012; the 7 %
	// intermediate rate was created on 2012-01-01.
	row("FR", Standard, 2000, time.April, 1, "19.6"),
	row("FR", Standard, 2014, time.January, 1, "20"),
	row("FR", Intermediate, 2012, time.January, 1, "7"),
	row("FR", Intermediate, 2014, time.January, 1, "10"),
	row("FR", Reduced, 2000, time.April, 1, "5.5"),
	row("FR", SuperReduced, 2000, time.April, 1, "2.1"),

	// Germany: Umsatzsteuergesetz § 12. The rates were lowered from
	// 2020-07-01 to 2020-12-31 by the Zweites Corona-Steuerhilfegesetz.
	row("DE", Standard, 2007, time.January, 1, "19"),
	row("DE", Standard, 2020, time.July, 1, "16"),
	row("DE", Standard, 2021, time.January, 1, "19"),
	row("DE", Reduced, 2007, time.January, 1, "7"),
	row("DE", Reduced, 2020, time.July, 1, "5"),
	row("DE", Reduced, 2021, time.January, 1, "7"),

	// Spain: Ley 37/1992 del IVA, articles 90 and 91, as amended by Real
	// Decreto-ley 20/2012 from 2012-09-01.
	row("ES", Standard, 2012, time.September, 1, "21"),
	row("ES", Reduced, 2012, time.September, 1, "10"),
	row("ES", SuperReduced, 2012, time.September, 1, "4"),

	// Italy: DPR 633/1972, article 16; the standard rate has been 22 %
	// since 2013-10-01.
	row("IT", Standard, 2013, time.October, 1, "22"),
	row("IT", Reduced, 2013, time.October, 1, "10"),
	row("IT", SuperReduced, 2013, time.October, 1, "4"),

	// Belgium: Code de la TVA, article 37, and Royal Decree No 20; the
	// standard rate has been 21 % since 1996-01-01.
	row("BE", Standard, 1996, time.January, 1, "21"),
	row("BE", Intermediate, 1996, time.January, 1, "12"),
	row("BE", Reduced, 1996, time.January, 1, "6"),

	// Netherlands: Wet op de omzetbelasting 1968, article 9; standard rate
	// 21 % since 2012-10-01, reduced rate 9 % since 2019-01-01.
	row("NL", Standard, 2012, time.October, 1, "21"),
	row("NL", Reduced, 2012, time.October, 1, "6"),
	row("NL", Reduced, 2019, time.January, 1, "9"),

	// Luxembourg: loi modifiée du 12 février 1979 concernant la TVA,
	// articles 39 and 40. The 2015 rates were set by the law of
	// 19 December 2014. The law of 26 October 2022 lowered the standard,
	// intermediate and reduced rates by one point for 2023 only; the
	// super-reduced rate stayed at 3 %.
	row("LU", Standard, 2015, time.January, 1, "17"),
	row("LU", Standard, 2023, time.January, 1, "16"),
	row("LU", Standard, 2024, time.January, 1, "17"),
	row("LU", Intermediate, 2015, time.January, 1, "14"),
	row("LU", Intermediate, 2023, time.January, 1, "13"),
	row("LU", Intermediate, 2024, time.January, 1, "14"),
	row("LU", Reduced, 2015, time.January, 1, "8"),
	row("LU", Reduced, 2023, time.January, 1, "7"),
	row("LU", Reduced, 2024, time.January, 1, "8"),
	row("LU", SuperReduced, 2015, time.January, 1, "3"),
}

// DefaultRates returns a new table holding the rates billkit knows for
// France, Germany, Spain, Italy, Belgium, the Netherlands and Luxembourg.
// Each call returns a separate table, so rates one host registers are
// never seen by another; hosts that need other countries register them.
//
// The built-in data covers the standard rate and the main reduced rates
// from the dates given in the source; it is a convenience, and the host
// remains responsible for the rates it invoices with.
func DefaultRates() *Rates {
	r := NewRates()
	for _, b := range builtinRates {
		// The built-in rows are valid and unique; a test checks it by
		// registering every one of them.
		r.insert(b.country, b.kind, b.from, b.percent)
	}
	return r
}
