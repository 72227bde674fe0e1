package index

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// DefaultLimit is the number of hits returned when a query sets no limit.
const DefaultLimit = 10

// PhraseBoost multiplies the score of a phrase that matches as a phrase, so
// that a quote with the asked words together beats one with them scattered.
const PhraseBoost = 5.0

// fuzzyMinLen is the shortest word (in letters) matched with fuzziness.
const fuzzyMinLen = 5

// Terms that occur in more than commonFraction of the documents of a type
// (and in more than minCommon of them) are "common": they add to the score
// of documents found by the other words (when there are few of those) but
// do not find documents themselves. Iterating their long posting lists is what made a who-said
// query slow; their BM25 weight is small anyway.
const (
	commonFraction = 0.01
	minCommon      = 1000
	// maxScorers is the number of common words that add to the score.
	maxScorers = 2
)

// queryTerm is one analysed word of a question.
type queryTerm struct {
	term  string // as indexed (stemmed)
	fuzzy bool   // also matches terms one edit away
	df    uint64 // documents of the field containing term
}

// textQuery builds the scoring part of a query on field: the words of text
// (analysed like the field: stemmed, stop words dropped) as a disjunction of
// terms, each phrase as a boosted phrase query. Common words only score
// (see commonFraction); the others and the phrases find the documents. It
// returns a nil query when nothing is left to match, and the terms, to tell
// which of them a hit contains.
func (x *Index) textQuery(ctx context.Context, idx bleve.Index, field, text string, phrases []string, fuzzy bool, docs uint64) (query.Query, []queryTerm, error) {
	var terms []queryTerm
	an := x.im.AnalyzerNamed(analyzerText)
	seen := map[string]bool{}
	addTerms := func(text string) {
		for _, tok := range an.Analyze([]byte(text)) {
			term := string(tok.Term)
			if seen[term] {
				continue
			}
			seen[term] = true
			word := text[min(tok.Start, len(text)):min(tok.End, len(text))]
			terms = append(terms, queryTerm{term: term, fuzzy: fuzzy && utf8.RuneCountInString(word) >= fuzzyMinLen})
		}
	}
	addTerms(text)
	// A phrase of fewer than two words once stop words are dropped is a
	// word: as a phrase it would only cost (position checks on every
	// document holding the word).
	var realPhrases []string
	for _, p := range phrases {
		if len(an.Analyze([]byte(p))) < 2 {
			addTerms(p)
			continue
		}
		realPhrases = append(realPhrases, p)
	}
	phrases = realPhrases
	var finders, scorers []query.Query
	if len(terms) > 0 {
		if err := docFrequencies(ctx, idx, field, terms); err != nil {
			return nil, nil, err
		}
		limit := max(uint64(minCommon), uint64(commonFraction*float64(docs)))
		// The rarest word finds documents even when every word is common.
		byDF := slices.Clone(terms)
		slices.SortStableFunc(byDF, func(a, b queryTerm) int { return cmp.Compare(a.df, b.df) })
		for i, t := range byDF {
			common := t.df > limit && i > 0
			if common {
				t.fuzzy = false // a word that common is spelt right
			}
			var q query.Query
			if t.fuzzy && t.df < minCommon {
				fq := query.NewFuzzyQuery(t.term)
				fq.SetField(field)
				fq.SetFuzziness(1)
				q = fq
			} else {
				tq := query.NewTermQuery(t.term)
				tq.SetField(field)
				q = tq
			}
			if common {
				scorers = append(scorers, q)
			} else {
				finders = append(finders, q)
			}
		}
	}
	for _, p := range phrases {
		if strings.TrimSpace(p) == "" {
			continue
		}
		q := query.NewMatchPhraseQuery(p)
		q.SetField(field)
		q.Analyzer = analyzerText
		q.SetBoost(PhraseBoost)
		finders = append(finders, q)
	}
	if len(finders) == 0 {
		return nil, terms, nil
	}
	var find query.Query = query.NewDisjunctionQuery(finders)
	if len(finders) == 1 {
		find = finders[0]
	}
	if len(scorers) == 0 || len(finders) >= 3 {
		// With enough selective words, the common ones would only add a
		// little score at a high cost (advancing their long posting lists
		// to every candidate): leave them out. Hits still report them
		// among their matched terms.
		return find, terms, nil
	}
	// scorers are in rising document frequency: the rarest common words
	// weigh the most and cost the least.
	scorers = scorers[:min(len(scorers), maxScorers)]
	var score query.Query = query.NewDisjunctionQuery(scorers)
	if len(scorers) == 1 {
		score = scorers[0]
	}
	return query.NewBooleanQuery([]query.Query{find}, []query.Query{score}, nil), terms, nil
}

