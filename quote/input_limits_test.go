package quote_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// A desk refuses hostile input with faults naming the fields: too many
// lines, megabyte texts, invalid UTF-8 and control characters, in the
// quote's own fields and in its parties.
func TestNewRefusesHostileInput(t *testing.T) {
	megabyte := strings.Repeat("a", 1<<20)
	checkFaults(t, []faultCase{
		{"100,001 lines", alice, func(in *quote.Input) {
			lines := make([]quote.LineInput, 100001)
			for i := range lines {
				lines[i] = in.Lines[1]
				lines[i].ID = strconv.Itoa(i + 1)
			}
			in.Lines = lines
		}, [][2]string{{"lines", validation.CodeOutOfRange}}},
		{"a megabyte description", alice, onLine(1, func(l *quote.LineInput) { l.Description = megabyte }),
			[][2]string{{"lines[1].description", validation.CodeOutOfRange}}},
		{"NUL in a description", alice, onLine(0, func(l *quote.LineInput) { l.Description = "Setup\x00" }),
			[][2]string{{"lines[0].description", validation.CodeInvalid}}},
		{"invalid UTF-8 in a description", alice, onLine(1, func(l *quote.LineInput) { l.Description = "Sièges \xe9" }),
			[][2]string{{"lines[1].description", validation.CodeInvalid}}},
		{"invalid UTF-8 in the number", alice, func(in *quote.Input) { in.Number = "Q-\xff" },
			[][2]string{{"number", validation.CodeInvalid}}},
		{"NUL in a line ID", alice, onLine(0, func(l *quote.LineInput) { l.ID = "1\x00" }),
			[][2]string{{"lines[0].id", validation.CodeInvalid}}},
		{"NUL in the buyer's name", alice, func(in *quote.Input) { in.Buyer.Name = "ACME\x00" },
			[][2]string{{"buyer.name", validation.CodeInvalid}}},
		{"invalid UTF-8 in the seller's address", alice, func(in *quote.Input) { in.Seller.Address.Line1 = "1 rue \xe9" },
			[][2]string{{"seller.address.line1", validation.CodeInvalid}}},
		{"a megabyte buyer name", alice, func(in *quote.Input) { in.Buyer.Name = megabyte },
			[][2]string{{"buyer.name", validation.CodeOutOfRange}}},
	})
}

// Several lines of accented text in a description are fine.
func TestNewKeepsDescriptions(t *testing.T) {
	desk := newDesk(t)
	in := withLine(baseInput(), 0, func(l *quote.LineInput) { l.Description = "Mise en œuvre\n\t– paramétrage\r\n– formation" })
	q := newQuote(t, desk, alice, in)
	assert.Equal(t, in.Lines[0].Description, q.Input().Lines[0].Description)
}

// Reasons are one line of text: a buyer's refusal, an approver's.
func TestReasonsAreText(t *testing.T) {
	for _, reason := range []string{"too\x00 expensive", "too\nexpensive", "trop cher \xe9", strings.Repeat("r", validation.MaxReasonLength+1)} {
		t.Run(strconv.Quote(reason[:min(len(reason), 20)]), func(t *testing.T) {
			sent := quoteIn(t, quote.StatusSent)
			before := sent.Snapshot()
			err := sent.Reject(reason, day("2026-03-10"))
			var ve *validation.Error
			require.ErrorAs(t, err, &ve)
			assert.Len(t, ve.Faults, 1)
			assert.Equal(t, "reason", ve.Faults[0].Field)
			assert.Equal(t, before, sent.Snapshot())

			review := quoteIn(t, quote.StatusInReview)
			before = review.Snapshot()
			err = review.RejectApproval(bob, reason, approvedAt)
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "reason", ve.Faults[0].Field)
			assert.Equal(t, before, review.Snapshot())
		})
	}
}
