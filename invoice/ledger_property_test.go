package invoice

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Property tests of the ledger: random sequences of payments, allocations,
// credit notes, refunds, reversals, write-offs and disputes, in currencies
// of 0, 2 and 3 decimals. After every operation that succeeds, every
// invariant holds; after every operation that fails, nothing changed.

// ledgerModel is a ledger under test and what the test knows of it.
type ledgerModel struct {
	l        *Ledger
	seq      MemorySequence
	invoices []*Invoice
	credits  []uuid.UUID // the credit notes issued
	cur      money.Currency
	today    date.Date
	next     int // the next test ID
}

func (m *ledgerModel) id() uuid.UUID { m.next++; return testID(m.next) }

func newLedgerModel(t *rapid.T) *ledgerModel {
	m := &ledgerModel{today: issD, next: 1000}
	first := genDocument(t, genOptions{positive: true})
	m.cur = first.Currency
	l, err := NewLedger(testCustomer, m.cur)
	require.NoError(t, err)
	m.l = l
	if inv := issued(t, &m.seq, first); inv.AmountDue().IsNegative() {
		// Allowances can exceed tiny lines: such an invoice is a credit.
		require.ErrorIs(t, l.AddInvoice(inv), ErrNotReceivable)
	} else {
		require.NoError(t, l.AddInvoice(inv))
		m.invoices = append(m.invoices, inv)
	}
	for i := range rapid.IntRange(1-len(m.invoices), 3).Draw(t, "more invoices") {
		total := genMinor(t, m.cur, 1, 200_000, "total"+strconv.Itoa(i))
		due := issD.AddDays(rapid.IntRange(0, 60).Draw(t, "due"+strconv.Itoa(i)))
		inv := receivableInvoice(t, &m.seq, total.String(), due.String())
		require.NoError(t, l.AddInvoice(inv))
		m.invoices = append(m.invoices, inv)
	}
	return m
}

// amountUpTo draws an amount of the model's currency from one minor unit
// to a little more than limit, so that some requests exceed what is there.
func (m *ledgerModel) amountUpTo(t *rapid.T, limit money.Amount, label string) money.Amount {
	units := limit.Number().Shift(int32(m.cur.Digits())).IntPart()
	return genMinor(t, m.cur, 1, max(units, 1)+3, label)
}

func (m *ledgerModel) pick(t *rapid.T, label string) *Invoice {
	return m.invoices[rapid.IntRange(0, len(m.invoices)-1).Draw(t, label)]
}

func (m *ledgerModel) plan(t *rapid.T) AllocationPlan {
	var plan AllocationPlan
	for i := range rapid.IntRange(0, 3).Draw(t, "parts") {
		inv := m.pick(t, "part.invoice")
		r, err := m.l.Receivable(inv.ID())
		require.NoError(t, err)
		plan.Parts = append(plan.Parts, InvoiceAmount{InvoiceID: inv.ID(),
			Amount: m.amountUpTo(t, r.Balance, "part.amount"+strconv.Itoa(i))})
	}
	plan.OldestFirst = rapid.Bool().Draw(t, "oldest first")
	return plan
}

// step runs one random operation and returns its name, its posting and its
// error.
func (m *ledgerModel) step(t *rapid.T) (string, Posting, error) {
	m.today = m.today.AddDays(rapid.IntRange(0, 5).Draw(t, "days"))
	l := m.l
	switch rapid.IntRange(0, 8).Draw(t, "op") {
	case 0, 1:
		p := Payment{ID: m.id(), Customer: testCustomer, Amount: genMinor(t, m.cur, 1, 300_000, "payment"),
			Date: m.today, Method: rapid.SampledFrom(PaymentMethods()).Draw(t, "method")}
		plan := m.plan(t)
		posting, err := l.RecordPayment(p, plan)
		if err == nil {
			// Allocations plus what joined the credit balance make the payment.
			rec, _ := l.Payment(p.ID)
			assertEqualDec(t, p.Amount.Number(), sumEntries(posting.Entries).Add(rec.Unallocated.Number()), "payment split")
		}
		return "record payment", posting, err
	case 2:
		return m.creditMovement(t, "apply credit", func() (Posting, error) { return l.ApplyCredit(m.today, m.plan(t)) })
	case 3:
		inv := m.pick(t, "unallocate.invoice")
		r, _ := l.Receivable(inv.ID())
		amount := m.amountUpTo(t, r.Paid, "unallocate.amount")
		return m.creditMovement(t, "unallocate", func() (Posting, error) { return l.Unallocate(inv.ID(), amount, m.today, "misapplied") })
	case 4:
		payments := l.Payments()
		if len(payments) == 0 {
			return "no payment to reverse", Posting{}, nil
		}
		p := payments[rapid.IntRange(0, len(payments)-1).Draw(t, "reverse")]
		posting, err := l.ReversePayment(p.ID, m.today, "returned")
		return "reverse payment", posting, err
	case 5:
		refund := Refund{ID: m.id(), Amount: m.amountUpTo(t, l.CreditBalance(), "refund"), Date: m.today, Method: MethodTransfer}
		if payments := l.Payments(); len(payments) > 0 && rapid.Bool().Draw(t, "refund one payment") {
			refund.PaymentID = payments[rapid.IntRange(0, len(payments)-1).Draw(t, "refund.payment")].ID
		}
		if len(m.credits) > 0 && rapid.Bool().Draw(t, "refund a credit note") {
			refund.CreditNoteID = m.credits[rapid.IntRange(0, len(m.credits)-1).Draw(t, "refund.credit")]
		}
		return m.creditMovement(t, "refund", func() (Posting, error) { return l.Refund(refund) })
	case 6:
		return m.creditNote(t)
	case 7:
		inv := m.pick(t, "write off")
		return "write off", Posting{}, l.WriteOff(inv.ID())
	default:
		inv := m.pick(t, "dispute")
		if rapid.Bool().Draw(t, "resolve") {
			return "resolve", Posting{}, l.ResolveDispute(inv.ID())
		}
		return "dispute", Posting{}, l.Dispute(inv.ID(), "contested", m.today)
	}
}

