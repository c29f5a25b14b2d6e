package accounting_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/billkit/billkit/accounting"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got))
}

// sampleBook books an invoice, a partial credit note, an invoice in USD
// and a payment lettered with the invoice, all with pinned numbers and
// dates.
func sampleBook(t *testing.T) []accounting.Entry {
	t.Helper()
	rate := func(money.Currency, date.Date) (decimal.Decimal, error) { return dec("0.92"), nil }
	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart(), Rate: rate})
	require.NoError(t, err)
	var seq invoice.MemorySequence
	inv := issue(t, &seq, frenchDocument())
	cn := credit(t, &seq, inv, invoice.CreditRequest{Reason: "Jour non réalisé", Lines: []invoice.LineCredit{{LineID: "1", Quantity: dec("1")}}})
	usd := inUSD(frenchDocument())
	usd.Number = "F2026-000002"
	usd.Buyer.Name = "Acme\tCorp\nUS" // separators inside text become spaces

	b := accounting.NewBook()
	post := func(e accounting.Entry, err error) {
		t.Helper()
		require.NoError(t, err)
		_, err = b.Post(e)
		require.NoError(t, err)
	}
	sale, err := j.Invoice(inv, customer)
	require.NoError(t, err)
	sale.Lines[0].Lettering, sale.Lines[0].LetteringDate = "AA", dueDay
	post(sale, nil)
	post(j.Invoice(cn, customer))
	pay, err := j.Payment(invoice.Payment{ID: paymentID, Customer: "cust-42", Amount: eur("1568.35"), Date: dueDay, Method: invoice.MethodTransfer, Reference: "VIR 7781"}, customer)
	require.NoError(t, err)
	pay.Lines[1].Lettering, pay.Lines[1].LetteringDate = "AA", dueDay
	post(pay, nil)
	post(j.Document(&usd, accounting.Account{Number: "C0077"}))
	return b.Entries()
}

func TestWriteFECGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, accounting.WriteFEC(&buf, sampleBook(t), accounting.FECOptions{Encoding: accounting.FECUTF8}))
	golden(t, "fec.txt", buf.Bytes())
}

var (
	amountRe = regexp.MustCompile(`^[0-9]+,[0-9]{2}$`)
	dateRe   = regexp.MustCompile(`^[0-9]{8}$`)
)

// TestFECColumns checks the published field rules on every line: 18
// tab-separated fields, the header, dates YYYYMMDD, amounts with a decimal
// comma, and chronological validation dates.
func TestFECColumns(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, accounting.WriteFEC(&buf, sampleBook(t), accounting.FECOptions{Encoding: accounting.FECUTF8}))
	text := buf.String()
	require.True(t, strings.HasSuffix(text, "\r\n"))
	lines := strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n")
	require.Greater(t, len(lines), 10)
	assert.Equal(t, strings.Join(accounting.FECColumns[:], "\t"), lines[0])
	lastValid := ""
	for i, l := range lines[1:] {
		f := strings.Split(l, "\t")
		require.Len(t, f, 18, "line %d: %q", i+1, l)
		for _, k := range []int{3, 9, 15} {
			assert.Regexp(t, dateRe, f[k], "line %d column %s", i+1, accounting.FECColumns[k])
		}
		assert.Regexp(t, amountRe, f[11], "line %d Debit", i+1)
		assert.Regexp(t, amountRe, f[12], "line %d Credit", i+1)
		if f[16] != "" {
			assert.Regexp(t, amountRe, f[16], "line %d Montantdevise", i+1)
			assert.Equal(t, "USD", f[17])
		}
		for _, k := range []int{0, 1, 2, 4, 5, 8, 10} {
			assert.NotEmpty(t, f[k], "line %d column %s is required", i+1, accounting.FECColumns[k])
		}
		assert.GreaterOrEqual(t, f[15], lastValid, "line %d: validation dates in order", i+1)
		lastValid = f[15]
	}
}

func TestWriteFECLatin9AndPipe(t *testing.T) {
	entries := sampleBook(t)
	var utf, latin bytes.Buffer
	require.NoError(t, accounting.WriteFEC(&utf, entries, accounting.FECOptions{Encoding: accounting.FECUTF8, Pipe: true, LF: true}))
	require.NoError(t, accounting.WriteFEC(&latin, entries, accounting.FECOptions{Pipe: true, LF: true}))
	decoded, err := charmap.ISO8859_15.NewDecoder().Bytes(latin.Bytes())
	require.NoError(t, err)
	assert.Equal(t, utf.String(), string(decoded))
	for l := range strings.SplitSeq(strings.TrimSuffix(utf.String(), "\n"), "\n") {
		assert.Len(t, strings.Split(l, "|"), 18)
	}

	entries[0].Label = "Facture 請求書"
	var out bytes.Buffer
	err = accounting.WriteFEC(&out, entries, accounting.FECOptions{})
	var fe *accounting.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "entries[0].lines[0].EcritureLib", fe.Field)
	assert.Zero(t, out.Len(), "nothing is written when an entry is refused")
}

func TestWriteFECRefusesUnnumbered(t *testing.T) {
	doc := calculated(t, frenchDocument())
	e, err := journaliser(t).Document(&doc, customer)
	require.NoError(t, err)
	var out bytes.Buffer
	err = accounting.WriteFEC(&out, []accounting.Entry{e}, accounting.FECOptions{})
	var fe *accounting.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "entries[0].number", fe.Field)

	e.Number = "VE1"
	e.Lines[0].Debit = eur("1.00")
	err = accounting.WriteFEC(&out, []accounting.Entry{e}, accounting.FECOptions{})
	var ue *accounting.UnbalancedError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, "entries[0]", ue.Field)
	assert.Zero(t, out.Len())
}

func TestWriteCSV(t *testing.T) {
	entries := sampleBook(t)
	var buf bytes.Buffer
	require.NoError(t, accounting.WriteCSV(&buf, entries, accounting.CSVOptions{}))
	records, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, accounting.FECColumns[:], records[0])
	for _, r := range records[1:] {
		require.Len(t, r, 18)
		assert.Regexp(t, `^[0-9]+\.[0-9]{2}$`, r[11])
	}
	assert.Equal(t, "2348.35", records[1][11])

	buf.Reset()
	require.NoError(t, accounting.WriteCSV(&buf, entries, accounting.CSVOptions{Comma: ';', DecimalComma: true}))
	r := csv.NewReader(&buf)
	r.Comma = ';'
	records, err = r.ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "2348,35", records[1][11])
	golden(t, "fec.csv", func() []byte {
		var b bytes.Buffer
		require.NoError(t, accounting.WriteCSV(&b, entries, accounting.CSVOptions{Comma: ';', DecimalComma: true}))
		return b.Bytes()
	}())
}

func TestFECFileName(t *testing.T) {
	closing := date.MustParse("2026-12-31")
	name, err := accounting.FECFileName("732 829 320 00074", closing)
	require.NoError(t, err)
	assert.Equal(t, "732829320FEC20261231", name)
	_, err = accounting.FECFileName("732829321", closing)
	assert.ErrorIs(t, err, accounting.ErrInvalid)
	_, err = accounting.FECFileName("732829320", date.Date{})
	var fe *accounting.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "closing_date", fe.Field)
}
