package invoice

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
)

func TestIssueCreditNoteOnPaidInvoice(t *testing.T) {
	l, inv, seq := ledgerOf(t, "100.00 EUR", "80.00 EUR")
	_, err := l.RecordPayment(payment(1, "100.00 EUR", "2026-03-20"), AllocateParts(part(inv[0], "100.00 EUR")))
	require.NoError(t, err)

	cn := creditNoteOf(t, l, 50, inv[0], CreditRequest{Lines: []LineCredit{{LineID: "1", Amount: amt("30.00 EUR")}}})
	posting := issueCreditIn(t, l, seq, cn, "2026-03-25")
	assert.Equal(t, []Entry{{Kind: EntryCreditNote, Date: day("2026-03-25"), PaymentID: testID(1), InvoiceID: inv[0].ID(),
		CreditNoteID: cn.ID(), Amount: amt("30.00 EUR")}}, posting.Entries)
	assert.Empty(t, posting.Changes, "still paid")
	assert.Equal(t, "30.00 EUR", posting.CreditBalance.String())
	r, err := l.Receivable(inv[0].ID())
	require.NoError(t, err)
	assert.Equal(t, "due 100.00 EUR credited 30.00 EUR paid 70.00 EUR balance 0.00 EUR",
		"due "+r.Due.String()+" credited "+r.Credited.String()+" paid "+r.Paid.String()+" balance "+r.Balance.String())
	credits, err := l.Credits(inv[0].ID())
	require.NoError(t, err)
	assert.Equal(t, []CreditRecord{{CreditNoteID: cn.ID(), Number: cn.Number(), Date: day("2026-03-25"), Amount: amt("30.00 EUR")}}, credits)

	// The credit note is paid back, but no more than it released.
	refund := Refund{ID: testID(10), Amount: amt("30.01 EUR"), Date: day("2026-03-26"), Method: MethodTransfer, CreditNoteID: cn.ID()}
	err = unchanged(t, l, func() error { _, err := l.Refund(refund); return err })
	assert.ErrorIs(t, err, ErrOverAllocation)
	refund.Amount = amt("30.00 EUR")
	posting, err = l.Refund(refund)
	require.NoError(t, err)
	assert.Equal(t, cn.ID(), posting.Entries[0].CreditNoteID)
	assert.True(t, posting.CreditBalance.IsZero())
}

func TestIssueCreditNoteSettles(t *testing.T) {
	tests := []struct {
		name    string
		paid    string
		credit  string // "" for the whole invoice
		status  Status
		balance string
		credits string // the credit balance after
	}{
		{"partially paid, the rest credited", "70.00 EUR", "30.00 EUR", StatusPaid, "0.00 EUR", "0.00 EUR"},
		{"partially paid, less credited", "50.00 EUR", "30.00 EUR", StatusPartiallyPaid, "20.00 EUR", "0.00 EUR"},
		{"partially paid, more credited", "80.00 EUR", "30.00 EUR", StatusPaid, "0.00 EUR", "10.00 EUR"},
		{"unpaid, credited in part", "", "30.00 EUR", StatusIssued, "70.00 EUR", "0.00 EUR"},
		{"partially paid, credited in full", "40.00 EUR", "", StatusVoid, "0.00 EUR", "40.00 EUR"},
		{"paid, credited in full", "100.00 EUR", "", StatusVoid, "0.00 EUR", "100.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, inv, seq := ledgerOf(t, "100.00 EUR")
			if tt.paid != "" {
				_, err := l.RecordPayment(payment(1, tt.paid, "2026-03-20"), AllocateOldestFirst())
				require.NoError(t, err)
			}
			var req CreditRequest
			if tt.credit != "" {
				req.Lines = []LineCredit{{LineID: "1", Amount: amt(tt.credit)}}
			}
			issueCreditIn(t, l, seq, creditNoteOf(t, l, 50, inv[0], req), "2026-03-25")
			assert.Equal(t, tt.status, inv[0].Status())
			assert.Equal(t, []string{tt.balance}, balances(t, l))
			assert.Equal(t, tt.credits, l.CreditBalance().String())
		})
	}
}

