package sqlite_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
)

var (
	marshalerType = reflect.TypeFor[json.Marshaler]()
	textType      = reflect.TypeFor[encoding.TextMarshaler]()
	decimalType   = reflect.TypeFor[decimal.Decimal]()
	amountType    = reflect.TypeFor[money.Amount]()
	timeType      = reflect.TypeFor[time.Time]()
)

// differences returns the paths at which got does not hold what want
// holds, comparing as a reader of the value would: decimals and amounts
// by number (and currency), not by their internal exponent; times by
// instant and zone offset; a nil slice or map is not an empty one; a type
// with its own JSON encoding is compared as that encoding when its values
// are not identical; and a non-zero unexported field of a type without
// its own encoding is reported, since JSON drops it.
func differences(want, got any) []string {
	var out []string
	diffValues("", reflect.ValueOf(want), reflect.ValueOf(got), &out)
	return out
}

func diffValues(path string, a, b reflect.Value, out *[]string) {
	report := func(format string, args ...any) {
		*out = append(*out, path+": "+fmt.Sprintf(format, args...))
	}
	if a.Type() != b.Type() {
		report("type %s, read back as %s", a.Type(), b.Type())
		return
	}
	switch t := a.Type(); {
	case t == decimalType:
		if x, y := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal); !x.Equal(y) {
			report("%s read back as %s", x, y)
		}
		return
	case t == amountType:
		x, y := a.Interface().(money.Amount), b.Interface().(money.Amount)
		if x.Currency() != y.Currency() || !x.Number().Equal(y.Number()) {
			report("%s read back as %s", x, y)
		}
		return
	case t == timeType:
		x, y := a.Interface().(time.Time), b.Interface().(time.Time)
		_, xo := x.Zone()
		_, yo := y.Zone()
		if !x.Equal(y) || xo != yo {
			report("%s read back as %s", x, y)
		} else if x.Location().String() != y.Location().String() {
			report("location %s read back as %s", x.Location(), y.Location())
		}
		return
	case (t.Implements(marshalerType) || t.Implements(textType)) && t.Kind() == reflect.Struct:
		if reflect.DeepEqual(a.Interface(), b.Interface()) {
			return
		}
		x, errX := json.Marshal(a.Interface())
		y, errY := json.Marshal(b.Interface())
		if errX != nil || errY != nil || !bytes.Equal(x, y) {
			report("%s read back as %s", x, y)
		}
		return
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				report("nil %v read back as nil %v", a.IsNil(), b.IsNil())
			}
			return
		}
		diffValues(path, a.Elem(), b.Elem(), out)
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if !f.IsExported() {
				if !a.Field(i).IsZero() {
					report("unexported field %s is not stored", f.Name)
				}
				continue
			}
			diffValues(path+"."+f.Name, a.Field(i), b.Field(i), out)
		}
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			report("nil %v (len %d) read back as nil %v (len %d)", a.IsNil(), a.Len(), b.IsNil(), b.Len())
			return
		}
		fallthrough
	case reflect.Array:
		if a.Len() != b.Len() {
			report("length %d read back as %d", a.Len(), b.Len())
			return
		}
		for i := range a.Len() {
			diffValues(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), out)
		}
	case reflect.Map:
		if a.IsNil() != b.IsNil() {
			report("nil %v (len %d) read back as nil %v (len %d)", a.IsNil(), a.Len(), b.IsNil(), b.Len())
			return
		}
		if a.Len() != b.Len() {
			report("length %d read back as %d", a.Len(), b.Len())
			return
		}
		for _, k := range a.MapKeys() {
			if !b.MapIndex(k).IsValid() {
				report("key %v lost", k)
				continue
			}
			diffValues(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), b.MapIndex(k), out)
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			report("%v read back as %v", a, b)
		}
	}
}
