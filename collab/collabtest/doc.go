// Package collabtest checks that an implementation of collab.Store keeps
// the contract that collab.Service relies on: atomic get-or-create of
// threads, optimistic versions, stable time order with an inclusive
// bound, atomic reactions and votes, copies that share nothing.
//
// Every store implementation runs the same suite from its own tests:
//
//	func TestCollabStore(t *testing.T) {
//		collabtest.RunStoreTests(t, func(t *testing.T) collab.Store {
//			return memory.NewCollabStore()
//		})
//	}
package collabtest
