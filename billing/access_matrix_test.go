package billing_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/store/storetest"
	"github.com/billkit/billkit/tax"
)

// world is a fixture with an object ready for every engine action.
type world struct {
	*fixture
	draftQuote, sentQuote, freshQuote string
	quoteRequest, invoiceRequest      string
	contract                          string
	draftInvoice, approvedInvoice     string
	issuedInvoice, approvedCreditNote string
	customer                          string
}

func smallDoc(amount string) invoice.Document {
	return invoice.Document{Type: invoice.TypeCommercialInvoice, Currency: money.EUR, Seller: seller, Buyer: buyer,
		DueDate: date.MustParse("2026-05-01"),
		Period:  date.Range{Start: date.MustParse("2026-03-01"), End: date.MustParse("2026-04-01")},
		Lines: []invoice.Line{{ID: "1", Name: "Consulting", Quantity: decimal.NewFromInt(1), UnitCode: "HUR",
			UnitPrice: money.MustParse(amount + " EUR"), VAT: invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)}}}}
}

// newWorld returns a fixture whose objects were made on 2026-03-02, and
// whose clock is then on 2026-03-04, with a week of back-dating allowed.
func newWorld(t *testing.T) *world {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t, billing.WithIssueDateWindow(7, 0))
	require.NoError(t, f.engine.Access().SetUser(billing.User{ID: "sam", Roles: []string{billing.RoleSalesRep}}))
	e, w := f.engine, &world{fixture: f}
	on := date.MustParse("2026-03-02")

	q, err := e.CreateQuote(ctx, "sam", storetest.QuoteInput(15))
	require.NoError(t, err)
	w.draftQuote = q.ID.String()
	q, err = e.CreateQuote(ctx, "sam", storetest.QuoteInput(15))
	require.NoError(t, err)
	_, req, err := e.SubmitQuote(ctx, "sam", q.ID.String())
	require.NoError(t, err)
	w.quoteRequest = req.ID
	q, err = e.CreateQuote(ctx, "sam", storetest.QuoteInput(0))
	require.NoError(t, err)
	w.freshQuote = q.ID.String()

	in := storetest.QuoteInput(0)
	in.Lines[0].Plan = schedule.Plan{Kind: schedule.KindMilestones, Milestones: &schedule.Milestones{Items: []schedule.Milestone{
		{Name: "Kick-off", Share: schedule.Share{Percent: decimal.NewFromInt(30)}},
		{Name: "Go-live", Share: schedule.Share{Rest: true}}}}}
	q, err = e.CreateQuote(ctx, erin, in)
	require.NoError(t, err)
	_, err = e.SendQuote(ctx, erin, q.ID.String(), on)
	require.NoError(t, err)
	w.sentQuote = q.ID.String()
	q, err = e.CreateQuote(ctx, erin, in)
	require.NoError(t, err)
	_, err = e.SendQuote(ctx, erin, q.ID.String(), on)
	require.NoError(t, err)
	c, err := e.AcceptQuote(ctx, erin, q.ID.String(), on, "")
	require.NoError(t, err)
	w.contract, w.customer = c.ID.String(), c.Customer

	inv, err := e.CreateInvoice(ctx, erin, smallDoc("100.00"))
	require.NoError(t, err)
	w.draftInvoice = inv.ID.String()
	inv, err = e.CreateInvoice(ctx, erin, smallDoc("200.00"))
	require.NoError(t, err)
	_, _, err = e.SubmitInvoice(ctx, erin, inv.ID.String())
	require.NoError(t, err)
	w.approvedInvoice = inv.ID.String()
	inv, err = e.CreateInvoice(ctx, erin, smallDoc("9000.00"))
	require.NoError(t, err)
	_, ireq, err := e.SubmitInvoice(ctx, erin, inv.ID.String())
	require.NoError(t, err)
	w.invoiceRequest = ireq.ID
	inv, err = e.CreateInvoice(ctx, erin, smallDoc("300.00"))
	require.NoError(t, err)
	_, _, err = e.SubmitInvoice(ctx, erin, inv.ID.String())
	require.NoError(t, err)
	_, err = e.IssueInvoice(ctx, erin, inv.ID.String(), on)
	require.NoError(t, err)
	w.issuedInvoice = inv.ID.String()
	cn, err := e.CreateCreditNote(ctx, erin, w.issuedInvoice, invoice.CreditRequest{Reason: "goodwill",
		Lines: []invoice.LineCredit{{LineID: "1", Amount: money.MustParse("10.00 EUR")}}})
	require.NoError(t, err)
	_, _, err = e.SubmitInvoice(ctx, erin, cn.ID.String())
	require.NoError(t, err)
	w.approvedCreditNote = cn.ID.String()
	f.clock.travel(t, "2026-03-04")
	return w
}

