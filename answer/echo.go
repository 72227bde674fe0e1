package answer

import (
	_ "embed"
	"math"
	"strings"
	"sync"
	"unicode"

	"newsbot/lexicon"
	"newsbot/news"
	"newsbot/quote"
)

// A question in a user's own words shares few words with the quote it is
// about, and so does a question about something no article says: two words
// in common is what chance gives. What tells them apart is the other
// direction: a question about a quote accounts for most of what one of its
// sentences says ("who is paying for another brewery that remains closed?"
// for "We're paying for a second brewery that is not open"), a chance match
// for a small part of a long one. The echo of a candidate is that share:
// the weight (by rarity in English) of the words of its best sentence, or
// pair of sentences, that are words of the question or their synonyms.
const (
	// minQuoteCoverage is the least share of the question a quote must cover
	// (with its context) to be named by its echo. Set in f2e1043 (paraphrases
	// 78% -> 87% then). Measured at b75dbd0 on bbc-train and ggt-dev (who-said
	// %, and who-said % / paraphrases %): at 0.2: 81.6 and 95.7/91 (18 of 20
	// unanswerable paraphrases declined); at 0.3 (chosen): 81.6 and 95.7/91; at
	// 0.4: 81.6 and 95.7/81.
	minQuoteCoverage = 0.3
	// minEchoFewWords is the least echo for a quote with only two words of the
	// question. Set in f2e1043, raised in a4d5e42. Measured at b75dbd0 on
	// bbc-train and ggt-dev (who-said %, and who-said % / paraphrases %): at
	// 0.35: 81.7 and 95.7/91 (unanswerable.txt declined 28 and 29 of 30); at
	// 0.45 (chosen): 81.6 and 95.7/91; at 0.55: 81.6 and 95.7/90
	// (unanswerable.txt declined 30 and 30 of 30).
	minEchoFewWords = 0.45
	// minEcho is the least echo for a quote with three words of the question or
	// more. Set in f2e1043. Measured at b75dbd0 on bbc-train and ggt-dev
	// (who-said %, and who-said % / paraphrases %): at 0.15: 81.6 and 95.7/92
	// (19 of 20 unanswerable paraphrases declined); at 0.25 (chosen): 81.6 and
	// 95.7/91; at 0.35: 81.6 and 95.7/77.
	minEcho = 0.25
	// echoRank is how much the echo adds to a candidate's rank. Set in f2e1043.
	// Measured at b75dbd0 on bbc-train and ggt-dev (who-said %, and who-said %
	// / paraphrases %): at 0.15: 81.6 and 95.7/90; at 0.3 (chosen): 81.6 and
	// 95.7/91; at 0.6: 81.2 and 95.4/90.
	echoRank = 0.3
	// echoDepth is how many of the best-ranked candidates get an echo:
	// analysing every quote found would cost more than it changes. Set in
	// bc8ece0 for speed (whole Ask p50 4.4-4.8 ms against 4.7-5.0 ms at 93,858
	// articles). Measured at b75dbd0 on bbc-train and ggt-dev (who-said %, and
	// who-said % / paraphrases %): 81.6 and 95.7/91 at 5, 10 (chosen) and 20
	// alike.
	echoDepth = 10
)

// addEcho sets the echo of the best-ranked candidates (cands is sorted)
// that could be named and adds it to their rank.
func (e *Engine) addEcho(qt []qterm, cands []candidate) {
	var texts []string
	var owner []int
	for i := range cands {
		if len(texts) == echoDepth {
			break
		}
		if cands[i].coverage >= minQuoteCoverage && mayName(&cands[i], qt) {
			texts = append(texts, cands[i].answer.Quote)
			owner = append(owner, i)
		}
	}
	if len(texts) == 0 {
		return
	}
	// Question terms are the index's own terms, so quote words compare by
	// the index's analysis too.
	toks := e.store.Analyze(texts...)
	byTerm := map[string]int{}
	for k, q := range qt {
		for _, t := range append([]string{q.term}, q.alts...) {
			if _, ok := byTerm[t]; !ok {
				byTerm[t] = k
			}
		}
	}
	match := func(t news.Token) int {
		if k, ok := byTerm[t.Term]; ok {
			return k
		}
		return -1
	}
	if len(toks) != len(texts) {
		// the store analysed nothing: no echo rather than a wrong one
		return
	}
	for k, i := range owner {
		c := &cands[i]
		c.echo = echo(texts[k], toks[k], match, min(2, len(qt)))
		c.rank += echoRank * c.echo
	}
}

