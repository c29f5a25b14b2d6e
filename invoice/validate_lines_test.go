package invoice

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

func TestValidateLines(t *testing.T) {
	runValidationCases(t, []validationCase{
		{"no line id", func(d *Document) { d.Lines[1].ID = " " }, []string{"lines[1].id BR-21"}},
		{"duplicate line id", func(d *Document) { d.Lines[1].ID = "1" }, []string{"lines[1].id duplicate"}},
		{"zero quantity", func(d *Document) { d.Lines[0].Quantity = decimal.Zero }, []string{"lines[0].quantity BR-22"}},
		{"no unit code", func(d *Document) { d.Lines[0].UnitCode = "" }, []string{"lines[0].unit_code BR-23"}},
		{"malformed unit code", func(d *Document) { d.Lines[0].UnitCode = "hours" }, []string{"lines[0].unit_code invalid"}},
		{"no item name", func(d *Document) { d.Lines[0].Name = "" }, []string{"lines[0].name BR-25"}},
		{"no price", func(d *Document) { d.Lines[0].UnitPrice = money.Amount{} }, []string{"lines[0].unit_price BR-26"}},
		{"free item", func(d *Document) { d.Lines[1].UnitPrice = money.Zero(money.EUR) }, nil},
		{"negative price", func(d *Document) { d.Lines[0].UnitPrice = amt("-1.00 EUR") }, []string{"lines[0].unit_price BR-27"}},
		{"no VAT category", func(d *Document) { d.Lines[0].VAT.Category = "" }, []string{"lines[0].vat.category BR-CO-04"}},
		{"unknown VAT category", func(d *Document) { d.Lines[0].VAT.Category = "X" }, []string{"lines[0].vat.category not_allowed"}},
		{"exemption reason on a taxed line", func(d *Document) { d.Lines[0].ExemptionReason = tax.ExemptionEU132 },
			[]string{"lines[0].exemption_reason BR-S-10"}},
		{"line period ending before it starts", func(d *Document) {
			d.Lines[0].Period.Start, d.Lines[0].Period.End = issD, issD.AddDays(-1)
		}, []string{"lines[0].period.end BR-30"}},
		{"line allowance without amount", func(d *Document) {
			d.Lines[0].Allowances = []LineAllowanceCharge{{Reason: "Remise"}}
		}, []string{"lines[0].allowances[0].amount BR-41"}},
		{"line allowance without reason", func(d *Document) {
			d.Lines[0].Allowances = []LineAllowanceCharge{{Amount: amt("1.00 EUR")}}
		}, []string{"lines[0].allowances[0].reason BR-42"}},
		{"line charge without amount and reason", func(d *Document) {
			d.Lines[0].Charges = []LineAllowanceCharge{{}}
		}, []string{"lines[0].charges[0].amount BR-43", "lines[0].charges[0].reason BR-44"}},
		{"line charge with a reason code only", func(d *Document) {
			d.Lines[0].Charges = []LineAllowanceCharge{{Amount: amt("2.00 EUR"), ReasonCode: "ABK"}}
		}, nil},
		{"invoice line crediting another", func(d *Document) { d.Lines[0].CreditedLineID = "7" },
			[]string{"lines[0].credited_line_id forbidden"}},
		{"document allowance without amount, category and reason", func(d *Document) {
			d.Allowances = []AllowanceCharge{{}}
		}, []string{"allowances[0].amount BR-31", "allowances[0].vat.category BR-32", "allowances[0].reason BR-33"}},
		{"document charge without amount, category and reason", func(d *Document) {
			d.Charges = []AllowanceCharge{{}}
		}, []string{"charges[0].amount BR-36", "charges[0].vat.category BR-37", "charges[0].reason BR-38"}},
	})
}

func TestIsUnitCode(t *testing.T) {
	for code, want := range map[string]bool{"C62": true, "HUR": true, "H87": true, "LS": true, "X": false, "ABCD": false, "hur": false, "K-G": false} {
		t.Run(code, func(t *testing.T) {
			if got := isUnitCode(code); got != want {
				t.Errorf("isUnitCode(%q) = %v, want %v", code, got, want)
			}
		})
	}
}