// creditMovement runs op and checks that its entries are exactly what the
// credit balance gave or received.
func (m *ledgerModel) creditMovement(t *rapid.T, name string, op func() (Posting, error)) (string, Posting, error) {
	before := m.l.CreditBalance().Number()
	posting, err := op()
	if err == nil {
		moved := before.Sub(posting.CreditBalance.Number()).Abs()
		assertEqualDec(t, moved, sumEntries(posting.Entries), name+": entries = credit balance movement")
	}
	return name, posting, err
}

func (m *ledgerModel) creditNote(t *rapid.T) (string, Posting, error) {
	inv := m.pick(t, "credit.invoice")
	var req CreditRequest
	if rapid.Bool().Draw(t, "partial credit") {
		l := inv.doc.Lines[0]
		_, remaining := inv.remainingLine(&l)
		if remaining.Sign() <= 0 {
			return "nothing to credit", Posting{}, nil
		}
		req.Lines = []LineCredit{{LineID: l.ID, Amount: m.amountUpTo(t, money.New(remaining, m.cur), "credit.amount")}}
	}
	cn, err := m.l.NewCreditNote(m.id(), inv.ID(), req)
	if err != nil {
		return "draw up credit note", Posting{}, err
	}
	require.NoError(t, cn.Submit(ApprovalPolicy{}))
	posting, err := m.l.IssueCreditNote(context.Background(), cn, &m.seq, creditSeries, m.today)
	if err == nil {
		m.credits = append(m.credits, cn.ID())
	}
	return "credit note", posting, err
}

func sumEntries(entries []Entry) decimal.Decimal {
	var s decimal.Decimal
	for _, e := range entries {
		s = s.Add(e.Amount.Number())
	}
	return s
}

func TestPropertyLedgerInvariants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := newLedgerModel(t)
		for i := range rapid.IntRange(1, 25).Draw(t, "steps") {
			before, statusBefore := m.l.Snapshot(), statuses(m.l)
			name, _, err := m.step(t)
			if err != nil {
				var ve *validation.Error
				known := errors.As(err, &ve) || errors.Is(err, ErrOverAllocation) || errors.Is(err, ErrPaymentReversed) ||
					errors.Is(err, ErrPaymentRefunded) || errors.Is(err, ErrInvalidTransition) ||
					errors.Is(err, ErrNotCreditable) || errors.Is(err, ErrOverCredit)
				require.True(t, known, "step %d %s: unexpected error %v", i, name, err)
				assert.Equal(t, before, m.l.Snapshot(), "step %d %s failed (%v) but changed the ledger", i, name, err)
				assert.Equal(t, statusBefore, statuses(m.l), "step %d %s failed but changed a status", i, name)
				continue
			}
			checkLedger(t, m)
		}
	})
}

func TestPropertyAllocationConservesMoney(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := newLedgerModel(t)
		before := m.l.Receivables()
		p := Payment{ID: m.id(), Customer: testCustomer, Amount: genMinor(t, m.cur, 1, 500_000, "payment"),
			Date: m.today, Method: MethodTransfer}
		posting, err := m.l.RecordPayment(p, m.plan(t))
		if err != nil {
			assert.True(t, errors.Is(err, ErrOverAllocation) || errors.Is(err, validation.ErrInvalid), "%v", err)
			assert.Equal(t, before, m.l.Receivables())
			assert.True(t, m.l.CreditBalance().IsZero())
			return
		}
		// Σ allocations + credit balance movement = payment amount.
		assertEqualDec(t, p.Amount.Number(), sumEntries(posting.Entries).Add(posting.CreditBalance.Number()), "payment")
		for i, r := range m.l.Receivables() {
			got := before[i].Balance.Number().Sub(r.Balance.Number())
			var want decimal.Decimal
			for _, e := range posting.Entries {
				if e.InvoiceID == r.InvoiceID {
					want = want.Add(e.Amount.Number())
				}
			}
			assertEqualDec(t, want, got, "allocated to "+r.Number)
			assert.False(t, r.Balance.IsNegative(), "%s over-allocated", r.Number)
		}
		checkLedger(t, m)
	})
}
