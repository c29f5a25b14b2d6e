package storetest

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// kind describes one collection of billing.Tx for the generic tests.
type kind[T any] struct {
	// name is the Kind of the store's NotFoundError and ConflictError.
	name string
	// of returns the collection in a transaction.
	of func(billing.Tx) billing.Collection[T]
	// id returns the n-th key of the collection, in ascending order.
	id func(n int) string
	// value returns a value stored under id; n tells versions apart.
	value func(t *testing.T, id string, n int) T
	// mutate changes v in place through each of its slices and maps, as
	// a caller holding a copy that shared memory with the store would.
	mutate func(v *T)
}

func quotes() kind[quote.Snapshot] {
	return kind[quote.Snapshot]{
		name: "quote", of: billing.Tx.Quotes, id: id,
		value: func(_ *testing.T, id string, n int) quote.Snapshot {
			plan := schedule.OneTimePlan(date.MustParse("2026-03-02"), money.MustParse("500.00 EUR"))
			return quote.Snapshot{
				ID: uuid.MustParse(id), Revision: n, Status: quote.StatusDraft,
				Author: quote.User{ID: "u-sam", Level: "rep"}, Levels: []string{"rep", "manager"},
				Input: quote.Input{Number: "Q-" + strconv.Itoa(n), Currency: money.EUR, BookID: "list",
					Lines: []quote.LineInput{{ID: "l1", ProductID: "setup", Plan: plan}}},
				Requirements: []quote.Requirement{{LineID: "l1", Level: "manager"}},
			}
		},
		mutate: func(v *quote.Snapshot) {
			v.Levels[0] = "changed"
			v.Input.Lines[0].ProductID = "changed"
			v.Input.Lines[0].Plan.OneTime.Amount = money.MustParse("1.00 EUR")
			v.Requirements[0].Level = "changed"
		},
	}
}

func contracts() kind[billing.Contract] {
	return kind[billing.Contract]{
		name: "contract", of: billing.Tx.Contracts, id: id,
		value: func(_ *testing.T, id string, n int) billing.Contract {
			c := billing.Contract{Customer: "id:552100554", PurchaseOrder: "PO-" + strconv.Itoa(n),
				Reached: map[string]map[string]date.Date{"l1": {"kickoff": date.MustParse("2026-03-02")}}}
			c.ID = uuid.MustParse(id)
			c.QuoteNumber, c.QuoteRevision, c.Currency = "Q-7", 1, money.EUR
			c.AcceptedOn = date.MustParse("2026-02-27")
			c.Lines = []quote.ContractLine{{ID: "l1", ContractID: c.ID, Name: "Support", Start: c.AcceptedOn,
				Plan: schedule.MilestonePlan(schedule.Milestones{Total: money.MustParse("900.00 EUR"),
					Items: []schedule.Milestone{{Name: "kickoff"}}})}}
			return c
		},
		mutate: func(v *billing.Contract) {
			v.Lines[0].Name = "changed"
			v.Lines[0].Plan.Milestones.Total = money.MustParse("1.00 EUR")
			v.Lines[0].Plan.Milestones.Items[0].Name = "changed"
			v.Reached["l1"]["kickoff"] = date.MustParse("2030-01-01")
			v.Reached["l2"] = nil
		},
	}
}

func invoices() kind[invoice.Snapshot] {
	return kind[invoice.Snapshot]{
		name: "invoice", of: billing.Tx.Invoices, id: id, value: invoiceSnapshot,
		mutate: func(v *invoice.Snapshot) {
			v.Document.Lines[0].Name = "changed"
			v.Document.Lines[0].Allowances[0].Reason = "changed"
			v.Document.Notes[0].Text = "changed"
			v.Document.VATBreakdown[0].TaxAmount = money.MustParse("0.01 EUR")
			v.Credits.CreditNotes[0] = uuid.Nil
		},
	}
}

func ledgers() kind[invoice.LedgerSnapshot] {
	return kind[invoice.LedgerSnapshot]{
		name: "ledger", of: billing.Tx.Ledgers,
		id: func(n int) string { return billing.LedgerKey(fmt.Sprintf("id:%09d", n), "EUR") },
		value: func(_ *testing.T, key string, n int) invoice.LedgerSnapshot {
			on := date.MustParse("2026-03-10")
			return invoice.LedgerSnapshot{
				Customer: key, Currency: money.EUR, Version: uint64(n),
				Invoices: []invoice.LedgerInvoice{{InvoiceID: uuid.MustParse(id(n)),
					Credits: []invoice.CreditRecord{{Number: "AV-1", Date: on, Amount: money.MustParse("12.00 EUR")}}}},
				Payments: []invoice.Payment{{ID: uuid.MustParse(id(n + 1)), Customer: key,
					Amount: money.MustParse("108.00 EUR"), Date: on, Method: "credit_transfer", Reference: "SEPA 42"}},
			}
		},
		mutate: func(v *invoice.LedgerSnapshot) {
			v.Invoices[0].Credits[0].Number = "changed"
			v.Invoices[0].InvoiceID = uuid.Nil
			v.Payments[0].Reference = "changed"
		},
	}
}

func approvals() kind[billing.ApprovalRequest] {
	return kind[billing.ApprovalRequest]{
		name: "approval", of: billing.Tx.Approvals, id: id,
		value: func(_ *testing.T, id string, n int) billing.ApprovalRequest {
			return billing.ApprovalRequest{
				ID: id, Kind: billing.ApprovalInvoice, Object: collab.Ref{Kind: collab.KindInvoice, ID: id},
				Amount: money.MustParse("1200.00 EUR"), Summary: "Invoice " + strconv.Itoa(n), RequestedBy: "u-sam",
				RequestedAt: t0.Add(time.Duration(n) * time.Minute), Status: billing.ApprovalPending,
				Steps: []billing.ApprovalStep{{Role: "finance"}, {Role: "cfo"}},
				Data:  map[string]string{"invoice": id},
			}
		},
		mutate: func(v *billing.ApprovalRequest) {
			v.Steps[0].Decision = billing.ApprovalApproved
			v.Data["invoice"] = "changed"
		},
	}
}
