package einvoice

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// Prepared is a document that passed the checks of Prepare, with what the
// writers of each syntax need beside it. Its fields are copies: changing
// them changes neither the caller's document nor its options.
type Prepared struct {
	// Doc is a copy of the document.
	Doc invoice.Document
	// Notes are the notes to write (BG-1): the document's notes, then the
	// notes of its legal mentions (invoice.LegalMentions.Notes) that the
	// document does not already hold.
	Notes []invoice.Note
	// PaymentMeans are the payment means (BG-16), in the order given.
	PaymentMeans []PaymentMeans
	// Items holds the item identifiers of each line (BG-31), by position:
	// Items[i] belongs to Doc.Lines[i] and is zero when none was given.
	Items []ItemIDs
}

// Prepare checks doc for export and returns it with its notes and the
// information the options add. doc must be calculated (see
// invoice.Document.Calculate) and issued: it needs its number (BR-02) and
// issue date (BR-03).
//
// The checks are those of invoice.Document.Validate, then the rules of the
// options (BR-49, BR-50, BR-61 for payment means, BR-64 for item
// identifiers, item identifiers of lines that do not exist) and the text of
// every field, which XML 1.0 must be able to carry (CodeXMLText). Any fault
// makes Prepare return an *ExportError listing them all.
func Prepare(doc invoice.Document, opts ...Option) (*Prepared, error) {
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	var errs validation.Errors
	errs.Merge(doc.Validate())
	p := &Prepared{Doc: doc.Clone(), PaymentMeans: slices.Clone(cfg.means)}
	p.Notes = notesOf(&p.Doc)
	p.Items = itemsOf(&errs, &p.Doc, cfg.items)
	for i, m := range p.PaymentMeans {
		checkMeans(&errs, "payment_means["+strconv.Itoa(i)+"]", m)
	}
	checkTexts(&errs, p)
	if err := errs.Err(); err != nil {
		var ve *validation.Error
		errors.As(err, &ve)
		return nil, &ExportError{Faults: ve.Faults}
	}
	return p, nil
}

// Check reports whether doc can be exported with the given options: nil, or
// the *ExportError that Prepare returns.
func Check(doc invoice.Document, opts ...Option) error {
	_, err := Prepare(doc, opts...)
	return err
}

// notesOf returns the document's notes followed by those of its legal
// mentions that it does not hold yet.
func notesOf(d *invoice.Document) []invoice.Note {
	notes := slices.Clone(d.Notes)
	for _, n := range d.Legal.Notes() {
		if !slices.Contains(notes, n) {
			notes = append(notes, n)
		}
	}
	return notes
}

// itemsOf places the item identifiers of the options by line, and records
// identifiers given for lines that do not exist and BR-64.
func itemsOf(errs *validation.Errors, d *invoice.Document, given []lineItem) []ItemIDs {
	if len(given) == 0 {
		return make([]ItemIDs, len(d.Lines))
	}
	items := make([]ItemIDs, len(d.Lines))
	for _, g := range given {
		at := "item_ids[" + strconv.Quote(g.lineID) + "]"
		k := slices.IndexFunc(d.Lines, func(l invoice.Line) bool { return l.ID == g.lineID })
		if k < 0 {
			errs.Add(at, validation.CodeUnknown, "no line has this identifier (BT-126)")
			continue
		}
		if g.ids.Standard != "" && strings.TrimSpace(g.ids.StandardScheme) == "" {
			errs.Add(at+".standard_scheme", "BR-64", "the scheme of an item standard identifier is required")
		}
		if g.ids.Standard == "" && g.ids.StandardScheme != "" {
			errs.Add(at+".standard", validation.CodeRequired, "is required with a scheme")
		}
		items[k] = g.ids
	}
	return items
}

// checkMeans checks one payment means (BR-49, BR-50, BR-61).
func checkMeans(errs *validation.Errors, at string, m PaymentMeans) {
	switch {
	case m.Code == "":
		errs.Add(at+".code", "BR-49", "the payment means type code is required")
	case !isMeansCode(string(m.Code)):
		errs.Add(at+".code", validation.CodeNotAllowed, "must be a UNTDID 4461 code such as 30, 58 or 59")
	case m.Code.needsAccount() && strings.TrimSpace(m.Account) == "":
		errs.Add(at+".account", "BR-61", "the payee account is required for a credit transfer")
	}
	if (m.AccountName != "" || m.BIC != "") && strings.TrimSpace(m.Account) == "" {
		errs.Add(at+".account", "BR-50", "the payee account is required with its name or payment service provider")
	}
}

// isMeansCode reports whether s has the shape of a UNTDID 4461 code: one
// to three digits, or ZZZ (mutually defined).
func isMeansCode(s string) bool {
	if s == "ZZZ" {
		return true
	}
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
