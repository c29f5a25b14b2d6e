package invoice

import (
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// checkLedger checks every invariant of l against its journal.
func checkLedger(t *rapid.T, m *ledgerModel) {
	l := m.l
	applied := map[uuid.UUID]decimal.Decimal{} // per invoice
	fromPayment := map[uuid.UUID]decimal.Decimal{}
	var refunded, cancelled decimal.Decimal
	digits := int32(m.cur.Digits())
	for _, e := range l.Entries() {
		a := e.Amount.Number()
		require.True(t, a.IsPositive() && a.Equal(a.Round(digits)), "entry %+v", e)
		switch {
		case e.Kind == EntryApply:
			applied[e.InvoiceID] = applied[e.InvoiceID].Add(a)
			fromPayment[e.PaymentID] = fromPayment[e.PaymentID].Add(a)
		case e.InvoiceID != uuid.Nil:
			applied[e.InvoiceID] = applied[e.InvoiceID].Sub(a)
			fromPayment[e.PaymentID] = fromPayment[e.PaymentID].Sub(a)
		case e.Kind == EntryRefund:
			refunded = refunded.Add(a)
			fromPayment[e.PaymentID] = fromPayment[e.PaymentID].Add(a)
		default:
			cancelled = cancelled.Add(a)
			fromPayment[e.PaymentID] = fromPayment[e.PaymentID].Add(a)
		}
	}
	var paidTotal decimal.Decimal
	for _, r := range l.Receivables() {
		inv := m.invoices[indexOf(m.invoices, r.InvoiceID)]
		// invoice − credit notes − payments = balance, always
		assertEqualDec(t, inv.AmountDue().Number().Sub(r.Credited.Number()).Sub(applied[r.InvoiceID]), r.Balance.Number(), "balance of "+r.Number)
		assertEqualDec(t, inv.DueAfterCredits().Number().Sub(applied[r.InvoiceID]), r.Balance.Number(), "balance after credits of "+r.Number)
		assertEqualDec(t, applied[r.InvoiceID], r.Paid.Number(), "paid on "+r.Number)
		assert.False(t, r.Paid.IsNegative(), "%s: paid %s", r.Number, r.Paid)
		assert.False(t, r.Balance.IsNegative(), "%s: balance %s; %s; inv %+v; credits %+v", r.Number, r.Balance, describe(r), inv.Totals(), inv.CreditState().Due)
		credits, err := l.Credits(r.InvoiceID)
		require.NoError(t, err)
		var credited decimal.Decimal
		for _, c := range credits {
			credited = credited.Add(c.Amount.Number())
		}
		assertEqualDec(t, r.Credited.Number(), credited, "credit notes of "+r.Number)
		if inv.Status() == StatusVoid {
			assertEqualDec(t, inv.Total().Number(), inv.Credited().Number(), "void "+r.Number+" is credited in full")
		}
		paidTotal = paidTotal.Add(r.Paid.Number())
	}
	var received, unallocated decimal.Decimal
	for _, p := range l.Payments() {
		// A payment is allocated, refunded, cancelled or still unallocated: no cent lost.
		assertEqualDec(t, p.Amount.Number(), fromPayment[p.ID].Add(p.Unallocated.Number()), "payment "+p.ID.String())
		assert.False(t, p.Unallocated.IsNegative())
		if p.IsReversed() {
			assert.True(t, p.Unallocated.IsZero() && p.Allocated.IsZero() && p.Refunded.IsZero())
		}
		received = received.Add(p.Amount.Number())
		unallocated = unallocated.Add(p.Unallocated.Number())
	}
	assertEqualDec(t, unallocated, l.CreditBalance().Number(), "credit balance")
	assertEqualDec(t, received, paidTotal.Add(unallocated).Add(refunded).Add(cancelled), "money received")
	// The journal replays to the same ledger, with statuses that agree.
	back, err := RestoreLedger(l.Snapshot(), m.invoices)
	require.NoError(t, err)
	assert.Equal(t, describeAll(l), describeAll(back))
}

func indexOf(invoices []*Invoice, id uuid.UUID) int {
	for i, inv := range invoices {
		if inv.ID() == id {
			return i
		}
	}
	return -1
}

func describeAll(l *Ledger) []string {
	var out []string
	for _, r := range l.Receivables() {
		out = append(out, describe(r))
	}
	return append(out, "credit "+l.CreditBalance().String())
}
