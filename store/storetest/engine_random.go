package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// StressVar names the environment variable that sets how long the
// randomized concurrency test of RunEngine runs on each store, as a Go
// duration ("30s"); two seconds when unset.
const StressVar = "BILLKIT_STRESS"

// The people of the randomized test, besides clerk and auditor.
const (
	rep     = "alice" // a sales rep
	manager = "bob"   // a sales manager
	finance = "frank" // a finance manager
)

// customers are the buyers of the randomized test: three ledgers.
var customers = []invoice.Party{
	Buyer(),
	frenchParty("Librairie Dupont SA", "443061841", "64"),
	frenchParty("Garage Leroy SARL", "356000000", "39"),
}

// mix is the state the goroutines of the randomized test share: the
// objects in each stage, and what succeeded, to check against the store
// at the end.
type mix struct {
	mu        sync.Mutex
	approved  []string // invoices ready to be issued
	issued    []invoice.Snapshot
	credits   []string // credit notes ready to be issued
	quotes    []string // draft quotes, edited by many
	succeeded map[string]int
	refused   map[string]int
	policy    invoice.DunningPolicy
}

func (m *mix) take(list *[]string, r *rand.Rand) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(*list) == 0 {
		return "", false
	}
	i := r.IntN(len(*list))
	id := (*list)[i]
	*list = slices.Delete(*list, i, i+1)
	return id, true
}

func (m *mix) add(list *[]string, id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	*list = append(*list, id)
}

func (m *mix) count(op string, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err == nil {
		m.succeeded[op]++
	} else {
		m.refused[op]++
	}
}

// refusal reports whether err is a refusal a host must expect from a call
// racing others: a conflict, a refusal of permission (a person may not
// approve what they wrote), a transition the object's state no longer
// allows, a credit the invoice no longer allows (credited in full or
// since the draft), or a validation error of the kinds the engine
// documents for what another call changed (a step recorded already).
func refusal(err error) bool {
	var invalid *validation.Error
	switch {
	case raced(err), errors.Is(err, billing.ErrForbidden), errors.Is(err, billing.ErrDecided),
		errors.Is(err, invoice.ErrInvalidTransition), errors.Is(err, quote.ErrInvalidTransition),
		errors.Is(err, invoice.ErrNotCreditable), errors.Is(err, invoice.ErrCreditOutdated),
		errors.Is(err, invoice.ErrOverCredit):
		return true
	case errors.As(err, &invalid):
		for _, f := range invalid.Faults {
			switch f.Code {
			case validation.CodeDuplicate, validation.CodeNotAllowed, validation.CodeOutOfRange:
			default:
				return false
			}
		}
		return true
	}
	return false
}

// testRandomMix runs random mixes of quote edits, invoice issues,
// approvals, payments, credit notes and reminders from eight goroutines
// through both engines for a few seconds (see StressVar). Every refused
// call must be one a host expects from a race, and afterwards: invoices
// and credit notes are numbered 1..N with no gap, every customer owes
// what was issued less what was credited and paid, each step of dunning
// was recorded once per invoice, and each approval step was decided
// once.
func testRandomMix(t *testing.T, a, b *billing.Engine) {
	run := 2 * time.Second
	if v := os.Getenv(StressVar); v != "" {
		d, err := time.ParseDuration(v)
		require.NoError(t, err, StressVar)
		run = d
	}
	ctx := context.Background()
	m := &mix{succeeded: map[string]int{}, refused: map[string]int{}, policy: invoice.DefaultDunningPolicy()}
	warm(t, a, b)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	deadline := time.Now().Add(run)
	var wg sync.WaitGroup
	for w := range 8 {
		e := []*billing.Engine{a, b}[w%2]
		r := rand.New(rand.NewPCG(seed, uint64(w)))
		wg.Go(func() {
			for time.Now().Before(deadline) {
				op, err := m.step(ctx, e, r)
				if err != nil && !refusal(err) {
					t.Errorf("%s: unexpected refusal: %v", op, err)
				}
				m.count(op, err)
			}
		})
	}
	wg.Wait()
	t.Logf("succeeded %v; refused %v", m.succeeded, m.refused)
	assert.Positive(t, m.succeeded["issue"], "some invoices were issued")
	assert.Positive(t, m.succeeded["pay"], "some payments were recorded")
	m.check(t, a)
}

