package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/store/postgres"
	"github.com/billkit/billkit/tax"
)

// Open a store on the database that BILLKIT_POSTGRES_DSN names, run an
// engine over it, relay the other instances' events to its subscribers,
// and bill: instances running the same bill run at once split the
// customers. The example needs a database, so it is compiled, not run.
func Example() {
	ctx := context.Background()
	st, err := postgres.Open(ctx, os.Getenv("BILLKIT_POSTGRES_DSN"), postgres.WithSchema("billing"),
		postgres.WithLogger(slog.Default())) // the event feed's lost connections, which it recovers from
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	desk, err := quote.NewDesk(catalog.New(), tax.DefaultRates(), quote.Policy{Levels: []string{"sales_rep"}})
	if err != nil {
		log.Fatal(err)
	}
	access := billing.NewAccess()
	if err := access.SetUser(billing.User{ID: "carol", Roles: []string{billing.RoleAccountant}}); err != nil {
		log.Fatal(err)
	}
	engine, err := billing.New(st, desk, billing.WithAccess(access))
	if err != nil {
		log.Fatal(err)
	}

	listening, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		// Listen returns only when listening ends: the feed connects
		// again by itself when the database connection drops.
		if err := engine.Listen(listening); err != nil && !errors.Is(err, context.Canceled) {
			log.Print(err)
		}
	}()

	// A run that issues its invoices is dated today, in the engine's time
	// zone (UTC unless billing.WithLocation says otherwise).
	today := date.In(time.Now(), time.UTC)
	rep, err := engine.BillRun(ctx, "carol", today, billing.BillRunOptions{Issue: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d invoices, %d contracts left to other instances\n", len(rep.Invoices), rep.Elsewhere)
}

// Claim runs a transaction that no other instance runs at the same time
// for the same key: here, a nightly job that only one instance should do.
func ExampleStore_Claim() {
	ctx := context.Background()
	st, err := postgres.Open(ctx, os.Getenv("BILLKIT_POSTGRES_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	ran, err := st.Claim(ctx, "nightly/dunning", func(tx billing.Tx) error {
		_, err := tx.Invoices().Scan(ctx, "", 100)
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
	if !ran {
		fmt.Println("another instance is on it")
	}
}

// Collab keeps the threads about billing objects beside them, shared by
// every instance; Listen hands this instance the messages that the others
// post, for its own subscribers (a WebSocket hub, server-sent events).
// The example needs a database, so it is compiled, not run.
func ExampleStore_Collab() {
	ctx := context.Background()
	st, err := postgres.Open(ctx, os.Getenv("BILLKIT_POSTGRES_DSN"), postgres.WithSchema("billing"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	dir := collab.NewMemoryDirectory()
	for _, u := range [][3]string{{"u-claire", "claire", "Claire Dubois"}, {"u-bob", "bob", "Bob Stone"}} {
		if err := dir.AddUser(u[0], u[1], u[2]); err != nil {
			log.Fatal(err)
		}
	}
	staff := collab.PolicyFuncs{View: func(context.Context, string, collab.Ref) (bool, error) { return true, nil }}
	threads, err := collab.NewService(st.Collab(), dir, staff)
	if err != nil {
		log.Fatal(err)
	}

	listening, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		err := threads.Listen(listening, func(m collab.Message) {
			fmt.Printf("%s posted on %s through another instance\n", m.Author, m.Object)
		})
		if err != nil && !errors.Is(err, context.Canceled) {
			log.Print(err)
		}
	}()

	invoice := collab.Ref{Kind: collab.KindInvoice, ID: "INV-2026-0042"}
	msg, err := threads.Post(ctx, "u-claire", invoice, "@bob is the 12 % discount on line 3 what ACME signed for?")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(msg.Mentions[0].Name, "follows", msg.Object)
}