func TestIssueCreditNoteRefused(t *testing.T) {
	l, inv, seq := ledgerOf(t, "100.00 EUR")
	var elsewhere MemorySequence
	stranger := receivableInvoice(t, &elsewhere, "10.00 EUR", "2026-04-01")
	stranger.doc.Number = "X-1" // not a number of the ledger
	strangerNote, err := NewCreditNote(testID(60), stranger, CreditRequest{})
	require.NoError(t, err)
	require.NoError(t, strangerNote.Submit(ApprovalPolicy{}))
	draft := creditNoteOf(t, l, 61, inv[0], CreditRequest{})
	require.NoError(t, draft.Reopen())
	early := creditNoteOf(t, l, 62, inv[0], CreditRequest{})

	tests := []struct {
		name   string
		cn     *Invoice
		on     string
		target error
		faults []string
	}{
		{"nil", nil, "2026-03-25", nil, []string{"credit_note required"}},
		{"an invoice", inv[0], "2026-03-25", nil, []string{"credit_note.preceding required"}},
		{"of another invoice", strangerNote, "2026-03-25", ErrNotFound, nil},
		{"not approved", draft, "2026-03-25", ErrInvalidTransition, nil},
		{"before the invoice", early, "2026-03-01", nil, []string{"issue_date out_of_range"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := unchanged(t, l, func() error {
				_, err := l.IssueCreditNote(context.Background(), tt.cn, seq, creditSeries, day(tt.on))
				return err
			})
			if tt.target != nil {
				assert.ErrorIs(t, err, tt.target)
				return
			}
			assert.Equal(t, tt.faults, faults(t, err))
		})
	}
}

func TestCreditNotesWithRoundingAmounts(t *testing.T) {
	// 1.23 EUR VAT included at 20 % has no net amount whose VAT completes
	// it: the invoice of one such item carries a rounding amount (BT-114) of
	// -0.01 so that it asks exactly 1.23 EUR, and so does a credit note of
	// one item. What the customer owes after credit notes is reduced by
	// their amounts due (BT-115), not by their totals (BT-112), so that no
	// cent appears or vanishes.
	tests := []struct {
		name    string
		qty     string
		credits []string // the quantity credited by each credit note
		due     string   // BT-115 of the invoice, paid in full
		after   string   // DueAfterCredits
		credit  string   // the credit balance: what the credit notes gave back
		status  Status
	}{
		{"credited in full", "1", []string{"1"}, "1.23 EUR", "0.00 EUR", "1.23 EUR", StatusVoid},
		{"half credited", "2", []string{"1"}, "2.46 EUR", "1.23 EUR", "1.23 EUR", StatusPaid},
		{"credited in two halves", "2", []string{"1", "1"}, "2.46 EUR", "0.00 EUR", "2.46 EUR", StatusVoid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seq MemorySequence
			doc := frenchInvoice(item("1", "Pain", tt.qty, "C62", "1.23 EUR", s20))
			doc.Pricing.PricesIncludeVAT = true
			inv := issued(t, &seq, doc)
			require.Equal(t, tt.due, inv.AmountDue().String())
			l, err := NewLedger(testCustomer, money.EUR)
			require.NoError(t, err)
			require.NoError(t, l.AddInvoice(inv))
			_, err = l.RecordPayment(payment(1, tt.due, "2026-03-10"), AllocateOldestFirst())
			require.NoError(t, err)
			for i, q := range tt.credits {
				cn := creditNoteOf(t, l, 50+i, inv, CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec(q)}}})
				issueCreditIn(t, l, &seq, cn, "2026-03-20")
				assert.Equal(t, "1.23 EUR", cn.AmountDue().String())
			}
			assert.Equal(t, tt.after, inv.DueAfterCredits().String())
			r, err := l.Receivable(inv.ID())
			require.NoError(t, err)
			assert.Equal(t, "0.00 EUR", r.Balance.String())
			assert.Equal(t, tt.after, r.Paid.String())
			assert.Equal(t, tt.credit, l.CreditBalance().String())
			assert.Equal(t, tt.status, r.Status)
		})
	}
}
