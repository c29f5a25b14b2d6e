package invoice

import (
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
)

func TestNewLedger(t *testing.T) {
	tests := []struct {
		name     string
		customer string
		currency money.Currency
		faults   []string
	}{
		{"valid", testCustomer, money.EUR, nil},
		{"no customer", "", money.EUR, []string{"customer required"}},
		{"customer too long", strings.Repeat("x", 201), money.EUR, []string{"customer out_of_range"}},
		{"no currency", testCustomer, money.Currency{}, []string{"currency required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := NewLedger(tt.customer, tt.currency)
			assert.Equal(t, tt.faults, faults(t, err))
			if tt.faults == nil {
				require.NotNil(t, l)
				assert.Equal(t, tt.customer, l.Customer())
				assert.Equal(t, tt.currency, l.Currency())
				assert.Zero(t, l.Version())
				assert.True(t, l.CreditBalance().IsZero())
			}
		})
	}
}

func TestAddInvoice(t *testing.T) {
	var seq MemorySequence
	sent := receivableInvoice(t, &seq, "80.00 EUR", "2026-04-01")
	require.NoError(t, sent.MarkSent(issD))
	paid := receivableInvoice(t, &seq, "80.00 EUR", "2026-04-01")
	require.NoError(t, paid.MarkPaid())
	written := receivableInvoice(t, &seq, "80.00 EUR", "2026-04-01")
	require.NoError(t, written.MarkUncollectible())
	credited := receivableInvoice(t, &seq, "80.00 EUR", "2026-04-01")
	_, err := issueCredit(t, &seq, credited, CreditRequest{})
	require.NoError(t, err)
	cn, err := NewCreditNote(testID(90), receivableInvoice(t, &seq, "80.00 EUR", "2026-04-01"), CreditRequest{})
	require.NoError(t, err)
	draft := draftOf(t, frenchInvoice(item("1", "Prestation", "1", "C62", "80.00 EUR", zeroRated)))
	dollars := receivableInvoice(t, &seq, "80.00 USD", "2026-04-01")

	tests := []struct {
		name string
		inv  *Invoice
		want error  // a sentinel, or nil
		code string // a fault, when the error is a *validation.Error
	}{
		{"issued", receivableInvoice(t, &seq, "80.00 EUR", "2026-04-01"), nil, ""},
		{"sent", sent, nil, ""},
		{"written off", written, nil, ""},
		{"nil", nil, nil, "invoice required"},
		{"paid outside the ledger", paid, ErrNotReceivable, ""},
		{"void after a full credit", credited, ErrNotReceivable, ""},
		{"credit note", cn, ErrNotReceivable, ""},
		{"draft", draft, ErrNotReceivable, ""},
		{"other currency", dollars, nil, "invoice.currency mismatch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := NewLedger(testCustomer, money.EUR)
			require.NoError(t, err)
			err = l.AddInvoice(tt.inv)
			switch {
			case tt.code != "":
				assert.Equal(t, []string{tt.code}, faults(t, err))
			case tt.want != nil:
				assert.ErrorIs(t, err, tt.want)
			default:
				require.NoError(t, err)
				assert.Equal(t, uint64(1), l.Version())
				assert.Len(t, l.Receivables(), 1)
				return
			}
			assert.Empty(t, l.Receivables(), "nothing added")
			assert.Zero(t, l.Version())
		})
	}
}

func TestAddInvoiceTwice(t *testing.T) {
	l, invoices, _ := ledgerOf(t, "80.00 EUR")
	assert.Equal(t, []string{"invoice.id duplicate"}, faults(t, l.AddInvoice(invoices[0])))
	// Another invoice with the same number, from another series store.
	var other MemorySequence
	twin := receivableInvoice(t, &other, "80.00 EUR", "2026-04-01")
	require.Equal(t, invoices[0].Number(), twin.Number())
	assert.Equal(t, []string{"invoice.number duplicate"}, faults(t, l.AddInvoice(twin)))
	assert.Len(t, l.Receivables(), 1)
}

func TestAddInvoiceCreditedBefore(t *testing.T) {
	var seq MemorySequence
	inv := receivableInvoice(t, &seq, "100.00 EUR", "2026-04-01")
	_, err := issueCredit(t, &seq, inv, CreditRequest{Lines: []LineCredit{{LineID: "1", Amount: amt("30.00 EUR")}}})
	require.NoError(t, err)
	l, err := NewLedger(testCustomer, money.EUR)
	require.NoError(t, err)
	require.NoError(t, l.AddInvoice(inv))

	r, err := l.Receivable(inv.ID())
	require.NoError(t, err)
	assert.Equal(t, "100.00 EUR", r.Due.String())
	assert.Equal(t, "30.00 EUR", r.Credited.String())
	assert.Equal(t, "70.00 EUR", r.Balance.String())
	credits, err := l.Credits(inv.ID())
	require.NoError(t, err)
	assert.Equal(t, []CreditRecord{{Date: issD, Amount: amt("30.00 EUR")}}, credits)
}

