package quote

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/lexicon"
	"newsbot/news"
)

// pullQuotes finds pull quotes: a paragraph of plain sentences signed
// with the speaker's name at its end ("Governments must act now. Jane Roe,
// Rentals.ca"), the name also appearing elsewhere in the article.
func (ex *extractor) pullQuotes(sents []sentence) {
	text := ex.text
	for i := range sents {
		last := &sents[i]
		if i+1 < len(sents) && sents[i+1].para == last.para {
			continue
		}
		// the signature: the paragraph's last words after its last
		// sentence-final mark
		pEnd := last.sp.end
		first := i
		for first > 0 && sents[first-1].para == last.para {
			first--
		}
		pStart := sents[first].sp.start
		para := text[pStart:pEnd]
		dot := -1
		for _, m := range []string{". ", "! ", "? "} {
			dot = max(dot, strings.LastIndex(para, m))
		}
		if dot < 0 || dot == len(para)-1 || strings.ContainsAny(para, "\"“”«»") {
			continue
		}
		sig := strings.TrimSpace(para[dot+1:])
		name, _, _ := strings.Cut(sig, ",")
		name = strings.TrimSpace(name)
		f := strings.Fields(name)
		if _, outlet := CanonicalOutlet(name); outlet || strings.HasSuffix(sig, ".") || len(f) > 0 && lexicon.Determiners().Has(strings.ToLower(f[0])) {
			// "... The Canadian Press.": a credit, not a signature
			continue
		}
		if len(f) < 2 || len(f) > maxPersonNameWords || len(sig) > maxSignatureBytes || strings.ContainsAny(sig, "0123456789()/") || last.caption {
			// "(Jane Doe/The Canadian Press)": a photo credit
			continue
		}
		ok := true
		for _, w := range f {
			if !isUpperStart(w) || allUpper([]token{{text: w}}) || lexicon.TitleWords().Has(strings.ToLower(w)) {
				ok = false
			}
		}
		lastWord := f[len(f)-1]
		if !ok || strings.Count(text, lastWord) < 2 || looksOrg(name) {
			continue
		}
		s, e := trimSpan(text, pStart, pStart+dot)
		if wordCount(text, s, e) < minPullQuoteWords {
			continue
		}
		ns := pStart + dot + 1 + strings.Index(para[dot+1:], name)
		sp := np{start: ns, end: ns + len(name), text: name, name: name}
		if org := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(sig, name), ",")); org != "" {
			sp.title = org
		}
		ex.cands = append(ex.cands, cand{s: s, e: e, kind: news.Direct, sp: sp, para: last.para, sent: sents[first].serial, conf: confFloating, sentS: s, sentE: e})
	}
}

// tweetEnd matches the signature of an embedded tweet at a paragraph end:
// "[pic.twitter.com/x] — Jane Roe (@janeroe) January 15, 2019".
var tweetEnd = regexp.MustCompile(`\s*(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)?\s*[—–-]{1,2}\s*([^()—–]{2,60}?)\s*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}$`)

// tweetQuotes finds embedded tweets: the paragraph's text is the quote, the
// account's display name the speaker.
func (ex *extractor) tweetQuotes(sents []sentence) {
	text := ex.text
	for i := range sents {
		if i+1 < len(sents) && sents[i+1].para == sents[i].para {
			continue
		}
		first := i
		for first > 0 && sents[first-1].para == sents[i].para {
			first--
		}
		pStart, pEnd := sents[first].sp.start, sents[i].sp.end
		para := text[pStart:pEnd]
		if !strings.Contains(para, "(@") {
			continue
		}
		m := tweetEnd.FindStringSubmatchIndex(para)
		if m == nil {
			continue
		}
		s, e := trimSpan(text, pStart, pStart+m[0])
		if wordCount(text, s, e) < minTweetWords {
			continue
		}
		name := para[m[2]:m[3]]
		sp := np{start: pStart + m[2], end: pStart + m[3], text: name, name: name}
		ex.cands = append(ex.cands, cand{s: s, e: e, kind: news.Direct, sp: sp, cue: "tweeted", para: sents[i].para, sent: sents[first].serial, conf: confFloating, sentS: s, sentE: e})
	}
}