// nonStop returns the indexed terms of text (nothing when it is all stop
// words).
func nonStop(x *Index, text string) []string {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var out []string
	for _, tok := range x.im.AnalyzerNamed(analyzerText).Analyze([]byte(text)) {
		out = append(out, string(tok.Term))
	}
	return out
}

// docFrequencies fills in how many documents contain each term.
func docFrequencies(ctx context.Context, idx bleve.Index, field string, terms []queryTerm) error {
	ai, err := idx.Advanced()
	if err != nil {
		return err
	}
	r, err := ai.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	for i := range terms {
		tfr, err := r.TermFieldReader(ctx, []byte(terms[i].term), field, false, false, false)
		if err != nil {
			return err
		}
		terms[i].df = tfr.Count()
		if err := tfr.Close(); err != nil {
			return err
		}
	}
	return nil
}

// matchedTerms lists the query terms that a text contains (as indexed
// terms: stems, sorted) and the byte spans of the words of text that hold
// them, in text order. A fuzzy query term matches the text's terms one edit
// away.
func (x *Index) matchedTerms(text string, terms []queryTerm) ([]string, []news.Span) {
	if len(terms) == 0 {
		return nil, nil
	}
	var out []string
	var spans []news.Span
	seen := map[string]bool{}
	for _, tok := range x.im.AnalyzerNamed(analyzerText).Analyze([]byte(text)) {
		t := string(tok.Term)
		match := seen[t]
		if !match {
			for _, q := range terms {
				if t == q.term || (q.fuzzy && oneEdit(t, q.term)) {
					match = true
					seen[t] = true
					out = append(out, t)
					break
				}
			}
		}
		if match && tok.Start >= 0 && tok.End <= len(text) && tok.Start < tok.End {
			spans = append(spans, news.Span{Start: tok.Start, End: tok.End})
		}
	}
	sort.Strings(out)
	return out, spans
}

// oneEdit reports whether a and b are at most one insertion, deletion or
// substitution apart (bleve's fuzziness 1 is Levenshtein distance 1).
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return i == len(ra) || string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i+1:]) == string(rb[i:])
}

// filters are the non-scoring conditions of a search.
type filters struct {
	articleField string
	articleIDs   []string
	addedField   string
	since, until time.Time
	extra        []query.Query
	// visField and scope restrict the search to what the asking
	// conversation may see, inside the query itself: hits are never
	// fetched and then dropped.
	visField string
	scope    news.Scope
}

// visibility is the filter of the articles scope may see: the workspace's
// and those private to its conversation; nil for the operator's scope.
func visibility(field string, scope news.Scope) query.Query {
	if scope.All {
		return nil
	}
	w := query.NewTermQuery(visWorkspace)
	w.SetField(field)
	if scope.Conversation == "" || scope.Conversation == visWorkspace {
		return w
	}
	c := query.NewTermQuery(scope.Conversation)
	c.SetField(field)
	return query.NewDisjunctionQuery([]query.Query{w, c})
}

func (f filters) queries() []query.Query {
	qs := append([]query.Query(nil), f.extra...)
	if len(f.articleIDs) > 0 {
		var ors []query.Query
		for _, id := range f.articleIDs {
			q := query.NewTermQuery(id)
			q.SetField(f.articleField)
			ors = append(ors, q)
		}
		if len(ors) == 1 {
			qs = append(qs, ors[0])
		} else {
			qs = append(qs, query.NewDisjunctionQuery(ors))
		}
	}
	if !f.since.IsZero() || !f.until.IsZero() {
		yes, no := true, false
		q := query.NewDateRangeInclusiveQuery(f.since, f.until, &yes, &no)
		q.SetField(f.addedField)
		qs = append(qs, q)
	}
	return qs
}

