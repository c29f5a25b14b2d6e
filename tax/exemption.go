package tax

import (
	"cmp"
	"slices"
)

// ExemptionReason is a VAT exemption reason: a code from the VATEX code
// list maintained for EN 16931 by the European Commission's Connecting
// Europe Facility, and the text that goes with it (business terms BT-120
// and BT-121). Invoices in the categories for which
// [Category.RequiresExemptionReason] is true must carry one.
type ExemptionReason struct {
	// Code is the VATEX code, such as "VATEX-EU-AE" (BT-121).
	Code string `json:"code"`
	// Text is the reason in words (BT-120).
	Text string `json:"text"`
}

// Common VATEX exemption reasons. The texts are the names in the VATEX
// code list, except for [ExemptionFRFranchise] (see there).
var (
	// ExemptionReverseCharge goes with category AE.
	ExemptionReverseCharge = ExemptionReason{"VATEX-EU-AE", "Reverse charge"}
	// ExemptionIntraCommunity goes with category K.
	ExemptionIntraCommunity = ExemptionReason{"VATEX-EU-IC", "Intra-Community supply"}
	// ExemptionExport goes with category G.
	ExemptionExport = ExemptionReason{"VATEX-EU-G", "Export outside the EU"}
	// ExemptionNotSubject goes with category O.
	ExemptionNotSubject = ExemptionReason{"VATEX-EU-O", "Not subject to VAT"}

	// ExemptionEU79C covers price reductions and discounts (article 79(c)
	// of the VAT Directive), category E.
	ExemptionEU79C = ExemptionReason{"VATEX-EU-79-C", "Exempt based on article 79, point c of Council Directive 2006/112/EC"}
	// ExemptionEU132 covers activities in the public interest (health,
	// education, ...), category E.
	ExemptionEU132 = ExemptionReason{"VATEX-EU-132", "Exempt based on article 132 of Council Directive 2006/112/EC"}
	// ExemptionEU143 covers exempt importations, category E.
	ExemptionEU143 = ExemptionReason{"VATEX-EU-143", "Exempt based on article 143 of Council Directive 2006/112/EC"}
	// ExemptionEU148 covers international transport, category E.
	ExemptionEU148 = ExemptionReason{"VATEX-EU-148", "Exempt based on article 148 of Council Directive 2006/112/EC"}
	// ExemptionEU151 covers diplomatic and international bodies, category E.
	ExemptionEU151 = ExemptionReason{"VATEX-EU-151", "Exempt based on article 151 of Council Directive 2006/112/EC"}
	// ExemptionEU309 covers travel agents' services outside the EU,
	// category E.
	ExemptionEU309 = ExemptionReason{"VATEX-EU-309", "Exempt based on article 309 of Council Directive 2006/112/EC"}

	// ExemptionFRFranchise is the French small-business franchise. The
	// code list names it "France domestic VAT franchise in base"; the text
	// here is the legal mention French law requires on such invoices
	// (CGI article 293 B), in English.
	ExemptionFRFranchise = ExemptionReason{"VATEX-FR-FRANCHISE", "VAT exemption, article 293 B of the French General Tax Code (CGI)"}

	// ExemptionFRCreditNoteWithoutVAT is for French credit notes issued
	// without VAT because the supplier forgoes the VAT on a discount.
	ExemptionFRCreditNoteWithoutVAT = ExemptionReason{"VATEX-FR-CNWVAT", "France domestic Credit Notes without VAT, due to supplier forfeit of VAT for discount"}
)

// exemptionReasons indexes copies of the reasons above by code, so that a
// host assigning to an exported variable cannot change what lookups return.
var exemptionReasons = func() map[string]ExemptionReason {
	m := make(map[string]ExemptionReason)
	for _, r := range []ExemptionReason{
		ExemptionReverseCharge, ExemptionIntraCommunity, ExemptionExport, ExemptionNotSubject,
		ExemptionEU79C, ExemptionEU132, ExemptionEU143, ExemptionEU148, ExemptionEU151, ExemptionEU309,
		ExemptionFRFranchise, ExemptionFRCreditNoteWithoutVAT,
	} {
		m[r.Code] = r
	}
	return m
}()

// LookupExemptionReason returns the reason whose VATEX code is code, matched
// exactly, and whether it is one this package knows. Codes it does not know
// may still be valid VATEX codes; billkit only carries the common ones.
func LookupExemptionReason(code string) (ExemptionReason, bool) {
	r, ok := exemptionReasons[code]
	return r, ok
}

// ExemptionReasons returns every reason this package knows, sorted by code.
func ExemptionReasons() []ExemptionReason {
	out := make([]ExemptionReason, 0, len(exemptionReasons))
	for _, r := range exemptionReasons {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b ExemptionReason) int { return cmp.Compare(a.Code, b.Code) })
	return out
}

// DefaultExemptionReason returns the reason that fits every invoice of
// category c, when there is one: VATEX-EU-AE for AE, VATEX-EU-IC for K,
// VATEX-EU-G for G and VATEX-EU-O for O. For E the reason depends on the
// exemption (an article of the VAT Directive or national law), so there is
// no default and the caller must choose; other categories take no reason.
func DefaultExemptionReason(c Category) (ExemptionReason, bool) {
	switch c {
	case ReverseCharge:
		return exemptionReasons[ExemptionReverseCharge.Code], true
	case IntraCommunity:
		return exemptionReasons[ExemptionIntraCommunity.Code], true
	case Export:
		return exemptionReasons[ExemptionExport.Code], true
	case OutsideScope:
		return exemptionReasons[ExemptionNotSubject.Code], true
	}
	return ExemptionReason{}, false
}