// echo is the share of the weight of the words of text's best sentence, or
// pair of adjacent sentences, that match a term of the question (match
// returns the index of the term, or -1). A unit needs need distinct terms of
// the question: "It's true." echoes anything with "true", and so does "True,
// true."
func echo(text string, toks []news.Token, match func(news.Token) int, need int) float64 {
	type unit struct {
		total, got float64
		terms      map[int]bool
	}
	sents := quote.Sentences(text)
	if len(sents) == 0 || need == 0 {
		return 0
	}
	units := make([]unit, len(sents))
	s := 0
	for _, t := range toks {
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
			continue
		}
		for s < len(sents)-1 && t.Start >= sents[s].End {
			s++
		}
		w := surface(text[t.Start:t.End])
		if lexicon.ModalWords().Has(w) || lexicon.EchoWords().Has(w) || lexicon.FunctionWords().Has(w) {
			continue
		}
		wt := rarity(w)
		units[s].total += wt
		if k := match(t); k >= 0 {
			units[s].got += wt
			if units[s].terms == nil {
				units[s].terms = map[int]bool{}
			}
			units[s].terms[k] = true
		}
	}
	best := 0.0
	for i, u := range units {
		got, total, terms := u.got, u.total, len(u.terms)
		if terms >= need && total > 0 {
			best = math.Max(best, got/total)
		}
		if i == 0 {
			continue
		}
		// The pair of this sentence and the one before.
		p := units[i-1]
		got, total = got+p.got, total+p.total
		for k := range p.terms {
			if !u.terms[k] {
				terms++
			}
		}
		if terms >= need && total > 0 {
			best = math.Max(best, got/total)
		}
	}
	return best
}

// inNumber reports whether the separator at byte i of text sits between
// two digits ("2,000,000", "1.5"), as the index's tokenizer keeps them.
func inNumber(text string, i int) bool {
	return (text[i] == ',' || text[i] == '.') && i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1])
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// surface is a word as looked up in word lists: lower case, straight
// apostrophes, no possessive "'s".
func surface(w string) string {
	w = strings.Trim(strings.ReplaceAll(strings.ToLower(w), "’", "'"), "'")
	return strings.TrimSuffix(w, "'s")
}

// standsForTerm returns the index of the question term that word w stands
// for (the term or one of its synonyms), or -1.
func standsForTerm(w string, qt []qterm) int {
	for k, q := range qt {
		if standsFor(w, q.term) {
			return k
		}
		for _, a := range q.alts {
			if standsFor(w, a) {
				return k
			}
		}
	}
	return -1
}

// standsFor reports whether stem t (as the index analyses words) stands
// for word w: stemOf, or a stem ending in "i" for a word in "y" ("famili"
// for "family", "pai" for "paying").
func standsFor(w, t string) bool {
	if stemOf(w, t) {
		return true
	}
	k := len(t) - 1
	return k >= 2 && t[k] == 'i' && len(w) > k && w[k] == 'y' && w[:k] == t[:k] && len(w)-len(t) <= 4
}

//go:embed wordrank.txt
var wordRankFile string

// wordRank is the position of a word in a list of English words, most
// frequent first. It is built on first use, not at start-up: most commands
// never answer a who-said question.
var wordRank = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, 40000)
	for line := range strings.SplitSeq(wordRankFile, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if _, ok := m[line]; !ok {
			m[line] = len(m)
		}
	}
	return m
})

// rarity weighs a word by how rare it is in English: "take" weighs less
// than "brewery". Words not in the list are the rarest, but for numbers,
// which the list leaves out: they weigh as a word of middling frequency, so
// that the figures a paraphrase leaves out ("We paid 2,000,000 in 2023 for
// the taproom") do not drown what it says.
func rarity(w string) float64 {
	ranks := wordRank()
	r, ok := ranks[w]
	if !ok {
		r = len(ranks)
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			r = numberRank
		}
	}
	return math.Log(2 + float64(r)/rarityRankScale)
}

// numberRank is the rank a number weighs as: a word of middling frequency
// (a4d5e42). Measured at b75dbd0 on bbc-train and ggt-dev (who-said %, and
// who-said % / paraphrases %): 81.6 and 95.7/91 at 1000, 2000 (chosen) and
// 4000 alike.
const numberRank = 2000

// rarityRankScale is how many ranks of the word list make one unit of
// rarity before the logarithm: the 50 commonest words weigh about as much
// as each other. A bare literal until b75dbd0. Measured at b75dbd0 on
// bbc-train and ggt-dev (who-said %, and who-said % / paraphrases %): at
// 25: 81.6 and 95.7/91; at 50 (chosen): 81.6 and 95.7/91; at 100: 81.6 and
// 95.7/89.
const rarityRankScale = 50

// mayName reports whether a who-said candidate could be named, whatever its
// coverage and echo: an attributed quote with the words in common with the
// question that naming it needs (two, or all of a one-word question), and,
// when the question names something no quote mentions ("who said penguins
// can fly?"), most of the rest, as the rest matching by chance is likely.
func mayName(c *candidate, qt []qterm) bool {
	if c.speaker == "" || c.matched == 0 || (c.matched < 2 && c.matched < len(qt)) {
		return false
	}
	return !c.missesUnknown || c.coverage >= strictCoverage
}

// nameable keeps the who-said candidates that may be named: covering
// enough of the question with a strong enough echo, or nearly all of it.
func nameable(cs []candidate, qt []qterm) []candidate {
	var out []candidate
	for _, c := range cs {
		if !mayName(&c, qt) {
			continue
		}
		need := minEcho
		if c.matched < minQuoteMatched {
			need = minEchoFewWords
		}
		if c.coverage >= fewWordsCoverage || (c.coverage >= minQuoteCoverage && c.echo >= need) {
			out = append(out, c)
		}
	}
	return out
}
