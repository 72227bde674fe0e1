package answer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"newsbot/lexicon"
	"newsbot/news"
)

// Ask answers one question.
func (e *Engine) Ask(ctx context.Context, req Request) (news.Answer, error) {
	q := strings.TrimSpace(req.Question)
	ans := news.Answer{Question: q, Kind: news.AnswerNone}
	if q == "" {
		ans.Note = `Ask me a question, for example "who said calling for peace is cheap?"`
		return ans, nil
	}
	if len(q) > maxQuestionBytes {
		ans.Note = "That question is too long for me; ask it in a sentence or two."
		return ans, nil
	}
	p := parseQuestion(q)
	var err error
	switch p.intent {
	case intentWhoSaid:
		ans, err = e.whoSaid(ctx, p, req)
	case intentWhatSaid, intentQuotesBy:
		ans, err = e.whatSaid(ctx, p, req)
	case intentQuotedIn:
		ans, err = e.quotedIn(ctx, p, req.Scope)
	default:
		ans, err = e.general(ctx, p.content, req)
	}
	if err != nil {
		// Not the question itself: errors reach logs and users.
		return news.Answer{}, fmt.Errorf("answer a question of %d bytes: %w", len(q), err)
	}
	ans.Question = q
	if ans.Kind == news.AnswerNone {
		if e.noArticles(ctx, req.Scope) {
			ans.Note = "I have no articles yet."
			ans.Hint = news.HintAddArticles
		} else if ans.Note == "" {
			ans.Note = "I found nothing that answers this."
		}
	}
	return ans, nil
}

// noArticles reports whether scope may see no article at all: that other
// conversations have private ones is not its business. (List stops at the
// first article scope may see; Count spares it on an empty library.)
func (e *Engine) noArticles(ctx context.Context, scope news.Scope) bool {
	if n, err := e.store.Count(ctx); err != nil || n == 0 {
		return err == nil
	}
	l, err := e.store.List(ctx, scope, 1)
	return err == nil && len(l) == 0
}

// candidate is a quote or passage under consideration.
type candidate struct {
	answer   news.Answer
	coverage float64
	matched  int
	rank     float64
	speaker  string
	// missesUnknown: a question word that no quote holds is not found
	// around this candidate either.
	missesUnknown bool
	// echo: the share of the quote's best sentence that the question
	// accounts for (see addEcho).
	echo float64
}

func quoteAnswer(hit news.QuoteHit) news.Answer {
	q := hit.Quote
	a := news.Answer{
		Kind:     news.AnswerQuote,
		Speaker:  q.Speaker,
		Title:    role(q.Title),
		Quote:    q.Text,
		QuoteID:  news.QuoteID(hit.Article.ID, q.Text),
		Outlet:   q.Outlet,
		Article:  hit.Article,
		Score:    round3(hit.Score),
		Matched:  hit.Matched,
		Reported: q.Kind == news.Indirect || q.Kind == news.Mixed,
	}
	if a.Reported {
		// "X said that ...": the clause reads on its own without "that".
		if rest, ok := cutWord(a.Quote, "that"); ok {
			a.Quote = rest
			a.Matched = nil
		}
	}
	// the byte length, and so Matched, is kept
	a.Quote = news.ShownQuote(a.Quote)
	return a
}

// cutWord removes a leading word (case-insensitive) and the space after it.
func cutWord(s, word string) (string, bool) {
	if len(s) > len(word)+1 && strings.EqualFold(s[:len(word)], word) && s[len(word)] == ' ' {
		return s[len(word)+1:], true
	}
	return s, false
}

// role returns a speaker's title unless it is only an honorific ("Mr",
// "Dr"), which says nothing about their role.
func role(title string) string {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(title), "."))
	h := strings.ToLower(t)
	if _, ok := lexicon.Honorifics().Get(h); ok || lexicon.OtherHonorifics().Has(h) {
		return ""
	}
	return strings.TrimSpace(title)
}

func passageAnswer(hit news.PassageHit) news.Answer {
	return news.Answer{
		Kind:    news.AnswerPassage,
		Quote:   hit.Sentence.Text,
		Article: hit.Article,
		Score:   round3(hit.Score),
		Matched: hit.Matched,
	}
}

