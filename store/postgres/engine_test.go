package postgres_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/store/storetest"
)

func TestEnginesShareGaplessNumbering(t *testing.T) {
	const issuers = 64
	ctx := context.Background()
	a, b := openPair(t)
	engines := newEngines(t, a, b)
	ids := make([]string, issuers)
	for i := range ids {
		ids[i] = approvedInvoice(t, engines[i%2], i+1)
	}

	numbers := make([]string, issuers)
	on := date.MustParse("2026-03-02")
	var wg sync.WaitGroup
	for i := range issuers {
		wg.Go(func() {
			snap, err := engines[i%2].IssueInvoice(ctx, accountant, ids[i], on)
			if assert.NoError(t, err, "issuer %d", i) {
				numbers[i] = snap.Document.Number
			}
		})
	}
	wg.Wait()

	seen := map[int]string{}
	for i, n := range numbers {
		k := strings.LastIndexByte(n, '-')
		counter, err := strconv.Atoi(n[k+1:])
		require.NoError(t, err, "number %q of issuer %d", n, i)
		require.NotContains(t, seen, counter, "number %d given to %s and %s", counter, seen[counter], ids[i])
		seen[counter] = ids[i]
	}
	for c := 1; c <= issuers; c++ {
		assert.Contains(t, seen, c, "number %d was skipped", c)
	}
	for _, st := range []billing.Store{a, b} { // both instances read every issued invoice
		invs, err := newEngines(t, st)[0].Invoices(ctx, auditor, func(s invoice.Snapshot) bool { return s.Document.Number != "" })
		require.NoError(t, err)
		assert.Len(t, invs, issuers)
	}
}

func TestBillRunsSplitCustomers(t *testing.T) {
	const customers = 60
	ctx := context.Background()
	a, b := openPair(t)
	engines := newEnginesOn(t, date.MustParse("2026-05-01"), a, b)
	storetest.PutContracts(t, a, storetest.MonthlyContract(t, engines[0].Desk()), customers)

	var reps [2]billing.BillRunReport
	var wg sync.WaitGroup
	for i, e := range engines {
		wg.Go(func() {
			var err error
			reps[i], err = e.BillRun(ctx, accountant, date.MustParse("2026-05-01"), billing.BillRunOptions{Workers: 4, Issue: true})
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	for i, r := range reps {
		require.Empty(t, len(r.Failures), "run %d: %v", i, r.Failures)
		// Two charges (April and May) per contract: each contract was
		// billed by this run, found billed, or left to the other one.
		assert.Equal(t, customers, r.Billed/2+r.AlreadyBilled/2+r.Elsewhere, "run %d", i)
	}
	t.Logf("instance A billed %d customers, B %d; elsewhere %d and %d",
		len(reps[0].Invoices), len(reps[1].Invoices), reps[0].Elsewhere, reps[1].Elsewhere)
	assert.Equal(t, customers, len(reps[0].Invoices)+len(reps[1].Invoices), "every customer billed once")
	assert.Equal(t, 2*customers, reps[0].Billed+reps[1].Billed)

	invs, err := engines[1].Invoices(ctx, auditor, nil)
	require.NoError(t, err)
	require.Len(t, invs, customers)
	buyers := map[string]bool{}
	numbers := map[string]bool{}
	for _, inv := range invs {
		assert.False(t, buyers[inv.Document.Buyer.LegalID], "customer %s billed twice", inv.Document.Buyer.LegalID)
		buyers[inv.Document.Buyer.LegalID] = true
		assert.False(t, numbers[inv.Document.Number], "number %s given twice", inv.Document.Number)
		numbers[inv.Document.Number] = true
	}

	again, err := engines[0].BillRun(ctx, accountant, date.MustParse("2026-05-01"), billing.BillRunOptions{Issue: true})
	require.NoError(t, err)
	assert.Empty(t, again.Invoices, "a second run bills nothing")
	assert.Equal(t, 2*customers, again.AlreadyBilled)
}

func TestListenRelaysOtherEnginesEvents(t *testing.T) {
	ctx := context.Background()
	a, b := openPair(t)
	engines := newEngines(t, a, b)
	sub, err := engines[0].Subscribe(auditor, billing.EventFilter{Kinds: []collab.Kind{collab.KindInvoice}}, 64)
	require.NoError(t, err)
	defer sub.Close()
	lctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- engines[0].Listen(lctx) }()
	defer func() {
		cancel()
		assert.ErrorIs(t, <-done, context.Canceled)
	}()

	// Listen starts listening some time after it is called: create
	// invoices on B until one arrives on A.
	for i := range 100 {
		id := approvedInvoice(t, engines[1], i+1)
		select {
		case ev := <-sub.C:
			assert.Equal(t, collab.KindInvoice, ev.Object.Kind)
			assert.NotEmpty(t, ev.ID)
			return
		case <-time.After(100 * time.Millisecond):
			_ = id
		}
	}
	t.Fatal("no event of engine B reached engine A")
}
