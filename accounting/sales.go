package accounting

import (
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// Invoice draws up the entry of an issued invoice or credit note in the
// sales journal (see Document). customer is the customer's auxiliary
// account, such as {"C0042", "Boulangerie Martin SARL"}; its label defaults
// to the buyer's name, and the zero Account books the entry on the
// receivable account alone.
func (j *Journaliser) Invoice(inv *invoice.Invoice, customer Account) (Entry, error) {
	if inv == nil {
		return Entry{}, invalid("invoice", "is nil")
	}
	if !inv.IsIssued() {
		return Entry{}, invalid("number", "only an issued document is booked; this one is "+string(inv.Status()))
	}
	doc := inv.Document()
	return j.Document(&doc, customer)
}

// Document draws up the entry of a calculated, numbered document in the
// sales journal, dated on its issue date. An invoice is booked as
//
//	debit   receivable (customer)   amount due (BT-115)
//	debit   prepayments             amount paid before (BT-113), if any
//	credit  revenue, per account    line net amounts (BT-131) − allowances + charges
//	credit  VAT, per rate account   VAT of each breakdown (BT-117)
//	credit  rounding gain           rounding amount (BT-114); a debit to
//	                                rounding loss when negative
//
// and a credit note the other way round. A credit note drawn up with
// invoice.NewCreditNote carries its share of the invoice's document level
// allowances and charges as one net allowance or charge per VAT rate; when
// the chart books charges (or allowances) on their own account, crediting
// an invoice in full may therefore move a few cents between that account
// and the revenue accounts, while the revenue in total, the VAT of each
// rate and the receivable reverse exactly. Revenue accounts come from the
// chart: by product, then by VAT category, then the default. Document level
// allowances and charges go to their own account when the chart has one,
// and are otherwise spread over the revenue accounts of their VAT rate in
// proportion to those accounts' amounts, with money.Amount.Allocate, so the
// parts add up exactly. Lines on the same account are merged, and an
// amount that is negative on its side (a line returning goods, say) is
// booked on the other side.
//
// Every amount is first rounded to the currency's precision, half away
// from zero; a calculated document loses nothing there. When the document
// is not in the currency of the books, each line is converted and rounded
// on its own. If the debits then differ from the credits by no more than
// one minor unit per amount rounded, the difference is booked on its own
// line labelled DifferenceLabel, on RoundingGain or RoundingLoss, so that
// every entry balances exactly. A greater difference means the document's
// totals do not match its lines (it was not calculated): that is an
// *UnbalancedError, and nothing is booked.
func (j *Journaliser) Document(doc *invoice.Document, customer Account) (Entry, error) {
	if err := checkDocument(doc); err != nil {
		return Entry{}, err
	}
	sign, kind := 1, "Facture"
	if doc.Type == invoice.TypeCreditNote {
		sign, kind = -1, "Avoir"
	}
	if !customer.IsZero() && customer.Label == "" {
		customer.Label = doc.Buyer.Name
	}
	e := Entry{
		Journal: j.cfg.Sales, Date: doc.IssueDate, PieceRef: doc.Number, PieceDate: doc.IssueDate,
		Label: kind + " " + doc.Number + " " + doc.Buyer.Name,
	}
	d := newDraft(&j.cfg, doc.Currency, sign)
	d.add(j.cfg.Chart.Receivable, customer, "", d.round(doc.Totals.Due).Neg())
	if prepaid := d.round(doc.Totals.Prepaid); !prepaid.IsZero() {
		if j.cfg.Chart.Prepayments.IsZero() {
			return Entry{}, &FieldError{Field: "chart.prepayments", Reason: "the document has a paid amount (BT-113) and the chart no prepayments account", Err: ErrNoAccount}
		}
		d.add(j.cfg.Chart.Prepayments, Account{}, "", prepaid.Neg())
	}
	if err := j.revenue(d, doc); err != nil {
		return Entry{}, err
	}
	for _, b := range doc.VATBreakdown {
		if tax := d.round(b.TaxAmount); !tax.IsZero() {
			d.add(j.cfg.Chart.vatFor(b.Rate), Account{}, "", tax)
		}
	}
	if r := d.round(doc.Totals.Rounding); !r.IsZero() {
		d.addRounding(RoundingLabel, r)
	}
	d.terms += len(doc.Lines) + len(doc.Allowances) + len(doc.Charges) + len(doc.VATBreakdown) + 3
	if err := d.finish(&e, doc.IssueDate); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// checkDocument reports what keeps doc from being booked.
func checkDocument(doc *invoice.Document) error {
	switch {
	case doc == nil:
		return invalid("document", "is nil")
	case !doc.Type.Valid():
		return invalid("type", "must be 380 (invoice) or 381 (credit note)")
	case doc.Number == "":
		return invalid("number", "is required: only issued documents are booked")
	case doc.IssueDate.IsZero():
		return invalid("issue_date", "is required: only issued documents are booked")
	case doc.Currency.IsZero():
		return invalid("currency", "is required")
	case len(doc.Lines) == 0:
		return invalid("lines", "a document has at least one line")
	}
	amounts := []struct {
		field string
		a     money.Amount
	}{
		{"totals.due", doc.Totals.Due}, {"totals.prepaid", doc.Totals.Prepaid}, {"totals.rounding", doc.Totals.Rounding},
	}
	for _, a := range amounts {
		if err := inCurrency(a.field, a.a, doc.Currency); err != nil {
			return err
		}
	}
	for i := range doc.VATBreakdown {
		if err := inCurrency(indexed("vat_breakdown", i)+".tax_amount", doc.VATBreakdown[i].TaxAmount, doc.Currency); err != nil {
			return err
		}
	}
	return nil
}

// inCurrency reports an amount that is neither zero nor in cur.
func inCurrency(field string, a money.Amount, cur money.Currency) error {
	if a.IsZero() || a.Currency() == cur {
		return nil
	}
	return &FieldError{Field: field, Reason: "is in " + a.Currency().Code() + ", not in the document currency " + cur.Code(), Err: ErrCurrency}
}
