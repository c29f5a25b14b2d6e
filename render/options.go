package render

import (
	"golang.org/x/text/language"
)

// DateStyle is how dates are written.
type DateStyle uint8

const (
	// DateLong writes the month in words: "30 novembre 2026" in French,
	// "November 30, 2026" in American English.
	DateLong DateStyle = iota
	// DateNumeric writes digits: "30/11/2026" in French, "11/30/2026" in
	// American English.
	DateNumeric
)

// Options sets how a document is rendered. The zero value renders in
// American English with long dates.
type Options struct {
	// Locale is the reader's locale. Amounts and numbers follow it, with
	// the CLDR data of golang.org/x/text (fr-FR: 1 234,56 €; en-US:
	// €1,234.56); texts and dates are in French for French locales and in
	// English otherwise, day first for English outside the United States.
	Locale language.Tag
	// Dates is the date style (DateLong).
	Dates DateStyle
	// Title replaces the document's title ("Facture", "Invoice", ...).
	Title string
}

// supported are the languages of the texts, the first one the fallback.
var supported = []language.Tag{language.English, language.French}

var matcher = language.NewMatcher(supported)

// lang returns the language of the texts for the options' locale.
func (o Options) lang() language.Tag {
	_, i, conf := matcher.Match(o.Locale)
	if conf == language.No {
		return language.English
	}
	return supported[i]
}

// monthFirst reports whether numeric and long dates put the month first,
// as in the United States.
func (o Options) monthFirst() bool {
	if o.lang() != language.English {
		return false
	}
	region, conf := o.Locale.Region()
	return conf == language.No || region.String() == "US" || region.String() == "ZZ"
}
