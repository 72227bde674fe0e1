package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"newsbot/handlers"
	"newsbot/news"
)

func TestCutEverywhere(t *testing.T) {
	for _, tc := range []struct {
		in, rest   string
		everywhere bool
	}{
		{"https://x.test/a everywhere", "https://x.test/a", true},
		{"everywhere https://x.test/a", "https://x.test/a", true},
		{"EVERYWHERE Title\nBody", "Title\nBody", true},
		{"Title\nBody text.\neverywhere\n", "Title\nBody text.", true},
		{"Title\nPeace is needed everywhere", "Title\nPeace is needed everywhere", false},
		{"https://x.test/a", "https://x.test/a", false},
		{"Title everywhere", "Title everywhere", false},
	} {
		rest, ok := cutEverywhere(tc.in)
		if rest != tc.rest || ok != tc.everywhere {
			t.Errorf("cutEverywhere(%q) = %q, %v; want %q, %v", tc.in, rest, ok, tc.rest, tc.everywhere)
		}
	}
}

// TestPrivateConversation: only what conversations.info confirms is a
// public channel makes an article workspace-wide; DMs are not looked up,
// and any doubt keeps it private.
func TestPrivateConversation(t *testing.T) {
	info := func(c slacktest.Customize) {
		c.Handle("/conversations.info", func(w http.ResponseWriter, r *http.Request) {
			_ = r.ParseForm()
			switch id := r.PostForm.Get("channel"); id {
			case "CPUB":
				fmt.Fprint(w, `{"ok":true,"channel":{"id":"CPUB","is_channel":true}}`)
			case "CPRIV":
				fmt.Fprint(w, `{"ok":true,"channel":{"id":"CPRIV","is_channel":true,"is_private":true}}`)
			case "GMPIM":
				fmt.Fprint(w, `{"ok":true,"channel":{"id":"GMPIM","is_mpim":true,"is_private":true}}`)
			case "CHIDDEN":
				fmt.Fprint(w, `{"ok":false,"error":"channel_not_found"}`)
			default:
				fmt.Fprint(w, `{"ok":false,"error":"missing_scope"}`)
			}
		})
	}
	fs := newFakeSlack(t, info)
	b, _ := newTestBot(t, fs, &fakeService{}, nil)
	ctx := context.Background()
	for ch, want := range map[string]bool{"CPUB": false, "CPRIV": true, "GMPIM": true, "CHIDDEN": true, "D123": true, "CSCOPE": true} {
		got, why := b.privateConversation(ctx, ch)
		if got != want {
			t.Errorf("%s: private = %v, want %v", ch, got, want)
		}
		if ch == "CSCOPE" && why == "" {
			t.Error("a failed lookup does not say why the article stayed private")
		}
	}
}

// TestAdminCache: users.info is asked once per user within the cache's
// life; NEWSBOT_ADMINS need no lookup.
func TestAdminCache(t *testing.T) {
	var lookups atomic.Int32
	users := func(c slacktest.Customize) {
		c.Handle("/users.info", func(w http.ResponseWriter, r *http.Request) {
			lookups.Add(1)
			_ = r.ParseForm()
			id := r.PostForm.Get("user")
			fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"is_owner":%t}}`, id, id == "UOWNER")
		})
	}
	fs := newFakeSlack(t, users)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) {
		c.Admins = []string{"UNB"}
		c.Now = func() time.Time { return now }
	})
	ctx := context.Background()
	for _, tc := range []struct {
		user string
		want bool
	}{{"UNB", true}, {"UOWNER", true}, {"UOWNER", true}, {"UPLAIN", false}, {"UPLAIN", false}} {
		if got, err := b.isAdmin(ctx, tc.user); err != nil || got != tc.want {
			t.Errorf("isAdmin(%s) = %v, %v", tc.user, got, err)
		}
	}
	if n := lookups.Load(); n != 2 {
		t.Errorf("users.info asked %d times, want 2", n)
	}
	now = now.Add(adminCacheTTL)
	_, _ = b.isAdmin(ctx, "UPLAIN")
	if n := lookups.Load(); n != 3 {
		t.Errorf("after the cache's life users.info asked %d times in all, want 3", n)
	}
}

// TestShareInAnotherConversationAsksAgain: a Share click whose answer was
// made in another conversation is asked again in the scope of the click's
// conversation, never posted as it was.
func TestShareInAnotherConversationAsksAgain(t *testing.T) {
	fs := newFakeSlack(t)
	hk := newHook(t)
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		if req.Scope == news.In("G1") {
			return cheapAnswer(req.Question), nil
		}
		return news.Answer{Question: req.Question, Kind: news.AnswerNone}, nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	key := "k1"
	b.shares.put(key, sharedAnswer{answer: cheapAnswer("who said calling for peace is cheap?"), channel: "G1"})
	value := shareValue(key, "who said calling for peace is cheap?")
	payload, _ := json.Marshal(map[string]any{"type": "block_actions", "user": map[string]string{"id": "U2"}, "response_url": hk.URL + "/r",
		"channel": map[string]string{"id": "C1"},
		"actions": []map[string]string{{"action_id": actionShare, "block_id": "newsbot_actions", "type": "button", "value": value}}})
	w := serve(b, signed("POST", "/slack/interactions", url.Values{"payload": {string(payload)}}.Encode(), testSecret, time.Now()))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	raw, _ := json.Marshal(hk.next(t))
	if strings.Contains(string(raw), "Yun Sun") {
		t.Errorf("the G1 answer was shared in C1: %s", raw)
	}
	asks := svc.askRequests()
	if len(asks) != 1 || asks[0].Scope != news.In("C1") {
		t.Errorf("asked again with %+v", asks)
	}
}
