// Package storetest checks that an implementation of billing.Store keeps
// the contract the billing engine relies on: optimistic versions with
// typed conflict and not-found errors, ordered scans, atomic transactions
// that leave nothing behind when they fail, read-only views, copies that
// share nothing with what the store holds, an ordered and append-only
// audit log, bill-run marks, a gapless, chronological and transactional
// numbering sequence, and idempotency keys that one transaction of many
// puts, under concurrent use. It also runs
// engine edits of quotes and invoices over the store, which must refuse
// an edit made from a stale version and write nothing.
//
// It uses nothing but the billing package, so every store runs the same
// suite from its own tests:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) billing.Store {
//			return memory.NewStore()
//		})
//	}
//
// Run the suite with -race: several subtests drive a store from many
// goroutines at once. The suite requires billing.BatchGetter, and checks
// billing.SharedScanner and billing.BatchInserter where a collection
// implements them: values lent that stay as they were whatever is written
// afterwards, and records inserted all or none.
//
// Stores that several engine instances share also run RunClaimer and
// RunFeed, which check billing.Claimer and billing.EventFeed against two
// stores over one database (an OpenPair). Every store runs RunEngine
// too, with an OpenPair (a store that is not shared may return itself
// twice): engine calls racing through two engines, checked against the
// invariants of money, numbering, dunning, approvals and payment IDs
// (recorded once across customers), issued texts read back byte for
// byte, calls retried and raced with one idempotency key, and a
// randomized mix that runs for as long as StressVar says. PutContracts
// fills a store with
// contracts for bill-run tests and benchmarks, copied from MonthlyContract
// over Desk's catalogue; IDs and SubscriptionInvoice give other
// benchmarks their data.
//
// Faults wraps any store to fail its transactions at random, as a
// database whose connections are lost now and then: before they begin,
// during them, or at their commit, including after the store committed
// (the outcome unknown to the caller). RunFaults drives bill runs and
// engine calls through it and checks that nothing was half written and
// no failure hidden; every store runs it beside Run.
package storetest
