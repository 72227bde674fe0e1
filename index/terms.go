package index

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// TermStats analyses text as the text field of kind ("quote" or
// "sentence") is analysed and returns each distinct term with the number of
// documents whose field holds it, and the number of documents in the index.
// It lets callers weigh the words of a question by rarity.
func (x *Index) TermStats(ctx context.Context, kind, text string) ([]news.TermStat, int, error) {
	field := fQuoteText
	if kind == "sentence" {
		field = fSentenceText
	}
	idx, release, err := x.index()
	if err != nil {
		return nil, 0, err
	}
	defer release()
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
	seen := map[string]bool{}
	var out []news.TermStat
	for _, tok := range an.Analyze([]byte(text)) {
		term := string(tok.Term)
		if seen[term] {
			continue
		}
		seen[term] = true
		tfr, err := r.TermFieldReader(ctx, tok.Term, field, false, false, false)
		if err != nil {
			return nil, 0, fmt.Errorf("term stats %q: %w", term, err)
		}
		out = append(out, news.TermStat{Term: term, DocFreq: int(tfr.Count())})
		tfr.Close()
	}
	return out, int(total), nil
}

// FindArticles finds articles whose title matches text, best first.
func (x *Index) FindArticles(ctx context.Context, text string, limit int) ([]news.Ref, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	m := query.NewMatchQuery(text)
	m.SetField(fArticleTitle)
	m.Analyzer = analyzerText
	res, err := x.search(ctx, m, limit*4, false, fArticleAdded, fArticleTitle)
	if err != nil {
		return nil, err
	}
	want := len(x.im.AnalyzerNamed(analyzerText).Analyze([]byte(text)))
	var refs []news.Ref
	err = x.db.View(func(tx *bolt.Tx) error {
		cache := map[string]news.Ref{}
		for _, h := range res.Hits {
			// Most of the asked words must be in the title.
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
