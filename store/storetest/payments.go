package storetest

import (
	"context"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// otherBuyer is a second French customer, with a ledger of its own.
func otherBuyer() invoice.Party { return frenchParty("Fromagerie Durand SAS", "443061841", "64") }

// twoCustomers issues through e an invoice to Buyer and one to
// otherBuyer, so that each has a ledger, and returns their keys.
func twoCustomers(t *testing.T, e *billing.Engine) [2]string {
	t.Helper()
	var keys [2]string
	for i, buyer := range []invoice.Party{Buyer(), otherBuyer()} {
		doc := consulting(1)
		doc.Buyer = buyer
		_, err := e.IssueInvoice(context.Background(), clerk, submitted(t, e, doc), suiteDay)
		require.NoError(t, err)
		keys[i] = billing.CustomerKey(buyer)
	}
	return keys
}

func transfer(id uuid.UUID, customer string) invoice.Payment {
	return invoice.Payment{ID: id, Customer: customer, Amount: money.MustParse("10.00 EUR"),
		Date: suiteDay, Method: invoice.MethodTransfer}
}

// assertPaymentConflict checks that err refuses payment id as recorded
// already.
func assertPaymentConflict(t *testing.T, err error, id uuid.UUID) {
	t.Helper()
	var conflict *billing.ConflictError
	if assert.ErrorAs(t, err, &conflict) {
		assert.Equal(t, billing.ConflictError{Kind: "payment", ID: id.String()}, *conflict)
	}
}

// paymentsOf returns the IDs of the payments in a customer's ledger.
func paymentsOf(t *testing.T, e *billing.Engine, customer string) []uuid.UUID {
	t.Helper()
	st, err := e.Statement(context.Background(), clerk, customer, money.EUR)
	require.NoError(t, err)
	var ids []uuid.UUID
	for _, p := range st.Payments {
		ids = append(ids, p.ID)
	}
	return ids
}

// paymentEvents returns the number of audit events of a payment.
func paymentEvents(t *testing.T, e *billing.Engine, id uuid.UUID) int {
	t.Helper()
	evs, err := e.History(context.Background(), auditor, collab.Ref{Kind: collab.KindPayment, ID: id.String()}, billing.EventQuery{})
	require.NoError(t, err)
	return len(evs)
}

// testPaymentIDOnce records a payment, then the same payment ID for
// another customer and for the same one, through the other engine: both
// are refused as a conflict, and leave nothing behind.
func testPaymentIDOnce(t *testing.T, a, b *billing.Engine) {
	ctx := context.Background()
	keys := twoCustomers(t, a)
	id := uuid.Must(uuid.NewV7())
	_, err := a.RecordPayment(ctx, clerk, transfer(id, keys[0]), invoice.AllocationPlan{})
	require.NoError(t, err)

	_, err = b.RecordPayment(ctx, clerk, transfer(id, keys[1]), invoice.AllocationPlan{})
	assertPaymentConflict(t, err, id)
	_, err = b.RecordPayment(ctx, clerk, transfer(id, keys[0]), invoice.AllocateOldestFirst())
	assertPaymentConflict(t, err, id)

	assert.Equal(t, []uuid.UUID{id}, paymentsOf(t, a, keys[0]))
	assert.Empty(t, paymentsOf(t, a, keys[1]))
	assert.Equal(t, 1, paymentEvents(t, a, id))

	other := uuid.Must(uuid.NewV7())
	_, err = b.RecordPayment(ctx, clerk, transfer(other, keys[1]), invoice.AllocationPlan{})
	require.NoError(t, err, "another ID is recorded as usual")
}

// testPaymentIDRace records one payment ID for two customers at once,
// one through each engine, round after round: one call wins; the other
// loses a race, and is refused as the payment's conflict when it tries
// again. No store lets both through.
func testPaymentIDRace(t *testing.T, a, b *billing.Engine) {
	const rounds = 8
	ctx := context.Background()
	keys := twoCustomers(t, a)
	warm(t, a, b)
	engines := [2]*billing.Engine{a, b}
	for round := range rounds {
		id := uuid.Must(uuid.NewV7())
		var errs [2]error
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range keys {
			wg.Go(func() {
				<-start
				_, errs[i] = engines[i].RecordPayment(ctx, clerk, transfer(id, keys[i]), invoice.AllocationPlan{})
			})
		}
		close(start)
		wg.Wait()
		winner := -1
		for i, err := range errs {
			if err == nil {
				require.Equal(t, -1, winner, "round %d: both customers recorded payment %s", round, id)
				winner = i
				continue
			}
			require.True(t, raced(err), "round %d: %v", round, err)
			_, err = engines[i].RecordPayment(ctx, clerk, transfer(id, keys[i]), invoice.AllocationPlan{})
			assertPaymentConflict(t, err, id)
		}
		require.NotEqual(t, -1, winner, "round %d: one of the calls records the payment", round)
		assert.Contains(t, paymentsOf(t, a, keys[winner]), id)
		assert.NotContains(t, paymentsOf(t, b, keys[1-winner]), id)
		assert.Equal(t, 1, paymentEvents(t, b, id), "round %d", round)
	}
	assert.Len(t, append(paymentsOf(t, a, keys[0]), paymentsOf(t, a, keys[1])...), rounds)
}
