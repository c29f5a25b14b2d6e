package date_test

import (
	"database/sql"
	"database/sql/driver"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

// Compile-time checks that Date plugs into database/sql.
var (
	_ driver.Valuer = date.Date{}
	_ sql.Scanner   = (*date.Date)(nil)
)

func TestValue(t *testing.T) {
	v, err := date.MustParse("2026-01-31").Value()
	require.NoError(t, err)
	assert.Equal(t, "2026-01-31", v)

	v, err = date.Date{}.Value()
	require.NoError(t, err)
	assert.Nil(t, v)
}

func TestScan(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	tests := []struct {
		name    string
		src     any
		want    string
		wantErr bool
	}{
		{"string", "2026-01-31", "2026-01-31", false},
		{"bytes", []byte("2026-01-31"), "2026-01-31", false},
		{"nil", nil, "", false},
		{"empty string", "", "", false},
		{"time UTC", time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC), "2026-01-31", false},
		{"time keeps its own zone", time.Date(2026, 1, 31, 1, 0, 0, 0, tokyo), "2026-01-31", false},
		{"time out of range", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "", true},
		{"bad text", "31/01/2026", "", true},
		{"int", int64(20260131), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := date.MustParse("1999-12-31")
			err := d.Scan(tt.src)
			if tt.wantErr {
				assert.ErrorIs(t, err, date.ErrInvalid)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.String())
		})
	}
}

func TestSQLRoundTrip(t *testing.T) {
	for _, d := range []date.Date{{}, date.MustParse("0001-01-01"), date.MustParse("2024-02-29"), date.MustParse("9999-12-31")} {
		t.Run(d.String(), func(t *testing.T) {
			v, err := d.Value()
			require.NoError(t, err)
			var back date.Date
			require.NoError(t, back.Scan(v))
			assert.Equal(t, d, back)
		})
	}
}
