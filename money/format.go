package money

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Format writes a for people who read the given locale: fr-FR gives
// "1 234 567,89 €", en-US "$1,234,567.89", de-DE "1.234.567,89 €", ja-JP
// "￥1,234,568". The amount is first rounded half away from zero to its
// currency's precision. Separators, digit grouping, digits and currency
// symbols come from the CLDR data of golang.org/x/text; the number itself is
// written digit by digit from its decimal value, so the result is exact at
// any magnitude (no float64 is involved).
func (a Amount) Format(locale language.Tag) string {
	return formatterFor(locale).format(a)
}

// FormatNumber writes a decimal number for the given locale with exactly
// places decimals (rounded half away from zero), without a currency symbol.
func FormatNumber(d decimal.Decimal, places int32, locale language.Tag) string {
	f := formatterFor(locale)
	var b strings.Builder
	f.writeNumber(&b, d.Round(places), places)
	return b.String()
}

// localeFormat is the number notation of one locale, read once from CLDR.
type localeFormat struct {
	tag     language.Tag
	printer *message.Printer
	group   string // grouping separator
	// spaceGroups is set when the group separator is a kind of space: people
	// then type an ordinary, thin or no-break space interchangeably.
	spaceGroups bool
	decimal     string // decimal separator
	primary     int    // size of the rightmost group
	secondary   int    // size of the other groups (2 in en-IN)
	digits      [10]string
	placement   symbolPlacement

	mu      sync.Mutex
	symbols map[Currency]string // currency -> symbol
}

var formatters sync.Map // language.Tag -> *localeFormat

func formatterFor(tag language.Tag) *localeFormat {
	if f, ok := formatters.Load(tag); ok {
		return f.(*localeFormat)
	}
	f := newLocaleFormat(tag)
	actual, _ := formatters.LoadOrStore(tag, f)
	return actual.(*localeFormat)
}

func newLocaleFormat(tag language.Tag) *localeFormat {
	p := message.NewPrinter(tag)
	f := &localeFormat{tag: tag, printer: p, primary: 3, secondary: 3, placement: placementFor(tag), symbols: map[Currency]string{}}
	for i := range f.digits {
		f.digits[i] = string(rune('0' + i))
	}
	// Digits and grouping, from the locale's rendering of 1234567890.
	digitRunes, seps, groups := splitDigits(p.Sprint(number.Decimal(1234567890)))
	if len(digitRunes) == 10 {
		order := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 0}
		for i, r := range digitRunes {
			f.digits[order[i]] = string(r)
		}
	}
	if len(seps) > 0 {
		f.group = seps[0]
		r, _ := utf8.DecodeRuneInString(f.group)
		f.spaceGroups = unicode.IsSpace(r) || r == '\u202f'
	}
	if n := len(groups); n >= 2 {
		f.primary = groups[n-1]
		f.secondary = groups[n-2]
	}
	// Decimal separator, from the rendering of 1.0 (an integer with one
	// fixed decimal, so no float is involved).
	if _, seps, _ := splitDigits(p.Sprint(number.Decimal(1, number.Scale(1)))); len(seps) == 1 {
		f.decimal = seps[0]
	} else {
		f.decimal = "."
	}
	return f
}

// splitDigits returns the digit runes of s, the separators between runs of
// digits, and the length of each run. Leading or trailing marks are dropped.
func splitDigits(s string) (digits []rune, seps []string, groups []int) {
	var sep strings.Builder
	run := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			if run == 0 && len(digits) > 0 {
				seps = append(seps, sep.String())
			}
			sep.Reset()
			digits = append(digits, r)
			run++
			continue
		}
		if run > 0 {
			groups = append(groups, run)
			run = 0
		}
		if len(digits) > 0 {
			sep.WriteRune(r)
		}
	}
	if run > 0 {
		groups = append(groups, run)
	}
	return digits, seps, groups
}

func (f *localeFormat) symbol(c Currency) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if s, ok := f.symbols[c]; ok {
		return s
	}
	s := c.Code()
	if u, ok := c.unit(); ok {
		s = f.printer.Sprint(currency.Symbol(u))
	}
	f.symbols[c] = s
	return s
}

func (f *localeFormat) format(a Amount) string {
	var b strings.Builder
	n := a.number.Round(a.currency.digits)
	if n.Sign() < 0 {
		b.WriteByte('-')
		n = n.Neg()
	}
	if a.currency.IsZero() {
		f.writeNumber(&b, n, a.currency.digits)
		return b.String()
	}
	sym := f.symbol(a.currency)
	switch f.placement {
	case symbolBefore:
		b.WriteString(sym)
		f.writeNumber(&b, n, a.currency.digits)
	case symbolBeforeSpaced:
		b.WriteString(sym)
		b.WriteString("\u00a0")
		f.writeNumber(&b, n, a.currency.digits)
	default:
		f.writeNumber(&b, n, a.currency.digits)
		b.WriteString("\u00a0")
		b.WriteString(sym)
	}
	return b.String()
}