// mergeCandidates joins two candidate lists, keeping the better-ranked of
// two candidates for the same quote.
func mergeCandidates(a, b []candidate) []candidate {
	all := append(append([]candidate(nil), a...), b...)
	sortCandidates(all)
	seen := map[string]bool{}
	var out []candidate
	for _, c := range all {
		key := c.answer.Article.ID + "|" + c.answer.Quote
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, c)
	}
	return out
}

func sortCandidates(cs []candidate) {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].rank > cs[j].rank })
}

// acceptable keeps the passages that cover enough of the question: the
// coverage threshold min with need words of the question in common (or all
// of them when it has fewer), a near-complete match otherwise, and more when
// a word that no sentence holds is missing.
func acceptable(cs []candidate, qt []qterm, min float64, need int) []candidate {
	if len(qt) < need {
		need = len(qt)
	}
	var out []candidate
	for _, c := range cs {
		floor := min
		if c.matched < need {
			// Fewer words in common is what chance gives in a large index:
			// only a near-complete match counts then.
			floor = max(min, fewWordsCoverage)
		}
		if c.missesUnknown {
			// The question names something no sentence mentions: the rest
			// matching by chance is likely in a large index, so ask for much
			// more of it.
			floor = max(min, strictCoverage)
		}
		if c.coverage >= floor && c.matched >= 1 && (c.matched >= 2 || len(qt) < 2) {
			out = append(out, c)
		}
	}
	return out
}

func (e *Engine) whatSaid(ctx context.Context, p parsed, req Request) (news.Answer, error) {
	if strings.TrimSpace(p.speaker) == "" {
		return e.general(ctx, p.content, req)
	}
	query := news.QuoteQuery{Speaker: p.speaker, Text: p.content, Limit: searchDepth, Scope: req.Scope}
	if len(req.ArticleIDs) > 0 && p.content == "" {
		query.ArticleIDs = req.ArticleIDs
	}
	hits, err := e.store.SearchQuotes(ctx, query)
	if err != nil {
		return news.Answer{}, err
	}
	if len(hits) == 0 && query.ArticleIDs != nil {
		query.ArticleIDs = nil
		if hits, err = e.store.SearchQuotes(ctx, query); err != nil {
			return news.Answer{}, err
		}
	}
	if len(hits) == 0 {
		return news.Answer{Kind: news.AnswerNone, Note: fmt.Sprintf("I have no quotes by %s.", p.speaker)}, nil
	}
	var list []news.Answer
	if p.content != "" {
		qt, err := e.questionTerms(ctx, "quote", p.content)
		if err != nil {
			return news.Answer{}, err
		}
		for _, hit := range hits {
			if cov, _ := coverage(qt, hit.Terms, hit.Quote.Text); cov > 0 {
				list = append(list, quoteAnswer(hit))
			}
		}
		if len(list) == 0 {
			return news.Answer{Kind: news.AnswerNone, Note: fmt.Sprintf("I found quotes by %s, but none about %s. Try \"quotes by %s\".", hits[0].Quote.Speaker, p.content, p.speaker)}, nil
		}
	} else {
		for _, hit := range hits {
			list = append(list, quoteAnswer(hit))
		}
		// Newest first, then in text order.
		sort.SliceStable(list, func(i, j int) bool {
			return newer(list[i].Article, list[j].Article)
		})
	}
	if len(list) > maxListed {
		list = list[:maxListed]
	}
	ans := list[0]
	ans.Quotes = list
	ans.Note = fmt.Sprintf("Quotes by %s:", list[0].Speaker)
	if p.content != "" {
		ans.Note = fmt.Sprintf("What %s said about %s:", list[0].Speaker, p.content)
	}
	return ans, nil
}

func newer(a, b news.Ref) bool {
	ta, tb := a.Published, b.Published
	if ta.IsZero() {
		ta = a.Added
	}
	if tb.IsZero() {
		tb = b.Added
	}
	return ta.After(tb)
}

