package accounting_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/accounting"
	"github.com/billkit/billkit/invoice"
)

func TestBookNumbersPerJournal(t *testing.T) {
	j := journaliser(t)
	b := accounting.NewBook()
	doc := calculated(t, frenchDocument())
	sale, err := j.Document(&doc, customer)
	require.NoError(t, err)
	pay, err := j.Payment(invoice.Payment{ID: paymentID, Amount: eur("100.00"), Date: dueDay, Method: invoice.MethodCard}, customer)
	require.NoError(t, err)
	var numbers []string
	for _, e := range []accounting.Entry{sale, pay, sale, pay} {
		posted, err := b.Post(e)
		require.NoError(t, err)
		numbers = append(numbers, posted.Number)
	}
	assert.Equal(t, []string{"VE000001", "BQ000001", "VE000002", "BQ000002"}, numbers)
	assert.Equal(t, 4, b.Len())
	entries := b.Entries()
	entries[0].Lines[0].Debit = eur("1.00")
	assert.Equal(t, "2348.35 EUR", b.Entries()[0].Lines[0].Debit.String(), "Entries returns copies")
}

func TestBookRefuses(t *testing.T) {
	j := journaliser(t)
	b := accounting.NewBook()
	pay, err := j.Payment(invoice.Payment{ID: paymentID, Amount: eur("100.00"), Date: dueDay, Method: invoice.MethodCard}, customer)
	require.NoError(t, err)
	_, err = b.Post(pay)
	require.NoError(t, err)

	earlier := pay
	earlier.Date = issueDay
	_, err = b.Post(earlier)
	var ce *accounting.ChronologyError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "BQ", ce.Journal)

	unbalanced := pay
	unbalanced.Lines = append([]accounting.Line(nil), pay.Lines...)
	unbalanced.Lines[0].Debit = eur("100.01")
	_, err = b.Post(unbalanced)
	assert.ErrorIs(t, err, accounting.ErrUnbalanced)

	both := pay
	both.Lines = append([]accounting.Line(nil), pay.Lines...)
	both.Lines[1].Debit = eur("1.00")
	both.Lines[0].Debit = eur("101.00")
	_, err = b.Post(both)
	var fe *accounting.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "lines[1]", fe.Field)

	precise := pay
	precise.Lines = append([]accounting.Line(nil), pay.Lines...)
	precise.Lines[0].Debit, precise.Lines[1].Credit = eur("100.001"), eur("100.001")
	_, err = b.Post(precise)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "lines[0]", fe.Field)
	assert.Equal(t, 1, b.Len(), "nothing refused is kept")
}

func TestBookConcurrentPosts(t *testing.T) {
	j := journaliser(t)
	b := accounting.NewBook()
	pay, err := j.Payment(invoice.Payment{ID: paymentID, Amount: eur("100.00"), Date: dueDay, Method: invoice.MethodCard}, customer)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			_, err := b.Post(pay)
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, e := range b.Entries() {
		assert.False(t, seen[e.Number], "number %s given twice", e.Number)
		seen[e.Number] = true
	}
	assert.Len(t, seen, 20)
}
