// Package billing is the engine a host application calls to run the
// quote-to-cash flow: quotes priced from the catalogue, approvals,
// contracts, bill runs, invoices, credit notes, payments and KPIs, for
// many users at once.
//
// # The engine
//
// New builds an Engine over a Store (store/memory, store/sqlite and
// store/postgres implement it) and a quote.Desk over the host's
// catalogue; options set who may do what (WithAccess), the approval
// thresholds (WithApprovalRules), the clock, the invoice series, the
// payment terms, the days invoices may be issued on (today, unless
// WithIssueDateWindow opens a window around it; back-dating also needs
// invoice.backdate) and where notifications go. Every method names the
// acting user and checks their permission first: a refusal is a
// *ForbiddenError naming the permission missing, and changes nothing.
// Every change is one store transaction that also appends the change's
// audit event; writing over a version someone else changed meanwhile is a
// *ConflictError. Edits (EditQuote, EditInvoice) take the version the
// editor read, which QuoteRecord and InvoiceRecord return with the
// object: an edit made from a form someone else's change has made stale
// is refused instead of silently undoing that change.
//
//	engine, err := billing.New(memory.NewStore(), desk, billing.WithAccess(access))
//	q, err := engine.CreateQuote(ctx, "alice", input)
//	_, req, err := engine.SubmitQuote(ctx, "alice", q.ID.String())
//	_, err = engine.Approve(ctx, "bob", req.ID)
//
// # Access and approvals
//
// Access holds the users and their roles. The built-in roles (sales rep,
// sales manager, accountant, finance manager, admin, auditor) grant
// fixed sets of permissions; hosts add their own roles. Discounts beyond
// a quote desk's limits go to the levels its policy names; approval rules
// send invoices, credit notes and write-offs from an amount on through
// chains of roles. No one approves their own request, nor, by default,
// a document they drew up, edited or submitted (an ApprovalRule's
// AllowAuthors, or WithQuoteApprovalAllowAuthors for quote discounts,
// turns this off); a rejection carries its reason. PendingApprovals is
// the inbox of those who may approve something (anyone else is
// refused); a requester reads their own request with Approval as long
// as they may see its object.
//
// # Idempotency keys
//
// A host makes its writes safe to retry by giving each request a key
// with WithIdempotencyKey, typically from its Idempotency-Key header or
// from a hidden field drawn into each form. Every call that creates or
// records something (see the Operation constants) then runs once per
// acting user and key: a retry with the same arguments, after the first
// call committed and its answer was lost, returns the first result and
// writes nothing, not even an audit event; the same key with another
// call or other arguments is an *IdempotencyError (ErrIdempotencyMismatch,
// not worth retrying). The permission is checked before the key is
// looked up, so a user who lost it reads nothing. The key is stored in
// the transaction of the change: a call that fails leaves no key, and
// its retry runs again; of two calls with one key at once, one makes the
// change and both get its result. Keys of two users never collide. A key
// counts for WithIdempotencyRetention (a day by default), after which it
// is a new key; ExpireIdempotencyKeys gives back the room of expired
// ones.
//
//	if key := r.Header.Get("Idempotency-Key"); key != "" {
//		ctx = billing.WithIdempotencyKey(ctx, key)
//	}
//	posting, err := engine.RecordPayment(ctx, "carol", payment, plan)
//
// # Audit trail and live changes
//
// History and Events read the audit trail: who changed what, when, field
// by field, with the object's new version. Subscribe delivers the events
// as they are committed, through a bounded buffer that never blocks the
// engine (see Subscription for what a slow reader loses); on a store
// shared by several instances, Listen relays what the other instances
// commit. The field-by-field changes need audit.read wherever they are
// read: HistorySource feeds collab's activity feeds with who did what and
// when to anyone who may see the object, and with the changed values only
// to viewers who hold audit.read.
//
// # Bill runs
//
// BillRun bills every contract line with something due on a day, one
// invoice per customer, currency, seller and purchase order, in batches
// of customers with a bounded number of workers. A run is idempotent:
// every charge billed is marked in the transaction that bills it, so a
// second run of the same day bills nothing again, and a run interrupted
// half way leaves whole invoices only and resumes where it stopped. On a
// store shared by several instances (one implementing Claimer), runs
// started at once split the customers between them. A transaction that
// fails because the store is unavailable (ErrUnavailable) or conflicts
// with a concurrent one is tried again with backoff, so a database
// restart of a few seconds is ridden out; a store that stays down stops
// the run with an error, and running it again later bills the rest.
//
// # Dunning
//
// Dunning proposes the reminders of the day for every overdue invoice,
// under an invoice.DunningPolicy (friendly, firm, formal notice...); the
// host sends them and records those it sent with RecordReminders, in the
// invoices' audit trails, which the next runs read so that no step is
// sent twice.
//
// # Stores
//
// A Store runs transactions over collections of records with optimistic
// versions, the audit log, the bill-run marks, the invoice numbering and
// the idempotency keys.
// Values given to a store and read from it share no memory with what it
// holds. Stores may implement optional capabilities the engine uses when
// present: BatchGetter (several records in one request), BatchInserter
// (several new records in one statement), SharedScanner (records lent
// without copies, for bill runs), Claimer and EventFeed (for stores that
// several instances share). The store/storetest package checks any
// implementation against the contract the engine relies on.
package billing
