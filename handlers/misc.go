package handlers

import (
	"context"
	"time"

	"newsbot/news"
	"newsbot/summary"
)

// List returns the stored articles that scope may see, newest first
// (limit <= 0: all).
func (h *Handlers) List(ctx context.Context, scope news.Scope, limit int) ([]news.Summary, error) {
	return h.store.List(ctx, scope, limit)
}

// Summary returns the digest of the articles that scope may see, added in
// [from, to).
func (h *Handlers) Summary(ctx context.Context, scope news.Scope, from, to time.Time) (news.Digest, error) {
	docs, err := h.store.Since(ctx, scope, from, to)
	if err != nil {
		return news.Digest{}, err
	}
	corrected := h.correctDocs(ctx, docs)
	d := summary.Build(docs, from, to)
	for i, q := range d.Quotes {
		d.Quotes[i].Corrected = corrected[news.QuoteID(q.ArticleID, q.Quote)]
	}
	return d, nil
}

// Now is the handlers' clock.
func (h *Handlers) Now() time.Time { return h.now() }
