package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/lexicon"
	"newsbot/news"
)

// Sentences splits text into sentences with byte spans into text and the
// 0-based paragraph index. It knows common abbreviations ("Mr.", "Jan.",
// "U.S.") and keeps closing quotation marks with their sentence.
func Sentences(text string) []news.Sentence {
	var out []news.Sentence
	for _, p := range paragraphs(text) {
		for _, s := range splitSentences(text, p.start, p.end, nil) {
			out = append(out, news.Sentence{Text: text[s.start:s.end], Start: s.start, End: s.end, Paragraph: p.index})
		}
	}
	return out
}

// splitSentences splits text[s:e] (within one paragraph) into trimmed
// sentence spans. When quotes is non-nil, no boundary falls inside a quote
// (a quoted passage of several sentences stays in one sentence).
func splitSentences(text string, s, e int, quotes []qspan) []span {
	var out []span
	start := s
	qi := 0
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		j := i + n
		// more terminal punctuation and closing marks/brackets
		for j < e {
			r2, n2 := utf8.DecodeRuneInString(text[j:e])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || r2 == '"' || r2 == '”' || r2 == '’' || r2 == '\'' || r2 == ')' || r2 == ']' || r2 == '»' {
				j += n2
				continue
			}
			break
		}
		if j >= e {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[j:e])
		if !unicode.IsSpace(next) {
			i = j
			continue
		}
		k := j
		for k < e {
			r3, n3 := utf8.DecodeRuneInString(text[k:e])
			if !unicode.IsSpace(r3) {
				break
			}
			k += n3
		}
		if k >= e {
			break
		}
		nr, _ := utf8.DecodeRuneInString(text[k:e])
		if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || isQuoteRune(nr) || nr == '(' || nr == '[' || nr == '‘' || nr == '\'') {
			i = j
			continue
		}
		if r == '.' && !periodEnds(text, s, i, k, e) {
			i = j
			continue
		}
		if quotes != nil {
			inside := false
			for qi < len(quotes) && quotes[qi].outer().end <= j {
				qi++
			}
			for x := qi; x < len(quotes) && quotes[x].open < j; x++ {
				o := quotes[x].outer()
				if o.start < j && j < o.end {
					inside = true
				}
			}
			if inside {
				i = j
				continue
			}
		}
		if a, b := trimSpan(text, start, j); a < b {
			out = append(out, span{a, b})
		}
		start = k
		i = k
	}
	if a, b := trimSpan(text, start, e); a < b {
		out = append(out, span{a, b})
	}
	return out
}

// periodEnds decides whether the period at dot (followed by white space
// and the word at next) ends a sentence.
func periodEnds(text string, floor, dot, next, e int) bool {
	ws := dot
	for ws > floor {
		r, n := utf8.DecodeLastRuneInString(text[floor:ws])
		if unicode.IsSpace(r) || r == '(' || isQuoteRune(r) {
			break
		}
		ws -= n
	}
	word := text[ws:dot]
	lw := strings.ToLower(word)
	if lexicon.TitleAbbreviations().Has(lw) {
		return false
	}
	// "who lost 16 lbs. “and two belt loops”": a lower-case word after a
	// unit or abbreviation (past any quote mark) continues the sentence
	if lexicon.Abbreviations().Has(lw) || lexicon.UnitAbbrevs().Has(lw) {
		k := next
		for k < e {
			r, n := utf8.DecodeRuneInString(text[k:e])
			if !isQuoteRune(r) && r != '(' {
				break
			}
			k += n
		}
		if r, _ := utf8.DecodeRuneInString(text[k:e]); k < e && unicode.IsLower(r) {
			return false
		}
	}
	// single capital letter: an initial ("Harry J. Kazianis")
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return false
		}
	}
	// initialisms ("U.S.", "B.C.") and abbreviations like "Inc.": end only
	// before a typical sentence starter.
	if strings.Contains(word, ".") || lexicon.Abbreviations().Has(lw) {
		ne := next
		for ne < e {
			r, n := utf8.DecodeRuneInString(text[ne:e])
			if !unicode.IsLetter(r) {
				break
			}
			ne += n
		}
		return lexicon.SentenceStarters().Has(strings.ToLower(text[next:ne]))
	}
	return true
}
