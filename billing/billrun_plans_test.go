package billing_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
	"github.com/billkit/billkit/tax"
)

// usageSource is a billing.UsageSource over records per contract line. It
// scribbles over every contract it is given, as a careless host could:
// the engine must hand it a copy.
type usageSource struct {
	mu      sync.Mutex
	records map[string]schedule.UsageRecords // by contract line ID
	asked   []string
}

func (s *usageSource) Meter(_ context.Context, c billing.Contract, lineID string) (schedule.Meter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.asked = append(s.asked, lineID)
	for i := range c.Lines {
		c.Lines[i].Name = "changed by the usage source"
		c.Lines[i].Plan.Usage = nil
		c.Lines[i].Plan.Recurring = nil
	}
	c.Reached["1"]["Kick-off"] = date.MustParse("1999-01-01")
	rs, ok := s.records[lineID]
	if !ok {
		return nil, errors.New("no usage recorded for line " + lineID)
	}
	return rs, nil
}

// A bill run bills the lines whose charges depend on the host: usage read
// from the UsageSource, milestones once reached. It only reads the
// contracts, which the memory store hands it without copies, and gives
// the usage source and the host copies they may change.
func TestBillRunUsageAndMilestones(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	desk := storetest.Desk(t)
	src := &usageSource{records: map[string]schedule.UsageRecords{
		"3": {{Date: date.MustParse("2026-04-05"), Quantity: decimal.NewFromInt(12000)},
			{Date: date.MustParse("2026-04-20"), Quantity: decimal.NewFromInt(345)},
			{Date: date.MustParse("2026-05-02"), Quantity: decimal.NewFromInt(999)}}, // May: not billed yet
	}}
	st := memory.NewStore()
	e, err := billing.New(st, desk, billing.WithAccess(f.engine.Access()), billing.WithUsage(src))
	require.NoError(t, err)

	in := quote.Input{
		Number: "Q-2026-0077", Seller: seller, Buyer: buyer, Currency: money.EUR, BookID: "std",
		Date: date.MustParse("2026-03-02"), ValidUntil: date.MustParse("2026-03-31"),
		Lines: []quote.LineInput{
			{ID: "1", ProductID: "impl", Quantity: decimal.NewFromInt(10),
				Plan: schedule.Plan{Kind: schedule.KindMilestones, Milestones: &schedule.Milestones{Items: []schedule.Milestone{
					{Name: "Kick-off", Share: schedule.Share{Percent: decimal.NewFromInt(30)}},
					{Name: "Acceptance", Share: schedule.Share{Rest: true}},
				}}}},
			{ID: "2", ProductID: "seat", Quantity: decimal.NewFromInt(20),
				Plan: schedule.Plan{Kind: schedule.KindRecurring, Recurring: &schedule.Recurring{Cycle: schedule.Cycle{
					Interval: schedule.Interval{Unit: schedule.Month}, Start: date.MustParse("2026-04-01")}}}},
			{ID: "3", ProductID: "api", Quantity: decimal.NewFromInt(10000),
				Plan: schedule.Plan{Kind: schedule.KindUsage, Usage: &schedule.Usage{Cycle: schedule.Cycle{
					Interval: schedule.Interval{Unit: schedule.Month}, Start: date.MustParse("2026-04-01")}}}},
		},
	}
	q, err := desk.New(uuid.New(), quote.User{ID: alice, Level: "sales_rep"}, in)
	require.NoError(t, err)
	require.NoError(t, q.Send(date.MustParse("2026-03-02")))
	qc, err := q.Accept(uuid.New(), date.MustParse("2026-03-10"))
	require.NoError(t, err)
	require.NoError(t, st.Update(ctx, func(tx billing.Tx) error {
		_, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: qc.ID.String(),
			Value: billing.Contract{Contract: *qc, Customer: billing.CustomerKey(qc.Buyer)}})
		return err
	}))
	id := qc.ID.String()
	_, err = e.ReachMilestone(ctx, carol, id, "1", "Kick-off", date.MustParse("2026-03-20"))
	require.NoError(t, err)
	before, err := e.Contract(ctx, fred, id)
	require.NoError(t, err)

	opts := billing.BillRunOptions{OnInvoice: func(s invoice.Snapshot) {
		// The host's documents are its own to change.
		for i := range s.Document.Lines {
			s.Document.Lines[i].Name = "changed by the host"
		}
		s.Document.Lines = append(s.Document.Lines[:0], invoice.Line{})
	}}
	rep, err := e.BillRun(ctx, carol, may1, opts)
	require.NoError(t, err)
	require.Empty(t, rep.Failures)
	require.Len(t, rep.Invoices, 1)
	assert.Equal(t, []string{"3"}, src.asked, "the usage source is asked for the usage line only")

	inv, err := e.Invoice(ctx, fred, rep.Invoices[0].ID.String())
	require.NoError(t, err)
	var got []string
	for _, l := range inv.Document.Lines {
		got = append(got, l.Name+" "+l.Period.Start.String()+" "+l.NetAmount.String())
	}
	assert.Equal(t, []string{
		"Implementation 2026-03-20 3000.00 EUR", // 30 % of 10 days at 1,000.00
		"Platform seats 2026-04-01 1000.00 EUR", // April and May in advance
		"Platform seats 2026-05-01 1000.00 EUR",
		"API calls 2026-04-01 123.45 EUR", // 12,345 calls in April, in arrears
	}, got)

	after, err := e.Contract(ctx, fred, id)
	require.NoError(t, err)
	assert.Equal(t, before, after, "the run changed the stored contract")
}

