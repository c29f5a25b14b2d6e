package memory

import (
	"reflect"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/billkit/billkit/billing"
)

// Changes read back as they were stored, long strings (whose lengths take
// several bytes) and empty ones alike; none at all reads back as nil.
func TestChangesEncoding(t *testing.T) {
	text := rapid.OneOf(rapid.String(), rapid.Just(""), rapid.Just(strings.Repeat("é", 200)))
	rapid.Check(t, func(t *rapid.T) {
		cs := rapid.SliceOf(rapid.Custom(func(t *rapid.T) billing.Change {
			return billing.Change{Field: text.Draw(t, "field"), Before: text.Draw(t, "before"), After: text.Draw(t, "after")}
		})).Draw(t, "changes")
		got := decodeChanges(encodeChanges(cs))
		if len(cs) == 0 {
			if got != nil {
				t.Fatalf("no change read back as %#v", got)
			}
			return
		}
		if !reflect.DeepEqual(got, cs) {
			t.Fatalf("read back %#v, stored %#v", got, cs)
		}
	})
}
