package date_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/billkit/billkit/date"
)

func ExampleNew() {
	d, err := date.New(2024, time.February, 29)
	fmt.Println(d, d.Weekday(), err)

	_, err = date.New(2025, time.February, 29)
	fmt.Println(err)
	fmt.Println(errors.Is(err, date.ErrInvalid))
	// Output:
	// 2024-02-29 Thursday <nil>
	// date: invalid day in "2025-02-29": February 2025 has 28 days
	// true
}

func ExampleParse() {
	d, err := date.Parse("2026-01-31")
	fmt.Println(d, err)

	_, err = date.Parse("31/01/2026")
	var de *date.Error
	if errors.As(err, &de) {
		fmt.Println(de.Part, de.Reason)
	}
	// Output:
	// 2026-01-31 <nil>
	// format want YYYY-MM-DD
}

func ExampleDate_AddMonths() {
	d := date.MustParse("2026-01-31")
	fmt.Println(d.AddMonths(1))
	fmt.Println(d.AddMonths(1).AddMonths(1)) // the day drifts to the 28th
	fmt.Println(date.MustParse("2024-02-29").AddYears(1))
	// Output:
	// 2026-02-28
	// 2026-03-28
	// 2025-02-28
}

func ExampleDate_AddMonthsAnchored() {
	// A monthly plan that started on January 31 bills on the last day of
	// short months and comes back to the 31st afterwards.
	start := date.MustParse("2026-01-31")
	for i := range 4 {
		fmt.Println(start.AddMonthsAnchored(i, start.Day()))
	}
	// Output:
	// 2026-01-31
	// 2026-02-28
	// 2026-03-31
	// 2026-04-30
}

func ExampleDate_DaysSince() {
	issued := date.MustParse("2026-01-31")
	paid := date.MustParse("2026-03-02")
	fmt.Println(paid.DaysSince(issued), "days to pay")
	// Output:
	// 30 days to pay
}

func ExampleRange() {
	jan, _ := date.NewRange(date.MustParse("2026-01-01"), date.MustParse("2026-02-01"))
	fmt.Println(jan, jan.Days(), "days, last day", jan.Last())

	// A service period that started mid-month: the part billed in January.
	service := date.Range{Start: date.MustParse("2026-01-20"), End: date.MustParse("2026-04-20")}
	billed, ok := jan.Intersect(service)
	fmt.Println(billed, billed.Days(), ok)

	feb := date.Range{Start: jan.End, End: jan.End.AddMonths(1)}
	fmt.Println(jan.Overlaps(feb), jan.Contains(feb.Start))
	// Output:
	// 2026-01-01..2026-01-31 31 days, last day 2026-01-31
	// 2026-01-20..2026-01-31 12 true
	// false false
}

// AppendText writes a date as String does, into a buffer of the caller.
func ExampleDate_AppendText() {
	key, _ := date.MustParse("2026-04-01").AppendText([]byte("charge/"))
	fmt.Println(string(key))
	// Output: charge/2026-04-01
}
