package billing

import (
	"context"
	"errors"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
)

// Names returns the collab.Namer that names the engine's objects in
// notifications as people know them: "invoice F2026-000042", "draft
// invoice to Boulangerie Martin SARL", "credit note AV2026-000003", "quote
// Q-2026-0042 to Boulangerie Martin SARL", "contract from quote
// Q-2026-0042". Objects of other kinds, and objects not found, are left
// to collab's default (their kind and ID).
func (e *Engine) Names() collab.Namer { return namer{e} }

type namer struct{ e *Engine }

func (n namer) Name(ctx context.Context, ref collab.Ref) (string, error) {
	var name string
	err := n.e.view(ctx, func(tx Tx) error {
		switch ref.Kind {
		case collab.KindInvoice, collab.KindCreditNote:
			rec, err := tx.Invoices().Get(ctx, ref.ID)
			if err != nil {
				return err
			}
			name = invoiceName(rec.Value)
		case collab.KindQuote:
			rec, err := tx.Quotes().Get(ctx, ref.ID)
			if err != nil {
				return err
			}
			name = "quote " + rec.Value.Input.Number + " to " + rec.Value.Input.Buyer.Name
		case collab.KindContract:
			rec, err := tx.Contracts().Get(ctx, ref.ID)
			if err != nil {
				return err
			}
			name = "contract from quote " + rec.Value.QuoteNumber + " with " + rec.Value.Buyer.Name
		}
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return "", nil
	}
	return name, err
}

// invoiceName names an invoice or a credit note by its number, or as a
// draft to its buyer before it has one.
func invoiceName(s invoice.Snapshot) string {
	what := "invoice"
	if s.Document.Type == invoice.TypeCreditNote {
		what = "credit note"
	}
	if s.Document.Number != "" {
		return what + " " + s.Document.Number
	}
	return "draft " + what + " to " + s.Document.Buyer.Name
}
