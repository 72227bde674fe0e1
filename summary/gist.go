package summary

import (
	"math"
	"newsbot/lexicon"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gist returns a one-sentence gist of an article: its lead sentence, or its
// most central sentence when the lead is unusable (a quote, a question, or
// missing). Bylines, datelines, photo captions, timestamps and headings are
// never taken for the lead. A gist longer than MaxGist characters is cut at
// a clause or word boundary and ends with "…". It is empty only when the
// text has no sentence at all.
func Gist(title, text string) string {
	paras := paragraphs(text)
	var cands []sentence
	for pi, p := range paras {
		if pi < 6 && junkParagraph(p, title) {
			continue
		}
		if pi == 0 || len(cands) == 0 {
			p = stripDateline(p)
		}
		for _, s := range splitSentences(p) {
			if goodSentence(s) {
				cands = append(cands, sentence{text: s, para: pi})
			}
		}
	}
	if len(cands) == 0 {
		return ""
	}
	lead := cands[0].text
	if !quoteOrQuestion(lead) {
		return cut(lead, MaxGist)
	}
	return cut(central(title, cands), MaxGist)
}

type sentence struct {
	text string
	para int
}

// paragraphs splits text on blank lines; a text without blank lines but
// with several lines (one paragraph a line) is split on line breaks. White
// space inside a paragraph is collapsed.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var raw []string
	if strings.Contains(text, "\n\n") {
		raw = blankLineRE.Split(text, -1)
	} else {
		raw = strings.Split(text, "\n")
	}
	var out []string
	for _, p := range raw {
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var (
	captionPrefixes = []string{
		"image source", "image caption", "media caption", "video caption", "photo:", "photo by",
		"photograph:", "picture:", "pictured:", "caption:", "credit:", "source:", "file photo",
		"published", "updated", "last updated", "posted", "share", "listen to", "watch:",
		"advertisement", "related:", "read more", "sign up", "copyright", "getty images",
	}
	captionSuffixes = []string{
		"getty images", "(reuters)", "reuters", "ap photo", "(ap)", "afp", "/afp", "(getty images)",
		"(file photo)", "(photo)", "shutterstock", "epa",
	}
	blankLineRE = regexp.MustCompile(`\n[ \t]*\n`)
	bylineRE    = regexp.MustCompile(`^(?i:by|written by|reporting by|words by)\s+\p{Lu}`)
	agoRE       = regexp.MustCompile(`(?i)^\d+\s+(minute|hour|day|week)s?\s+ago\b`)
	datelineRE  = regexp.MustCompile(`^(?:\p{Lu}[\p{Lu}.'’ -]+(?:,\s*[\p{L}.]+(?:\s+\d{1,2})?)?\s*)?(?:\([\p{L}.&' ]+\)\s*)?[—–-]{1,2}\s+`)
)

// junkParagraph reports whether p is not article prose: a byline, a
// caption, a timestamp, the title repeated, or a heading.
func junkParagraph(p, title string) bool {
	low := strings.ToLower(p)
	if title != "" && strings.EqualFold(clean(title), p) {
		return true
	}
	words := len(strings.Fields(p))
	for _, pre := range captionPrefixes {
		if hasWordPrefix(low, pre) && (words < 25 || !endsSentence(p)) {
			return true
		}
	}
	for _, suf := range captionSuffixes {
		if strings.HasSuffix(strings.TrimRight(low, ". "), suf) && words < 40 {
			return true
		}
	}
	if bylineRE.MatchString(p) && words <= 12 {
		return true
	}
	if agoRE.MatchString(p) {
		return true
	}
	// A short line that does not end like a sentence is a heading, a
	// caption or a name.
	if words < 10 && !endsSentence(p) {
		return true
	}
	return false
}

// hasWordPrefix reports whether s starts with the word or words pre (not
// with a longer word: "shares" does not start with "share").
func hasWordPrefix(s, pre string) bool {
	if !strings.HasPrefix(s, pre) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len(pre):])
	return len(s) == len(pre) || !unicode.IsLetter(r)
}

// stripDateline removes a leading dateline ("WASHINGTON (AP) — ",
// "LONDON, Nov 27 (Reuters) - ", "(CNN) — ").
func stripDateline(p string) string {
	loc := datelineRE.FindStringIndex(p)
	if loc == nil || loc[1] == 0 || loc[1] > 60 {
		return p
	}
	head := p[:loc[1]]
	// A dateline's place is upper case or in brackets: "In March - " is prose.
	if !strings.Contains(head, "(") && strings.ToUpper(head) != head {
		return p
	}
	return p[loc[1]:]
}

