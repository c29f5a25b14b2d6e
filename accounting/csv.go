package accounting

import (
	"encoding/csv"
	"io"
)

// CSVOptions sets the form of a CSV export. The zero value writes commas
// between fields and a point as decimal separator.
type CSVOptions struct {
	// Comma is the field delimiter; zero means ','. A spreadsheet set for
	// French reads ';' with DecimalComma.
	Comma rune
	// DecimalComma writes amounts with a comma as decimal separator, as
	// the FEC does.
	DecimalComma bool
}

// WriteCSV writes entries as CSV (RFC 4180, through encoding/csv) with the
// 18 columns of the FEC and its header, in the same order and with the same
// values as WriteFEC (dates YYYYMMDD), quoted where CSV needs it. Amounts
// have a point as decimal separator unless opts.DecimalComma is set. The
// entries are checked as WriteFEC checks them, and nothing is written when
// one is refused.
func WriteCSV(w io.Writer, entries []Entry, opts CSVOptions) error {
	order, err := checkEntries(entries)
	if err != nil {
		return err
	}
	point := "."
	if opts.DecimalComma {
		point = ","
	}
	cw := csv.NewWriter(w)
	if opts.Comma != 0 {
		cw.Comma = opts.Comma
	}
	if err := cw.Write(FECColumns[:]); err != nil {
		return invalid("comma", err.Error())
	}
	for _, i := range order {
		e := &entries[i]
		for j := range e.Lines {
			rec := fecRecord(e, &e.Lines[j], point)
			if err := cw.Write(rec[:]); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
