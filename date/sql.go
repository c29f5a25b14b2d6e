package date

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// Value implements driver.Valuer. A date is stored as its YYYY-MM-DD text,
// which SQL DATE columns of PostgreSQL and SQLite accept without any time
// zone conversion; the zero Date is stored as NULL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan implements sql.Scanner. It accepts a time.Time (whose calendar date
// in its own location is taken, which is how drivers return DATE columns),
// YYYY-MM-DD text as string or []byte, and NULL as the zero Date.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		y, m, day := v.Date()
		if err := check(y, int(m), day, ""); err != nil {
			return err
		}
		*d = Of(v)
		return nil
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	default:
		return &Error{Part: PartFormat, Input: fmt.Sprintf("%T", src),
			Reason: "cannot scan this type into a date"}
	}
}
