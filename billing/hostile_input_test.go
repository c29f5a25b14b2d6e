package billing_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/store/storetest"
	"github.com/billkit/billkit/validation"
)

// Every engine call that takes text or amounts from a user refuses
// hostile input with a *validation.Error whose fault names the field, and
// changes nothing.
func TestEngineRefusesHostileInput(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	e := w.engine
	megabyte := strings.Repeat("a", 1<<20)
	manyLines := smallDoc("1.00")
	for i := 1; i <= 100000; i++ {
		l := manyLines.Lines[0]
		l.ID = strconv.Itoa(i + 1)
		manyLines.Lines = append(manyLines.Lines, l)
	}
	withNote := func(text string) invoice.Document {
		d := smallDoc("100.00")
		d.Notes = []invoice.Note{{Text: text}}
		return d
	}
	tests := []struct {
		name  string
		run   func() error
		field string
		code  string
	}{
		{"an invoice with a megabyte note", func() error {
			_, err := e.CreateInvoice(ctx, erin, withNote(megabyte))
			return err
		}, "notes[0].text", validation.CodeOutOfRange},
		{"an invoice with 100,001 lines", func() error {
			_, err := e.CreateInvoice(ctx, erin, manyLines)
			return err
		}, "lines", validation.CodeOutOfRange},
		{"an invoice with invalid UTF-8", func() error {
			d := smallDoc("100.00")
			d.Lines[0].Name = "Consulting \xff"
			_, err := e.CreateInvoice(ctx, erin, d)
			return err
		}, "lines[0].name", validation.CodeInvalid},
		{"an invoice with a NUL", func() error {
			_, err := e.CreateInvoice(ctx, erin, withNote("merci\x00"))
			return err
		}, "notes[0].text", validation.CodeInvalid},
		{"an edit that adds a NUL", func() error {
			rec, err := e.InvoiceRecord(ctx, erin, w.draftInvoice)
			require.NoError(t, err)
			_, err = e.EditInvoice(ctx, erin, w.draftInvoice, rec.Version, func(d *invoice.Document) error {
				d.Buyer.Name = "ACME\x00"
				return nil
			})
			return err
		}, "buyer.name", validation.CodeInvalid},
		{"a quote with a NUL", func() error {
			in := storetest.QuoteInput(0)
			in.Lines[0].Description = "Setup\x00"
			_, err := e.CreateQuote(ctx, erin, in)
			return err
		}, "lines[0].description", validation.CodeInvalid},
		{"a quote with invalid UTF-8 in the buyer's name", func() error {
			in := storetest.QuoteInput(0)
			in.Buyer.Name = "Boulangerie \xe9"
			_, err := e.CreateQuote(ctx, erin, in)
			return err
		}, "buyer.name", validation.CodeInvalid},
		{"a payment of 1e30 EUR", func() error {
			_, err := e.RecordPayment(ctx, erin, invoice.Payment{ID: uuid.New(), Customer: w.customer,
				Amount: money.New(decimal.New(1, 30), money.EUR), Date: date.MustParse("2026-03-20"), Method: invoice.MethodTransfer},
				invoice.AllocationPlan{})
			return err
		}, "amount", validation.CodeOutOfRange},
		{"a payment reference with a NUL", func() error {
			_, err := e.RecordPayment(ctx, erin, invoice.Payment{ID: uuid.New(), Customer: w.customer,
				Amount: money.MustParse("10.00 EUR"), Date: date.MustParse("2026-03-20"), Method: invoice.MethodTransfer,
				Reference: "VIR\x00"}, invoice.AllocationPlan{})
			return err
		}, "reference", validation.CodeInvalid},
		{"a credit reason of invalid UTF-8", func() error {
			_, err := e.CreateCreditNote(ctx, erin, w.issuedInvoice, invoice.CreditRequest{Reason: "geste \xe9"})
			return err
		}, "reason", validation.CodeInvalid},
		{"a rejection reason with an escape", func() error {
			_, err := e.Reject(ctx, dan, w.invoiceRequest, "no\x1b[2J")
			return err
		}, "reason", validation.CodeInvalid},
		{"a write-off reason of two lines", func() error {
			_, err := e.WriteOff(ctx, erin, w.issuedInvoice, "bad\ndebt")
			return err
		}, "reason", validation.CodeInvalid},
		{"a decline reason with a NUL", func() error {
			_, err := e.DeclineQuote(ctx, erin, w.sentQuote, date.MustParse("2026-03-05"), "too\x00 expensive")
			return err
		}, "reason", validation.CodeInvalid},
		{"a purchase order with a NUL", func() error {
			_, err := e.AcceptQuote(ctx, erin, w.sentQuote, date.MustParse("2026-03-05"), "PO\x00")
			return err
		}, "purchase_order", validation.CodeInvalid},
		{"a reminder step with a NUL", func() error {
			issued, err := e.Invoice(ctx, erin, w.issuedInvoice)
			require.NoError(t, err)
			return e.RecordReminders(ctx, erin, invoice.Reminder{InvoiceID: issued.ID, Step: "J+7\x00", On: date.MustParse("2026-06-01")})
		}, "reminders[0].step", validation.CodeInvalid},
		{"a user name with a NUL", func() error {
			return e.Access().SetUser(billing.User{ID: "mallory", Name: "Mallory\x00", Roles: []string{billing.RoleAuditor}})
		}, "name", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := eventCount(t, w.fixture)
			err := tt.run()
			var invalid *validation.Error
			require.ErrorAs(t, err, &invalid)
			assert.True(t, invalid.Has(tt.field, tt.code), "faults: %v", invalid.Faults)
			assert.Equal(t, before, eventCount(t, w.fixture), "nothing changed")
		})
	}
}
