package billing_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/store/storetest"
)

// Editors who all read the same version and save at once: one edit is
// saved, every other one is a conflict, for quotes and for invoices.
func TestConcurrentEditsFromOneVersion(t *testing.T) {
	ctx := context.Background()
	const editors = 8
	race := func(t *testing.T, edit func(n int) error) {
		t.Helper()
		errs := make([]error, editors)
		var wg sync.WaitGroup
		for n := range editors {
			wg.Go(func() { errs[n] = edit(n) })
		}
		wg.Wait()
		saved := 0
		for _, err := range errs {
			var conflict *billing.ConflictError
			switch {
			case err == nil:
				saved++
			case errors.As(err, &conflict):
				assert.Equal(t, uint64(1), conflict.Expected)
			default:
				t.Errorf("an edit failed otherwise than by a conflict: %v", err)
			}
		}
		assert.Equal(t, 1, saved, "one edit is saved")
	}

	t.Run("quote", func(t *testing.T) {
		e := newFixture(t).engine
		q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(0))
		require.NoError(t, err)
		id := q.ID.String()
		race(t, func(n int) error {
			_, err := e.EditQuote(ctx, alice, id, 1, func(in *quote.Input) error {
				in.Lines[1].Quantity = decimal.NewFromInt(int64(21 + n))
				return nil
			})
			return err
		})
		rec, err := e.QuoteRecord(ctx, alice, id)
		require.NoError(t, err)
		assert.Equal(t, uint64(2), rec.Version)
	})
	t.Run("invoice", func(t *testing.T) {
		e := newFixture(t).engine
		inv, err := e.CreateInvoice(ctx, carol, smallDoc("50.00"))
		require.NoError(t, err)
		id := inv.ID.String()
		race(t, func(n int) error {
			_, err := e.EditInvoice(ctx, carol, id, 1, func(doc *invoice.Document) error {
				doc.PaymentTerms = fmt.Sprintf("%d days", 30+n)
				return nil
			})
			return err
		})
		rec, err := e.InvoiceRecord(ctx, carol, id)
		require.NoError(t, err)
		assert.Equal(t, uint64(2), rec.Version)
	})
}

// An editor reads a quote with its version, and saves their change from
// that version; a second edit made from the same reading is refused,
// since it would undo the first without its author knowing.
func ExampleEngine_EditQuote() {
	ctx := context.Background()
	e := exampleEngine()
	q, err := e.CreateQuote(ctx, "sam", quote.Input{
		Number: "Q-2026-0007", Currency: money.EUR, BookID: "std",
		Seller: invoice.Party{Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
			Address: invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"}},
		Buyer: invoice.Party{Name: "Boulangerie Martin SARL",
			Address: invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"}},
		Date: date.MustParse("2026-03-02"), ValidUntil: date.MustParse("2026-03-31"),
		Lines: []quote.LineInput{{ID: "1", ProductID: "seat", Quantity: decimal.NewFromInt(20),
			Plan: schedule.Plan{Kind: schedule.KindRecurring, Recurring: &schedule.Recurring{Cycle: schedule.Cycle{
				Interval: schedule.Interval{Unit: schedule.Month}, Start: date.MustParse("2026-04-01")}}}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	id := q.ID.String()
	read, err := e.QuoteRecord(ctx, "sam", id)
	if err != nil {
		fmt.Println(err)
		return
	}
	seats := func(n int64) func(in *quote.Input) error {
		return func(in *quote.Input) error {
			in.Lines[0].Quantity = decimal.NewFromInt(n)
			return nil
		}
	}
	saved, err := e.EditQuote(ctx, "sam", id, read.Version, seats(25))
	fmt.Println("read at version", read.Version, "- saved with", saved.Input.Lines[0].Quantity, "seats:", err)
	_, err = e.EditQuote(ctx, "sam", id, read.Version, seats(30))
	var conflict *billing.ConflictError
	if errors.As(err, &conflict) {
		fmt.Println("refused: read version", conflict.Expected, "but version", conflict.Actual, "is stored")
	}
	// Output:
	// read at version 1 - saved with 25 seats: <nil>
	// refused: read version 1 but version 2 is stored
}
