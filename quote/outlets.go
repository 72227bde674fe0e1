package quote

import (
	"strings"
	"sync"

	"newsbot/lexicon"
)

// outletNames maps a lower-case outlet name or abbreviation (without a
// leading "the") to its canonical name, from lexicon.Outlets. Only
// unambiguous short forms are listed: "the Journal", "the Post" and "the
// Times" depend on the article and are resolved in context by the
// extractor, not here.
var outletNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for form, canon := range lexicon.Outlets() {
		m[normOutlet(form)] = canon
	}
	return m
})

// outletFirst holds the first word (lower case, without "the") of every
// outlet name, so most tokens are rejected without building strings.
var outletFirst = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for k := range outletNames() {
		m[strings.Fields(k)[0]] = true
	}
	for k := range lexicon.AmbiguousOutlets().All() {
		m[strings.Fields(k)[0]] = true
	}
	return m
})

// normOutlet lower-cases, folds white space and drops a leading "the" and a
// trailing possessive.
func normOutlet(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "’s")
	s = strings.TrimPrefix(s, "the ")
	return strings.TrimSpace(s)
}

// CanonicalOutlet returns the canonical name of a news outlet given by name
// or abbreviation: "WSJ", "wsj" and "the Wall Street Journal" give "The Wall
// Street Journal", "NYT" gives "The New York Times", "BBC" gives "BBC". ok is
// false when s is not a known outlet. Forms that depend on context ("the
// Journal", "the Post", "the Times") are not recognised here.
func CanonicalOutlet(s string) (name string, ok bool) {
	n := normOutlet(s)
	if n == "" || lexicon.AmbiguousOutlets().Has(n) {
		return "", false
	}
	name, ok = outletNames()[n]
	return name, ok
}

// maxOutletWords is the longest outlet name in words.
const maxOutletWords = 6
