package money

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"pgregory.net/rapid"
)

const nbsp = "\u00a0"

func TestFormat(t *testing.T) {
	tests := []struct {
		amount, locale, want string
	}{
		// CLDR (as shipped in golang.org/x/text): French groups with a no-break
		// space and writes the symbol after the number.
		{"1234567.89 EUR", "fr-FR", "1" + nbsp + "234" + nbsp + "567,89" + nbsp + "€"},
		{"-1234567.89 EUR", "fr-FR", "-1" + nbsp + "234" + nbsp + "567,89" + nbsp + "€"},
		{"1234567.89 USD", "en-US", "$1,234,567.89"},
		{"-1234567.89 USD", "en-US", "-$1,234,567.89"},
		{"0.5 USD", "en-US", "$0.50"},
		{"1234567.89 EUR", "de-DE", "1.234.567,89" + nbsp + "€"},
		{"1234567.89 JPY", "ja-JP", "￥1,234,568"},
		{"1234567 JPY", "en-US", "¥1,234,567"},
		{"1234.5678 KWD", "en-US", "KWD1,234.568"},
		{"1234567.89 INR", "en-IN", "₹12,34,567.89"},
		{"999.99 EUR", "fr-FR", "999,99" + nbsp + "€"},
		{"1000 EUR", "fr-FR", "1" + nbsp + "000,00" + nbsp + "€"},
		{"0 EUR", "fr-FR", "0,00" + nbsp + "€"},
		// Exact beyond float64's 15-16 significant digits.
		{"999999999999999.99 EUR", "fr-FR", "999" + nbsp + "999" + nbsp + "999" + nbsp + "999" + nbsp + "999,99" + nbsp + "€"},
		{"123456789012345678901234.56 USD", "en-US", "$123,456,789,012,345,678,901,234.56"},
	}
	for _, tt := range tests {
		t.Run(tt.locale+"/"+tt.amount, func(t *testing.T) {
			assert.Equal(t, tt.want, MustParse(tt.amount).Format(language.MustParse(tt.locale)))
		})
	}
}

func TestFormatNumber(t *testing.T) {
	assert.Equal(t, "1"+nbsp+"234,50", FormatNumber(dec("1234.5"), 2, language.French))
	assert.Equal(t, "1,234.500", FormatNumber(dec("1234.5"), 3, language.AmericanEnglish))
	assert.Equal(t, "۱٬۲۳۴٫۵", FormatNumber(dec("1234.5"), 1, language.Persian))
}

func TestParseLocalized(t *testing.T) {
	tests := []struct {
		in     string
		c      Currency
		locale string
		want   string
	}{
		{"1" + nbsp + "234" + nbsp + "567,89" + nbsp + "€", EUR, "fr-FR", "1234567.89 EUR"},
		{"1 234,5", EUR, "fr-FR", "1234.5 EUR"},
		{"1234,5", EUR, "fr-FR", "1234.5 EUR"},
		{"-$1,234.50", USD, "en-US", "-1234.50 USD"},
		{"USD 12", USD, "en-US", "12 USD"},
		{"۱٬۲۳۴٫۵", EUR, "fa", "1234.5 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.locale+"/"+tt.in, func(t *testing.T) {
			got, err := ParseLocalized(tt.in, tt.c, language.MustParse(tt.locale))
			require.NoError(t, err)
			assert.True(t, got.Equal(MustParse(tt.want)), "got %v", got)
		})
	}
	for _, bad := range []string{"", "abc", "1,2,3", "12 €€", "--1"} {
		t.Run("bad/"+bad, func(t *testing.T) {
			_, err := ParseLocalized(bad, EUR, language.French)
			assert.ErrorIs(t, err, ErrInvalidAmount)
		})
	}
}

func TestFormatParseLocalizedRoundTripProperty(t *testing.T) {
	locales := []language.Tag{
		language.MustParse("fr-FR"), language.MustParse("en-US"), language.MustParse("de-DE"),
		language.MustParse("ja-JP"), language.MustParse("en-IN"), language.MustParse("de-CH"),
		language.MustParse("nl-NL"), language.Persian,
	}
	rapid.Check(t, func(t *rapid.T) {
		a := genAmount(t)
		tag := rapid.SampledFrom(locales).Draw(t, "locale")
		text := a.Format(tag)
		back, err := ParseLocalized(text, a.Currency(), tag)
		if err != nil {
			t.Fatalf("ParseLocalized(%q): %v", text, err)
		}
		if !back.Equal(a) {
			t.Fatalf("%v formatted %q parsed back as %v", a, text, back)
		}
	})
}

func TestFormatConcurrent(t *testing.T) {
	done := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func() { done <- MustParse("1234.5 GBP").Format(language.BritishEnglish) }()
	}
	for i := 0; i < 8; i++ {
		assert.Equal(t, "£1,234.50", <-done)
	}
}