// writeNumber writes d with exactly places decimals in the locale's digits,
// grouping and separators. A negative d gets a leading minus sign.
func (f *localeFormat) writeNumber(b *strings.Builder, d decimal.Decimal, places int32) {
	s := d.StringFixed(places)
	if strings.HasPrefix(s, "-") {
		b.WriteByte('-')
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	for i := 0; i < len(intPart); i++ {
		if i > 0 && f.group != "" {
			left := len(intPart) - i // digits still to write, this one included
			if left == f.primary || (left > f.primary && (left-f.primary)%f.secondary == 0) {
				b.WriteString(f.group)
			}
		}
		b.WriteString(f.digits[intPart[i]-'0'])
	}
	if frac != "" {
		b.WriteString(f.decimal)
		for i := 0; i < len(frac); i++ {
			b.WriteString(f.digits[frac[i]-'0'])
		}
	}
}

// symbolPlacement says where a locale puts the currency symbol.
type symbolPlacement uint8

const (
	symbolAfterSpaced  symbolPlacement = iota // 1 234,56 €
	symbolBefore                              // $1,234.56
	symbolBeforeSpaced                        // € 1.234,56
)

// symbolPlacements gives the position of the currency symbol in the CLDR
// standard currency pattern (numbers/currencyFormats) of common locales. A
// region-specific entry wins over its language's.
var symbolPlacements = map[string]symbolPlacement{
	"fr": symbolAfterSpaced, "de": symbolAfterSpaced, "es": symbolAfterSpaced,
	"it": symbolAfterSpaced, "pt-PT": symbolAfterSpaced, "pl": symbolAfterSpaced,
	"cs": symbolAfterSpaced, "sk": symbolAfterSpaced, "sl": symbolAfterSpaced,
	"hr": symbolAfterSpaced, "hu": symbolAfterSpaced, "ro": symbolAfterSpaced,
	"bg": symbolAfterSpaced, "ru": symbolAfterSpaced, "uk": symbolAfterSpaced,
	"fi": symbolAfterSpaced, "sv": symbolAfterSpaced, "da": symbolAfterSpaced,
	"nb": symbolAfterSpaced, "no": symbolAfterSpaced, "el": symbolAfterSpaced,
	"lt": symbolAfterSpaced, "lv": symbolAfterSpaced, "et": symbolAfterSpaced,
	"ca": symbolAfterSpaced,
	"nl": symbolBeforeSpaced, "pt": symbolBeforeSpaced, "de-AT": symbolBeforeSpaced,
	"de-CH": symbolBeforeSpaced, "fr-CH": symbolAfterSpaced,
	"en": symbolBefore, "ja": symbolBefore, "zh": symbolBefore, "ko": symbolBefore,
	"th": symbolBefore, "tr": symbolBefore, "he": symbolAfterSpaced,
}

func placementFor(tag language.Tag) symbolPlacement {
	base, _ := tag.Base()
	if region, conf := tag.Region(); conf == language.Exact {
		if p, ok := symbolPlacements[base.String()+"-"+region.String()]; ok {
			return p
		}
	}
	if p, ok := symbolPlacements[base.String()]; ok {
		return p
	}
	return symbolBefore
}

// ParseLocalized reads an amount in currency c written for people of the
// given locale, as Format writes it: "1 234 567,89 €" in fr-FR,
// "-$1,234.50" in en-US. The currency symbol or code is optional, grouping
// separators are optional, and the locale's digits are accepted. Text that is
// not such a number is a *ParseError.
func ParseLocalized(s string, c Currency, locale language.Tag) (Amount, error) {
	if len(s) > maxInputLen {
		return Amount{}, &ParseError{Input: s[:maxInputLen] + "…", Reason: "too long"}
	}
	f := formatterFor(locale)
	rest := strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(rest, "-") {
		neg, rest = true, rest[1:]
	}
	for _, affix := range []string{f.symbol(c), c.Code()} {
		if affix == "" {
			continue
		}
		rest = strings.TrimPrefix(rest, affix)
		rest = strings.TrimSuffix(rest, affix)
	}
	rest = strings.Trim(rest, " \u00a0\u202f")
	if !neg && strings.HasPrefix(rest, "-") {
		neg, rest = true, rest[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for len(rest) > 0 {
		switch {
		case f.group != "" && strings.HasPrefix(rest, f.group):
			rest = rest[len(f.group):]
		case f.spaceGroups && strings.ContainsRune(" \u00a0\u202f\u2009", firstRune(rest)):
			rest = rest[utf8.RuneLen(firstRune(rest)):]
		case strings.HasPrefix(rest, f.decimal):
			b.WriteByte('.')
			rest = rest[len(f.decimal):]
		default:
			d, ok := f.digitAt(rest)
			if !ok {
				return Amount{}, &ParseError{Input: s, Reason: "not a number in this locale"}
			}
			b.WriteByte('0' + byte(d))
			rest = rest[len(f.digits[d]):]
		}
	}
	n, err := ParseNumber(b.String())
	if err != nil {
		return Amount{}, &ParseError{Input: s, Reason: "not a number in this locale", Err: err}
	}
	return Amount{number: n, currency: c}, nil
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func (f *localeFormat) digitAt(s string) (int, bool) {
	for d, text := range f.digits {
		if strings.HasPrefix(s, text) {
			return d, true
		}
	}
	if s[0] >= '0' && s[0] <= '9' {
		return int(s[0] - '0'), true
	}
	return 0, false
}
