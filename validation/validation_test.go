package validation

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type address struct {
	Country string `json:"country" validate:"required,iso3166_1_alpha2"`
}

type customer struct {
	Name     string    `json:"name" validate:"required,max=10"`
	Currency string    `json:"currency" validate:"iso4217"`
	Kind     string    `json:"kind" validate:"oneof=business consumer"`
	Seats    int       `json:"seats" validate:"min=1"`
	Tags     []string  `json:"tags" validate:"max=2"`
	Address  address   `json:"address"`
	Contacts []address `json:"contacts" validate:"dive"`
	Internal string    `json:"-" validate:"max=1"`
	NoTag    string    `validate:"max=1"`
}

func valid() customer {
	return customer{Name: "ACME", Currency: "EUR", Kind: "business", Seats: 1, Address: address{Country: "FR"}}
}

func TestStructValid(t *testing.T) {
	assert.NoError(t, Struct(valid()))
	c := valid()
	assert.NoError(t, Struct(&c))
}

func TestStructFaults(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*customer)
		field string
		code  string
	}{
		{"missing name", func(c *customer) { c.Name = "" }, "name", CodeRequired},
		{"long name", func(c *customer) { c.Name = "ABCDEFGHIJK" }, "name", CodeOutOfRange},
		{"bad currency", func(c *customer) { c.Currency = "EURO" }, "currency", CodeInvalid},
		{"bad kind", func(c *customer) { c.Kind = "other" }, "kind", CodeNotAllowed},
		{"no seats", func(c *customer) { c.Seats = 0 }, "seats", CodeOutOfRange},
		{"too many tags", func(c *customer) { c.Tags = []string{"a", "b", "c"} }, "tags", CodeOutOfRange},
		{"nested", func(c *customer) { c.Address.Country = "" }, "address.country", CodeRequired},
		{"slice element", func(c *customer) { c.Contacts = []address{{"FR"}, {"France"}} }, "contacts[1].country", CodeInvalid},
		{"go name without json tag", func(c *customer) { c.NoTag = "xx" }, "NoTag", CodeOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := valid()
			tt.edit(&c)
			err := Struct(c)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalid)
			var ve *Error
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has(tt.field, tt.code), "faults: %v", ve.Faults)
			assert.Len(t, ve.Faults, 1)
		})
	}
}

func TestStructMessages(t *testing.T) {
	c := valid()
	c.Name, c.Tags, c.Seats = "", []string{"a", "b", "c"}, 0
	err := Struct(c)
	assert.EqualError(t, err, "invalid input: name: is required (required); seats: must be at least 1 (out_of_range); tags: must have at most 2 items (out_of_range)")
}

func TestStructNotAStruct(t *testing.T) {
	err := Struct(42)
	var ve *Error
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, CodeInvalid, ve.Faults[0].Code)
}

func TestErrors(t *testing.T) {
	var errs Errors
	assert.NoError(t, errs.Err())
	assert.Equal(t, 0, errs.Len())

	errs.Add("currency", CodeMismatch, "must be EUR")
	errs.MergeAt("lines[2]", New("quantity", CodeOutOfRange, "must not be negative"))
	errs.MergeAt("lines[3]", New("", CodeRequired, "is required"))
	errs.MergeAt("lines", New("[4].price", CodeRequired, "is required"))
	errs.MergeAt("period", errors.New("end before start"))
	errs.Merge(nil)
	assert.Equal(t, 5, errs.Len())

	err := errs.Err()
	var ve *Error
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []Fault{
		{Field: "currency", Code: CodeMismatch, Message: "must be EUR"},
		{Field: "lines[2].quantity", Code: CodeOutOfRange, Message: "must not be negative"},
		{Field: "lines[3]", Code: CodeRequired, Message: "is required"},
		{Field: "lines[4].price", Code: CodeRequired, Message: "is required"},
		{Field: "period", Code: CodeInvalid, Message: "end before start"},
	}, ve.Faults)

	// The returned error does not change when more faults are collected.
	errs.Add("x", CodeInvalid, "y")
	assert.Len(t, ve.Faults, 5)
}

func TestJoin(t *testing.T) {
	for _, tt := range []struct{ prefix, field, want string }{
		{"", "a", "a"}, {"a", "", "a"}, {"a", "b", "a.b"}, {"a", "[1]", "a[1]"}, {"", "", ""},
	} {
		t.Run(fmt.Sprintf("%q+%q", tt.prefix, tt.field), func(t *testing.T) {
			assert.Equal(t, tt.want, Join(tt.prefix, tt.field))
		})
	}
}

func ExampleErrors() {
	var errs Errors
	errs.Add("currency", CodeRequired, "is required")
	errs.MergeAt("lines[0]", New("quantity", CodeOutOfRange, "must not be negative"))
	err := errs.Err()
	fmt.Println(err)
	var ve *Error
	if errors.As(err, &ve) {
		for _, f := range ve.Faults {
			fmt.Println(f.Field, f.Code)
		}
	}
	// Output:
	// invalid input: currency: is required (required); lines[0].quantity: must not be negative (out_of_range)
	// currency required
	// lines[0].quantity out_of_range
}

func ExampleStruct() {
	type product struct {
		SKU  string `json:"sku" validate:"required"`
		Unit string `json:"unit_code" validate:"required,max=3"`
	}
	fmt.Println(Struct(product{Unit: "HOUR"}))
	// Output: invalid input: sku: is required (required); unit_code: must have at most 3 characters (out_of_range)
}