// A customer's charges share an invoice when they have the same currency,
// seller and purchase order, and only then.
func TestBillRunGroupsInvoices(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	tmpl := storetest.MonthlyContract(t, f.engine.Desk())
	otherSeller := tmpl.Seller
	otherSeller.Name, otherSeller.LegalID, otherSeller.VATID = "Atelier Numérique Services", "889900112", ""
	sameSellerKey := tmpl.Seller
	sameSellerKey.Name, sameSellerKey.Address.City = "Atelier Numérique", "Lyon" // the same legal ID: the same seller
	contracts := []struct {
		po     string
		seller invoice.Party
	}{
		{"PO-1", tmpl.Seller}, {"PO-1", tmpl.Seller}, {"PO-2", tmpl.Seller}, {"PO-1", otherSeller}, {"PO-1", sameSellerKey},
	}
	require.NoError(t, f.store.Update(ctx, func(tx billing.Tx) error {
		for _, k := range contracts {
			c := tmpl.Clone()
			c.ID = billing.NewID()
			c.PurchaseOrder, c.Seller = k.po, k.seller
			for j := range c.Lines {
				c.Lines[j].ContractID = c.ID
			}
			if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: c.ID.String(), Value: c}); err != nil {
				return err
			}
		}
		return nil
	}))
	rep, err := f.engine.BillRun(ctx, carol, date.MustParse("2026-04-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	require.Empty(t, rep.Failures)
	var got []string
	for _, s := range rep.Invoices {
		inv, err := f.engine.Invoice(ctx, fred, s.ID.String())
		require.NoError(t, err)
		got = append(got, inv.Document.Seller.Name+" "+inv.Document.PurchaseOrderRef+" "+strconv.Itoa(len(inv.Document.Lines)))
	}
	slices.Sort(got)
	assert.Equal(t, []string{
		tmpl.Seller.Name + " PO-1 3", // two contracts and the one whose seller moved
		tmpl.Seller.Name + " PO-2 1",
		"Atelier Numérique Services PO-1 1",
	}, got)
}

// Invoices take the VAT rate in force on the billing date of each charge,
// not the quote's: a change of rate after the contract reaches the months
// billed after it, on the same invoice as the months before.
func TestBillRunAfterAChangeOfRate(t *testing.T) {
	ctx := context.Background()
	rates := tax.NewRates()
	require.NoError(t, rates.Register("FR", tax.Standard, date.MustParse("2014-01-01"), decimal.NewFromInt(20)))
	require.NoError(t, rates.Register("FR", tax.Standard, date.MustParse("2026-06-01"), decimal.NewFromInt(21))) // for the test
	f := newFixture(t)
	desk := storetest.DeskWithRates(t, rates)
	st := memory.NewStore()
	e, err := billing.New(st, desk, billing.WithAccess(f.engine.Access()))
	require.NoError(t, err)
	storetest.PutContracts(t, st, storetest.MonthlyContract(t, desk), 1)

	rep, err := e.BillRun(ctx, carol, date.MustParse("2026-07-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	require.Empty(t, rep.Failures)
	require.Len(t, rep.Invoices, 1)
	inv, err := e.Invoice(ctx, fred, rep.Invoices[0].ID.String())
	require.NoError(t, err)
	var got []string
	for _, l := range inv.Document.Lines {
		got = append(got, l.Period.Start.String()+" "+l.VAT.Rate.String())
	}
	assert.Equal(t, []string{"2026-04-01 20", "2026-05-01 20", "2026-06-01 21", "2026-07-01 21"}, got)
	require.Len(t, inv.Document.VATBreakdown, 2, "one group per rate")
	assert.Equal(t, "820.00 EUR", inv.Document.Totals.VAT.String(), "400.00 on two months at 20 %, 420.00 on two at 21 %")
}