// splitSentences splits a paragraph into sentences: a period, question or
// exclamation mark (with any closing quotes or brackets) followed by a space
// and an upper-case letter, digit or opening quote. Abbreviations and
// initials ("U.S.", "Mr.", "J.") do not end a sentence.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		end := i + n
		for end < len(p) {
			c, m := utf8.DecodeRuneInString(p[end:])
			if !strings.ContainsRune(`"'”’)]`, c) {
				break
			}
			end += m
		}
		if end >= len(p) || p[end] != ' ' {
			i = end
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[end+1:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"“‘'(`, next)) {
			i = end
			continue
		}
		if r == '.' && abbreviationBefore(p[start:i]) {
			i = end
			continue
		}
		out = append(out, strings.TrimSpace(p[start:end]))
		start = end + 1
		i = start
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// abbreviationBefore reports whether the text before a period ends with an
// abbreviation or an initial.
func abbreviationBefore(s string) bool {
	w := s[strings.LastIndexFunc(s, unicode.IsSpace)+1:] // the last word; linear overall
	w = strings.TrimLeft(w, `("“‘'`)
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") { // U.S, e.g, a.m
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	l := strings.ToLower(w)
	return lexicon.Abbreviations().Has(l) || lexicon.TitleAbbreviations().Has(l)
}

// endsSentence reports whether s ends with sentence punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, ` "'”’)]`)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// goodSentence reports whether s can stand as a gist: prose of a sensible
// length that starts and ends like a sentence.
func goodSentence(s string) bool {
	words := len(strings.Fields(s))
	if words < 6 || words > 90 || !endsSentence(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return false
	}
	letters := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			letters++
		}
	}
	return letters*2 > len(s)
}

// quoteOrQuestion reports whether a sentence is a poor gist although a fine
// lead: a question, or mostly a quotation (a lead that opens with a short
// quoted phrase and goes on in the reporter's words is fine).
func quoteOrQuestion(s string) bool {
	if strings.HasSuffix(strings.TrimRight(s, `"'”’)`), "?") {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(`"“‘'`, r) {
		return false
	}
	closers := `"”`
	if r == '‘' || r == '\'' {
		closers = `'’`
	}
	end := len(s)
	for i, c := range s[n:] {
		if strings.ContainsRune(closers, c) {
			next, _ := utf8.DecodeRuneInString(s[n+i+utf8.RuneLen(c):])
			if !unicode.IsLetter(next) { // not an apostrophe
				end = n + i
				break
			}
		}
	}
	return end*2 > len(s)
}

// contextStarts are first words that make a sentence lean on the one before
// it ("But ...", "He ..."): poor gists when taken out of the article.
var contextStarts = map[string]bool{
	"but": true, "and": true, "or": true, "so": true, "yet": true, "however": true, "also": true,
	"he": true, "she": true, "they": true, "it": true, "this": true, "these": true, "that": true,
	"those": true, "there": true, "his": true, "her": true, "their": true, "its": true, "we": true,
	"i": true, "you": true, "meanwhile": true, "still": true, "instead": true, "well": true,
}

// central returns the candidate that shares the most content words with the
// title and the rest of the article, normalised for length; earlier wins
// ties, and quotes and questions only win when nothing else is there.
func central(title string, cands []sentence) string {
	freq := map[string]float64{}
	for _, c := range cands {
		for _, w := range contentWords(c.text) {
			freq[w]++
		}
	}
	for _, w := range contentWords(title) {
		freq[w] += 3
	}
	best, bestScore := -1, math.Inf(-1)
	for i, c := range cands {
		words := contentWords(c.text)
		if len(words) == 0 {
			continue
		}
		seen := map[string]bool{}
		score := 0.0
		for _, w := range words {
			if !seen[w] {
				seen[w] = true
				score += freq[w] - 1 // the sentence's own use does not count
			}
		}
		score /= math.Sqrt(float64(len(strings.Fields(c.text))))
		score -= 0.02 * float64(i) // a little preference for what comes first
		if quoteOrQuestion(c.text) {
			score -= 1000
		}
		if first := strings.FieldsFunc(c.text, func(r rune) bool { return !unicode.IsLetter(r) }); len(first) > 0 && contextStarts[strings.ToLower(first[0])] {
			score -= 100
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return cands[0].text
	}
	return cands[best].text
}

var stopwords = map[string]bool{}

func init() {
	for w := range strings.FieldsSeq(`the and for that with this from have has had was were are its it's
	his her their they them she him but not you your our will would could should can said says say
	about after before into over than then there these those what when where which while who whom
	whose why how all any also been being more most other some such only own same very just one two
	new last year years told been may might must per out off did does doing done because between
	during under again further once here both each few nor too now`) {
		stopwords[w] = true
	}
}

// contentWords returns the lower-case words of s of three letters or more
// that are not stop words.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if utf8.RuneCountInString(w) >= 3 && !stopwords[w] {
			out = append(out, w)
		}
	}
	return out
}

// cut shortens s to at most max characters: at a clause boundary in the
// second half when there is one, else at a word boundary, and adds "…".
func cut(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	// Byte offsets of rune counts: no conversion, so invalid UTF-8 in the
	// text stays as it is rather than turning into U+FFFD.
	head := s[:runeOffset(s, max-1)]
	min := runeOffset(s, max/2)
	at := -1
	for _, sep := range []string{"; ", " — ", " – ", ", "} {
		if i := strings.LastIndex(head, sep); i >= min && i > at {
			at = i
		}
	}
	if at < 0 {
		if i := strings.LastIndex(head, " "); i > 0 {
			at = i
		} else {
			at = len(head)
		}
	}
	return strings.TrimRight(head[:at], " ,;:—–-") + "…"
}

// runeOffset returns the byte offset of the n-th rune of s.
func runeOffset(s string, n int) int {
	off := 0
	for range n {
		if off >= len(s) {
			break
		}
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
	}
	return off
}
