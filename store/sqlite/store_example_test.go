package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/store/sqlite"
)

func ExampleOpen() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "billkit")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "billing.db")

	// Open creates the file and its schema.
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		fmt.Println(err)
		return
	}
	// A contract and the mark of the charge a bill run billed, committed
	// together.
	err = s.Update(ctx, func(tx billing.Tx) error {
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
	s.Close()

	// Opened again, the file holds what was committed.
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
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

func ExampleOpen_memory() {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, sqlite.Memory) // private, dropped by Close
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	_ = s.Update(ctx, func(tx billing.Tx) error {
		v, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "contract-1"})
		fmt.Println("version", v, err)
		_, err = tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "contract-1"})
		fmt.Println(errors.Is(err, billing.ErrConflict))
		return nil
	})
	// Output:
	// version 1 <nil>
	// true
}
