package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// qspan is one stretch of quoted text inside a paragraph.
type qspan struct {
	// open and close are the byte positions of the marks; close is -1 for
	// a quote left open at the end of its paragraph.
	open, close int
	// start, end is the content between the marks (trimmed of spaces).
	start, end int
	// openLen and closeLen are the byte lengths of the marks.
	openLen, closeLen int
}

// outer is the span including the marks.
func (q qspan) outer() span {
	e := q.end
	if q.close >= 0 {
		e = q.close + q.closeLen
	}
	return span{q.open, e}
}

func isOpenMark(r rune) bool  { return r == '“' || r == '«' || r == '„' || r == '‹' }
func isCloseMark(r rune) bool { return r == '”' || r == '»' || r == '›' }

// isQuoteRune reports whether r is any double quotation mark.
func isQuoteRune(r rune) bool {
	return r == '"' || isOpenMark(r) || isCloseMark(r)
}

// findQuotes returns the double-quoted stretches of text[s:e] (one
// paragraph). Straight marks open at a word start and close at a word end;
// curly and angle marks say which they are, though a mismatched closer may
// also close. A quote still open at the paragraph end runs to the end (the
// usual convention for quotes continuing into the next paragraph).
// Single quotes are left alone: inside a double quote they are nested
// quotes, outside they are mostly apostrophes or headline quotes.
func findQuotes(text string, s, e int) []qspan {
	var out []qspan
	in := false
	var cur qspan
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if !in && (r == '‘' || r == '’' || r == '\'') {
			// a doubled single mark typed for a double one ("‘’It’s not a
			// question ...”") at a word start, closed later by a double mark
			r2, n2 := utf8.DecodeRuneInString(text[i+n : e])
			prev, next := runeBefore(text, i, s), runeAfter(text, i+n+n2, e)
			if (r2 == '‘' || r2 == '’' || r2 == '\'') && (prev == 0 || unicode.IsSpace(prev)) && unicode.IsLetter(next) && strings.ContainsAny(text[i+n+n2:e], "”\"") {
				in = true
				cur = qspan{open: i, openLen: n + n2, close: -1}
				i += n + n2
				continue
			}
		}
		switch {
		case r == '"':
			prev, next := runeBefore(text, i, s), runeAfter(text, i+n, e)
			opener := (prev == 0 || unicode.IsSpace(prev) || isOpenPunct(prev)) && next != 0 && !unicode.IsSpace(next)
			closer := prev != 0 && !unicode.IsSpace(prev)
			if !in && opener {
				in = true
				cur = qspan{open: i, openLen: n, close: -1}
			} else if in && opener && !closer && endsSentence(text, i, cur.open+cur.openLen) {
				// `"One sentence. "Another," she said`: paragraphs run
				// together, each opening with a mark and only the last
				// closing. A mark at a word start after a finished
				// sentence opens the next paragraph's quote, as a curly
				// opener would.
				cur.close, cur.closeLen = -1, 0
				cur.end = i
				out = appendQuote(out, text, cur)
				cur = qspan{open: i, openLen: n, close: -1}
			} else if in && (closer || !opener) {
				cur.close, cur.closeLen = i, n
				out = appendQuote(out, text, cur)
				in = false
			}
		case isOpenMark(r):
			if !in {
				in = true
				cur = qspan{open: i, openLen: n, close: -1}
			} else if i == cur.open+cur.openLen {
				// doubled opener: keep the first
			} else {
				// an opener inside an open quote: the previous quote was
				// never closed in this paragraph; close it here.
				cur.close, cur.closeLen = -1, 0
				cur.end = i
				out = appendQuote(out, text, cur)
				cur = qspan{open: i, openLen: n, close: -1}
			}
		case isCloseMark(r):
			if in {
				cur.close, cur.closeLen = i, n
				out = appendQuote(out, text, cur)
				in = false
			} else if r == '”' {
				// A right mark used as an opener (common typo) at a word start.
				prev, next := runeBefore(text, i, s), runeAfter(text, i+n, e)
				if (prev == 0 || unicode.IsSpace(prev)) && next != 0 && !unicode.IsSpace(next) && !isPunct(next) {
					in = true
					cur = qspan{open: i, openLen: n, close: -1}
				}
			}
		}
		i += n
	}
	if in {
		cur.close, cur.closeLen = -1, 0
		cur.end = e
		out = appendQuote(out, text, cur)
	}
	return out
}

func appendQuote(out []qspan, text string, q qspan) []qspan {
	q.start = q.open + q.openLen
	if q.close >= 0 {
		q.end = q.close
	}
	q.start, q.end = trimSpan(text, q.start, q.end)
	if q.start >= q.end || onlyPunct(text, q.start, q.end) {
		return out
	}
	return append(out, q)
}

func runeBefore(text string, i, floor int) rune {
	if i <= floor {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[floor:i])
	return r
}

func runeAfter(text string, i, ceil int) rune {
	if i >= ceil {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:ceil])
	return r
}

func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':', ',', '‘', '\'':
		return true
	}
	return false
}

func isPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// endsSentence reports whether the text before position i (back to floor,
// over spaces) ends with a sentence's final punctuation.
func endsSentence(text string, i, floor int) bool {
	j := i
	for j > floor {
		r, n := utf8.DecodeLastRuneInString(text[floor:j])
		if !unicode.IsSpace(r) {
			return r == '.' || r == '?' || r == '!'
		}
		j -= n
	}
	return false
}
