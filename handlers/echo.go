package handlers

import (
	_ "embed"
	"math"
	"strings"
	"unicode"

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
	// minQuoteCoverage is the least share of the question a quote must
	// cover (with its context) to be named.
	minQuoteCoverage = 0.3
	// minEchoFewWords is the least echo for a quote with only two words
	// of the question; minEcho for one with more.
	minEchoFewWords = 0.45
	minEcho         = 0.25
	// echoRank is how much the echo adds to a candidate's rank.
	echoRank = 0.3
	// echoDepth is how many of the best-ranked candidates get an echo:
	// analysing every quote found would cost more than it changes.
	echoDepth = 10
)

// addEcho sets the echo of each candidate and adds it to its rank.
// TextAnalyzer is implemented by stores that can split text into the
// terms they index (stemmed, stop words left out), so that words of a quote
// and of a question compare as the index compares them.
type TextAnalyzer interface {
	Analyze(texts ...string) [][]news.Token
}

// addEcho sets the echo of the best-ranked candidates (cands is sorted)
// that could be named (enough coverage, enough words in common) and adds it
// to their rank.
func (h *Handlers) addEcho(qt []qterm, cands []candidate) {
	var texts []string
	var owner []int
	for i := range cands {
		if len(texts) == echoDepth {
			break
		}
		if cands[i].coverage >= minQuoteCoverage && enoughWords(&cands[i], qt) {
			texts = append(texts, cands[i].answer.Quote)
			owner = append(owner, i)
		}
	}
	if len(texts) == 0 {
		return
	}
	var toks [][]news.Token
	asked := map[string]bool{}
	match := func(t news.Token) bool { return asked[t.Term] }
	if an, ok := h.store.(TextAnalyzer); ok {
		toks = an.Analyze(texts...)
		for _, q := range qt {
			asked[q.term] = true
			for _, a := range q.alts {
				asked[a] = true
			}
		}
	} else {
		toks = make([][]news.Token, len(texts))
		for i, t := range texts {
			toks[i] = plainTokens(t)
		}
		match = func(t news.Token) bool { return standsForAny(t.Term, qt) }
	}
	for k, i := range owner {
		c := &cands[i]
		c.echo = echo(texts[k], toks[k], match, min(2, len(qt)))
		c.rank += echoRank * c.echo
	}
}

// echo is the share of the weight of the words of text's best sentence, or
// pair of adjacent sentences, that match a term of the question. A unit
// needs need matching words: "It's true." echoes anything with "true".
func echo(text string, toks []news.Token, match func(news.Token) bool, need int) float64 {
	type unit struct {
		total, got float64
		hits       int
	}
	sents := quote.Sentences(text)
	if len(sents) == 0 || need == 0 {
		return 0
	}
	units := make([]unit, len(sents))
	s := 0
	for _, t := range toks {
		for s < len(sents)-1 && t.Start >= sents[s].End {
			s++
		}
		w := surface(text[t.Start:t.End])
		if modalWords[w] || reportingWords[w] || functionWords[w] {
			continue
		}
		wt := rarity(w)
		units[s].total += wt
		if match(t) {
			units[s].got += wt
			units[s].hits++
		}
	}
	best := 0.0
	score := func(u unit) {
		if u.hits >= need && u.total > 0 {
			best = math.Max(best, u.got/u.total)
		}
	}
	for i, u := range units {
		score(u)
		if i > 0 {
			p := units[i-1]
			score(unit{p.total + u.total, p.got + u.got, p.hits + u.hits})
		}
	}
	return best
}

// plainTokens splits text into lower-case content words, for stores that
// cannot analyse text.
func plainTokens(text string) []news.Token {
	var out []news.Token
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if w := surface(text[start:end]); w != "" && !stopWords[w] && !functionWords[w] {
				out = append(out, news.Token{Term: w, Start: start, End: end})
			}
		}
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// surface is a word as looked up in word lists: lower case, straight
// apostrophes, no possessive "'s".
func surface(w string) string {
	w = strings.Trim(strings.ReplaceAll(strings.ToLower(w), "’", "'"), "'")
	return strings.TrimSuffix(w, "'s")
}

// standsForAny reports whether word w stands for a term of the question or
// one of its synonyms.
func standsForAny(w string, qt []qterm) bool {
	for _, q := range qt {
		if standsFor(w, q.term) {
			return true
		}
		for _, a := range q.alts {
			if standsFor(w, a) {
				return true
			}
		}
	}
	return false
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

// reportingWords say that something was said, not what.
var reportingWords = wordSet(`said says say saying think thinks thought argue argued argues believe believes believed
insist insisted insists claim claimed claims tell told tells`)

// functionWords are English words that carry no topic; the index's
// analyser drops the same kind of words from questions.
var functionWords = wordSet(`i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves what which who whom this that these those am is
are was were be been being have has had having do does did doing would should could ought i'm you're he's she's it's
we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't
aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't
mustn't let's that's who's what's here's there's when's where's why's how's a an the and but if or because as until
while of at by for with about against between into through during before after above below to from up down in out on
off over under again further then once here there when where why how all any both each few more most other some such
no nor not only own same so than too very`)

//go:embed wordrank.txt
var wordRankFile string

// wordRank is the position of a word in a list of English words, most
// frequent first.
var wordRank = func() map[string]int {
	m := make(map[string]int, 40000)
	for _, line := range strings.Split(wordRankFile, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if _, ok := m[line]; !ok {
			m[line] = len(m)
		}
	}
	return m
}()

// rarity weighs a word by how rare it is in English: "take" weighs less
// than "brewery". Words not in the list are the rarest.
func rarity(w string) float64 {
	r, ok := wordRank[w]
	if !ok {
		r = len(wordRank)
	}
	return math.Log(2 + float64(r)/50)
}

// enoughWords reports whether a candidate has the words in common with the
// question that naming it needs: two, or all of a one-word question.
func enoughWords(c *candidate, qt []qterm) bool {
	return c.matched >= 2 || (len(qt) < 2 && c.matched == len(qt))
}

// nameable keeps the who-said candidates that may be named: an attributed
// quote covering enough of the question with a strong enough echo, or
// covering nearly all of it.
func nameable(cs []candidate, qt []qterm) []candidate {
	var out []candidate
	for _, c := range cs {
		if c.speaker == "" || c.matched == 0 || !enoughWords(&c, qt) {
			continue
		}
		echo := minEcho
		if c.matched < 3 {
			echo = minEchoFewWords
		}
		ok := c.coverage >= fewWordsCoverage || (c.coverage >= minQuoteCoverage && c.echo >= echo)
		if c.missesUnknown && c.coverage < strictCoverage {
			// The question names something no quote mentions ("who said
			// penguins can fly?"): the rest matching by chance is likely.
			ok = false
		}
		if ok {
			out = append(out, c)
		}
	}
	return out
}
