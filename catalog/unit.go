package catalog

// UnitCode is a unit of measure from UN/ECE Recommendation 20, "Codes for
// Units of Measure Used in International Trade", the list that EN 16931
// requires for the unit of an invoiced quantity (BT-130). A code is two or
// three upper-case letters or digits, such as "C62", "HUR" or "4L".
//
// The catalog checks the format of a code, not its presence in the full
// list of about two thousand codes; Description names the common ones
// declared below.
type UnitCode string

// Common unit codes of Recommendation 20. Note that the code for a gigabyte
// is E34: "GB" is the code for a US gallon per day.
const (
	UnitOne          UnitCode = "C62" // one: a unit counted without a more specific unit
	UnitPiece        UnitCode = "H87" // piece
	UnitLumpSum      UnitCode = "LS"  // lump sum
	UnitSecond       UnitCode = "SEC" // second
	UnitMinute       UnitCode = "MIN" // minute
	UnitHour         UnitCode = "HUR" // hour
	UnitDay          UnitCode = "DAY" // day
	UnitWeek         UnitCode = "WEE" // week
	UnitMonth        UnitCode = "MON" // month
	UnitYear         UnitCode = "ANN" // year
	UnitKilowattHour UnitCode = "KWH" // kilowatt hour
	UnitMegabyte     UnitCode = "4L"  // megabyte
	UnitGigabyte     UnitCode = "E34" // gigabyte
	UnitTerabyte     UnitCode = "E35" // terabyte
	UnitKilogram     UnitCode = "KGM" // kilogram
	UnitMetre        UnitCode = "MTR" // metre
	UnitLitre        UnitCode = "LTR" // litre
)

var unitDescriptions = map[UnitCode]string{
	UnitOne:          "one",
	UnitPiece:        "piece",
	UnitLumpSum:      "lump sum",
	UnitSecond:       "second",
	UnitMinute:       "minute",
	UnitHour:         "hour",
	UnitDay:          "day",
	UnitWeek:         "week",
	UnitMonth:        "month",
	UnitYear:         "year",
	UnitKilowattHour: "kilowatt hour",
	UnitMegabyte:     "megabyte",
	UnitGigabyte:     "gigabyte",
	UnitTerabyte:     "terabyte",
	UnitKilogram:     "kilogram",
	UnitMetre:        "metre",
	UnitLitre:        "litre",
}

// Valid reports whether u has the format of a Recommendation 20 code: two
// or three characters, each an upper-case ASCII letter or a digit.
func (u UnitCode) Valid() bool {
	if len(u) < 2 || len(u) > 3 {
		return false
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// Description returns the English name of one of the codes declared by this
// package, such as "hour" for HUR, and "" for any other code.
func (u UnitCode) Description() string { return unitDescriptions[u] }
