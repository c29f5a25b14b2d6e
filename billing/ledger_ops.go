package billing

import (
	"context"
	"strings"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// changeLedger loads the ledger of the customer of an issued invoice, lets
// fn change it, and saves the ledger with every invoice whose status
// changed.
func (e *Engine) changeLedger(ctx context.Context, tx Tx, c *change, invoiceID string, action Action, reason string,
	fn func(st *ledgerState, inv *invoice.Invoice) error) error {
	rec, err := tx.Invoices().Get(ctx, invoiceID)
	if err != nil {
		return err
	}
	doc := &rec.Value.Document
	st, err := loadLedger(ctx, tx, CustomerKey(doc.Buyer), doc.Currency)
	if err != nil {
		return err
	}
	li, ok := st.invoices[rec.Value.ID]
	if !ok {
		return validation.New("invoice_id", validation.CodeNotAllowed, "the invoice is not issued")
	}
	if err := fn(st, li.inv); err != nil {
		return err
	}
	return st.save(ctx, tx, c, action, reason)
}

// SendInvoice records that an issued invoice was sent to the buyer on the
// given day. It needs invoice.send, and takes an idempotency key (see
// WithIdempotencyKey).
func (e *Engine) SendInvoice(ctx context.Context, userID, id string, on date.Date) (invoice.Snapshot, error) {
	if err := e.access.Check(userID, PermInvoiceSend); err != nil {
		return invoice.Snapshot{}, err
	}
	return idempotent(ctx, e, userID, OpSendInvoice, []any{id, on}, func(ctx context.Context, out *invoice.Snapshot) error {
		return e.update(ctx, userID, func(tx Tx, c *change) error {
			return e.changeLedger(ctx, tx, c, id, ActionInvoiceSent, "", func(st *ledgerState, inv *invoice.Invoice) error {
				if err := st.ledger.MarkSent(inv.ID(), on); err != nil {
					return err
				}
				*out, _ = st.ledger.InvoiceSnapshot(inv.ID())
				return nil
			})
		})
	})
}

// RecordPayment records money received from a customer in its ledger and
// allocates it to invoices as plan says; what is not allocated is the
// customer's credit balance. p.Customer is the customer's key (see
// CustomerKey). It needs payment.record, and takes an idempotency key
// (see WithIdempotencyKey).
//
// A payment ID is recorded once in the whole store: a payment whose ID
// was recorded before, for this customer or any other, is a
// *ConflictError (Kind "payment", ID the payment's ID), and nothing is
// recorded; a host that retries a call it lost track of gets that error
// if the first call went through (or, with the same idempotency key, the
// first call's result). The guarantee holds when calls race, on every
// store that keeps the EventLog contract: the payment.recorded event
// takes an ID derived from the payment's (a UUIDv5, where other events
// have UUIDv7s), which the log accepts once. Two calls racing for one
// customer may also meet as a conflict on its ledger (Kind "ledger"),
// which a retry turns into the payment's.
func (e *Engine) RecordPayment(ctx context.Context, userID string, p invoice.Payment, plan invoice.AllocationPlan) (invoice.Posting, error) {
	if err := e.access.Check(userID, PermPaymentRecord); err != nil {
		return invoice.Posting{}, err
	}
	return idempotent(ctx, e, userID, OpRecordPayment, []any{p, plan}, func(ctx context.Context, out *invoice.Posting) error {
		if err := p.Validate(); err != nil {
			return err
		}
		err := e.update(ctx, userID, func(tx Tx, c *change) error {
			st, err := loadLedger(ctx, tx, p.Customer, p.Amount.Currency())
			if err != nil {
				return err
			}
			if st.version == 0 {
				return &NotFoundError{Kind: "ledger", ID: st.key}
			}
			if _, err := st.ledger.Payment(p.ID); err == nil {
				return &ConflictError{Kind: "payment", ID: p.ID.String()}
			}
			if *out, err = st.ledger.RecordPayment(p, plan); err != nil {
				return err
			}
			ev := e.event(userID, paymentRef(p.ID.String()), ActionPaymentRecorded, nil, []field{
				{"customer", p.Customer}, {"amount", p.Amount.String()}, {"date", p.Date.String()},
				{"method", string(p.Method)}, {"reference", p.Reference},
			}, 1, "")
			ev.ID = paymentEventID(p.ID)
			c.events = append(c.events, ev)
			return st.save(ctx, tx, c, ActionInvoicePaid, "")
		})
		return paymentConflict(p.ID, err)
	})
}

// CreateCreditNote draws up a draft credit note of an issued invoice. The
// host submits it with SubmitInvoice (approval rules of kind
// ApprovalCreditNote apply) and issues it with IssueCreditNote. It needs
// creditnote.create, and takes an idempotency key (see
// WithIdempotencyKey).
func (e *Engine) CreateCreditNote(ctx context.Context, userID, invoiceID string, req invoice.CreditRequest) (invoice.Snapshot, error) {
	if err := e.access.Check(userID, PermCreditNoteCreate); err != nil {
		return invoice.Snapshot{}, err
	}
	return idempotent(ctx, e, userID, OpCreateCreditNote, []any{invoiceID, req}, func(ctx context.Context, out *invoice.Snapshot) error {
		orig, err := parseID("invoice_id", invoiceID)
		if err != nil {
			return err
		}
		return e.update(ctx, userID, func(tx Tx, c *change) error {
			return e.changeLedger(ctx, tx, c, invoiceID, ActionCreditNoteCreated, req.Reason, func(st *ledgerState, _ *invoice.Invoice) error {
				cn, err := st.ledger.NewCreditNote(e.newID(), orig, req)
				if err != nil {
					return err
				}
				*out = cn.Snapshot()
				v, err := tx.Invoices().Put(ctx, Record[invoice.Snapshot]{ID: out.ID.String(), Value: *out})
				if err != nil {
					return err
				}
				c.record(invoiceRef(*out), ActionCreditNoteCreated, nil, invoiceFields(*out), v, req.Reason)
				return nil
			})
		})
	})
}

// IssueCreditNote issues an approved credit note on the given day with the
// next number of the credit note series, and records it in the ledger:
// the invoice's balance decreases, and an invoice credited in full becomes
// void. It needs invoice.issue. The day is bounded as IssueInvoice's is.
// It takes an idempotency key (see WithIdempotencyKey).
func (e *Engine) IssueCreditNote(ctx context.Context, userID, id string, on date.Date) (invoice.Snapshot, error) {
	if err := e.access.Check(userID, PermInvoiceIssue); err != nil {
		return invoice.Snapshot{}, err
	}
	return idempotent(ctx, e, userID, OpIssueCreditNote, []any{id, on}, func(ctx context.Context, out *invoice.Snapshot) error {
		if err := e.checkIssueDate(userID, "issue_date", on); err != nil {
			return err
		}
		return e.issueCreditNote(ctx, userID, id, on, out)
	})
}

// issueCreditNote issues credit note id on day on, and sets out to it.
func (e *Engine) issueCreditNote(ctx context.Context, userID, id string, on date.Date, out *invoice.Snapshot) error {
	return e.update(ctx, userID, func(tx Tx, c *change) error {
		cn, v, err := loadInvoice(ctx, tx, id)
		if err != nil {
			return err
		}
		doc := cn.Document()
		if doc.Type != invoice.TypeCreditNote || len(doc.Preceding) == 0 {
			return validation.New("id", validation.CodeNotAllowed, "is not a credit note")
		}
		origID, err := e.creditedInvoice(ctx, tx, cn)
		if err != nil {
			return err
		}
		before := invoiceFields(cn.Snapshot())
		return e.changeLedger(ctx, tx, c, origID, ActionCreditNoteIssued, "", func(st *ledgerState, _ *invoice.Invoice) error {
			if _, ok := st.invoices[cn.ID()]; ok {
				// A concurrent call issued it since this one read it.
				return &ConflictError{Kind: "invoice", ID: id, Expected: v}
			}
			if _, err := st.ledger.IssueCreditNote(ctx, cn, tx.Sequence(), e.credits, on); err != nil {
				return err
			}
			*out = cn.Snapshot()
			nv, err := tx.Invoices().Put(ctx, Record[invoice.Snapshot]{ID: id, Version: v, Value: *out})
			if err != nil {
				return err
			}
			c.record(invoiceRef(*out), ActionCreditNoteIssued, before, invoiceFields(*out), nv, "")
			return nil
		})
	})
}

// creditedInvoice returns the ID of the invoice a credit note corrects,
// found by number in its customer's ledger.
func (e *Engine) creditedInvoice(ctx context.Context, tx Tx, cn *invoice.Invoice) (string, error) {
	doc := cn.Document()
	rec, err := tx.Ledgers().Get(ctx, LedgerKey(CustomerKey(doc.Buyer), doc.Currency.Code()))
	if err != nil {
		return "", err
	}
	ids := make([]string, len(rec.Value.Invoices))
	for i, li := range rec.Value.Invoices {
		ids[i] = li.InvoiceID.String()
	}
	invs, err := getMany(ctx, tx.Invoices(), ids)
	if err != nil {
		return "", err
	}
	for _, inv := range invs {
		if inv.Value.Document.Number == doc.Preceding[0].Number {
			return inv.ID, nil
		}
	}
	return "", &NotFoundError{Kind: "invoice", ID: doc.Preceding[0].Number}
}

// WriteOff writes an issued invoice off as a bad debt, for a reason that is
// required: one line of at most validation.MaxReasonLength characters.
// When an approval rule of kind ApprovalWriteOff applies to its
// balance, the write-off waits for the approval request returned and is
// carried out when it is approved. It needs invoice.writeoff, and takes
// an idempotency key (see WithIdempotencyKey).
func (e *Engine) WriteOff(ctx context.Context, userID, invoiceID, reason string) (ApprovalRequest, error) {
	if err := e.access.Check(userID, PermInvoiceWriteOff); err != nil {
		return ApprovalRequest{}, err
	}
	return idempotent(ctx, e, userID, OpWriteOff, []any{invoiceID, reason}, func(ctx context.Context, req *ApprovalRequest) error {
		reason := strings.TrimSpace(reason)
		if reason == "" {
			return validation.New("reason", validation.CodeRequired, "a write-off needs a reason")
		}
		if err := checkReason(reason); err != nil {
			return err
		}
		return e.writeOffOrAsk(ctx, userID, invoiceID, reason, req)
	})
}

// writeOffOrAsk writes an invoice off, or opens the approval request
// that an approval rule asks for, in req.
func (e *Engine) writeOffOrAsk(ctx context.Context, userID, invoiceID, reason string, req *ApprovalRequest) error {
	return e.update(ctx, userID, func(tx Tx, c *change) error {
		rec, err := tx.Invoices().Get(ctx, invoiceID)
		if err != nil {
			return err
		}
		doc := &rec.Value.Document
		st, err := loadLedger(ctx, tx, CustomerKey(doc.Buyer), doc.Currency)
		if err != nil {
			return err
		}
		r, err := st.ledger.Receivable(rec.Value.ID)
		if err != nil {
			return err
		}
		if roles := e.chain(ApprovalWriteOff, r.Balance); len(roles) > 0 {
			*req, err = e.openRequest(ctx, tx, c, requestFor(ApprovalWriteOff, invoiceRef(rec.Value), r.Balance,
				"write-off of invoice "+doc.Number+" ("+r.Balance.String()+")", reason, roles))
			return err
		}
		return e.writeOff(ctx, tx, c, invoiceID, reason)
	})
}

func (e *Engine) writeOff(ctx context.Context, tx Tx, c *change, invoiceID, reason string) error {
	return e.changeLedger(ctx, tx, c, invoiceID, ActionInvoiceWrittenOff, reason, func(st *ledgerState, inv *invoice.Invoice) error {
		return st.ledger.WriteOff(inv.ID())
	})
}

func paymentRef(id string) collab.Ref { return collab.Ref{Kind: collab.KindPayment, ID: id} }