// build combines the scoring query and the filters. A nil scoring query
// with filters matches everything the filters let through; with none (but
// visibility) it matches nothing.
func build(scoring query.Query, f filters) query.Query {
	fs := f.queries()
	if scoring == nil && len(fs) == 0 {
		return nil
	}
	if v := visibility(f.visField, f.scope); v != nil {
		fs = append(fs, v)
	}
	if len(fs) == 0 {
		return scoring
	}
	var filter query.Query = fs[0]
	if len(fs) > 1 {
		filter = query.NewConjunctionQuery(fs)
	}
	if scoring == nil {
		// Sorted by date, not scored: the filters themselves find the
		// documents (a filter on top of match-all would visit them all).
		return filter
	}
	if n := len(f.articleIDs); n > 0 && n <= maxDrivingArticles {
		// A few articles: let their documents drive the search and score
		// only those (a filter is checked on every document the words
		// match, across the whole index).
		if b, ok := filter.(query.BoostableQuery); ok {
			b.SetBoost(1e-9) // the filter must not change the ranking
		}
		bq := query.NewBooleanQuery([]query.Query{filter}, []query.Query{scoring}, nil)
		bq.SetMinShould(1)
		return bq
	}
	bq := query.NewBooleanQuery(nil, nil, nil)
	bq.AddMust(scoring)
	bq.AddFilter(filter)
	return bq
}

// maxDrivingArticles is the most articles a search restricted to articles
// iterates itself rather than filtering the word matches.
const maxDrivingArticles = 256

// SearchQuotes finds quotes. Text (and Phrases) rank them; Speaker, Outlet,
// ArticleIDs, Since and Until filter. With no Text or Phrases, the quotes
// that pass the filters (a speaker's quotes, say) come newest first.
func (x *Index) SearchQuotes(ctx context.Context, q news.QuoteQuery) ([]news.QuoteHit, error) {
	f := filters{articleField: fQuoteArticle, articleIDs: q.ArticleIDs, addedField: fQuoteAdded, since: q.Since, until: q.Until,
		visField: fQuoteVis, scope: q.Scope}
	if strings.TrimSpace(q.Speaker) != "" {
		m := query.NewMatchQuery(q.Speaker)
		m.SetField(fQuoteWho)
		m.Analyzer = analyzerName
		m.SetOperator(query.MatchQueryOperatorAnd)
		f.extra = append(f.extra, m)
	}
	if o := strings.TrimSpace(q.Outlet); o != "" {
		t := query.NewTermQuery(strings.ToLower(o))
		t.SetField(fQuoteOutlet)
		f.extra = append(f.extra, t)
	}
	if strings.TrimSpace(q.Speaker) != "" && len(q.Phrases) == 0 && len(nonStop(x, q.Text)) == 0 {
		if hits, ok, err := x.speakerQuotes(ctx, q); ok || err != nil {
			return hits, err
		}
	}
	res, terms, err := x.search(ctx, fQuoteText, q.Text, q.Phrases, q.Fuzzy, f, q.Limit, fQuoteAdded,
		func(c counts) uint64 { return c.quotes })
	if err != nil || res == nil {
		return nil, err
	}
	if len(terms) == 0 && len(q.Phrases) == 0 {
		// Newest first; within an article, in text order.
		first := map[string]int{}
		for i, h := range res.Hits {
			id, _, _, _ := parseDocID(h.ID)
			if _, ok := first[id]; !ok {
				first[id] = i
			}
		}
		slices.SortStableFunc(res.Hits, func(a, b *search.DocumentMatch) int {
			aid, _, an, _ := parseDocID(a.ID)
			bid, _, bn, _ := parseDocID(b.ID)
			return cmp.Or(cmp.Compare(first[aid], first[bid]), cmp.Compare(an, bn))
		})
	}
	hits := make([]news.QuoteHit, 0, len(res.Hits))
	err = x.view(func(tx *bolt.Tx) error {
		refs := map[string]news.Ref{}
		for _, h := range res.Hits {
			id, kind, n, ok := parseDocID(h.ID)
			if !ok || kind != 'q' {
				continue
			}
			v := tx.Bucket(bucketQuotes).Get(quoteKey(id, n))
			if v == nil {
				continue // removed or re-extracted since the search
			}
			var qt news.Quote
			if err := json.Unmarshal(v, &qt); err != nil {
				return fmt.Errorf("decode quote %s: %w", h.ID, err)
			}
			qt.ArticleID = id
			ref, err := refOf(tx, refs, id)
			if err != nil {
				return err
			}
			terms, spans := x.matchedTerms(qt.Text, terms)
			hits = append(hits, news.QuoteHit{Quote: qt, Article: ref, Score: h.Score, Terms: terms, Matched: spans})
		}
		return nil
	})
	return hits, err
}

