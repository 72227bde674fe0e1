package bot

import (
	"context"
	"slices"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/index"
	"newsbot/news"
)

// TestStateSurvivesRestart runs a bot on a real on-disk store, restarts
// it (bot and store), and checks that Slack's retry of an event answered
// before the restart is not answered again and that a follow-up in the
// thread is still asked with the thread's articles.
func TestStateSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	fs := newFakeSlack(t)
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		return cheapAnswer(req.Question), nil
	}}
	start := func() (*Bot, *index.Index) {
		ix, err := index.Open(dir, index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := newTestBot(t, fs, svc, func(c *Config) { c.State = ix })
		return b, ix
	}
	b, ix := start()
	first := eventBody("EvR1", mentionEvent("C1", "1700005000.000001", "", "<@UBOT> who said calling for peace is cheap?"))
	serve(b, signed("POST", "/slack/events", first, testSecret, time.Now()))
	fs.next(t, "chat.postMessage")
	waitIdle(t, b)
	if err := ix.Close(); err != nil { // the restart
		t.Fatal(err)
	}

	b, ix = start()
	defer ix.Close()
	retry := signed("POST", "/slack/events", first, testSecret, time.Now())
	retry.Header.Set("X-Slack-Retry-Num", "2")
	retry.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	if w := serve(b, retry); w.Code != 200 {
		t.Fatalf("retry: status %d", w.Code)
	}
	followUp := eventBody("EvR2", mentionEvent("C1", "1700005100.000001", "1700005000.000001", "<@UBOT> what else did he say?"))
	serve(b, signed("POST", "/slack/events", followUp, testSecret, time.Now()))
	if c := fs.next(t, "chat.postMessage"); c.Form.Get("thread_ts") != "1700005000.000001" {
		t.Errorf("follow-up answered in %q", c.Form.Get("thread_ts"))
	}
	waitIdle(t, b)
	fs.none(t, "chat.postMessage")
	asks := svc.askRequests()
	if len(asks) != 2 {
		t.Fatalf("asked %d times, want 2 (the retry is not asked again)", len(asks))
	}
	if want := []string{"a1b2c3d4e5f6", "ffffffffffff"}; !slices.Equal(asks[1].ArticleIDs, want) {
		t.Errorf("follow-up asked with articles %q, want %q", asks[1].ArticleIDs, want)
	}
}