// The expected outcome of each action for each built-in role, in the
// order sales_rep, sales_manager, accountant, finance_manager, admin,
// auditor: 'Y' allowed, '.' refused with ErrForbidden.
var permissionMatrix = []struct {
	action string
	want   string
	run    func(ctx context.Context, w *world, user string) error
}{
	{"CreateQuote", "YY..Y.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.CreateQuote(ctx, u, storetest.QuoteInput(0))
		return err
	}},
	{"EditQuote", "YY..Y.", func(ctx context.Context, w *world, u string) error {
		rec, err := w.engine.QuoteRecord(ctx, erin, w.draftQuote)
		if err != nil {
			return err
		}
		_, err = w.engine.EditQuote(ctx, u, w.draftQuote, rec.Version, func(in *quote.Input) error { in.Lines[0].Quantity = decimal.NewFromInt(5); return nil })
		return err
	}},
	{"SubmitQuote", "YY..Y.", func(ctx context.Context, w *world, u string) error {
		_, _, err := w.engine.SubmitQuote(ctx, u, w.draftQuote)
		return err
	}},
	{"SendQuote", "YY..Y.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.SendQuote(ctx, u, w.freshQuote, date.MustParse("2026-03-02"))
		return err
	}},
	{"AcceptQuote", "YY..Y.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.AcceptQuote(ctx, u, w.sentQuote, date.MustParse("2026-03-05"), "")
		return err
	}},
	{"DeclineQuote", "YY..Y.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.DeclineQuote(ctx, u, w.sentQuote, date.MustParse("2026-03-05"), "too dear")
		return err
	}},
	{"ReviseQuote", "YY..Y.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.ReviseQuote(ctx, u, w.sentQuote, nil)
		return err
	}},
	{"Quote", "YYYYYY", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Quote(ctx, u, w.draftQuote)
		return err
	}},
	{"QuoteRecord", "YYYYYY", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.QuoteRecord(ctx, u, w.draftQuote)
		return err
	}},
	{"ApproveQuoteDiscount", ".Y.YY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Approve(ctx, u, w.quoteRequest)
		return err
	}},
	{"RejectQuoteDiscount", ".Y.YY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Reject(ctx, u, w.quoteRequest, "too generous")
		return err
	}},
	{"Contract", "YYYYYY", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Contract(ctx, u, w.contract)
		return err
	}},
	{"ReachMilestone", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.ReachMilestone(ctx, u, w.contract, "1", "Kick-off", date.MustParse("2026-03-20"))
		return err
	}},
	{"BillRun", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.BillRun(ctx, u, date.MustParse("2026-03-31"), billing.BillRunOptions{})
		return err
	}},
	{"BillRunIssuing", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.BillRun(ctx, u, date.MustParse("2026-03-04"), billing.BillRunOptions{Issue: true})
		return err
	}},
	{"BillRunIssuingBackdated", "...YY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.BillRun(ctx, u, date.MustParse("2026-03-03"), billing.BillRunOptions{Issue: true})
		return err
	}},
	{"CreateInvoice", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.CreateInvoice(ctx, u, smallDoc("50.00"))
		return err
	}},
	{"EditInvoice", "..YYY.", func(ctx context.Context, w *world, u string) error {
		rec, err := w.engine.InvoiceRecord(ctx, erin, w.draftInvoice)
		if err != nil {
			return err
		}
		_, err = w.engine.EditInvoice(ctx, u, w.draftInvoice, rec.Version, func(d *invoice.Document) error { d.PaymentTerms = "15 days"; return nil })
		return err
	}},
	{"SubmitInvoice", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, _, err := w.engine.SubmitInvoice(ctx, u, w.draftInvoice)
		return err
	}},
	{"PendingApprovals", ".Y.YY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.PendingApprovals(ctx, u)
		return err
	}},
	{"Approval", "...YY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Approval(ctx, u, w.invoiceRequest)
		return err
	}},
	{"ApproveInvoice", "...Y..", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Approve(ctx, u, w.invoiceRequest)
		return err
	}},
	{"IssueInvoice", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.IssueInvoice(ctx, u, w.approvedInvoice, date.MustParse("2026-03-04"))
		return err
	}},
	{"IssueInvoiceBackdated", "...YY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.IssueInvoice(ctx, u, w.approvedInvoice, date.MustParse("2026-03-03"))
		return err
	}},
	{"SendInvoice", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.SendInvoice(ctx, u, w.issuedInvoice, date.MustParse("2026-03-03"))
		return err
	}},
	{"Invoice", "YYYYYY", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Invoice(ctx, u, w.issuedInvoice)
		return err
	}},
	{"InvoiceRecord", "YYYYYY", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.InvoiceRecord(ctx, u, w.issuedInvoice)
		return err
	}},
	{"Invoices", "YYYYYY", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Invoices(ctx, u, nil)
		return err
	}},
	{"RecordPayment", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.RecordPayment(ctx, u, invoice.Payment{ID: uuid.New(), Customer: w.customer,
			Amount: money.MustParse("100.00 EUR"), Date: date.MustParse("2026-03-10"), Method: invoice.MethodTransfer},
			invoice.AllocateOldestFirst())
		return err
	}},
	{"Dunning", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Dunning(ctx, u, date.MustParse("2026-06-01"), invoice.DefaultDunningPolicy())
		return err
	}},
	{"RecordReminders", "..YYY.", func(ctx context.Context, w *world, u string) error {
		return w.engine.RecordReminders(ctx, u, invoice.Reminder{InvoiceID: uuid.MustParse(w.issuedInvoice), Step: "friendly",
			Level: 1, On: date.MustParse("2026-05-08"), Channel: invoice.ChannelEmail, DaysOverdue: 7})
	}},
	{"CreateCreditNote", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.CreateCreditNote(ctx, u, w.issuedInvoice, invoice.CreditRequest{Reason: "error",
			Lines: []invoice.LineCredit{{LineID: "1", Amount: money.MustParse("5.00 EUR")}}})
		return err
	}},
	{"IssueCreditNote", "..YYY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.IssueCreditNote(ctx, u, w.approvedCreditNote, date.MustParse("2026-03-04"))
		return err
	}},
	{"IssueCreditNoteBackdated", "...YY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.IssueCreditNote(ctx, u, w.approvedCreditNote, date.MustParse("2026-03-02"))
		return err
	}},
	{"WriteOff", "...YY.", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.WriteOff(ctx, u, w.issuedInvoice, "insolvent")
		return err
	}},
	{"History", "..YYYY", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.History(ctx, u, collab.Ref{Kind: collab.KindInvoice, ID: w.issuedInvoice}, billing.EventQuery{})
		return err
	}},
	{"Events", "..YYYY", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.Events(ctx, u, billing.EventQuery{Limit: 10})
		return err
	}},
	{"Subscribe", "..YYYY", func(ctx context.Context, w *world, u string) error {
		s, err := w.engine.Subscribe(u, billing.EventFilter{}, 1)
		if s != nil {
			s.Close()
		}
		return err
	}},
	{"KPIs", ".YYYYY", func(ctx context.Context, w *world, u string) error {
		_, err := w.engine.KPIs(ctx, u, date.Range{Start: date.MustParse("2026-03-01"), End: date.MustParse("2026-04-01")}, money.EUR)
		return err
	}},
}

// TestPermissionMatrix runs every engine action as every built-in role:
// an allowed action succeeds, a refused one fails with a *ForbiddenError
// and changes nothing.
func TestPermissionMatrix(t *testing.T) {
	users := []string{alice, bob, carol, dan, erin, fred}
	for _, row := range permissionMatrix {
		for i, u := range users {
			role := roleOf[u]
			t.Run(row.action+"/"+role, func(t *testing.T) {
				ctx := context.Background()
				w := newWorld(t)
				before, err := w.engine.Events(ctx, erin, billing.EventQuery{})
				require.NoError(t, err)
				err = row.run(ctx, w, u)
				after, err2 := w.engine.Events(ctx, erin, billing.EventQuery{})
				require.NoError(t, err2)
				if row.want[i] == 'Y' {
					require.NoError(t, err)
					return
				}
				var fe *billing.ForbiddenError
				require.True(t, errors.As(err, &fe), "want a *ForbiddenError, got %v", err)
				assert.Equal(t, u, fe.User)
				assert.Len(t, after, len(before), "a refusal changes nothing")
			})
		}
	}
}
