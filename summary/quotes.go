package summary

import (
	"cmp"
	"newsbot/lexicon"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/news"
)

// Quote length bounds, in words: shorter is a fragment, longer is a speech.
const (
	minQuoteWords = 8
	maxQuoteWords = 80
)

// names maps a speaker as written in a quote to one canonical key and one
// display name across the whole digest.
type names struct {
	key     map[string]string // normalised name -> key
	display map[string]string // key -> display name
}

// canonicalNames builds the speaker names of the documents. The display
// name of a person is the form most often written (ties: the first
// in alphabetical order). A lone name ("Wenbin") is merged into the only full name
// of the period that contains it ("Wang Wenbin"); when several full names
// contain it ("Wang" with Wang Yi and Wang Wenbin) it stays on its own.
func canonicalNames(docs []news.Document) names {
	forms := map[string]map[string]int{}
	for _, d := range docs {
		for _, q := range d.Quotes {
			if !known(q.Speaker) {
				continue
			}
			n := news.NormalizeName(q.Speaker)
			if forms[n] == nil {
				forms[n] = map[string]int{}
			}
			forms[n][clean(q.Speaker)]++
		}
	}
	keys := sortedKeys(forms)
	nm := names{key: map[string]string{}, display: map[string]string{}}
	// Spellings that differ only in spacing ("TimeWarner", "Time Warner")
	// are one name: the most quoted spelling (then the first) stands.
	compact := map[string]string{}
	for _, n := range keys {
		c := strings.ReplaceAll(n, " ", "")
		if m, ok := compact[c]; !ok || total(forms[n]) > total(forms[m]) {
			compact[c] = n
		}
	}
	for _, n := range keys {
		if m := compact[strings.ReplaceAll(n, " ", "")]; m != n {
			for form, count := range forms[n] {
				forms[m][form] += count
			}
			delete(forms, n)
		}
	}
	for _, n := range keys {
		if m := compact[strings.ReplaceAll(n, " ", "")]; m != n {
			nm.key[n] = m
		}
	}
	keys = sortedKeys(forms)
	for _, n := range keys {
		nm.key[n] = n
		if !strings.Contains(n, " ") {
			var full []string
			for _, m := range keys {
				if strings.Contains(m, " ") && slices.Contains(strings.Fields(m), n) {
					full = append(full, m)
				}
			}
			if len(full) == 1 {
				nm.key[n] = full[0]
			}
		}
	}
	for _, n := range keys {
		if nm.key[n] != n {
			continue
		}
		best, bestCount := "", -1
		for _, form := range sortedKeys(forms[n]) {
			if c := forms[n][form]; c > bestCount {
				best, bestCount = form, c
			}
		}
		nm.display[n] = best
	}
	return nm
}

// total is the number of quotes of a name in all its forms.
func total(forms map[string]int) int {
	n := 0
	for _, c := range forms {
		n += c
	}
	return n
}

// lookup returns the key and display name of a speaker ("" when unknown).
func (nm names) lookup(speaker string) (key, display string) {
	if !known(speaker) {
		return "", ""
	}
	key = nm.key[news.NormalizeName(speaker)]
	for range 3 { // a spelling merged into a name merged into another
		if next := nm.key[key]; next != "" && next != key {
			key = next
		}
	}
	return key, nm.display[key]
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"him": true, "her": true, "them": true, "us": true, "one": true, "unknown": true,
}

// known reports whether a speaker is a name: not empty, not a pronoun, and
// capitalised ("a spokesman" and "officials" are not names).
func known(speaker string) bool {
	s := clean(speaker)
	if s == "" || pronouns[strings.ToLower(s)] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// candidate is a quote that may be notable.
type candidate struct {
	q     news.DigestQuote
	key   string // speaker key
	doc   int    // index of the document (for distinct articles and ties)
	start int
	tier  int // 1: direct full sentence; 2: reported speech, a fallback
	score float64
}

// notableQuotes picks up to MaxQuotes quotes: direct full sentences by
// named speakers, one per speaker, preferring varied articles; reported
// speech only fills up to MinQuotes. Fragments, unknown speakers and very
// short or very long quotes are skipped.
func notableQuotes(docs []news.Document, nm names) []news.DigestQuote {
	titles := speakerTitles(docs, nm)
	var cands []candidate
	seenText := map[string]bool{}
	for di, d := range docs {
		for _, q := range d.Quotes {
			key, display := nm.lookup(q.Speaker)
			if key == "" {
				continue
			}
			if !q.Attributed() {
				continue
			}
			text := quoteText(q.Text)
			tier := quoteTier(q.Kind, text)
			if tier == 0 {
				continue
			}
			norm := strings.ToLower(text)
			if seenText[norm] {
				continue
			}
			seenText[norm] = true
			title := roleOf(q.Title)
			if title == "" {
				title = titles[key]
			}
			c := candidate{
				q: news.DigestQuote{
					Speaker:   display,
					Title:     title,
					Quote:     text,
					Outlet:    clean(q.Outlet),
					ArticleID: d.Article.ID,
				},
				key:   key,
				doc:   di,
				start: q.Start,
				tier:  tier,
			}
			c.score = quoteScore(c, q)
			cands = append(cands, c)
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if c := cmp.Compare(a.tier, b.tier); c != 0 {
			return c
		}
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.doc, b.doc); c != 0 {
			return c
		}
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(a.q.Quote, b.q.Quote)
	})

	// Greedy: the best remaining quote of a new speaker, each quote already
	// taken from the same article counting against it, so articles stay
	// varied without hiding a second strong quote of a rich article.
	out := []news.DigestQuote{}
	speakers := map[string]bool{}
	perArticle := map[int]int{}
	used := make([]bool, len(cands))
	pick := func(tier, limit int) {
		for len(out) < limit {
			best, bestScore := -1, 0.0
			for i, c := range cands {
				if used[i] || c.tier != tier || speakers[c.key] {
					continue
				}
				if s := c.score - articlePenalty*float64(perArticle[c.doc]); best < 0 || s > bestScore {
					best, bestScore = i, s
				}
			}
			if best < 0 {
				return
			}
			c := cands[best]
			used[best] = true
			speakers[c.key] = true
			perArticle[c.doc]++
			out = append(out, c.q)
		}
	}
	pick(1, MaxQuotes)
	pick(2, MinQuotes)
	return out
}