func TestLedgerReads(t *testing.T) {
	l, invoices, _ := ledgerOf(t, "100.00 EUR", "50.00 EUR")
	_, err := l.RecordPayment(payment(1, "120.00 EUR", "2026-03-20"), AllocateOldestFirst())
	require.NoError(t, err)

	r, err := l.Receivable(invoices[1].ID())
	require.NoError(t, err)
	assert.Equal(t, invoices[1].ID(), r.InvoiceID)
	assert.Equal(t, "F2026-000002 boulangerie-martin issued 2026-03-02 due 2026-03-30 partially_paid: "+
		"due 50.00 EUR credited 0.00 EUR paid 20.00 EUR balance 30.00 EUR", describe(r))
	assert.True(t, r.IsOpen())
	assert.Equal(t, 2, r.DaysOverdue(day("2026-04-01")))
	assert.Equal(t, 0, r.DaysOverdue(day("2026-03-30")))
	assert.Equal(t, "30.00 EUR", l.Outstanding().String())
	assert.Equal(t, "0.00 EUR", l.CreditBalance().String())

	p, err := l.Payment(testID(1))
	require.NoError(t, err)
	assert.Equal(t, "120.00 EUR", p.Allocated.String())
	assert.Equal(t, "0.00 EUR", p.Unallocated.String())
	assert.False(t, p.IsReversed())
	assert.Len(t, l.Payments(), 1)
	assert.Len(t, l.Entries(), 2)
	assert.Empty(t, l.Refunds())

	snap, err := l.InvoiceSnapshot(invoices[0].ID())
	require.NoError(t, err)
	assert.Equal(t, StatusPaid, snap.Status)

	for name, read := range map[string]func() error{
		"receivable": func() error { _, err := l.Receivable(testID(404)); return err },
		"credits":    func() error { _, err := l.Credits(testID(404)); return err },
		"payment":    func() error { _, err := l.Payment(testID(404)); return err },
		"snapshot":   func() error { _, err := l.InvoiceSnapshot(testID(404)); return err },
		"debt":       func() error { _, err := l.Debt(testID(404)); return err },
		"late fee":   func() error { _, err := l.LateFee(testID(404), issD); return err },
		"credit note": func() error {
			_, err := l.NewCreditNote(testID(405), testID(404), CreditRequest{})
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			var nf *NotFoundError
			require.ErrorAs(t, read(), &nf)
			assert.Equal(t, testID(404), nf.ID)
		})
	}
}

func TestLedgerConcurrentUse(t *testing.T) {
	totals := make([]string, 20)
	for i := range totals {
		totals[i] = "10.00 EUR"
	}
	l, _, _ := ledgerOf(t, totals...)
	done := make(chan error)
	for g := range 4 {
		go func() {
			var err error
			for i := range 10 {
				p := payment(g*100+i+1, "5.00 EUR", "2026-04-01")
				if _, e := l.RecordPayment(p, AllocateOldestFirst()); e != nil {
					err = e
				}
				_ = l.Receivables()
				_, _ = l.Receivable(uuid.Nil)
				_ = l.Snapshot()
			}
			done <- err
		}()
	}
	for range 4 {
		require.NoError(t, <-done)
	}
	assert.Equal(t, "0.00 EUR", l.Outstanding().String(), "40 payments of 5.00 pay 20 invoices of 10.00")
	assert.Equal(t, "0.00 EUR", l.CreditBalance().String())
	for _, s := range statuses(l) {
		assert.Equal(t, StatusPaid, s)
	}
	_, err := RestoreLedger(l.Snapshot(), invoicesOf(l))
	assert.NoError(t, err)
}

// invoicesOf returns the invoices held by l, for RestoreLedger.
func invoicesOf(l *Ledger) []*Invoice {
	l.mu.RLock()
	defer l.mu.RUnlock()
	out := make([]*Invoice, len(l.invoices))
	for i, r := range l.invoices {
		out[i] = r.inv
	}
	return out
}

// describe returns the fields of r as text.
func describe(r Receivable) string {
	return r.Number + " " + r.Customer + " issued " + r.IssueDate.String() + " due " + r.DueDate.String() + " " +
		string(r.Status) + ": due " + r.Due.String() + " credited " + r.Credited.String() +
		" paid " + r.Paid.String() + " balance " + r.Balance.String()
}
