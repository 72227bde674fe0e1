package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

func TestSignatureVerification(t *testing.T) {
	fs := newFakeSlack(t)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) { c.Now = func() time.Time { return now } })
	body := `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	tests := []struct {
		name string
		req  func() *http.Request
		code int
	}{
		{"valid", func() *http.Request { return signed("POST", "/slack/events", body, testSecret, now) }, 200},
		{"valid, 4 minutes old", func() *http.Request {
			return signed("POST", "/slack/events", body, testSecret, now.Add(-4*time.Minute))
		}, 200},
		{"wrong secret", func() *http.Request { return signed("POST", "/slack/events", body, "other-secret", now) }, 401},
		{"body changed after signing", func() *http.Request {
			r := signed("POST", "/slack/events", body, testSecret, now)
			r.Body = http.NoBody
			return r
		}, 401},
		{"stale", func() *http.Request {
			return signed("POST", "/slack/events", body, testSecret, now.Add(-6*time.Minute))
		}, 401},
		{"from the future", func() *http.Request { return signed("POST", "/slack/events", body, testSecret, now.Add(6*time.Minute)) }, 401},
		{"missing signature", func() *http.Request {
			r := signed("POST", "/slack/events", body, testSecret, now)
			r.Header.Del("X-Slack-Signature")
			return r
		}, 401},
		{"missing timestamp", func() *http.Request {
			r := signed("POST", "/slack/events", body, testSecret, now)
			r.Header.Del("X-Slack-Request-Timestamp")
			return r
		}, 401},
		{"malformed signature", func() *http.Request {
			r := signed("POST", "/slack/events", body, testSecret, now)
			r.Header.Set("X-Slack-Signature", "v1=zz")
			return r
		}, 401},
		{"commands unsigned", func() *http.Request {
			return httptest.NewRequest("POST", "/slack/commands", strings.NewReader("text=help"))
		}, 401},
		{"interactions unsigned", func() *http.Request {
			return httptest.NewRequest("POST", "/slack/interactions", strings.NewReader("payload={}"))
		}, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(b, tt.req())
			if w.Code != tt.code {
				t.Fatalf("status %d, want %d (%s)", w.Code, tt.code, w.Body.String())
			}
			if tt.code == 200 && w.Body.String() != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
				t.Fatalf("url_verification answered %q", w.Body.String())
			}
		})
	}
}

func TestHealthz(t *testing.T) {
	fs := newFakeSlack(t)
	for _, socket := range []bool{false, true} {
		b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) {
			if socket {
				c.AppToken = "xapp-1-test"
			}
		})
		want := `"status":"ok"`
		if socket {
			want = `"status":"starting"` // not connected: healthy, not ready
		}
		w := serve(b, httptest.NewRequest("GET", "/healthz", nil))
		if w.Code != 200 || !strings.Contains(w.Body.String(), want) {
			t.Fatalf("socket=%v: healthz %d %s", socket, w.Code, w.Body.String())
		}
		// In Socket Mode the Slack endpoints are not served.
		w = serve(b, signed("POST", "/slack/events", "{}", testSecret, time.Now()))
		if socket && w.Code != http.StatusNotFound {
			t.Fatalf("socket mode serves /slack/events: %d", w.Code)
		}
	}
}

func TestMentionAnsweredInThreadHTTP(t *testing.T) {
	fs := newFakeSlack(t)
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		return cheapAnswer(req.Question), nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	body := eventBody("Ev1", mentionEvent("C1", "1700000100.000100", "", "<@UBOT> who said calling for peace is cheap?"))
	w := serve(b, signed("POST", "/slack/events", body, testSecret, time.Now()))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	c := fs.next(t, "chat.postMessage")
	if got := c.Form.Get("thread_ts"); got != "1700000100.000100" {
		t.Errorf("thread_ts = %q, want the question's ts", got)
	}
	if got := svc.askRequests()[0].Question; got != "who said calling for peace is cheap?" {
		t.Errorf("question = %q", got)
	}
	texts := sectionTexts(c.blocks(t))
	if len(texts) < 2 {
		t.Fatalf("blocks: %q", texts)
	}
	if texts[0] != "> Calling for *peace* is *cheap*." {
		t.Errorf("quote block = %q", texts[0])
	}
	for _, want := range []string{"*Yun Sun*, director of the China program at the Stimson Center", "per The Wall Street Journal",
		"<https://example.com/peace?a=1&b=2|China and Russia talk peace> (BBC)", "20 Mar 2023"} {
		if !strings.Contains(texts[1], want) {
			t.Errorf("context line %q lacks %q", texts[1], want)
		}
	}
	if !strings.Contains(strings.Join(texts, "\n"), "Peace talks are welcome.") {
		t.Errorf("alternative missing: %q", texts)
	}
	if !strings.HasPrefix(c.Form.Get("text"), "Yun Sun: “Calling for peace is cheap.”") {
		t.Errorf("fallback text = %q", c.Form.Get("text"))
	}
}

func TestRetryNotAnsweredTwiceHTTP(t *testing.T) {
	fs := newFakeSlack(t)
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		return cheapAnswer(req.Question), nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	body := eventBody("Ev2", mentionEvent("C1", "1700000200.000100", "", "<@UBOT> who said it?"))
	serve(b, signed("POST", "/slack/events", body, testSecret, time.Now()))
	retry := signed("POST", "/slack/events", body, testSecret, time.Now())
	retry.Header.Set("X-Slack-Retry-Num", "1")
	retry.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	if w := serve(b, retry); w.Code != 200 {
		t.Fatalf("retry not acknowledged: %d", w.Code)
	}
	// Same message delivered under another event id (e.g. a mention in a DM
	// arriving as app_mention and message.im).
	serve(b, signed("POST", "/slack/events", eventBody("Ev3", mentionEvent("C1", "1700000200.000100", "", "<@UBOT> who said it?")), testSecret, time.Now()))
	fs.next(t, "chat.postMessage")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	b.waitTasks(ctx)
	fs.none(t, "chat.postMessage")
	if n := len(svc.askRequests()); n != 1 {
		t.Fatalf("asked %d times", n)
	}
}

func TestIgnoredMessages(t *testing.T) {
	fs := newFakeSlack(t)
	svc := &fakeService{}
	b, _ := newTestBot(t, fs, svc, nil)
	events := []string{
		`{"type":"message","channel_type":"im","subtype":"message_changed","channel":"D1","ts":"1.1","message":{"type":"message","user":"U1","text":"edited"}}`,
		`{"type":"message","channel_type":"im","subtype":"channel_join","user":"U1","channel":"D1","ts":"1.2","text":"joined"}`,
		`{"type":"message","channel_type":"im","bot_id":"B9","user":"U9","channel":"D1","ts":"1.3","text":"a bot"}`,
		`{"type":"message","channel_type":"im","user":"UBOT","channel":"D1","ts":"1.4","text":"my own answer"}`,
		`{"type":"message","channel_type":"channel","user":"U1","channel":"C1","ts":"1.5","text":"not for me"}`,
		`{"type":"app_mention","user":"U1","channel":"C1","ts":"1.6","text":"<@UBOT> hi","edited":{"user":"U1","ts":"1.7"}}`,
	}
	for i, e := range events {
		serve(b, signed("POST", "/slack/events", eventBody("EvI"+string(rune('a'+i)), e), testSecret, time.Now()))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	b.waitTasks(ctx)
	fs.none(t, "chat.postMessage")
	if n := len(svc.askRequests()); n != 0 {
		t.Fatalf("asked %d times", n)
	}
}

func TestSlashAddAcknowledgedBeforeWorkHTTP(t *testing.T) {
	fs := newFakeSlack(t)
	hk := newHook(t)
	release := make(chan struct{})
	svc := &fakeService{AddURLFn: func(ctx context.Context, u string, _ news.Origin) (handlers.AddResult, error) {
		<-release // the work cannot finish before the test has the acknowledgement
		return handlers.AddResult{Article: news.Ref{ID: "abc123abc123", Title: "Peace <talks>", Outlet: "BBC", URL: u}, Quotes: 7, Speakers: 3}, nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	form := url.Values{"command": {"/newsbot"}, "text": {"add <https://www.bbc.com/news/world-1>"}, "user_id": {"U1"},
		"channel_id": {"C1"}, "response_url": {hk.URL + "/r"}}
	w := serve(b, signed("POST", "/slack/commands", form.Encode(), testSecret, time.Now()))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	var ack struct {
		ResponseType string `json:"response_type"`
		Text         string `json:"text"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &ack); err != nil {
		t.Fatalf("ack %q: %v", w.Body.String(), err)
	}
	if ack.ResponseType != "ephemeral" || ack.Text != "Fetching https://www.bbc.com/news/world-1 …" {
		t.Fatalf("ack = %+v", ack)
	}
	close(release)
	m := hk.next(t)
	if m["response_type"] != "ephemeral" {
		t.Errorf("response_type = %v", m["response_type"])
	}
	got, _ := json.Marshal(m["blocks"])
	if !strings.Contains(string(got), `Added \u003chttps://www.bbc.com/news/world-1|Peace \u0026lt;talks\u0026gt;\u003e (BBC): 7 quotes from 3 people`) {
		t.Errorf("result blocks = %s", got)
	}
}

