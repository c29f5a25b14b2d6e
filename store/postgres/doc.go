// Package postgres implements billing.Store on PostgreSQL with pgx, for
// hosts that run many application instances over one database.
//
// Open connects a pool, applies the schema migrations once (several
// instances may start at the same moment: an advisory lock lets one apply
// them while the others wait) and returns a Store:
//
//	st, err := postgres.Open(ctx, os.Getenv("BILLKIT_POSTGRES_DSN"), postgres.WithSchema("billing"))
//	if err != nil {
//		return err
//	}
//	defer st.Close()
//	engine, err := billing.New(st, desk)
//
// Each aggregate is a table holding the whole value as jsonb beside its
// ID and version, with the columns a report or an index needs (invoice
// status, number, totals and amount due as numeric). The audit log is an
// append-only table: a trigger refuses every UPDATE, DELETE and TRUNCATE.
//
// Besides billing.Store, Store implements the two capabilities the engine
// uses when instances share a database: billing.Claimer, so that bill runs
// started at once on several instances split the customers between them,
// and billing.EventFeed, so that Engine.Listen relays to each instance the
// events the others commit, over LISTEN/NOTIFY. The feed survives lost
// connections: it connects again and delivers what was committed
// meanwhile, each transaction once (see Store.Follow). WithLogger reports
// those losses.
//
// The conversations about billing objects live in the same schema:
// Collab returns a collab.Store holding threads, messages, reactions,
// follows, notification preferences and digests, polls, tasks and
// attachment metadata, which every instance shares. It implements
// collab.MessageFeed too, so that collab.Service.Listen relays to each
// instance the messages posted through the others:
//
//	threads, err := collab.NewService(st.Collab(), directory, engine.CollabPolicy(nil))
//	go threads.Listen(ctx, hub.Publish)
//
// Errors come as billkit's, so that a host need not import pgx: a server
// out of reach, restarting, or a connection lost is a
// *billing.UnavailableError (errors.Is billing.ErrUnavailable); a commit
// whose answer was lost with its connection a *billing.OutcomeUnknownError;
// transactions aborted by a concurrent one a *RetryError (errors.Is
// billing.ErrConflict). Each keeps pgx's error for errors.As.
package postgres
