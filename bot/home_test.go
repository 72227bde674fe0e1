package bot

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"newsbot/news"
)

// TestHomeTabHTTP: app_home_opened leads to a views.publish for the user
// with the workspace library's count, its newest articles, the workspace's
// feeds and three example questions drawn from the library; nothing
// private to a conversation is asked for or shown.
func TestHomeTabHTTP(t *testing.T) {
	fs := newFakeSlack(t)
	added := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	var scopes []news.Scope
	svc := &fakeService{
		ListFn: func(ctx context.Context, scope news.Scope, limit int) ([]news.Summary, error) {
			mu.Lock()
			scopes = append(scopes, scope)
			mu.Unlock()
			return []news.Summary{
				{Ref: news.Ref{ID: "a1", Title: "China and Russia <talk> peace", URL: "https://example.com/peace", Outlet: "BBC", Added: added}},
				{Ref: news.Ref{ID: "a2", Title: "Old bridge closes", Added: added.Add(-time.Hour)}},
			}, nil
		},
		SummaryFn: func(ctx context.Context, scope news.Scope, from, to time.Time) (news.Digest, error) {
			mu.Lock()
			scopes = append(scopes, scope)
			mu.Unlock()
			if to.Before(added) {
				t.Errorf("examples drawn up to %v, before the newest article", to)
			}
			return news.Digest{Quotes: []news.DigestQuote{
				{Speaker: "Yun Sun", Quote: "Calling for peace is cheap and easy, and it costs nothing."},
				{Speaker: "Priya Nair", Quote: "The bridge is safe for now."},
			}}, nil
		},
	}
	feeds := &fakeFeeds{list: []news.Feed{
		{ID: "f1", URL: "https://news.example/rss", Title: "Example News", Articles: 12},
		{ID: "f2", URL: "https://secret.example/rss", Title: "Secret Feed", Private: true, Channel: "G1"},
	}}
	b, _ := newTestBot(t, fs, svc, func(c *Config) { c.Feeds = feeds })
	body := eventBody("EvH", `{"type":"app_home_opened","user":"U0HOME1","channel":"D1","tab":"home","event_ts":"1700000000.000001"}`)
	if w := serve(b, signed("POST", "/slack/events", body, testSecret, time.Now())); w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	c := fs.next(t, "views.publish")
	var req struct {
		UserID string                   `json:"user_id"`
		View   slack.HomeTabViewRequest `json:"view"`
	}
	if err := json.Unmarshal([]byte(c.Form.Get("json")), &req); err != nil {
		t.Fatal(err)
	}
	if req.UserID != "U0HOME1" || req.View.Type != slack.VTHomeTab {
		t.Fatalf("views.publish = %s", c.Form.Get("json"))
	}
	text := strings.Join(sectionTexts(req.View.Blocks.BlockSet), "\n")
	for _, want := range []string{
		"Library: 2 articles", "China and Russia &lt;talk&gt; peace", "Example News", "12 articles",
		"who said calling for peace is cheap and easy?", "what did Priya Nair say?", "who was quoted in China and Russia &lt;talk&gt; peace?",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Home tab lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Secret Feed") {
		t.Errorf("Home tab shows a feed private to a conversation:\n%s", text)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, s := range scopes {
		if s != (news.Scope{}) {
			t.Errorf("Home tab asked with scope %+v, want the workspace's", s)
		}
	}
	if len(scopes) != 2 {
		t.Errorf("scopes asked = %v", scopes)
	}

	// The Messages tab publishes nothing.
	body = eventBody("EvH2", `{"type":"app_home_opened","user":"U0HOME1","channel":"D1","tab":"messages","event_ts":"1700000000.000002"}`)
	serve(b, signed("POST", "/slack/events", body, testSecret, time.Now()))
	b.waitTasks(context.Background())
	fs.none(t, "views.publish")
}

// TestHomeTabEmpty: an empty library says how to add an article.
func TestHomeTabEmpty(t *testing.T) {
	fs := newFakeSlack(t)
	b, _ := newTestBot(t, fs, &fakeService{}, nil)
	view := b.homeView(context.Background())
	text := strings.Join(sectionTexts(view.Blocks.BlockSet), "\n")
	if !strings.Contains(text, "The library is empty") || strings.Contains(text, "For example") {
		t.Errorf("empty Home tab:\n%s", text)
	}
}

func TestQuoteWords(t *testing.T) {
	for in, want := range map[string]string{
		"Calling for peace is cheap and easy, and it costs nothing.": "calling for peace is cheap and easy",
		"“We will win,”": "we will win",
		"I think so.":    "I think so",
		"NATO must act.": "NATO must act",
		"":               "",
	} {
		if got := quoteWords(in, 7); got != want {
			t.Errorf("quoteWords(%q) = %q, want %q", in, got, want)
		}
	}
}
