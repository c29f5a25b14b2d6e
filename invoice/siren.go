package invoice

import "strconv"

// SIRENOf returns the SIREN of a French company identifier: the SIREN
// itself (9 digits) or a SIRET (14 digits, the SIREN followed by an
// establishment number), with or without spaces. It reports false when id
// is neither, or when its check digit (Luhn algorithm, as INSEE assigns
// them) is wrong. SIRETs of La Poste's establishments, which follow a
// different rule, are accepted on their SIREN 356000000.
func SIRENOf(id string) (string, bool) {
	digits := make([]byte, 0, 14)
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == ' ':
		default:
			return "", false
		}
	}
	switch len(digits) {
	case 9:
		return string(digits), luhn(digits)
	case 14:
		siren := string(digits[:9])
		if siren == "356000000" {
			return siren, sumDigits(digits)%5 == 0
		}
		return siren, luhn(digits[:9]) && luhn(digits)
	}
	return "", false
}

// luhn reports whether the decimal digits pass the Luhn check.
func luhn(digits []byte) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

func sumDigits(digits []byte) int {
	sum := 0
	for _, c := range digits {
		sum += int(c - '0')
	}
	return sum
}

// frenchVATSIREN returns the SIREN of a French VAT identifier "FRkk" +
// SIREN and whether its numeric key kk is (12 + 3 × (SIREN mod 97)) mod 97.
// Keys with letters (a scheme for some non-resident businesses) are accepted
// without check.
func frenchVATSIREN(id string) (string, bool) {
	if len(id) != 13 || id[:2] != "FR" || !allDigits(id[4:]) {
		return "", false
	}
	key, siren := id[2:4], id[4:]
	if !allDigits(key) {
		for i := 0; i < 2; i++ {
			if c := key[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
				return "", false
			}
		}
		return siren, true
	}
	n, _ := strconv.Atoi(siren)
	k, _ := strconv.Atoi(key)
	return siren, k == (12+3*(n%97))%97
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
