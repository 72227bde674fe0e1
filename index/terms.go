package index

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// TermStats analyses each text as the text field of kind ("quote" or
// "sentence") is analysed and returns, per text, each distinct term with the
// number of documents whose field holds it, and the number of documents in
// the index. It lets callers weigh the words of a question by rarity.
func (x *Index) TermStats(ctx context.Context, kind string, texts ...string) ([][]news.TermStat, int, error) {
	field := fQuoteText
	if kind == "sentence" {
		field = fSentenceText
	}
	var out [][]news.TermStat
	var total uint64
	err := x.withIndex(ctx, func(idx bleve.Index) error {
		var err error
		out, total, err = x.termStats(ctx, idx, field, texts)
		return err
	})
	return out, int(total), err
}

func (x *Index) termStats(ctx context.Context, idx bleve.Index, field string, texts []string) ([][]news.TermStat, uint64, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, 0, fmt.Errorf("term stats: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, 0, fmt.Errorf("term stats: %w", err)
	}
	defer r.Close()
	total, err := r.DocCount()
	if err != nil {
		return nil, 0, fmt.Errorf("term stats: %w", err)
	}
	an := x.im.AnalyzerNamed(analyzerText)
	df := map[string]int{}
	out := make([][]news.TermStat, len(texts))
	for i, text := range texts {
		seen := map[string]bool{}
		for _, tok := range an.Analyze([]byte(text)) {
			term := string(tok.Term)
			if seen[term] {
				continue
			}
			seen[term] = true
			n, ok := df[term]
			if !ok {
				tfr, err := r.TermFieldReader(ctx, tok.Term, field, false, false, false)
				if err != nil {
					return nil, 0, fmt.Errorf("term stats %q: %w", term, err)
				}
				n = int(tfr.Count())
				tfr.Close()
				df[term] = n
			}
			out[i] = append(out[i], news.TermStat{Term: term, DocFreq: n})
		}
	}
	return out, total, nil
}

// Analyze returns the tokens of each text as the text fields are analysed
// (stop words left out, words stemmed), with their spans in the text. It
// reads nothing from the index.
func (x *Index) Analyze(texts ...string) [][]news.Token {
	an := x.im.AnalyzerNamed(analyzerText)
	out := make([][]news.Token, len(texts))
	for i, text := range texts {
		for _, tok := range an.Analyze([]byte(text)) {
			out[i] = append(out[i], news.Token{Term: string(tok.Term), Start: tok.Start, End: tok.End})
		}
	}
	return out
}

// FindArticles finds articles that scope may see whose title matches text,
// best first. Most of the asked words must be in the title.
func (x *Index) FindArticles(ctx context.Context, scope news.Scope, text string, limit int) ([]news.Ref, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	m := query.NewMatchQuery(text)
	m.SetField(fArticleTitle)
	m.Analyzer = analyzerText
	var q query.Query = m
	if v := visibility(fArticleVis, scope); v != nil {
		bq := query.NewBooleanQuery([]query.Query{m}, nil, nil)
		bq.AddFilter(v)
		q = bq
	}
	req := bleve.NewSearchRequestOptions(q, limit*4, 0, false)
	req.IncludeLocations = true
	var res *bleve.SearchResult
	err := x.withIndex(ctx, func(idx bleve.Index) error {
		var err error
		if res, err = idx.SearchInContext(ctx, req); err != nil {
			return fmt.Errorf("find articles: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	want := len(x.im.AnalyzerNamed(analyzerText).Analyze([]byte(text)))
	var refs []news.Ref
	err = x.view(func(tx *bolt.Tx) error {
		cache := map[string]news.Ref{}
		for _, h := range res.Hits {
			if want > 0 && len(h.Locations[fArticleTitle])*2 < want {
				continue
			}
			ref, err := refOf(tx, cache, h.ID)
			if err != nil {
				continue
			}
			refs = append(refs, ref)
			if len(refs) == limit {
				break
			}
		}
		return nil
	})
	return refs, err
}
