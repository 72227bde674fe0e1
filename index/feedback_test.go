package index_test

import (
	"context"
	"testing"
	"time"

	"newsbot/news"
)

// TestFeedbackAndCorrectionsPersist: votes, corrections and a thread's last
// answer are on disk: they survive closing the store.
func TestFeedbackAndCorrectionsPersist(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x := mustOpen(t, dir)
	by := news.Actor{User: "U1", Conversation: "C1", Via: news.ViaSlack}
	for i, v := range []news.Vote{news.VoteRight, news.VoteWrong} {
		if err := x.RecordFeedback(ctx, news.Feedback{Time: t0.Add(time.Duration(i) * time.Minute), Vote: v, ArticleID: "a1", QuoteID: "q1", By: by}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []news.Correction{
		{ArticleID: "a1", QuoteID: "q1", Speaker: "Jo", By: by, Time: t0},
		{ArticleID: "a1", QuoteID: "q1", Speaker: "Jane", By: by, Time: t0}, // replaces
		{ArticleID: "a10", QuoteID: "q9", Speaker: "Other", By: by, Time: t0},
	} {
		if err := x.PutCorrection(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.PutCorrection(ctx, news.Correction{ArticleID: "a1"}); err == nil {
		t.Error("a correction without a quote id was stored")
	}
	turn := news.ThreadTurn{Question: "who?", Speaker: "Yun Sun", Shown: []string{"q1"}}
	if err := x.PutThreadTurn(ctx, "C1/1", turn, t0, t0.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	x.Close()

	x = mustOpen(t, dir)
	defer x.Close()
	fbs, err := x.Feedback(ctx)
	if err != nil || len(fbs) != 2 || fbs[0].Vote != news.VoteRight || fbs[1].Vote != news.VoteWrong {
		t.Fatalf("feedback after reopening = %+v, %v", fbs, err)
	}
	cors, err := x.Corrections(ctx, "a1")
	if err != nil || len(cors) != 1 || cors["q1"].Speaker != "Jane" {
		t.Fatalf("corrections of a1 = %+v, %v (a10's must not be a1's)", cors, err)
	}
	got, ok, err := x.ThreadTurn(ctx, "C1/1", t0.Add(-time.Hour))
	if err != nil || !ok || got.Speaker != "Yun Sun" || len(got.Shown) != 1 {
		t.Fatalf("thread turn = %+v %v %v", got, ok, err)
	}
	if _, ok, _ := x.ThreadTurn(ctx, "C1/1", t0.Add(time.Hour)); ok {
		t.Error("an expired thread turn is still returned")
	}
	if threads, _ := x.Thread(ctx, "C1/1", t0.Add(-time.Hour)); threads != nil {
		t.Errorf("the turn shows up as the thread's articles: %v", threads)
	}
}
