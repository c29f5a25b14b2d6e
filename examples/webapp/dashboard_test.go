package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The dashboard's charts are well-formed SVG documents, drawn from the
// KPIs, and the page shows the headline figures.
func TestDashboardCharts(t *testing.T) {
	a := newTestApp(t)
	page := do(t, a, david, "/dashboard", nil).Body.String()
	for _, s := range []string{"MRR", "€7,550.00", "/charts/movements.svg", "Receivables", "Librairie Vidal", "status-bad"} {
		assert.Contains(t, page, s)
	}
	for name := range charts {
		t.Run(name, func(t *testing.T) {
			w := do(t, a, david, "/charts/"+name, nil)
			require.Equal(t, http.StatusOK, w.Code)
			assert.Equal(t, "image/svg+xml", w.Header().Get("Content-Type"))
			dec := xml.NewDecoder(bytes.NewReader(w.Body.Bytes()))
			root, texts := "", 0
			for {
				tok, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				require.NoError(t, err)
				if se, ok := tok.(xml.StartElement); ok {
					if root == "" {
						root = se.Name.Local
					}
					if se.Name.Local == "text" {
						texts++
					}
				}
			}
			assert.Equal(t, "svg", root)
			assert.Positive(t, texts, "a chart has a title and labels")
		})
	}
}

// The dashboard's figures follow the seeded story: new customers in
// February and March, an expansion and a churn in May, a contraction in
// June, and the Garage's unpaid invoices in every overdue bucket.
func TestDashboardFigures(t *testing.T) {
	a := newTestApp(t)
	d, err := a.kpis(context.Background(), david)
	require.NoError(t, err)
	require.Len(t, d.Months, 6)
	assert.Equal(t, "1000.00 EUR", d.Months[0].MRR.String())
	assert.Equal(t, "7550.00 EUR", d.Now.MRR.String())
	may, june := d.Months[4].Movements, d.Months[5].Movements
	assert.Equal(t, "500.00 EUR", may.Expansion.String())
	assert.Equal(t, "500.00 EUR", may.Churn.String())
	assert.Equal(t, "2400.00 EUR", may.New.String())
	assert.Equal(t, "100.00 EUR", june.Contraction.String())
	assert.False(t, d.Overdue.IsZero())
	assert.Equal(t, 8, d.Ageing.Counts[0]+d.Ageing.Counts[1]+d.Ageing.Counts[2]+d.Ageing.Counts[3]+d.Ageing.Counts[4])
}
