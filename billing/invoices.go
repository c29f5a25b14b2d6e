package billing

import (
	"context"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
)

// CreateInvoice creates a draft invoice from a document, calculated. It
// needs invoice.create, and takes an idempotency key (see
// WithIdempotencyKey).
func (e *Engine) CreateInvoice(ctx context.Context, userID string, doc invoice.Document) (invoice.Snapshot, error) {
	if err := e.access.Check(userID, PermInvoiceCreate); err != nil {
		return invoice.Snapshot{}, err
	}
	return idempotent(ctx, e, userID, OpCreateInvoice, []any{doc}, func(ctx context.Context, snap *invoice.Snapshot) error {
		inv, err := invoice.NewDraft(e.newID(), doc)
		if err != nil {
			return err
		}
		*snap = inv.Snapshot()
		return e.update(ctx, userID, func(tx Tx, c *change) error {
			return putNewInvoice(ctx, tx, c, *snap, ActionInvoiceCreated)
		})
	})
}

func putNewInvoice(ctx context.Context, tx Tx, c *change, snap invoice.Snapshot, action Action) error {
	v, err := tx.Invoices().Put(ctx, Record[invoice.Snapshot]{ID: snap.ID.String(), Value: snap})
	if err != nil {
		return err
	}
	c.record(invoiceRef(snap), action, nil, invoiceFields(snap), v, "")
	return nil
}

// Invoice returns an invoice or a credit note. It needs invoice.view.
func (e *Engine) Invoice(ctx context.Context, userID, id string) (invoice.Snapshot, error) {
	rec, err := e.InvoiceRecord(ctx, userID, id)
	return rec.Value, err
}

// InvoiceRecord returns an invoice or a credit note with its stored
// version, read together. An editor keeps the version and gives it back
// to EditInvoice, which refuses the edit if the invoice changed in
// between. It needs invoice.view.
func (e *Engine) InvoiceRecord(ctx context.Context, userID, id string) (Record[invoice.Snapshot], error) {
	if err := e.access.Check(userID, PermInvoiceView); err != nil {
		return Record[invoice.Snapshot]{}, err
	}
	var out Record[invoice.Snapshot]
	err := e.view(ctx, func(tx Tx) error {
		var err error
		out, err = tx.Invoices().Get(ctx, id)
		return err
	})
	if err != nil {
		return Record[invoice.Snapshot]{}, err
	}
	return out, nil
}

// Invoices returns every invoice and credit note for which keep returns
// true (nil keeps all), oldest first. It needs invoice.view.
func (e *Engine) Invoices(ctx context.Context, userID string, keep func(invoice.Snapshot) bool) ([]invoice.Snapshot, error) {
	if err := e.access.Check(userID, PermInvoiceView); err != nil {
		return nil, err
	}
	return listAll(ctx, e, Tx.Invoices, keep)
}