// step runs one random call through e and returns its name and error.
func (m *mix) step(ctx context.Context, e *billing.Engine, r *rand.Rand) (string, error) {
	switch n := r.IntN(100); {
	case n < 20:
		buyer := customers[r.IntN(len(customers))]
		doc := consulting(1 + r.IntN(6)) // from 5 hours, 600.00 EUR, it needs finance's approval
		doc.Buyer = buyer
		snap, err := e.CreateInvoice(ctx, clerk, doc)
		if err != nil {
			return "create", err
		}
		_, req, err := e.SubmitInvoice(ctx, clerk, snap.ID.String())
		if err == nil && req.ID == "" {
			m.add(&m.approved, snap.ID.String())
		}
		return "submit", err
	case n < 35:
		pending, err := e.PendingApprovals(ctx, finance)
		if err != nil || len(pending) == 0 {
			return "pending", err
		}
		req := pending[r.IntN(len(pending))]
		if r.IntN(5) == 0 {
			_, err = e.Reject(ctx, finance, req.ID, "not this month")
			return "reject", err
		}
		got, err := e.Approve(ctx, finance, req.ID)
		if err == nil && got.Status == billing.ApprovalApproved && req.Kind == billing.ApprovalInvoice {
			m.add(&m.approved, req.Object.ID)
		}
		return "approve", err
	case n < 55:
		id, ok := m.take(&m.approved, r)
		if !ok {
			return "issue", nil
		}
		snap, err := e.IssueInvoice(ctx, clerk, id, suiteDay)
		if err == nil {
			m.mu.Lock()
			m.issued = append(m.issued, snap)
			m.mu.Unlock()
		} else if raced(err) {
			m.add(&m.approved, id) // another try later
		}
		return "issue", err
	case n < 75:
		p := invoice.Payment{ID: uuid.Must(uuid.NewV7()), Customer: billing.CustomerKey(customers[r.IntN(len(customers))]),
			Amount: money.MustParse(fmt.Sprintf("%d.%02d EUR", 1+r.IntN(80), r.IntN(100))), Date: suiteDay,
			Method: invoice.MethodTransfer}
		_, err := e.RecordPayment(ctx, clerk, p, invoice.AllocateOldestFirst())
		if errors.Is(err, billing.ErrNotFound) {
			return "pay", nil // the customer has no ledger yet
		}
		return "pay", err
	case n < 83:
		m.mu.Lock()
		var inv invoice.Snapshot
		if len(m.issued) > 0 {
			inv = m.issued[r.IntN(len(m.issued))]
		}
		m.mu.Unlock()
		if inv.ID == uuid.Nil {
			return "credit", nil
		}
		cn, err := e.CreateCreditNote(ctx, clerk, inv.ID.String(), invoice.CreditRequest{Reason: "one hour not worked",
			Lines: []invoice.LineCredit{{LineID: "1", Quantity: decimal.NewFromInt(1)}}})
		if err != nil {
			return "credit", err
		}
		_, req, err := e.SubmitInvoice(ctx, clerk, cn.ID.String())
		if err == nil && req.ID == "" {
			m.add(&m.credits, cn.ID.String())
		}
		return "submit credit", err
	case n < 90:
		id, ok := m.take(&m.credits, r)
		if !ok {
			return "issue credit", nil
		}
		_, err := e.IssueCreditNote(ctx, clerk, id, suiteDay)
		if raced(err) {
			m.add(&m.credits, id)
		}
		return "issue credit", err
	case n < 95:
		day := suiteDay.AddDays(31 + r.IntN(30))
		rems, err := e.Dunning(ctx, clerk, day, m.policy)
		if err != nil || len(rems) == 0 {
			return "dunning", err
		}
		return "remind", e.RecordReminders(ctx, clerk, rems[r.IntN(len(rems))])
	default:
		// Quotes stay in the list: several goroutines edit one at once,
		// each from the version it read.
		m.mu.Lock()
		var id string
		if len(m.quotes) > 0 && r.IntN(8) > 0 {
			id = m.quotes[r.IntN(len(m.quotes))]
		}
		m.mu.Unlock()
		if id == "" {
			q, err := e.CreateQuote(ctx, rep, QuoteInput(int64(r.IntN(10))))
			if err == nil {
				m.add(&m.quotes, q.ID.String())
			}
			return "quote", err
		}
		rec, err := e.QuoteRecord(ctx, rep, id)
		if err != nil {
			return "read quote", err
		}
		_, err = e.EditQuote(ctx, rep, id, rec.Version, func(in *quote.Input) error {
			in.Lines[0].Quantity = decimal.NewFromInt(int64(1 + r.IntN(20)))
			return nil
		})
		return "edit quote", err
	}
}

