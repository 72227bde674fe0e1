package quote

import (
	_ "embed"
	"strings"
	"sync"
)

// firstnamesTxt is a public table of first names by sex; its first line
// names the source and license.
//
//go:embed firstnames.txt
var firstnamesTxt string

// firstNameSex maps a lower-case first name to the sex the table gives it.
// Built on first use: most commands never resolve a pronoun.
var firstNameSex = sync.OnceValue(func() map[string]gender {
	m := make(map[string]gender, 60000)
	for line := range strings.Lines(firstnamesTxt) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		name, sex, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		switch sex {
		case "m":
			m[name] = male
		case "f":
			m[name] = female
		}
	}
	return m
})

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
	if len(f) < 2 || len(f) > 4 || !isUpperStart(f[0]) {
		return genderUnknown
	}
	first := strings.ToLower(strings.TrimRight(f[0], "."))
	if len(first) < 2 {
		// an initial ("J. Roe") tells nothing
		return genderUnknown
	}
	return firstNameSex()[first]
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

// demonymsTxt lists nationality words ("Chinese", "North Korean"); its
// first line names the source and license.
//
//go:embed demonyms.txt
var demonymsTxt string

// demonyms is the set of demonymsTxt, lower case.
var demonyms = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for line := range strings.Lines(demonymsTxt) {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
})

// isDemonym reports whether a name is only a nationality word, singular or
// plural ("North Korean", "Chinese", "Britons" is not listed but
// "Canadians" is "canadian" plus s): such a name is an adjective or a
// group, never one person.
func isDemonym(name string) bool {
	l := strings.ToLower(strings.TrimSpace(name))
	if l == "" {
		return false
	}
	d := demonyms()
	return d[l] || d[strings.TrimSuffix(l, "s")]
}