func TestSlashAskAndShareHTTP(t *testing.T) {
	fs := newFakeSlack(t)
	hk := newHook(t)
	release := make(chan struct{})
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		<-release
		return cheapAnswer(req.Question), nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	form := url.Values{"command": {"/newsbot"}, "text": {"ask who said calling for peace is cheap?"}, "user_id": {"U1"},
		"channel_id": {"C1"}, "response_url": {hk.URL + "/r"}}
	w := serve(b, signed("POST", "/slack/commands", form.Encode(), testSecret, time.Now()))
	if w.Code != 200 || w.Body.Len() != 0 {
		t.Fatalf("ack %d %q", w.Code, w.Body.String())
	}
	close(release)
	m := hk.next(t)
	raw, _ := json.Marshal(m)
	if m["response_type"] != "ephemeral" || !strings.Contains(string(raw), "Calling for *peace* is *cheap*") || !strings.Contains(string(raw), actionShare) {
		t.Fatalf("answer = %s", raw)
	}
	// Click "Share in channel".
	var value string
	for _, bl := range m["blocks"].([]any) {
		if bm := bl.(map[string]any); bm["type"] == "actions" {
			value = bm["elements"].([]any)[0].(map[string]any)["value"].(string)
		}
	}
	payload, _ := json.Marshal(map[string]any{"type": "block_actions", "user": map[string]string{"id": "U0TESTER1"}, "response_url": hk.URL + "/r2",
		"channel": map[string]string{"id": "C1"},
		"actions": []map[string]string{{"action_id": actionShare, "block_id": "newsbot_actions", "type": "button", "value": value}}})
	w = serve(b, signed("POST", "/slack/interactions", url.Values{"payload": {string(payload)}}.Encode(), testSecret, time.Now()))
	if w.Code != 200 {
		t.Fatalf("interaction status %d", w.Code)
	}
	shared := hk.next(t)
	raw, _ = json.Marshal(shared)
	if shared["response_type"] != "in_channel" || shared["delete_original"] != true || strings.Contains(string(raw), actionShare) ||
		!strings.Contains(string(raw), jsonEscape("Shared by <@U0TESTER1>")) {
		t.Fatalf("shared = %s", raw)
	}
	if n := len(svc.askRequests()); n != 1 {
		t.Errorf("asked %d times; the share should reuse the answer", n)
	}
}