// changeInvoice loads an invoice that no ledger holds yet (a draft, one
// pending approval or approved), lets fn change it and saves it; out is
// the invoice saved, set in the transaction. An invoice stored at another
// version than the one given is a *ConflictError (see checkVersion: 0
// takes any).
func (e *Engine) changeInvoice(ctx context.Context, userID string, perm Permission, id string, version uint64, action Action,
	out *invoice.Snapshot, fn func(tx Tx, c *change, inv *invoice.Invoice) error) error {
	if err := e.access.Check(userID, perm); err != nil {
		return err
	}
	return e.update(ctx, userID, func(tx Tx, c *change) error {
		inv, v, err := loadInvoice(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion("invoice", id, version, v); err != nil {
			return err
		}
		if perm == PermInvoiceCreate && inv.Type() == invoice.TypeCreditNote {
			// Credit notes are drawn up under their own permission.
			if err := e.access.Check(userID, PermCreditNoteCreate); err != nil {
				return err
			}
		}
		before := invoiceFields(inv.Snapshot())
		if err := fn(tx, c, inv); err != nil {
			return err
		}
		*out = inv.Snapshot()
		nv, err := tx.Invoices().Put(ctx, Record[invoice.Snapshot]{ID: id, Version: v, Value: *out})
		if err != nil {
			return err
		}
		c.record(invoiceRef(*out), action, before, invoiceFields(*out), nv, "")
		return nil
	})
}

// EditInvoice changes a draft invoice's document and calculates it again.
// An issued invoice cannot change (invoice.ErrImmutable). version is the
// version of the invoice the editor read (see InvoiceRecord), and is
// required: when the invoice changed since, the edit is refused with a
// *ConflictError (Expected the version given, Actual the one stored) and
// nothing is written. A successful edit stores the invoice at
// version+1. It needs invoice.create, and creditnote.create for a credit
// note.
func (e *Engine) EditInvoice(ctx context.Context, userID, id string, version uint64, edit func(doc *invoice.Document) error) (invoice.Snapshot, error) {
	if err := requireVersion(version); err != nil {
		return invoice.Snapshot{}, err
	}
	var out invoice.Snapshot
	err := e.changeInvoice(ctx, userID, PermInvoiceCreate, id, version, ActionInvoiceEdited, &out, func(_ Tx, _ *change, inv *invoice.Invoice) error {
		return inv.Edit(edit)
	})
	return out, err
}

// SubmitInvoice validates a draft invoice or credit note and approves it,
// unless an approval rule applies to its total: then it waits for the
// approval request returned (zero when none was needed). It needs
// invoice.create, and creditnote.create for a credit note. It takes an
// idempotency key (see WithIdempotencyKey).
func (e *Engine) SubmitInvoice(ctx context.Context, userID, id string) (invoice.Snapshot, ApprovalRequest, error) {
	if err := e.access.Check(userID, PermInvoiceCreate); err != nil {
		return invoice.Snapshot{}, ApprovalRequest{}, err
	}
	out, err := idempotent(ctx, e, userID, OpSubmitInvoice, []any{id}, func(ctx context.Context, out *submission[invoice.Snapshot]) error {
		return e.changeInvoice(ctx, userID, PermInvoiceCreate, id, 0, ActionInvoiceSubmitted, &out.Document, func(tx Tx, c *change, inv *invoice.Invoice) error {
			kind, label := ApprovalInvoice, "invoice"
			if inv.Type() == invoice.TypeCreditNote {
				kind, label = ApprovalCreditNote, "credit note"
			}
			var policy invoice.ApprovalPolicy
			doc := inv.Document()
			if err := doc.Calculate(); err != nil {
				return err
			}
			roles := e.chain(kind, doc.Totals.TaxInclusive)
			policy.Always = len(roles) > 0
			if err := inv.Submit(policy); err != nil {
				return err
			}
			if inv.Status() != invoice.StatusPendingApproval {
				return nil
			}
			var err error
			out.Request, err = e.openRequest(ctx, tx, c, requestFor(kind, invoiceRef(inv.Snapshot()), inv.Total(),
				label+" to "+doc.Buyer.Name+" for "+inv.Total().String(), "", roles))
			return err
		})
	})
	return out.Document, out.Request, err
}

// approveAction carries out an approved request.
func (e *Engine) approveAction(ctx context.Context, tx Tx, c *change, r ApprovalRequest) error {
	switch r.Kind {
	case ApprovalWriteOff:
		return e.writeOff(ctx, tx, c, r.Object.ID, r.Reason)
	default:
		return e.moveInvoice(ctx, tx, c, r.Object.ID, ActionInvoiceApproved, "", (*invoice.Invoice).Approve)
	}
}

// rejectAction carries out a rejected request.
func (e *Engine) rejectAction(ctx context.Context, tx Tx, c *change, r ApprovalRequest, reason string) error {
	switch r.Kind {
	case ApprovalWriteOff:
		return nil // the invoice stays as it was
	default:
		return e.moveInvoice(ctx, tx, c, r.Object.ID, ActionInvoiceRejected, reason, (*invoice.Invoice).Reject)
	}
}

// moveInvoice changes the status of an invoice no ledger holds yet.
func (e *Engine) moveInvoice(ctx context.Context, tx Tx, c *change, id string, action Action, reason string,
	move func(*invoice.Invoice) error) error {
	inv, v, err := loadInvoice(ctx, tx, id)
	if err != nil {
		return err
	}
	before := invoiceFields(inv.Snapshot())
	if err := move(inv); err != nil {
		return err
	}
	snap := inv.Snapshot()
	nv, err := tx.Invoices().Put(ctx, Record[invoice.Snapshot]{ID: id, Version: v, Value: snap})
	if err != nil {
		return err
	}
	c.record(invoiceRef(snap), action, before, invoiceFields(snap), nv, reason)
	return nil
}

// IssueInvoice issues an approved invoice on the given day: it takes the
// next number of the invoice series in the same transaction, freezes the
// document and adds it to its customer's ledger. An invoice still waiting
// for approval is an invoice.TransitionError. It needs invoice.issue.
//
// The day must be today, or within the window set by WithIssueDateWindow
// (else a *validation.Error on the field issue_date); a day before today
// also needs invoice.backdate, and a day before that of the series' last
// number is an *invoice.ChronologyError, with nothing issued.
//
// IssueInvoice takes an idempotency key (see WithIdempotencyKey): the
// retry of an issue that committed returns the invoice as issued, with
// its number, even once the day is out of the window.
func (e *Engine) IssueInvoice(ctx context.Context, userID, id string, on date.Date) (invoice.Snapshot, error) {
	if err := e.access.Check(userID, PermInvoiceIssue); err != nil {
		return invoice.Snapshot{}, err
	}
	return idempotent(ctx, e, userID, OpIssueInvoice, []any{id, on}, func(ctx context.Context, out *invoice.Snapshot) error {
		if err := e.checkIssueDate(userID, "issue_date", on); err != nil {
			return err
		}
		return e.update(ctx, userID, func(tx Tx, c *change) error {
			inv, v, err := loadInvoice(ctx, tx, id)
			if err != nil {
				return err
			}
			*out, err = e.issue(ctx, tx, c, inv, v, on)
			return err
		})
	})
}

// issue issues inv (stored at version v, 0 if new) and files it in its
// customer's ledger.
func (e *Engine) issue(ctx context.Context, tx Tx, c *change, inv *invoice.Invoice, v uint64, on date.Date) (invoice.Snapshot, error) {
	var before []field
	if v > 0 {
		before = invoiceFields(inv.Snapshot())
	}
	if err := inv.Issue(ctx, tx.Sequence(), e.series, on); err != nil {
		return invoice.Snapshot{}, err
	}
	st, err := loadLedger(ctx, tx, CustomerKey(inv.Buyer()), inv.Currency())
	if err != nil {
		return invoice.Snapshot{}, err
	}
	if _, ok := st.invoices[inv.ID()]; ok {
		// A concurrent call issued it since this one read it.
		return invoice.Snapshot{}, &ConflictError{Kind: "invoice", ID: inv.ID().String(), Expected: v}
	}
	if err := st.ledger.AddInvoice(inv); err != nil {
		return invoice.Snapshot{}, err
	}
	snap := inv.Snapshot()
	nv, err := tx.Invoices().Put(ctx, Record[invoice.Snapshot]{ID: snap.ID.String(), Version: v, Value: snap})
	if err != nil {
		return invoice.Snapshot{}, err
	}
	c.record(invoiceRef(snap), ActionInvoiceIssued, before, invoiceFields(snap), nv, "")
	return snap, st.save(ctx, tx, c, ActionInvoicePaid, "")
}
