package memory

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"
)

// idSet holds what a map would hold, whether IDs arrive in order or not,
// with removals in the reverse order of the adds, as a rollback does.
func TestIDSet(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var s idSet
		model := map[string]bool{}
		var added []string // in the order added
		next := 0
		for step := range rapid.IntRange(1, 200).Draw(t, "steps") {
			switch rapid.IntRange(0, 3).Draw(t, "op") {
			case 0, 1: // add: the next ID in order, or any other
				id := fmt.Sprintf("%04d", next)
				if rapid.Bool().Draw(t, "in order") {
					next += rapid.IntRange(1, 3).Draw(t, "gap")
				} else {
					id = fmt.Sprintf("%04d", rapid.IntRange(0, next+5).Draw(t, "id"))
				}
				if model[id] {
					continue
				}
				s.add(id)
				model[id] = true
				added = append(added, id)
			case 2: // remove the newest
				if len(added) == 0 {
					continue
				}
				id := added[len(added)-1]
				added = added[:len(added)-1]
				s.remove(id)
				delete(model, id)
			}
			for i := range next + 6 {
				id := fmt.Sprintf("%04d", i)
				if s.has(id) != model[id] {
					t.Fatalf("step %d: has(%s) = %v, want %v", step, id, s.has(id), model[id])
				}
			}
		}
	})
}
