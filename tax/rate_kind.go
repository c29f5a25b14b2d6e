package tax

// RateKind names one of the rates a country applies. EU member states have
// a standard rate and may have reduced ones (VAT Directive 2006/112/EC,
// articles 96 to 99), a super-reduced rate below 5 %, a parking rate of at
// least 12 % kept from before 1991, and zero rates; the European
// Commission's table of member state rates uses the same kinds.
type RateKind string

// The kinds of rate. Which goods and services fall under each is a matter
// of national law and of the host's catalogue, not of this package.
const (
	Standard     RateKind = "standard"      // the general rate
	Intermediate RateKind = "intermediate"  // a second reduced rate, above the reduced one (France 10 %)
	Reduced      RateKind = "reduced"       // the main reduced rate
	SuperReduced RateKind = "super_reduced" // a rate below 5 % (France 2.1 %)
	Zero         RateKind = "zero"          // a zero rate with right of deduction
	Parking      RateKind = "parking"       // a transitional rate of at least 12 %
)

// Valid reports whether k is one of the listed kinds.
func (k RateKind) Valid() bool {
	switch k {
	case Standard, Intermediate, Reduced, SuperReduced, Zero, Parking:
		return true
	}
	return false
}

// String returns the name of k.
func (k RateKind) String() string { return string(k) }
