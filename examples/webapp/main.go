// Command webapp is billkit's reference web application: a small billing
// back office, the way a host product would embed billkit, over the
// in-memory store (or a SQLite file with -db) seeded with half a year of
// history.
//
// It shows the lists of quotes and invoices; an invoice (or quote) page
// with the printable document beside its conversation (messages with
// @mentions, replies, polls, tasks) and its activity feed, which merges
// the conversation with the audit trail; quotes whose quantities and
// discounts are changed, sent to approval when a discount is over the
// author's limit, sent and accepted, or declined and revised; payments
// and credit notes drawn up line by line from an issued invoice; an
// approval inbox; the day's dunning reminders; the notifications of the
// signed-in user; and a dashboard of KPIs drawn as SVG charts on the
// server. A first visit asks who you are, among six people with
// billkit's built-in roles, and a switcher in the header signs in as
// another, to see what each may do; there are no passwords, but nobody
// acts as anybody until chosen, and forms only count in the session
// that drew them.
//
//	go run ./examples/webapp
//	go run ./examples/webapp -addr 127.0.0.1:9090
//	go run ./examples/webapp -db billkit-demo.db   # kept in a SQLite file
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	db := flag.String("db", "", "keep the data in this SQLite file (created and seeded if new) instead of in memory")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, *addr, *db, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "webapp:", err)
		os.Exit(1)
	}
}

// serve opens the stores (in memory, or the SQLite file db), seeds them
// if they are new, listens on addr, prints the URL to out and serves until
// ctx ends.
func serve(ctx context.Context, addr, db string, out io.Writer) (err error) {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	st := memoryStores()
	if db != "" {
		if st, err = sqliteStores(ctx, db); err != nil {
			return err
		}
	}
	defer func() { err = errors.Join(err, st.close()) }()
	a, err := newApp(ctx, log, st)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: a, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(out, "billkit demo: http://%s/\n", ln.Addr())
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