func TestSlashCommandsHTTP(t *testing.T) {
	fs := newFakeSlack(t)
	svc := &fakeService{
		ListFn: func(ctx context.Context, _ news.Scope, limit int) ([]news.Summary, error) {
			return []news.Summary{{Ref: news.Ref{ID: "a1", Title: "T <@U123>", URL: "https://x.test/1"}, Quotes: 2}}, nil
		},
		RemoveFn: func(ctx context.Context, _ handlers.ChangeRequest) (news.Ref, error) {
			return news.Ref{}, &news.DuplicateError{ID: "x"} // any user-facing error
		},
		AddPastedFn: func(ctx context.Context, pasted string, _ news.Origin) (handlers.AddResult, error) {
			if !strings.HasPrefix(pasted, "Title & more\nBody <b>") {
				return handlers.AddResult{}, news.ErrInvalid
			}
			return handlers.AddResult{Article: news.Ref{ID: "p1", Title: "Title & more"}, Quotes: 1, Speakers: 1}, nil
		},
		SummaryFn: func(ctx context.Context, _ news.Scope, from, to time.Time) (news.Digest, error) {
			return news.Digest{}, nil
		},
	}
	b, _ := newTestBot(t, fs, svc, nil)
	tests := []struct {
		text    string
		ack     string // in the immediate reply ("" = empty ack)
		respond string // in the response_url post ("" = none)
	}{
		{"help", "/newsbot add &lt;url&gt;", ""},
		{"", "answers questions", ""},
		{"list", "", "`a1` <https://x.test/1|T &lt;@U123&gt;>"},
		{"remove a1", "", "Could not remove a1: Already added as x"},
		{"remove", "Say which article", ""},
		{"add Title &amp; more\nBody &lt;b&gt;", "Adding “Title &amp; more” …", "Added Title &amp; more: 1 quote from 1 person"},
		{"summary", "", "Nothing was added in the last 24 hours."},
		{"summary here 08:30 Europe/Paris", "not configured", ""},
		{"frobnicate", "I don't know `frobnicate`", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			hk := newHook(t)
			form := url.Values{"command": {"/newsbot"}, "text": {tt.text}, "user_id": {"U1"}, "channel_id": {"C1"}, "response_url": {hk.URL}}
			w := serve(b, signed("POST", "/slack/commands", form.Encode(), testSecret, time.Now()))
			if tt.ack == "" && w.Body.Len() != 0 || !strings.Contains(w.Body.String(), jsonEscape(tt.ack)) {
				t.Errorf("ack = %s, want %q", w.Body.String(), tt.ack)
			}
			if tt.respond != "" {
				raw, _ := json.Marshal(hk.next(t))
				if !strings.Contains(string(raw), jsonEscape(tt.respond)) {
					t.Errorf("response = %s, want %q", raw, tt.respond)
				}
			}
		})
	}
}