func (e *Engine) quotedIn(ctx context.Context, p parsed, scope news.Scope) (news.Answer, error) {
	target := strings.Trim(strings.TrimSpace(p.article), `"'“”‘’<>`)
	target = strings.TrimPrefix(strings.TrimPrefix(target, "the article "), "article ")
	if target == "" {
		return news.Answer{Kind: news.AnswerNone, Note: "Which article? Ask \"who was quoted in <title, id or URL>?\""}, nil
	}
	art, err := e.findArticle(ctx, scope, target)
	if err != nil {
		return news.Answer{}, err
	}
	if art.ID == "" {
		return news.Answer{Kind: news.AnswerNone, Note: fmt.Sprintf("I have no article matching %q; the list of articles shows what I have.", target)}, nil
	}
	qs, err := e.store.Quotes(ctx, art.ID)
	if err != nil {
		return news.Answer{}, err
	}
	var list []news.Answer
	bySpeaker := map[string]int{}
	for _, q := range qs {
		if q.Speaker == "" {
			continue
		}
		k := news.NormalizeName(q.Speaker)
		if i, ok := bySpeaker[k]; ok {
			// One entry per speaker: keep their longest direct quote.
			if q.Kind == news.Direct && (list[i].Reported || len(q.Text) > len(list[i].Quote)) {
				a := quoteAnswer(news.QuoteHit{Quote: q, Article: art})
				a.Title = cmp.Or(a.Title, list[i].Title)
				list[i] = a
			}
			continue
		}
		bySpeaker[k] = len(list)
		list = append(list, quoteAnswer(news.QuoteHit{Quote: q, Article: art}))
	}
	if len(list) == 0 {
		return news.Answer{Kind: news.AnswerNone, Article: art, Note: fmt.Sprintf("I found no attributed quotes in %q.", art.Title)}, nil
	}
	ans := list[0]
	ans.Quotes = list
	ans.Note = fmt.Sprintf("%d people quoted in %q:", len(list), art.Title)
	return ans, nil
}

// findArticle finds an article that scope may see by id, URL or title
// words; a zero Ref means none.
func (e *Engine) findArticle(ctx context.Context, scope news.Scope, target string) (news.Ref, error) {
	if target == "" {
		return news.Ref{}, nil
	}
	if a, err := e.store.Lookup(ctx, target); err == nil && scope.Allows(a.PrivateTo) {
		return a.Ref(), nil
	} else if err != nil && !errors.Is(err, news.ErrNotFound) {
		return news.Ref{}, err
	}
	refs, err := e.store.FindArticles(ctx, scope, target, 1)
	if err != nil {
		return news.Ref{}, err
	}
	if len(refs) > 0 {
		return refs[0], nil
	}
	return news.Ref{}, nil
}

// general answers any other question with the best-matching sentences.
func (e *Engine) general(ctx context.Context, text string, req Request) (news.Answer, error) {
	qt, err := e.questionTerms(ctx, "sentence", text)
	if err != nil {
		return news.Answer{}, err
	}
	if len(qt) == 0 {
		return news.Answer{Kind: news.AnswerNone, Note: `I can answer questions such as "who said ...?", "what did X say about Y?" or "quotes by X". /help lists more.`}, nil
	}
	query := news.PassageQuery{Text: text, Phrases: phrases(text), Limit: searchDepth, Scope: req.Scope}
	if len(req.ArticleIDs) > 0 {
		query.ArticleIDs = req.ArticleIDs
	}
	hits, err := e.store.SearchPassages(ctx, query)
	if err != nil {
		return news.Answer{}, err
	}
	if len(hits) == 0 && query.ArticleIDs != nil {
		query.ArticleIDs = nil
		if hits, err = e.store.SearchPassages(ctx, query); err != nil {
			return news.Answer{}, err
		}
	}
	maxScore := 0.0
	for _, hit := range hits {
		maxScore = math.Max(maxScore, hit.Score)
	}
	var cands []candidate
	for _, hit := range hits {
		cov, n := coverage(qt, hit.Terms, hit.Sentence.Text)
		rank := cov
		if maxScore > 0 {
			rank += passageScoreShare * hit.Score / maxScore
		}
		cands = append(cands, candidate{answer: passageAnswer(hit), coverage: cov, matched: n, rank: rank})
	}
	sortCandidates(cands)
	cands = acceptable(cands, qt, minPassageCoverage, minPassageMatched)
	if len(cands) == 0 {
		return news.Answer{Kind: news.AnswerNone}, nil
	}
	ans := cands[0].answer
	ans.Matched = matchSpans(qt, ans.Quote)
	for _, c := range cands[1:] {
		if len(ans.Alternatives) >= maxAlternatives {
			break
		}
		if c.answer.Quote == ans.Quote || c.rank < cands[0].rank*passageAltShare {
			continue
		}
		alt := c.answer
		alt.Matched = matchSpans(qt, alt.Quote)
		ans.Alternatives = append(ans.Alternatives, alt)
	}
	return ans, nil
}

