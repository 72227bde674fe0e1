// Package answer turns a question into an answer: it parses the question's
// intent (who said, what did X say, quotes in an article, anything else),
// searches the store, ranks the candidates by how much of the question they
// account for (coverage, synonyms, the echo) and decides, honestly, whether
// any of them answers it. It does no I/O of its own: the store is reached
// through the Store interface declared here, which index.Index implements.
package answer

import (
	"context"
	"errors"
	"io"
	"log/slog"

	"newsbot/news"
)

// Store is what answering needs of the index (implemented by index.Index).
type Store interface {
	// Get returns the stored article with this id.
	Get(ctx context.Context, id string) (news.Article, error)
	// Lookup finds an article by id, unique id prefix or URL.
	Lookup(ctx context.Context, idOrURL string) (news.Article, error)
	// List returns the stored articles scope may see, newest added first
	// (limit <= 0: all).
	List(ctx context.Context, scope news.Scope, limit int) ([]news.Summary, error)
	// Quotes returns the quotes of one article in text order.
	Quotes(ctx context.Context, articleID string) ([]news.Quote, error)
	// Count is the number of stored articles.
	Count(ctx context.Context) (int, error)
	// SearchQuotes finds quotes matching q, best first (or a speaker's
	// quotes newest first when q has no text).
	SearchQuotes(ctx context.Context, q news.QuoteQuery) ([]news.QuoteHit, error)
	// SearchPassages finds sentences matching q, best first.
	SearchPassages(ctx context.Context, q news.PassageQuery) ([]news.PassageHit, error)
	// FindArticles searches the titles of the articles scope may see.
	FindArticles(ctx context.Context, scope news.Scope, text string, limit int) ([]news.Ref, error)
	// TermStats analyses each text as the field of kind ("quote" or
	// "sentence") is analysed and returns, per text, each distinct term with
	// the number of documents of the index holding it, and the number of
	// documents. Ask weighs a question's words by it (a match on "penguins"
	// means more than one on "people").
	TermStats(ctx context.Context, kind string, texts ...string) (terms [][]news.TermStat, docs int, err error)
	// Analyze splits texts into the terms the index keeps (stemmed, stop
	// words left out), with byte spans, so that words of a quote and of a
	// question compare as the index compares them.
	Analyze(texts ...string) [][]news.Token
}

// Engine answers questions over a Store.
type Engine struct {
	store Store
	log   *slog.Logger
}

// New returns an engine over store; log may be nil.
func New(store Store, log *slog.Logger) (*Engine, error) {
	if store == nil {
		return nil, errors.New("answer: a Store is required")
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Engine{store: store, log: log}, nil
}

// Request is one question.
type Request struct {
	Question string
	// ArticleIDs are the articles of the conversation (a thread under an
	// answer or a summary); answers from them are preferred.
	ArticleIDs []string
	// Scope is what the asking conversation may see: every search and
	// lookup of the answer is restricted to it (the zero Scope: workspace
	// articles only).
	Scope news.Scope
}