func jsonEscape(s string) string {
	j, _ := json.Marshal(s)
	return string(j[1 : len(j)-1])
}

// fakeScheduler records what the summary commands ask of it.
type fakeScheduler struct {
	mu    sync.Mutex
	calls []string
	err   error
}

func (f *fakeScheduler) Set(channel, hhmm, zone, user string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "set "+channel+" "+hhmm+" "+zone+" by "+user)
	return f.err
}

func (f *fakeScheduler) Off(channel string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "off "+channel)
	return f.err
}

func (f *fakeScheduler) Describe(channel string) string {
	return "Daily summary here at 08:30 Europe/Paris"
}

func TestSummaryCommands(t *testing.T) {
	fs := newFakeSlack(t)
	sch := &fakeScheduler{}
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	var asked [2]time.Time
	svc := &fakeService{SummaryFn: func(ctx context.Context, _ news.Scope, from, to time.Time) (news.Digest, error) {
		mu.Lock()
		asked = [2]time.Time{from, to}
		mu.Unlock()
		return news.Digest{From: from, To: to, Articles: []news.DigestArticle{{ID: "a1", Title: "Peace talks", URL: "https://news.test/1", Gist: "Leaders met."}},
			Quotes: []news.DigestQuote{{Speaker: "Wang Wenbin", Quote: "We welcome it.", ArticleID: "a1"}}}, nil
	}}
	b, _ := newTestBot(t, fs, svc, func(c *Config) { c.Schedule = sch; c.Now = func() time.Time { return now } })
	run := func(text string) (ack string, resp string) {
		hk := newHook(t)
		form := url.Values{"command": {"/newsbot"}, "text": {text}, "user_id": {"U1"}, "channel_id": {"C7"}, "response_url": {hk.URL}}
		w := serve(b, signed("POST", "/slack/commands", form.Encode(), testSecret, now))
		if w.Body.Len() == 0 {
			raw, _ := json.Marshal(hk.next(t))
			resp = string(raw)
		}
		return w.Body.String(), resp
	}
	_, resp := run("summary")
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(resp, "Peace talks") || !strings.Contains(resp, "We welcome it.") ||
		!strings.Contains(resp, "Daily summary here at 08:30 Europe/Paris.") || !asked[0].Equal(now.Add(-24*time.Hour)) || !asked[1].Equal(now) {
		t.Errorf("summary = %s (asked %v)", resp, asked)
	}
	if _, resp := run("summary here 08:30 Europe/Paris"); !strings.Contains(resp, "Done. Daily summary here at 08:30 Europe/Paris.") {
		t.Errorf("summary here = %s", resp)
	}
	if _, resp := run("summary off"); !strings.Contains(resp, "Daily summary stopped") {
		t.Errorf("summary off = %s", resp)
	}
	if ack, _ := run("summary here 25:00"); !strings.Contains(ack, "Say when") {
		t.Errorf("bad time = %s", ack)
	}
	sch.err = fmt.Errorf("time zone %w: unknown zone Mars/Olympus", news.ErrInvalid)
	if _, resp := run("summary here 08:30 Mars/Olympus"); !strings.Contains(resp, "Could not schedule the summary: Time zone invalid input: unknown zone Mars/Olympus") {
		t.Errorf("refused = %s", resp)
	}
	sch.mu.Lock()
	defer sch.mu.Unlock()
	want := "set C7 08:30 Europe/Paris by U1|off C7|set C7 08:30 Mars/Olympus by U1"
	if got := strings.Join(sch.calls, "|"); got != want {
		t.Errorf("scheduler calls %q, want %q", got, want)
	}
}
