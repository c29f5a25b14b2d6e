package render

import (
	"strconv"

	"golang.org/x/text/language"

	"github.com/billkit/billkit/date"
)

var monthNames = map[language.Tag][12]string{
	language.French: {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"},
	language.English: {"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"},
}

// formatDate writes d for the options: "30 novembre 2026" or "30/11/2026"
// in French ("1er" for the first day of a month, as French writes it),
// "November 30, 2026" or "11/30/2026" in American English, "30 November
// 2026" or "30/11/2026" in other English. The zero Date is "".
func formatDate(d date.Date, o Options) string {
	if d.IsZero() {
		return ""
	}
	lang := o.lang()
	day, month, year := strconv.Itoa(d.Day()), int(d.Month()), strconv.Itoa(d.Year())
	if o.Dates == DateNumeric {
		dd, mm := pad2(d.Day()), pad2(month)
		if o.monthFirst() {
			return mm + "/" + dd + "/" + year
		}
		return dd + "/" + mm + "/" + year
	}
	name := monthNames[lang][month-1]
	switch {
	case lang == language.French && d.Day() == 1:
		return "1er " + name + " " + year
	case o.monthFirst():
		return name + " " + day + ", " + year
	}
	return day + " " + name + " " + year
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
