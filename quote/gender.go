package quote

import (
	"strings"

	"newsbot/lexicon"
)

// gender of an entity, learned from honorifics, role words and pronouns.
type gender uint8

const (
	genderUnknown gender = iota
	male
	female
)

// sexCode converts a sex code of the lexicon ("m", "f") to a gender.
func sexCode(c string) gender {
	switch c {
	case "m":
		return male
	case "f":
		return female
	}
	return genderUnknown
}

// firstNameGender returns the sex the name table gives a lower-case first
// name, or genderUnknown when the table lacks it.
func firstNameGender(first string) gender {
	c, _ := lexicon.FirstNames().Get(first)
	return sexCode(c)
}

// honorificGender returns the sex an honorific tells ("mrs" is female)
// and whether w is an honorific.
func honorificGender(w string) (gender, bool) {
	c, ok := lexicon.Honorifics().Get(w)
	return sexCode(c), ok
}

// pronounGender returns the sex a personal pronoun tells ("his" is
// male) and whether w is one.
func pronounGender(w string) (gender, bool) {
	c, ok := lexicon.PronounGenders().Get(w)
	return sexCode(c), ok
}

// wordGender returns the sex a role or kinship word tells ("spokeswoman"
// is female) and whether it tells one.
func wordGender(w string) (gender, bool) {
	c, ok := lexicon.GenderWords().Get(w)
	return sexCode(c), ok
}

// nameGender is the sex that the name table gives the first word of a
// person's name of two to four words ("Jane Roe" is female), or
// genderUnknown for one-word names, organisations, and first names the
// table lacks or gives both sexes. It is a prior only: what the article
// says (an honorific, a role word, a pronoun) sets entity.gender, which
// wins over it.
func (e *entity) nameGender() gender {
	if e.org {
		return genderUnknown
	}
	f := strings.Fields(e.name)
	if len(f) < 2 || len(f) > maxPersonNameWords || !isUpperStart(f[0]) {
		return genderUnknown
	}
	first := strings.ToLower(strings.TrimRight(f[0], "."))
	if len(first) < 2 {
		// an initial ("J. Roe") tells nothing
		return genderUnknown
	}
	return firstNameGender(first)
}

// genderFits reports whether a he/she of gender want may refer to e: its
// gender from the article must agree when known; with useTable, so must
// the name table's when the article tells nothing.
func (e *entity) genderFits(want gender, useTable bool) bool {
	if e.gender != genderUnknown {
		return e.gender == want
	}
	if useTable {
		if g := e.nameGender(); g != genderUnknown {
			return g == want
		}
	}
	return true
}

// isDemonym reports whether a name is only a nationality word, singular or
// plural ("North Korean", "Chinese", "Britons" is not listed but
// "Canadians" is "canadian" plus s): such a name is an adjective or a
// group, never one person.
func isDemonym(name string) bool {
	l := strings.ToLower(strings.TrimSpace(name))
	if l == "" {
		return false
	}
	d := lexicon.Demonyms()
	return d.Has(l) || d.Has(strings.TrimSuffix(l, "s"))
}

const (
	// maxPersonNameWords is the most words of a person's name ("Jane Mary van
	// Roe"); longer runs are organisations or titles. Introduced in 96c306c.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): at 3: 91.0/89.9 and 93.0/97.4; at 4 (chosen): 91.0/89.9 and
	// 93.0/97.6; at 5: 91.0/89.9 and 93.0/97.6; at 8: 91.0/89.9 and 93.0/97.6.
	maxPersonNameWords = 4
)
