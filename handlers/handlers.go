// Package handlers holds one function per user interaction (ask, add, list,
// remove, summary). Values in and out are plain Go and news types, so the
// terminal, the CLI and Slack share the same behaviour. It reaches the index
// and the fetcher through the small interfaces declared here.
package handlers

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"newsbot/news"
)

// Store is what the handlers need of the index (implemented by index.Index).
type Store interface {
	// Add stores and indexes documents in one durable batch. errs[i] is the
	// refusal of docs[i] (a *news.DuplicateError) or nil when it was added;
	// err is a failure of the whole batch, after which nothing was added.
	Add(ctx context.Context, docs []news.Document) (errs []error, err error)
	// Get returns the stored article with this id.
	Get(ctx context.Context, id string) (news.Article, error)
	// Lookup finds an article by id, unique id prefix or URL.
	Lookup(ctx context.Context, idOrURL string) (news.Article, error)
	// List returns stored articles, newest added first (limit <= 0: all).
	List(ctx context.Context, limit int) ([]news.Summary, error)
	// Remove deletes an article, its quotes and sentences.
	Remove(ctx context.Context, id string) error
	// Quotes returns the quotes of one article in text order.
	Quotes(ctx context.Context, articleID string) ([]news.Quote, error)
	// Since returns the documents (with quotes) added in [from, to).
	Since(ctx context.Context, from, to time.Time) ([]news.Document, error)
	// SearchQuotes finds quotes matching q, best first (or a speaker's
	// quotes newest first when q has no text).
	SearchQuotes(ctx context.Context, q news.QuoteQuery) ([]news.QuoteHit, error)
	// SearchPassages finds sentences matching q, best first.
	SearchPassages(ctx context.Context, q news.PassageQuery) ([]news.PassageHit, error)
	// Count is the number of stored articles.
	Count(ctx context.Context) (int, error)
}

// Fetcher turns a URL into an article (implemented by fetch.Client).
type Fetcher interface {
	Fetch(ctx context.Context, url string) (news.Article, error)
}

// Deps are the dependencies of Handlers. Store is required.
type Deps struct {
	Store   Store
	Fetcher Fetcher // optional: without it, adding by URL is refused
	Now     func() time.Time
	Log     *slog.Logger
}

// Handlers implements every interaction.
type Handlers struct {
	store   Store
	fetcher Fetcher
	now     func() time.Time
	log     *slog.Logger
}

// New checks the dependencies and returns the handlers.
func New(d Deps) (*Handlers, error) {
	if d.Store == nil {
		return nil, errors.New("handlers: a Store is required")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Handlers{store: d.Store, fetcher: d.Fetcher, now: d.Now, log: d.Log}, nil
}

// AskRequest is one question.
type AskRequest struct {
	Question string
	// ArticleIDs are the articles of the conversation (a thread under an
	// answer or a summary); answers from them are preferred.
	ArticleIDs []string
}

// AddResult reports one added article.
type AddResult struct {
	Article  news.Ref
	Quotes   int
	Speakers int
}
