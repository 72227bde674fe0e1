package index

import (
	"context"
	"encoding/json"
	"fmt"
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

// textQuery builds the scoring part of a query: the words of text as a
// disjunction of terms of field (analysed like the field: stemmed, stop
// words dropped), each phrase as a boosted phrase query. It returns nil when
// nothing is left to match.
func (x *Index) textQuery(field, text string, phrases []string, fuzzy bool) query.Query {
	var parts []query.Query
	an := x.im.AnalyzerNamed(analyzerText)
	seen := map[string]bool{}
	for _, tok := range an.Analyze([]byte(text)) {
		term := string(tok.Term)
		if seen[term] {
			continue
		}
		seen[term] = true
		word := text[min(tok.Start, len(text)):min(tok.End, len(text))]
		if fuzzy && utf8.RuneCountInString(word) >= fuzzyMinLen {
			q := query.NewFuzzyQuery(term)
			q.SetField(field)
			q.SetFuzziness(1)
			parts = append(parts, q)
			continue
		}
		q := query.NewTermQuery(term)
		q.SetField(field)
		parts = append(parts, q)
	}
	for _, p := range phrases {
		if strings.TrimSpace(p) == "" {
			continue
		}
		q := query.NewMatchPhraseQuery(p)
		q.SetField(field)
		q.Analyzer = analyzerText
		q.SetBoost(PhraseBoost)
		parts = append(parts, q)
	}
	switch len(parts) {
	case 0:
		return nil
	case 1:
		return parts[0]
	}
	return query.NewDisjunctionQuery(parts)
}

// filters are the non-scoring conditions of a search.
type filters struct {
	articleField string
	articleIDs   []string
	addedField   string
	since, until time.Time
	extra        []query.Query
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
// with filters matches everything the filters let through.
func build(scoring query.Query, f filters) query.Query {
	fs := f.queries()
	if len(fs) == 0 {
		return scoring
	}
	var filter query.Query = fs[0]
	if len(fs) > 1 {
		filter = query.NewConjunctionQuery(fs)
	}
	bq := query.NewBooleanQuery(nil, nil, nil)
	if scoring != nil {
		bq.AddMust(scoring)
	}
	bq.AddFilter(filter)
	return bq
}

// matchedTerms lists the terms of field that matched in a hit.
func matchedTerms(h *search.DocumentMatch, field string) []string {
	tl := h.Locations[field]
	if len(tl) == 0 {
		return nil
	}
	out := make([]string, 0, len(tl))
	for t := range tl {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// SearchQuotes finds quotes. Text (and Phrases) rank them; Speaker, Outlet,
// ArticleIDs, Since and Until filter. With no Text or Phrases, the quotes
// that pass the filters (a speaker's quotes, say) come newest first.
func (x *Index) SearchQuotes(ctx context.Context, q news.QuoteQuery) ([]news.QuoteHit, error) {
	f := filters{articleField: fQuoteArticle, articleIDs: q.ArticleIDs, addedField: fQuoteAdded, since: q.Since, until: q.Until}
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
	scoring := x.textQuery(fQuoteText, q.Text, q.Phrases, q.Fuzzy)
	if scoring == nil && len(f.extra) == 0 && len(q.ArticleIDs) == 0 && q.Since.IsZero() && q.Until.IsZero() {
		return nil, nil
	}
	// With no scoring query the filters alone select quotes: every filter
	// is on a quote-only field.
	res, err := x.search(ctx, build(scoring, f), q.Limit, scoring == nil, fQuoteAdded, fQuoteText)
	if err != nil {
		return nil, err
	}
	hits := make([]news.QuoteHit, 0, len(res.Hits))
	err = x.db.View(func(tx *bolt.Tx) error {
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
			hits = append(hits, news.QuoteHit{Quote: qt, Article: ref, Score: h.Score, Terms: matchedTerms(h, fQuoteText)})
		}
		return nil
	})
	return hits, err
}

// SearchPassages finds sentences matching Text (and Phrases), best first.
func (x *Index) SearchPassages(ctx context.Context, q news.PassageQuery) ([]news.PassageHit, error) {
	f := filters{articleField: fSentenceArticle, articleIDs: q.ArticleIDs, addedField: fSentenceAdded, since: q.Since, until: q.Until}
	scoring := x.textQuery(fSentenceText, q.Text, q.Phrases, q.Fuzzy)
	if scoring == nil {
		return nil, nil
	}
	res, err := x.search(ctx, build(scoring, f), q.Limit, false, fSentenceAdded, fSentenceText)
	if err != nil {
		return nil, err
	}
	hits := make([]news.PassageHit, 0, len(res.Hits))
	err = x.db.View(func(tx *bolt.Tx) error {
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
			hits = append(hits, news.PassageHit{Sentence: ss[0], Article: ref, Score: h.Score, Terms: matchedTerms(h, fSentenceText)})
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

// search runs a request: by score, or newest first when byDate.
func (x *Index) search(ctx context.Context, q query.Query, limit int, byDate bool, addedField, textField string) (*bleve.SearchResult, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	idx, release, err := x.index()
	if err != nil {
		return nil, err
	}
	defer release()
	req := bleve.NewSearchRequestOptions(q, limit, 0, false)
	req.IncludeLocations = true
	if byDate {
		req.SortBy([]string{"-" + addedField, "_id"})
	}
	res, err := idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return res, nil
}
