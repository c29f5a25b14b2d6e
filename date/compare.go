package date

// key packs d into an integer that orders like the date itself; the zero
// Date packs to 0 and so sorts before every real date.
func (d Date) key() uint32 {
	return uint32(uint16(d.year))<<16 | uint32(d.month)<<8 | uint32(d.day)
}

// Compare returns -1 if d is before e, 0 if they are the same day and +1 if
// d is after e. The zero Date sorts before every other date. Compare suits
// slices.SortFunc and does not allocate.
func (d Date) Compare(e Date) int {
	a, b := d.key(), e.key()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	default:
		return 0
	}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.key() < e.key() }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.key() > e.key() }

// Equal reports whether d and e are the same day. It is the same as d == e.
func (d Date) Equal(e Date) bool { return d == e }

// Min returns the earlier of a and b. The zero Date is earlier than every
// other date.
func Min(a, b Date) Date {
	if b.Before(a) {
		return b
	}
	return a
}

// Max returns the later of a and b. The zero Date is earlier than every
// other date.
func Max(a, b Date) Date {
	if b.After(a) {
		return b
	}
	return a
}
