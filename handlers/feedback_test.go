package handlers_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

// TestVoteCorrects votes on the bridge quote (added by U3 in the public C1):
// a correction from someone else is a suggestion only; from the adder it
// sets the speaker of later answers and summaries, marked corrected; every
// vote is exported; and it survives a reindex, which extracts every quote
// again.
func TestVoteCorrects(t *testing.T) {
	w := newPrivateWorld(t)
	ctx := context.Background()
	const question = "who said the steel is tired?"
	ans, err := w.h.Ask(ctx, handlers.AskRequest{Question: question, Scope: news.In("C1")})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Kind != news.AnswerQuote || ans.Speaker != "Priya Nair" || ans.QuoteID == "" || ans.Corrected {
		t.Fatalf("answer before = %+v", ans)
	}
	vote := func(by news.Actor, v news.Vote, suggested string, admin bool) (handlers.VoteResult, error) {
		return w.h.Vote(ctx, handlers.VoteRequest{Vote: v, Question: question, ArticleID: ans.Article.ID, QuoteID: ans.QuoteID,
			Suggested: suggested, Note: "see paragraph 2", By: by,
			IsAdmin: func(context.Context) (bool, error) { return admin, nil }})
	}
	if res, err := vote(u1InC1, news.VoteRight, "", false); err != nil || res.Applied || res.Suggestion {
		t.Fatalf("right vote = %+v, %v", res, err)
	}
	res, err := vote(u1InC1, news.VoteWrong, "Someone Else", false)
	if err != nil || res.Applied || !res.Suggestion || res.Speaker != "Priya Nair" {
		t.Fatalf("another user's correction = %+v, %v; want a suggestion", res, err)
	}
	if again := askIn(t, w.h, question, "C1"); again.Speaker != "Priya Nair" || again.Corrected {
		t.Fatalf("a suggestion changed the answer: %+v", again)
	}
	res, err = vote(u3InC1, news.VoteWrong, "Jo Bloggs", false)
	if err != nil || !res.Applied || res.Speaker != "Jo Bloggs" {
		t.Fatalf("the adder's correction = %+v, %v", res, err)
	}
	check := func(when string) {
		t.Helper()
		got := askIn(t, w.h, question, "C1")
		if got.Speaker != "Jo Bloggs" || !got.Corrected || got.Title != "" {
			t.Fatalf("%s: answer = %q (corrected %v, title %q), want Jo Bloggs corrected", when, got.Speaker, got.Corrected, got.Title)
		}
		d, err := w.h.Summary(ctx, news.In("C1"), w.clock.Now().Add(-48*time.Hour), w.clock.Now().Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, q := range d.Quotes {
			if q.ArticleID == w.bridge.ID && q.Speaker == "Jo Bloggs" && q.Corrected {
				found = true
			}
			if q.Speaker == "Priya Nair" {
				t.Fatalf("%s: summary still credits Priya Nair: %+v", when, q)
			}
		}
		if !found {
			t.Fatalf("%s: summary quotes = %+v, want Jo Bloggs corrected", when, d.Quotes)
		}
	}
	check("after the correction")
	if _, err := w.store.Reindex(ctx, w.h.Prepare); err != nil {
		t.Fatal(err)
	}
	check("after reindex")

	// An admin may correct too.
	if res, err := vote(u1InC1, news.VoteWrong, "Priya Nair", true); err != nil || !res.Applied {
		t.Fatalf("admin correction = %+v, %v", res, err)
	}
	fbs, err := w.h.Feedback(ctx, news.Everything)
	if err != nil {
		t.Fatal(err)
	}
	if len(fbs) != 4 {
		t.Fatalf("feedback = %d votes, want 4: %+v", len(fbs), fbs)
	}
	if fb := fbs[1]; fb.Vote != news.VoteWrong || fb.Suggested != "Someone Else" || fb.Applied || fb.Question != question ||
		fb.By != u1InC1 || fb.Note != "see paragraph 2" || fb.ArticleID != w.bridge.ID || fb.QuoteID != ans.QuoteID || fb.Speaker != "Priya Nair" {
		t.Fatalf("suggestion as stored = %+v", fb)
	}
	if !fbs[2].Applied || !fbs[3].Applied || fbs[3].Speaker != "Jo Bloggs" {
		t.Fatalf("corrections as stored = %+v", fbs[2:])
	}
}

// TestVotePrivate: a vote on an article private to G1 from elsewhere is not
// found (nothing tells that it exists), and its votes are not listed
// outside G1.
func TestVotePrivate(t *testing.T) {
	w := newPrivateWorld(t)
	ctx := context.Background()
	ans := askIn(t, w.h, "who said our children deserve classrooms that stay dry?", "G1")
	if ans.Article.ID != w.school.ID || ans.QuoteID == "" {
		t.Fatalf("answer in G1 = %+v", ans)
	}
	req := handlers.VoteRequest{Vote: news.VoteWrong, ArticleID: ans.Article.ID, QuoteID: ans.QuoteID, Suggested: "X", By: u1InC1}
	if _, err := w.h.Vote(ctx, req); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("vote from C1 on G1's article: %v, want not found", err)
	}
	req.By = u1InG1
	if res, err := w.h.Vote(ctx, req); err != nil || !res.Applied {
		t.Fatalf("the adder's vote in G1 = %+v, %v", res, err)
	}
	if fbs, err := w.h.Feedback(ctx, news.In("C1")); err != nil || len(fbs) != 0 {
		t.Fatalf("feedback seen from C1 = %+v, %v", fbs, err)
	}
	if fbs, err := w.h.Feedback(ctx, news.In("G1")); err != nil || len(fbs) != 1 {
		t.Fatalf("feedback seen from G1 = %+v, %v", fbs, err)
	}
	req.QuoteID = "0000000000000000"
	if _, err := w.h.Vote(ctx, req); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("vote on an unknown quote: %v", err)
	}
	req.Vote = "maybe"
	if _, err := w.h.Vote(ctx, req); !errors.Is(err, news.ErrInvalid) {
		t.Fatalf("unknown vote: %v", err)
	}
}

