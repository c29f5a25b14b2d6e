package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/date"
)

func TestSeriesFormat(t *testing.T) {
	on := date.MustParse("2026-03-02")
	tests := []struct {
		name   string
		series Series
		n      uint64
		key    string
		number string
	}{
		{"yearly", Series{ID: "acme/inv", Prefix: "F", Yearly: true, Separator: "-"}, 123, "acme/inv/2026", "F2026-000123"},
		{"continuous", Series{ID: "acme/inv", Prefix: "INV", Separator: "-"}, 7, "acme/inv", "INV-000007"},
		{"width 4", Series{ID: "s", Prefix: "AV", Width: 4}, 42, "s", "AV0042"},
		{"counter wider than the width", Series{ID: "s", Width: 2}, 12345, "s", "12345"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.NoError(t, tt.series.Validate())
			assert.Equal(t, tt.key, tt.series.Key(on))
			assert.Equal(t, tt.number, tt.series.Format(on, tt.n))
		})
	}
}

func TestSeriesValidate(t *testing.T) {
	tests := []struct {
		name   string
		series Series
		want   []string
	}{
		{"no id", Series{Prefix: "F"}, []string{"id required"}},
		{"negative width", Series{ID: "s", Width: -1}, []string{"width out_of_range"}},
		{"width above 18", Series{ID: "s", Width: 19}, []string{"width out_of_range"}},
		{"space in prefix", Series{ID: "s", Prefix: "F 1"}, []string{"prefix invalid"}},
		{"long separator", Series{ID: "s", Separator: "-----------------------"}, []string{"separator invalid"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, faults(t, tt.series.Validate()))
		})
	}
}