// check verifies the invariants of the store after a randomized run.
func (m *mix) check(t *testing.T, e *billing.Engine) {
	ctx := context.Background()
	all, err := e.Invoices(ctx, clerk, nil)
	require.NoError(t, err)
	var numbers, credits []string
	owed := map[string]decimal.Decimal{}
	for _, inv := range all {
		doc := &inv.Document
		if doc.Number == "" {
			continue
		}
		customer := billing.CustomerKey(doc.Buyer)
		if doc.Type == invoice.TypeCreditNote {
			credits = append(credits, doc.Number)
			owed[customer] = owed[customer].Sub(doc.Totals.TaxInclusive.Number())
		} else {
			numbers = append(numbers, doc.Number)
			owed[customer] = owed[customer].Add(doc.Totals.TaxInclusive.Number())
		}
	}
	gapless := func(prefix string, got []string) {
		slices.Sort(got)
		for i, n := range got {
			if !assert.Equal(t, fmt.Sprintf("%s2026-%06d", prefix, i+1), n, "numbers of series %s", prefix) {
				return
			}
		}
	}
	gapless("F", numbers)
	gapless("AV", credits)

	for _, c := range customers {
		customer := billing.CustomerKey(c)
		st, err := e.Statement(ctx, clerk, customer, money.EUR)
		require.NoError(t, err)
		paid := decimal.Zero
		for _, p := range st.Payments {
			paid = paid.Add(p.Payment.Amount.Number())
		}
		want := owed[customer].Sub(paid)
		got := st.Outstanding.Number().Sub(st.Credit.Number())
		assert.True(t, want.Equal(got), "%s owes %s (issued - credited - paid), the ledger says %s", c.Name, want, got)

		for _, rc := range st.Receivables {
			hist, err := e.History(ctx, auditor, collab.Ref{Kind: collab.KindInvoice, ID: rc.InvoiceID.String()}, billing.EventQuery{})
			require.NoError(t, err)
			steps := map[string]int{}
			for _, ev := range hist {
				if ev.Action != billing.ActionInvoiceReminded {
					continue
				}
				for _, ch := range ev.Changes {
					if ch.Field == "reminder_step" || ch.Field == "reminder_skipped" {
						steps[ch.After]++
					}
				}
			}
			for step, n := range steps {
				assert.Equal(t, 1, n, "invoice %s: step %s recorded %d times", rc.Number, step, n)
			}
		}
	}

	events, err := e.Events(ctx, auditor, billing.EventQuery{})
	require.NoError(t, err)
	decisions := map[string]int{}
	for _, ev := range events {
		if ev.Action == billing.ActionApprovalApproved || ev.Action == billing.ActionApprovalRejected {
			decisions[ev.Object.ID]++
		}
	}
	for id, n := range decisions {
		req, err := e.Approval(ctx, finance, id)
		require.NoError(t, err)
		decided := 0
		for _, s := range req.Steps {
			if s.DecidedBy != "" {
				decided++
			}
		}
		assert.Equal(t, decided, n, "approval %s: %d decisions audited for %d steps decided", id, n, decided)
	}
}
