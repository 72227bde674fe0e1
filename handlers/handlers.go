// Package handlers holds one function per user interaction (ask, add, list,
// remove, summary). Values in and out are plain Go and news types, so the
// terminal, the CLI and Slack share the same behaviour. It reaches the index
// and the fetcher through the small interfaces declared here.
package handlers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"time"

	"newsbot/answer"
	"newsbot/news"
)

// Store is what the handlers need of the index (implemented by index.Index):
// what answering needs, and the rest below.
type Store interface {
	answer.Store
	// Add stores and indexes documents in one durable batch. errs[i] is the
	// refusal of docs[i] (a *news.DuplicateError) or nil when it was added;
	// err is a failure of the whole batch, after which nothing was added.
	Add(ctx context.Context, docs []news.Document) (errs []error, err error)
	// Since returns the documents (with quotes) that scope may see, added
	// in [from, to).
	Since(ctx context.Context, scope news.Scope, from, to time.Time) ([]news.Document, error)
	// Trash moves an article to the trash (out of every search, list and
	// summary) and records the removal in the audit log.
	Trash(ctx context.Context, id string, by news.Actor, at time.Time) (news.TrashItem, error)
	// TrashList returns the trashed articles, most recently removed first.
	TrashList(ctx context.Context) ([]news.TrashItem, error)
	// RestoreTrashed brings a trashed article back as it was, recording
	// action (news.AuditRestore or news.AuditUndo) in the audit log.
	RestoreTrashed(ctx context.Context, id string, by news.Actor, at time.Time, action string) (news.Ref, error)
	// PurgeTrash deletes for good the articles removed before cutoff.
	PurgeTrash(ctx context.Context, cutoff, now time.Time) (int, error)
	// RecordAudit appends an event to the audit log.
	RecordAudit(ctx context.Context, ev news.AuditEvent) error
	// Audit returns the audit log from since on, oldest first.
	Audit(ctx context.Context, since time.Time) ([]news.AuditEvent, error)
	// RecordFeedback stores a vote on an answer.
	RecordFeedback(ctx context.Context, fb news.Feedback) error
	// Feedback returns every stored vote, oldest first.
	Feedback(ctx context.Context) ([]news.Feedback, error)
	// PutCorrection sets the speaker of one quote, apart from the
	// extracted quotes (it survives reindexing).
	PutCorrection(ctx context.Context, c news.Correction) error
	// Corrections returns the corrections of the articles, by quote id.
	Corrections(ctx context.Context, articleIDs ...string) (map[string]news.Correction, error)
}

// Fetcher turns a URL into an article (implemented by fetch.Client).
type Fetcher interface {
	Fetch(ctx context.Context, url string) (news.Article, error)
}

// Deps are the dependencies of Handlers. Store is required.
type Deps struct {
	Store   Store
	Fetcher Fetcher // optional: without it, adding by URL is refused
	// ParseHTML reads an HTML file into an article (fetch.ParseHTML);
	// optional: without it, shared HTML files are refused.
	ParseHTML func(data []byte, source string) (news.Article, error)
	// ParsePDF reads the text of a PDF (pdftext.Extractor.Text);
	// optional: without it, shared PDFs are refused.
	ParsePDF func(ctx context.Context, data []byte) (string, error)
	Now      func() time.Time
	Log      *slog.Logger
}

// Handlers implements every interaction.
type Handlers struct {
	store   Store
	answers *answer.Engine
	fetcher Fetcher
	// parseHTML reads shared HTML files (nil: refused).
	parseHTML func(data []byte, source string) (news.Article, error)
	// parsePDF reads shared PDFs (nil: refused).
	parsePDF func(ctx context.Context, data []byte) (string, error)
	now      func() time.Time
	log      *slog.Logger
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
	answers, err := answer.New(d.Store, d.Log.With("component", "answer"))
	if err != nil {
		return nil, err
	}
	return &Handlers{store: d.Store, answers: answers, fetcher: d.Fetcher, parseHTML: d.ParseHTML, parsePDF: d.ParsePDF, now: d.Now, log: d.Log}, nil
}

// Ask answers one question. A panic while answering (a bug, or damaged
// data under the index) becomes an error: no stack trace reaches a user.
func (h *Handlers) Ask(ctx context.Context, req AskRequest) (ans news.Answer, err error) {
	defer func() {
		if r := recover(); r != nil {
			h.log.Error("panic while answering", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			ans, err = news.Answer{}, errors.New("answer a question: internal error (logged)")
		}
	}()
	ans, err = h.answers.Ask(ctx, req)
	if err == nil {
		h.correctAnswer(ctx, &ans)
	}
	return ans, err
}

// AskRequest is one question (see answer.Request).
type AskRequest = answer.Request

// AddResult reports one added article.
type AddResult struct {
	Article  news.Ref
	Quotes   int
	Speakers int
	// PrivateTo is the conversation the article is private to ("" when it
	// is visible across the workspace).
	PrivateTo string
}
