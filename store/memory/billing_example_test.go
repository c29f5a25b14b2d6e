package memory_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/store/memory"
)

func ExampleNewStore() {
	ctx := context.Background()
	s := memory.NewStore()

	// Update: a contract and the mark of the charge a bill run billed,
	// committed together.
	err := s.Update(ctx, func(tx billing.Tx) error {
		c := billing.Contract{Customer: "id:552100554", PurchaseOrder: "PO-2026-114"}
		if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "contract-1", Value: c}); err != nil {
			return err
		}
		return tx.Marks().Mark(ctx, "contract-1/l1/2026-03", "invoice-1")
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	// A failed Update keeps nothing: the number it took is handed out again.
	_ = s.Update(ctx, func(tx billing.Tx) error {
		n, _ := tx.Sequence().Next(ctx, "acme/invoice/2026", date.MustParse("2026-03-31"))
		fmt.Println("number taken:", n)
		return errors.New("saving the invoice failed")
	})

	// View: a consistent, read-only view.
	_ = s.View(ctx, func(tx billing.Tx) error {
		r, err := tx.Contracts().Get(ctx, "contract-1")
		if err != nil {
			return err
		}
		fmt.Println(r.ID, "version", r.Version, "for", r.Value.Customer)
		invoiceID, marked, _ := tx.Marks().Marked(ctx, "contract-1/l1/2026-03")
		fmt.Println("billed:", marked, "on", invoiceID)
		_, err = tx.Contracts().Put(ctx, r)
		fmt.Println(errors.Is(err, billing.ErrReadOnly))
		return nil
	})

	_ = s.Update(ctx, func(tx billing.Tx) error {
		n, err := tx.Sequence().Next(ctx, "acme/invoice/2026", date.MustParse("2026-03-02"))
		fmt.Println("number taken:", n)
		return err
	})
	// Output:
	// number taken: 1
	// contract-1 version 1 for id:552100554
	// billed: true on invoice-1
	// true
	// number taken: 1
}