// isLabelLine reports a line opened by a capitalised label and a colon
// ("WATCH: ...", "READ MORE: ..."): a link to another story.
func isLabelLine(toks []token) bool {
	for k := 0; k < len(toks) && k < maxLabelTokens; k++ {
		if toks[k].text == ":" {
			return k > 0 && allUpper(toks[:k])
		}
	}
	return false
}

// isCaption reports whether a paragraph is a photo caption: it ends with a
// parenthesised credit that holds a slash ("(Jane Doe/Reuters)"), the word
// photo, or only capitals ("( JANE DOE )").
func isCaption(text string, s, e int) bool {
	p := strings.TrimSpace(text[s:e])
	if !strings.HasSuffix(p, ")") {
		return false
	}
	o := strings.LastIndexByte(p, '(')
	if o < 0 || len(p)-o > maxCreditBytes {
		return false
	}
	in := strings.TrimSpace(p[o+1 : len(p)-1])
	if strings.Contains(in, "/") || strings.Contains(strings.ToLower(in), "photo") {
		return true
	}
	letters := 0
	for _, r := range in {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= minCreditLetters && strings.Contains(in, " ")
}

// isHeadline reports whether a paragraph is a short line without final
// punctuation.
func isHeadline(text string, s, e int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[s:e])
	switch r {
	case '.', '!', '?', '"', '”', '’', '\'', ')', ':', '…':
		return false
	}
	return wordCount(text, s, e) < maxHeadlineWords && !strings.Contains(text[s:e], ",")
}

const (
	// maxSignatureBytes is the longest signature of a pull quote ("Jane Roe,
	// Rentals.ca"), in bytes. Introduced in 96c306c. Measured at b75dbd0 on
	// bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
	// 93.0/97.6 at 30, 45, 60 (chosen) and 120 alike (no extracted quote
	// differs).
	maxSignatureBytes = 60
	// minPullQuoteWords is the fewest words of a pull quote. Introduced in
	// 96c306c. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 5, 6 (chosen), 7 and 12 alike (no
	// extracted quote differs).
	minPullQuoteWords = 6
	// minTweetWords is the fewest words of an embedded tweet taken as a quote.
	// Introduced in 278a8d4. Measured at b75dbd0 on bbc-train and ggt-dev
	// (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 3, 4 (chosen),
	// 5 and 8 alike (no extracted quote differs).
	minTweetWords = 4
	// maxLabelTokens is how far (tokens) the colon of a label line may come
	// ("READ MORE:"). Introduced in 47bd51f. Measured at b75dbd0 on bbc-train
	// and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 2,
	// 3 (chosen), 4 and 6 alike (no extracted quote differs).
	maxLabelTokens = 3
	// maxCreditBytes is the longest photo credit in brackets at a caption's
	// end, in bytes. Introduced in 1632eac. Measured at b75dbd0 on bbc-train
	// and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 40,
	// 60, 80 (chosen) and 160 alike (no extracted quote differs).
	maxCreditBytes = 80
	// minCreditLetters is the fewest letters of a credit written in capitals
	// ("( JANE DOE )"). Introduced in 1632eac. Measured at b75dbd0 on bbc-train
	// and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 3,
	// 4 (chosen), 5 and 8 alike (no extracted quote differs).
	minCreditLetters = 4
	// maxHeadlineWords is the most words of a headline (a line without final
	// punctuation). Introduced in 1101fb8. Measured at b75dbd0 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 12, 18,
	// 25 (chosen) and 50 alike (some quotes differ, no score does).
	maxHeadlineWords = 25
)
