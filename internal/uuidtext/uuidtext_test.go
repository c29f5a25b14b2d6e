package uuidtext

import (
	"testing"

	"github.com/google/uuid"
)

func TestAppendAsString(t *testing.T) {
	for range 100 {
		id := uuid.New()
		if got := string(Append([]byte("k/"), id)); got != "k/"+id.String() {
			t.Fatalf("Append(%s) = %q", id, got)
		}
	}
	if got := string(Append(nil, uuid.Nil)); got != uuid.Nil.String() {
		t.Fatalf("Append(Nil) = %q", got)
	}
	id, buf := uuid.New(), make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = Append(buf[:0], id) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
}
