// Command einvoice writes one French B2B invoice in every form billkit
// exports: the EN 16931 e-invoice in UBL 2.1 and in UN/CEFACT CII (the XML
// inside Factur-X), its accounting entry as a FEC file, and a printable
// HTML page in French and in English.
//
//	go run ./examples/einvoice -out ./out
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/billkit/billkit/accounting"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/einvoice/cii"
	"github.com/billkit/billkit/einvoice/ubl"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/render"
	"github.com/billkit/billkit/tax"
)

func main() {
	out := flag.String("out", filepath.Join("examples", "einvoice", "out"), "folder to write the files to")
	flag.Parse()
	if err := run(*out, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "einvoice:", err)
		os.Exit(1)
	}
}

// sampleInvoice issues a two-rate invoice: a month of seats at 20 % and
// a workshop at 10 % VAT, as a French SaaS vendor bills a bakery.
func sampleInvoice() (*invoice.Invoice, error) {
	addr := func(line, city, zip string) invoice.Address {
		return invoice.Address{Line1: line, City: city, PostalCode: zip, Country: "FR"}
	}
	doc := invoice.Document{
		Type: invoice.TypeCommercialInvoice, Currency: money.EUR,
		Seller: invoice.Party{Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
			AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
			Address:             addr("12 rue de la Paix", "Paris", "75002")},
		Buyer: invoice.Party{Name: "Boulangerie Martin SARL", LegalID: "552100554", VATID: "FR96552100554",
			Address: addr("3 place du Marché", "Lyon", "69002"), Business: true},
		DueDate:          date.MustParse("2026-05-01"),
		Period:           date.Range{Start: date.MustParse("2026-04-01"), End: date.MustParse("2026-05-01")},
		PaymentTerms:     "30 jours net",
		PurchaseOrderRef: "PO-77",
		Legal:            invoice.FrenchB2BMentions(decimal.RequireFromString("12.15")),
		Lines: []invoice.Line{
			{ID: "1", Name: "Platform seats", Quantity: decimal.NewFromInt(20), UnitCode: "C62",
				UnitPrice: money.MustParse("50.00 EUR"),
				VAT:       invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)}},
			{ID: "2", Name: "Onboarding workshop", Quantity: decimal.NewFromInt(1), UnitCode: "C62",
				UnitPrice: money.MustParse("600.00 EUR"),
				VAT:       invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(10)}},
		},
	}
	inv, err := invoice.NewDraft(uuid.MustParse("019d0000-0000-7000-8000-000000000001"), doc)
	if err != nil {
		return nil, err
	}
	if err := inv.Submit(invoice.ApprovalPolicy{}); err != nil {
		return nil, err
	}
	series := invoice.Series{ID: "invoice", Prefix: "F", Yearly: true, Separator: "-"}
	if err := inv.Issue(context.Background(), &invoice.MemorySequence{}, series, date.MustParse("2026-04-01")); err != nil {
		return nil, err
	}
	return inv, nil
}

func run(dir string, w io.Writer) error {
	inv, err := sampleInvoice()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	write := func(name string, data []byte) error {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(w, "wrote %s (%d bytes)\n", path, len(data))
		return nil
	}
	t := inv.Totals()
	fmt.Fprintf(w, "invoice %s: %s + VAT %s = %s\n", inv.Number(), t.TaxExclusive, t.VAT, t.TaxInclusive)

	x, err := ubl.MarshalInvoice(inv)
	if err != nil {
		return err
	}
	if err := write(inv.Number()+".ubl.xml", x); err != nil {
		return err
	}
	if x, err = cii.MarshalInvoice(inv); err != nil {
		return err
	}
	if err := write(inv.Number()+".cii.xml", x); err != nil {
		return err
	}

	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart()})
	if err != nil {
		return err
	}
	entry, err := j.Invoice(inv, accounting.Account{Number: "C0042"})
	if err != nil {
		return err
	}
	book := accounting.NewBook()
	if _, err := book.Post(entry); err != nil {
		return err
	}
	fecName, err := accounting.FECFileName("732829320", date.MustParse("2026-12-31"))
	if err != nil {
		return err
	}
	fec, err := os.Create(filepath.Join(dir, fecName))
	if err != nil {
		return err
	}
	if err := accounting.WriteFEC(fec, book.Entries(), accounting.FECOptions{}); err != nil {
		fec.Close()
		return err
	}
	if err := fec.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s\n", fec.Name())

	for _, loc := range []string{"fr-FR", "en-US"} {
		f, err := os.Create(filepath.Join(dir, inv.Number()+"."+loc+".html"))
		if err != nil {
			return err
		}
		err = render.Invoice(f, inv, render.Options{Locale: language.MustParse(loc)})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "wrote %s\n", f.Name())
	}
	return nil
}
