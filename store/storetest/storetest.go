package storetest

import (
	"testing"

	"github.com/billkit/billkit/billing"
)

// Run runs the conformance suite against stores made by open, which must
// return a new, empty store on each call. Each subtest opens its own
// store; open may register cleanups with t.
func Run(t *testing.T, open func(t *testing.T) billing.Store) {
	t.Helper()
	t.Run("collections", func(t *testing.T) {
		runCollection(t, open, quotes())
		runCollection(t, open, contracts())
		runCollection(t, open, invoices())
		runCollection(t, open, ledgers())
		runCollection(t, open, approvals())
	})
	groups := []struct {
		name  string
		tests []storeTest
	}{
		{"transactions", []storeTest{
			{"an error rolls back every write", testRollbackOnError},
			{"a panic rolls back every write and goes on", testRollbackOnPanic},
			{"a transaction reads its own writes", testReadOwnWrites},
			{"a view refuses every write", testViewReadOnly},
			{"a cancelled context is refused", testCancelled},
		}},
		{"events", []storeTest{
			{"events list by object in time order", testEventsByObject},
			{"events list across objects in time order", testEventsByRange},
			{"queries select a time range and page with cursors", testEventQueries},
			{"a duplicate ID appends nothing", testEventDuplicates},
			{"events share nothing with the log", testEventCopies},
			{"a large batch appends in time order, or nothing", testEventLargeBatch},
		}},
		{"marks", []storeTest{
			{"a key is marked once", testMarks},
			{"marks roll back with their transaction", testMarksRollback},
			{"marks are written and read many at a time", testMarkAll},
		}},
		{"idempotency keys", []storeTest{
			{"a key is put once per user", testKeys},
			{"keys roll back with their transaction", testKeysRollback},
			{"an expired key is replaced, and expiry deletes it", testKeysExpire},
			{"one of many putters of a key wins", testConcurrentKeys},
		}},
		{"sequence", []storeTest{
			{"numbers are gapless per series", testSequenceGapless},
			{"numbers are chronological", testSequenceChronological},
			{"a rolled back number is handed out again", testSequenceRollback},
		}},
		{"concurrency", []storeTest{
			{"one of many writers of a version wins", testConcurrentWriters},
			{"concurrent issuers get every number once", testConcurrentIssuers},
			{"only successful updates are visible", testConcurrentHalfFailing},
			{"views see whole transactions", testViewConsistent},
		}},
		{"edits", []storeTest{
			{"a stale quote edit is refused and writes nothing", testStaleQuoteEdit},
			{"a stale invoice edit is refused and writes nothing", testStaleInvoiceEdit},
		}},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, tt := range g.tests {
				t.Run(tt.name, func(t *testing.T) { tt.run(t, open(t)) })
			}
		})
	}
}

// storeTest is one subtest, given a new empty store.
type storeTest struct {
	name string
	run  func(t *testing.T, s billing.Store)
}