// qterm is one word of a question with its weight.
type qterm struct {
	term   string // as indexed (analysed) when the store says, else lower case
	weight float64
	// alts are the analysed synonyms that count as a match for term.
	alts []string
	// unknown: no quote of the index holds the word or a synonym of it, so
	// no quote can be about it.
	unknown bool
	// absent: no quote holds the word itself (a typo, or a word put
	// differently): only then can fuzzy matching help.
	absent bool
}

// questionTerms returns the weighted words of a question, each with its
// synonyms.
func (e *Engine) questionTerms(ctx context.Context, kind, text string) ([]qterm, error) {
	// One text per word and one per word's synonyms, analysed in one call.
	var words []string
	for _, w := range uniqueWords(text) {
		if !lexicon.ModalWords().Has(strings.ToLower(w)) {
			words = append(words, w)
		}
	}
	texts := make([]string, 0, 2*len(words))
	for _, w := range words {
		texts = append(texts, w, strings.Join(lexicon.Synonyms().Of(strings.ToLower(w)), " "))
	}
	stats, docs, err := e.store.TermStats(ctx, kind, texts...)
	if err != nil {
		return nil, err
	}
	idf := func(df int) float64 {
		// BM25's idf: rare words weigh more; a word no document holds weighs
		// the most, so a question about it finds no answer.
		return math.Max(math.Log(1+(float64(docs)-float64(df)+0.5)/(float64(df)+0.5)), minIDF)
	}
	var out []qterm
	seen := map[string]bool{}
	for i := range words {
		own, syn := stats[2*i], stats[2*i+1]
		for j, s := range own {
			if seen[s.Term] {
				continue
			}
			seen[s.Term] = true
			// Absence is evidence only in a large collection: in a small one
			// most ordinary words are in no quote yet.
			q := qterm{term: s.Term, weight: idf(s.DocFreq), unknown: s.DocFreq == 0 && docs >= largeIndex, absent: s.DocFreq == 0}
			if len(own) == 1 && j == 0 {
				for _, a := range syn {
					if a.Term != s.Term {
						q.alts = append(q.alts, a.Term)
						q.unknown = q.unknown && a.DocFreq == 0
					}
				}
			}
			out = append(out, q)
		}
	}
	return out, nil
}

// expand returns text with the synonyms of its words added, for searching.
func expand(qt []qterm, text string) string {
	var b strings.Builder
	b.WriteString(text)
	for _, q := range qt {
		for _, a := range q.alts {
			b.WriteByte(' ')
			b.WriteString(a)
		}
	}
	return b.String()
}

func uniqueWords(text string) []string {
	seen := map[string]bool{}
	var out []string
	for w := range strings.FieldsSeq(text) {
		w = strings.Trim(w, ".,;:!?\"'“”‘’()[]")
		if w == "" || seen[strings.ToLower(w)] {
			continue
		}
		seen[strings.ToLower(w)] = true
		out = append(out, w)
	}
	return out
}

// coverage is the share of the question's weight matched by a candidate,
// and how many question terms it matched. Matched terms come from the
// index; without them, words of the text are compared by prefix.
func coverage(qt []qterm, matchedTerms []string, text string) (float64, int) {
	var total, got float64
	n := 0
	have := map[string]bool{}
	for _, t := range matchedTerms {
		have[t] = true
	}
	var words []string
	if len(matchedTerms) == 0 {
		words = wordsOf(text)
	}
	for _, q := range qt {
		total += q.weight
		hit := have[q.term] || (len(matchedTerms) == 0 && prefixMatch(q.term, words))
		for _, a := range q.alts {
			hit = hit || have[a]
		}
		if hit {
			got += q.weight
			n++
		}
	}
	if total == 0 {
		return 0, 0
	}
	return got / total, n
}

func prefixMatch(term string, words []string) bool {
	for _, w := range words {
		if w == term {
			return true
		}
		k := commonPrefix(w, term)
		if k >= minPrefixMatch && (k == len(w) || k == len(term) || k >= len(term)-2) {
			return true
		}
	}
	return false
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// phrases returns the parts of a question worth matching as phrases: the
// whole of it when it has a few words.
func phrases(text string) []string {
	if len(strings.Fields(text)) < 2 {
		return nil
	}
	return []string{text}
}

// wordsOf splits text into lower-case words.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }
