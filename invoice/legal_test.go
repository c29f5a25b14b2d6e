package invoice

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

func TestValidateFrenchMentions(t *testing.T) {
	runValidationCases(t, []validationCase{
		{"no late penalty rate", func(d *Document) { d.Legal.LatePenaltyRate = decimal.Zero },
			[]string{"legal.late_penalty_rate " + CodeFRPenalty}},
		{"late penalty rate of 100 %", func(d *Document) { d.Legal.LatePenaltyRate = dec("100") },
			[]string{"legal.late_penalty_rate out_of_range"}},
		{"no recovery indemnity", func(d *Document) { d.Legal.RecoveryIndemnity = money.Amount{} },
			[]string{"legal.recovery_indemnity " + CodeFRIndemnity}},
		{"indemnity of 40 USD", func(d *Document) { d.Legal.RecoveryIndemnity = amt("40.00 USD") },
			[]string{"legal.recovery_indemnity " + CodeFRIndemnity}},
		{"no early payment statement", func(d *Document) { d.Legal.NoEarlyPaymentDiscount = false },
			[]string{"legal.early_payment_discount " + CodeFRDiscount}},
		{"early payment discount terms", func(d *Document) {
			d.Legal.NoEarlyPaymentDiscount, d.Legal.EarlyPaymentDiscount = false, "2 % à 10 jours"
		}, nil},
		{"both discount and no discount", func(d *Document) { d.Legal.EarlyPaymentDiscount = "2 % à 10 jours" },
			[]string{"legal.no_early_payment_discount inconsistent"}},
		{"consumer needs no payment mentions", func(d *Document) { d.Buyer, d.Legal = consumer(), LegalMentions{} }, nil},
		{"seller outside France", func(d *Document) {
			d.Seller.Address.Country, d.Seller.VATID, d.Legal = "BE", "BE0123456749", LegalMentions{}
		}, nil},
		{"no delivery date nor period", func(d *Document) { d.Period = date.Range{} },
			[]string{"delivery_date " + CodeFRDelivery}},
		{"delivery date instead of period", func(d *Document) { d.Period, d.DeliveryDate = date.Range{}, issD }, nil},
		{"no SIREN", func(d *Document) { d.Seller.LegalID = "" }, []string{"seller.legal_id " + CodeFRSIREN}},
		{"SIRET", func(d *Document) { d.Seller.LegalID = "73282932000074" }, nil},
		{"bad VAT key", func(d *Document) { d.Seller.VATID = "FR45732829320" }, []string{"seller.vat_id " + CodeFRVATID}},
		{"VAT number of another company", func(d *Document) { d.Seller.LegalID = "552100554" },
			[]string{"seller.vat_id mismatch"}},
		{"no legal information", func(d *Document) { d.Seller.AdditionalLegalInfo = "" },
			[]string{"seller.additional_legal_info " + CodeFRLegalInfo}},
	})
}

func TestLegalMentions(t *testing.T) {
	assert.True(t, LegalMentions{}.IsZero())
	m := FrenchB2BMentions(dec("10.5"))
	assert.False(t, m.IsZero())
	assert.Equal(t, RecoveryIndemnityFR, m.RecoveryIndemnity)
	assert.Empty(t, LegalMentions{}.Notes())

	notes := LegalMentions{LatePenaltyRate: dec("13"), EarlyPaymentDiscount: "1 % à 8 jours"}.Notes()
	assert.Equal(t, []Note{
		{SubjectCode: "PMD", Text: "En cas de retard de paiement, des pénalités sont exigibles au taux annuel de 13 %."},
		{SubjectCode: "AAB", Text: "Escompte pour paiement anticipé : 1 % à 8 jours"},
	}, notes)
}