// SearchPassages finds sentences matching Text (and Phrases), best first.
func (x *Index) SearchPassages(ctx context.Context, q news.PassageQuery) ([]news.PassageHit, error) {
	f := filters{articleField: fSentenceArticle, articleIDs: q.ArticleIDs, addedField: fSentenceAdded, since: q.Since, until: q.Until,
		visField: fSentenceVis, scope: q.Scope}
	if strings.TrimSpace(q.Text) == "" && len(q.Phrases) == 0 {
		return nil, nil
	}
	res, terms, err := x.search(ctx, fSentenceText, q.Text, q.Phrases, q.Fuzzy, f, q.Limit, fSentenceAdded,
		func(c counts) uint64 { return c.sentences })
	if err != nil || res == nil {
		return nil, err
	}
	hits := make([]news.PassageHit, 0, len(res.Hits))
	err = x.view(func(tx *bolt.Tx) error {
		refs := map[string]news.Ref{}
		for _, h := range res.Hits {
			id, kind, n, ok := parseDocID(h.ID)
			if !ok || kind != 's' {
				continue
			}
			enc := tx.Bucket(bucketSentences).Get([]byte(id))
			if enc == nil {
				continue
			}
			ss, err := decodeSentences(string(tx.Bucket(bucketTexts).Get([]byte(id))), enc, n)
			if err != nil {
				return err
			}
			if len(ss) == 0 {
				continue
			}
			ref, err := refOf(tx, refs, id)
			if err != nil {
				return err
			}
			terms, spans := x.matchedTerms(ss[0].Text, terms)
			hits = append(hits, news.PassageHit{Sentence: ss[0], Article: ref, Score: h.Score, Terms: terms, Matched: spans})
		}
		return nil
	})
	return hits, err
}

func refOf(tx *bolt.Tx, cache map[string]news.Ref, id string) (news.Ref, error) {
	if r, ok := cache[id]; ok {
		return r, nil
	}
	r, ok, err := getRecord(tx, id)
	if err != nil {
		return news.Ref{}, err
	}
	if !ok {
		return news.Ref{ID: id}, nil
	}
	cache[id] = r.Ref()
	return cache[id], nil
}

// search runs a search on one document type: by score when there is text
// to match, otherwise (filters only) newest first. It returns a nil result
// when there is nothing to search for.
func (x *Index) search(ctx context.Context, field, text string, phrases []string, fuzzy bool, f filters, limit int,
	addedField string, docsOf func(counts) uint64) (*bleve.SearchResult, []queryTerm, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	c, err := x.counts()
	if err != nil {
		return nil, nil, err
	}
	var res *bleve.SearchResult
	var terms []queryTerm
	err = x.withIndex(ctx, func(idx bleve.Index) error {
		res, terms = nil, nil
		scoring, t, err := x.textQuery(ctx, idx, field, text, phrases, fuzzy, docsOf(c))
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		terms = t
		q := build(scoring, f)
		if q == nil {
			return nil
		}
		req := bleve.NewSearchRequestOptions(q, limit, 0, false)
		if scoring == nil {
			// Not "_id" as a tie-break: it loads every match's stored id.
			req.SortBy([]string{"-" + addedField})
		}
		if res, err = idx.SearchInContext(ctx, req); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		return nil
	})
	if err != nil || res == nil {
		return nil, nil, err
	}
	return res, terms, nil
}
