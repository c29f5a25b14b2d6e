package accounting

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// FECColumns are the 18 columns of the Fichier des Écritures Comptables,
// in the order of article A47 A-1 of the Livre des procédures fiscales.
var FECColumns = [18]string{
	"JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
	"CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
	"EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
}

// FECEncoding is the character set of a FEC file.
type FECEncoding uint8

const (
	// FECLatin9 writes ISO 8859-15, a character set article A47 A-1 lists.
	// A character it cannot write is a *FieldError naming the field, never
	// silently replaced.
	FECLatin9 FECEncoding = iota
	// FECUTF8 writes UTF-8, which many accounting tools read.
	FECUTF8
)

// FECOptions sets the form of a FEC file. The zero value writes the
// columns separated by tabs, in ISO 8859-15, lines ending with "\r\n".
type FECOptions struct {
	// Pipe separates the columns with "|" instead of a tab; the only two
	// separators the format allows.
	Pipe bool
	// Encoding is the character set (FECLatin9).
	Encoding FECEncoding
	// LF ends lines with "\n" alone.
	LF bool
}

// WriteFEC writes entries as a Fichier des Écritures Comptables: a header
// line with the 18 column names, then one line per entry line, entries in
// chronological order of their validation dates (entries with the same
// date keep their order). Following the format:
//
//   - dates are written YYYYMMDD, without separators;
//   - amounts have a comma as decimal separator, no thousands separator, and
//     the decimals of the currency of the books (1234,56 for EUR); Debit
//     and Credit are both written, one of them zero;
//   - Montantdevise and Idevise are set only for a line converted from
//     another currency, EcritureLet and DateLet only for a lettered line,
//     CompAuxNum and CompAuxLib only on the customer's line;
//   - tabs, pipes and line breaks inside text become spaces, so that a
//     field can never shift the columns, and text is trimmed.
//
// Every entry is checked first (see Entry.Check) and must be numbered and
// balanced in a single currency: the first fault is a *FieldError or an
// *UnbalancedError whose path names the entry as "entries[i]", and nothing
// is written then.
func WriteFEC(w io.Writer, entries []Entry, opts FECOptions) error {
	order, err := checkEntries(entries)
	if err != nil {
		return err
	}
	sep := "\t"
	if opts.Pipe {
		sep = "|"
	}
	eol := "\r\n"
	if opts.LF {
		eol = "\n"
	}
	var latin9 func(string) (string, error)
	if opts.Encoding == FECLatin9 {
		enc := charmap.ISO8859_15.NewEncoder()
		latin9 = enc.String
	}
	// Encode every record before writing anything, so that a character the
	// encoding cannot hold leaves w untouched.
	var b strings.Builder
	b.WriteString(strings.Join(FECColumns[:], sep))
	b.WriteString(eol)
	for _, i := range order {
		e := &entries[i]
		for j := range e.Lines {
			rec := fecRecord(e, &e.Lines[j], ",")
			for k, field := range rec {
				if k > 0 {
					b.WriteString(sep)
				}
				if latin9 != nil && !isASCII(field) {
					enc, err := latin9(field)
					if err != nil {
						return invalid(indexed("entries", i)+".lines["+strconv.Itoa(j)+"]."+FECColumns[k],
							"holds a character that ISO 8859-15 cannot write; use FECUTF8")
					}
					field = enc
				}
				b.WriteString(field)
			}
			b.WriteString(eol)
		}
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(b.String()); err != nil {
		return err
	}
	return bw.Flush()
}

// checkEntries checks every entry for an export and returns their indexes
// in chronological order of validation.
func checkEntries(entries []Entry) ([]int, error) {
	var cur money.Currency
	for i := range entries {
		e := &entries[i]
		field := indexed("entries", i)
		if err := e.Check(field); err != nil {
			return nil, err
		}
		if e.Number == "" {
			return nil, invalid(field+".number", "is required (EcritureNum): post the entry to a Book")
		}
		for j, l := range e.Lines {
			c := l.Debit.Currency()
			if cur.IsZero() {
				cur = c
			}
			if c != cur {
				return nil, &FieldError{Field: field + ".lines[" + strconv.Itoa(j) + "]",
					Reason: "is in " + c.Code() + ", the file in " + cur.Code(), Err: ErrCurrency}
			}
		}
	}
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(dateKey(entries[a].validDate()), dateKey(entries[b].validDate()))
	})
	return order, nil
}

// fecRecord returns the 18 fields of one line of e, amounts written with
// the decimal separator point.
func fecRecord(e *Entry, l *Line, point string) [18]string {
	label := l.Label
	if label == "" {
		label = e.Label
	}
	var foreign, foreignCur string
	if !l.Foreign.IsZero() {
		foreign, foreignCur = formatAmount(l.Foreign, point), l.Foreign.Currency().Code()
	}
	return [18]string{
		text(e.Journal.Code), text(e.Journal.Label), text(e.Number), fecDate(e.Date),
		text(l.Account.Number), text(l.Account.Label), text(l.Auxiliary.Number), text(l.Auxiliary.Label),
		text(e.PieceRef), fecDate(e.PieceDate), text(label),
		formatAmount(l.Debit, point), formatAmount(l.Credit, point),
		text(l.Lettering), fecDate(l.LetteringDate), fecDate(e.validDate()), foreign, foreignCur,
	}
}

// formatAmount writes a at its currency's precision, rounded half away
// from zero, with point as decimal separator and no grouping.
func formatAmount(a money.Amount, point string) string {
	s := a.Number().StringFixed(int32(a.Currency().Digits()))
	if point != "." {
		s = strings.Replace(s, ".", point, 1)
	}
	return s
}

// fecDate writes d as YYYYMMDD, or "" for the zero Date.
func fecDate(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return strings.ReplaceAll(d.String(), "-", "")
}

func dateKey(d date.Date) int { return d.Year()*10000 + int(d.Month())*100 + d.Day() }

var fieldCleaner = strings.NewReplacer("\t", " ", "|", " ", "\r\n", " ", "\r", " ", "\n", " ")

// text makes s fit in one field: no separator, no line break, trimmed.
func text(s string) string {
	if strings.ContainsAny(s, "\t|\r\n") {
		s = fieldCleaner.Replace(s)
	}
	return strings.TrimSpace(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