// articlePenalty is what each quote already taken from an article costs the
// next one from it, in quoteScore points (a role is worth 2).
const articlePenalty = 1.5

// quoteText cleans a quote for display: single spaces, no surrounding
// quotation marks, and the comma that led into "…," she said" made a
// period, as editors do when a quote stands alone.
func quoteText(s string) string {
	s = clean(s)
	for {
		t := strings.TrimSpace(strings.Trim(s, `"“”‘’`))
		if t == s {
			break
		}
		s = t
	}
	return news.ShownQuote(s)
}

// quoteTier says how a quote may be used: 1 for a direct full sentence, 2
// for reported speech that reads as a sentence, 0 for neither (fragments,
// mixed quotes, very short or very long ones).
func quoteTier(kind news.QuoteKind, text string) int {
	words := len(strings.Fields(text))
	if words < minQuoteWords || words > maxQuoteWords {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return 0 // starts mid-sentence
	}
	switch kind {
	case news.Direct, "":
		return 1
	case news.Indirect:
		return 2
	}
	return 0
}

// quoteScore rates a candidate: named people with roles, direct speech,
// complete sentences of a readable length.
func quoteScore(c candidate, q news.Quote) float64 {
	s := 0.0
	if strings.Contains(c.q.Speaker, " ") {
		s += 3 // a full name
	} else {
		s++
	}
	if c.q.Title != "" {
		s += 2
	}
	words := len(strings.Fields(c.q.Quote))
	switch {
	case words >= 12 && words <= 45:
		s += 2
	case words <= 60:
		s++
	}
	if endsSentence(c.q.Quote) {
		s += 0.5
	}
	if c.q.Outlet != "" {
		s += 0.5 // said to a named outlet: an on-the-record statement
	}
	if q.Confidence > 0 {
		s += q.Confidence
	} else {
		s += 0.5
	}
	return s
}

// speakerTitles returns each speaker's role as first given in the period
// (documents in order, quotes by position).
func speakerTitles(docs []news.Document, nm names) map[string]string {
	out := map[string]string{}
	for _, d := range docs {
		qs := slices.Clone(d.Quotes)
		slices.SortStableFunc(qs, func(a, b news.Quote) int { return cmp.Compare(a.Start, b.Start) })
		for _, q := range qs {
			key, _ := nm.lookup(q.Speaker)
			if r := roleOf(q.Title); key != "" && out[key] == "" && r != "" {
				out[key] = r
			}
		}
	}
	return out
}

// roleOf cleans a speaker's role for display, dropping what is not a role:
// a lone honorific ("Mr", "But Mr") or a leading conjunction.
func roleOf(title string) string {
	f := strings.Fields(title)
	for len(f) > 0 && contextStarts[strings.ToLower(strings.Trim(f[0], ",;"))] {
		f = f[1:]
	}
	if len(f) == 0 || (len(f) == 1 && isHonorific(strings.ToLower(strings.TrimSuffix(f[0], ".")))) {
		return ""
	}
	return strings.Join(f, " ")
}

// isHonorific reports whether w (lower case, no period) is an honorific.
func isHonorific(w string) bool {
	_, sexed := lexicon.Honorifics().Get(w)
	return sexed || lexicon.OtherHonorifics().Has(w)
}

// mostQuoted counts every quote of a known speaker (reported speech
// included), most first, ties by name, at most MaxSpeakers. Groups and
// nameless sources are not counted.
func mostQuoted(docs []news.Document, nm names) []news.SpeakerCount {
	counts := map[string]int{}
	for _, d := range docs {
		for _, q := range d.Quotes {
			if q.SpeakerKind == news.SpeakerGroup {
				// "Analysts" or "a spokesman" are nobody to rank
				continue
			}
			if key, _ := nm.lookup(q.Speaker); key != "" {
				counts[key]++
			}
		}
	}
	out := []news.SpeakerCount{}
	for _, key := range sortedKeys(counts) {
		out = append(out, news.SpeakerCount{Name: nm.display[key], Quotes: counts[key]})
	}
	slices.SortStableFunc(out, func(a, b news.SpeakerCount) int {
		if c := cmp.Compare(b.Quotes, a.Quotes); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	if len(out) > MaxSpeakers {
		out = out[:MaxSpeakers]
	}
	return out
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
