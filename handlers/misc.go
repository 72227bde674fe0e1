package handlers

import (
	"context"
	"time"

	"newsbot/news"
	"newsbot/summary"
)

// List returns the stored articles, newest first (limit <= 0: all).
func (h *Handlers) List(ctx context.Context, limit int) ([]news.Summary, error) {
	return h.store.List(ctx, limit)
}

// Remove deletes the article with this id (or unique id prefix) or URL.
func (h *Handlers) Remove(ctx context.Context, idOrURL string) (news.Ref, error) {
	a, err := h.store.Lookup(ctx, idOrURL)
	if err != nil {
		return news.Ref{}, err
	}
	if err := h.store.Remove(ctx, a.ID); err != nil {
		return news.Ref{}, err
	}
	return a.Ref(), nil
}

// Summary returns the digest of the articles added in [from, to).
func (h *Handlers) Summary(ctx context.Context, from, to time.Time) (news.Digest, error) {
	docs, err := h.store.Since(ctx, from, to)
	if err != nil {
		return news.Digest{}, err
	}
	return summary.Build(docs, from, to), nil
}

// Now is the handlers' clock.
func (h *Handlers) Now() time.Time { return h.now() }
