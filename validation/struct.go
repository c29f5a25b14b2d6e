package validation

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

var structValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			return ""
		case "":
			return f.Name
		}
		return name
	})
	// text and multiline check the content of a string (see TextFault);
	// its length is max's business.
	for tag, multiline := range map[string]bool{"text": false, "multiline": true} {
		err := v.RegisterValidation(tag, func(fl validator.FieldLevel) bool {
			code, _ := TextFault(stringOf(fl.Field()), math.MaxInt, multiline)
			return code == ""
		})
		if err != nil {
			panic(err) // a constant tag and function: cannot fail
		}
	}
	return v
})

// stringOf returns the string held by v, or "" when v holds no string.
func stringOf(v reflect.Value) string {
	if v.Kind() != reflect.String {
		return ""
	}
	return v.String()
}

// Struct checks the `validate` struct tags of v (a struct or a pointer to
// one) with github.com/go-playground/validator/v10 and returns nil or a
// *Error. Field paths use the JSON names of the fields, without the name of
// the top-level struct; codes are billkit's stable codes, not the tags.
//
// Besides the validator's own tags, two check the content of a string
// field as TextFault does: "text" for one line, "multiline" for text that
// may hold tabs and line breaks. Give the length with max, as in
// `validate:"required,max=200,text"` (see the Max...Length constants).
func Struct(v any) error {
	err := structValidator().Struct(v)
	if err == nil {
		return nil
	}
	var fieldErrs validator.ValidationErrors
	if !errors.As(err, &fieldErrs) {
		return New("", CodeInvalid, err.Error())
	}
	var errs Errors
	for _, fe := range fieldErrs {
		ns := fe.Namespace()
		if _, rest, ok := strings.Cut(ns, "."); ok {
			ns = rest
		}
		code, msg := describe(fe)
		errs.Add(ns, code, msg)
	}
	return errs.Err()
}

func describe(fe validator.FieldError) (code, message string) {
	param := fe.Param()
	switch fe.Tag() {
	case "required", "required_if", "required_unless", "required_with", "required_without":
		return CodeRequired, "is required"
	case "min", "gte":
		if unit := countUnit(fe.Kind()); unit != "" {
			return CodeOutOfRange, "must have at least " + param + unit
		}
		return CodeOutOfRange, "must be at least " + param
	case "max", "lte":
		if unit := countUnit(fe.Kind()); unit != "" {
			return CodeOutOfRange, "must have at most " + param + unit
		}
		return CodeOutOfRange, "must be at most " + param
	case "gt":
		return CodeOutOfRange, "must be greater than " + param
	case "lt":
		return CodeOutOfRange, "must be less than " + param
	case "len":
		return CodeOutOfRange, "must have length " + param
	case "oneof":
		return CodeNotAllowed, "must be one of: " + param
	case "unique":
		return CodeDuplicate, "must not contain duplicates"
	case "iso4217":
		return CodeInvalid, "must be an ISO 4217 currency code"
	case "iso3166_1_alpha2":
		return CodeInvalid, "must be an ISO 3166-1 alpha-2 country code"
	case "email":
		return CodeInvalid, "must be an e-mail address"
	case "excluded_with", "excluded_unless", "excluded_if":
		return CodeForbidden, "must be empty here"
	case "text", "multiline":
		if code, msg := TextFault(stringOf(reflect.ValueOf(fe.Value())), math.MaxInt, fe.Tag() == "multiline"); code != "" {
			return code, msg
		}
	}
	return CodeInvalid, "fails the " + fe.Tag() + " rule"
}

// countUnit names what min/max count for a kind: characters of a string,
// items of a slice or map, nothing for a number.
func countUnit(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return " characters"
	case reflect.Slice, reflect.Array, reflect.Map:
		return " items"
	}
	return ""
}
