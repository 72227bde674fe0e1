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

// maxOutletWords is the longest outlet name in words that outletAt tries
// (lexicon/outlets.txt has none longer). Introduced in cffae27. Measured at
// b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
// 93.0/97.6 at 5, 6 (chosen), 7 and 12 alike (no extracted quote differs).
const maxOutletWords = 6

// paragraphOutlets carries an outlet that opens a sentence ("As the BBC
// reported,", "According to Reuters,") over to the same speaker's quote
// in the next sentence of the paragraph: in "As the BBC reported, Blinken
// said ... He argued that ...", the report covers both. An outlet the
// speaker talked to ("told the BBC") covers only its own sentence.
func (ex *extractor) paragraphOutlets() {
	for i := 1; i < len(ex.cands); i++ {
		c, p := &ex.cands[i], &ex.cands[i-1]
		if c.outlet == "" && p.outlet != "" && c.para == p.para && c.sent == p.sent+1 && c.ent != nil && c.ent == p.ent && ex.scopeOutlet(p.sent) {
			c.outlet = p.outlet
		}
	}
}

// sentenceOutlet finds an outlet cited in the sentence: "according to Fox
// News", "per the WSJ", "told the WSJ", "As the BBC reported", "in an
// interview with CNN", "reporting by The Wall Street Journal".
func (ex *extractor) sentenceOutlet(toks []token) string {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.word || t.quoted {
			continue
		}
		name, n := ex.outletAt(toks, i)
		if n == 0 {
			continue
		}
		// trigger before (skipping "the")
		k := i - 1
		if k >= 0 && toks[k].lower() == "the" {
			k--
		}
		trig := ""
		if k >= 0 {
			trig = toks[k].lower()
		}
		next := ""
		if i+n < len(toks) {
			next = toks[i+n].lower()
		}
		if lexicon.OutletTriggers().Has(trig) {
			return name
		}
		if lexicon.OutletReportVerbs().Has(next) || next == "has" && i+n+1 < len(toks) && toks[i+n+1].lower() == "reported" {
			return name
		}
		if next == "’" || next == "'" || strings.HasSuffix(toks[i+n-1].text, "’s") || strings.HasSuffix(toks[i+n-1].text, "'s") {
			// "Fox News' Bret Baier", "CNN's Jake Tapper": an outlet's
			// journalist, cited.
			return name
		}
		i += n - 1
	}
	return ""
}

// outletAt matches the longest outlet name starting at toks[i]; it returns
// the canonical name and the number of tokens.
func (ex *extractor) outletAt(toks []token, i int) (string, int) {
	if !toks[i].capitalized() && toks[i].text != "the" {
		return "", 0
	}
	first := strings.TrimSuffix(strings.TrimSuffix(toks[i].lower(), "'s"), "’s")
	if first == "the" && i+1 < len(toks) {
		first = strings.TrimSuffix(strings.TrimSuffix(toks[i+1].lower(), "'s"), "’s")
	}
	if !outletFirst()[first] {
		return "", 0
	}
	for n := maxOutletWords; n >= 1; n-- {
		if i+n > len(toks) {
			continue
		}
		ok := true
		for k := i; k < i+n; k++ {
			if !toks[k].word && toks[k].text != "&" && toks[k].text != "-" {
				ok = false
				break
			}
			if toks[k].quoted {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		s := ex.text[toks[i].start:toks[i+n-1].end]
		if name, ok := CanonicalOutlet(s); ok {
			if n == 1 && !toks[i].capitalized() {
				continue
			}
			return name, n
		}
		ns := normOutlet(s)
		if lexicon.AmbiguousOutlets().Has(ns) && toks[i].capitalized() || (n == 2 && toks[i].lower() == "the" && lexicon.AmbiguousOutlets().Has(ns)) {
			if c, ok := ex.ents.outlets[ns]; ok {
				return c, n
			}
		}
	}
	return "", 0
}

// scopeOutlet reports whether sentence serial opens with an outlet phrase
// that reads as covering what follows: "As X reported," or "According to
// X,".
func (ex *extractor) scopeOutlet(serial int) bool {
	if serial < 0 || serial >= len(ex.sents) {
		return false
	}
	toks := ex.sents[serial].toks
	if len(toks) < 3 {
		return false
	}
	if toks[0].low != "as" && !(toks[0].low == "according" && toks[1].low == "to") {
		return false
	}
	for k := 1; k < len(toks) && k < maxScopeOutletTokens && toks[k].text != ","; k++ {
		if _, n := ex.outletAt(toks, k); n > 0 {
			return true
		}
	}
	return false
}

// maxScopeOutletTokens is how far (tokens) into "As X reported," or "According
// to X," the outlet may come for it to cover the next sentence. Introduced in
// 6355497. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
// accuracy): 91.0/89.9 and 93.0/97.6 at 5, 7, 10 (chosen) and 20 alike (no
// extracted quote differs).
const maxScopeOutletTokens = 10
