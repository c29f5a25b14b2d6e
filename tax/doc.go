// Package tax describes value added tax the way EN 16931 invoices need it:
// the VAT category of each line, the rules that come with each category,
// the reasons for exemption, and the rates in force by country and date.
//
// A [Category] is one of the UNCL5305 codes that EN 16931 allows (S, Z, E,
// AE, K, G, O, L, M). Its methods state the business rules of the standard
// that depend on it, so that the invoice package can check a line without
// a table of its own: which rate it may carry, whether an exemption reason
// is required or forbidden, whether the buyer's VAT identifier is needed.
//
// An [ExemptionReason] is a VATEX code with its text, for the categories
// that require one ([Category.RequiresExemptionReason]).
//
// [Rates] is a table of VAT rates by country, kind of rate and start date.
// [DefaultRates] returns a new table preloaded with the rates of a few EU
// member states since the dates billkit needs; hosts add or correct rates
// with [Rates.Register]. Rates are percentages held as decimals, never
// floating point.
//
//	rates := tax.DefaultRates()
//	pct, err := rates.Lookup("FR", tax.Standard, date.MustParse("2026-01-31"))
//	// pct is 20, err is nil
//
// The package imports nothing of billkit but the date package.
package tax