func askIn(t *testing.T, h *handlers.Handlers, q, conversation string) news.Answer {
	t.Helper()
	a, err := h.Ask(context.Background(), handlers.AskRequest{Question: q, Scope: news.In(conversation)})
	if err != nil {
		t.Fatalf("Ask(%q): %v", q, err)
	}
	return a
}

// TestCorrectionFollowsRecutQuote: a correction whose quote id no longer
// matches (an extractor that cuts the quote differently) still applies to
// the quote that holds its text, and only in its own article.
func TestCorrectionFollowsRecutQuote(t *testing.T) {
	w := newPrivateWorld(t)
	ctx := context.Background()
	c := news.Correction{ArticleID: w.bridge.ID, QuoteID: "old-cut", Speaker: "Jo Bloggs", Quote: "the steel is tired and it needs work",
		By: news.Operator, Time: w.clock.Now()}
	if err := w.store.PutCorrection(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got := askIn(t, w.h, "who said the steel is tired?", "C1"); got.Speaker != "Jo Bloggs" || !got.Corrected {
		t.Fatalf("answer = %q corrected %v", got.Speaker, got.Corrected)
	}
	c.ArticleID, c.QuoteID = w.school.ID, "x"
	c.Quote, c.Speaker = "classrooms that stay dry", "Nobody"
	if err := w.store.PutCorrection(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got := askIn(t, w.h, "who said our children deserve classrooms that stay dry?", "G1"); got.Speaker != "Nobody" {
		t.Fatalf("school answer = %q", got.Speaker)
	}
	if got := askIn(t, w.h, "who said the town cannot afford a new building?", "G1"); got.Corrected {
		t.Fatalf("an unrelated quote took a correction: %+v", got)
	}
}
