package bot

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slacktest"

	"newsbot/handlers"
	"newsbot/index"
	"newsbot/news"
)

// Compile-time check: the real handlers satisfy the bot's Service.
var _ Service = (*handlers.Handlers)(nil)

// fakeService is a hand-written Service whose methods are function fields.
type fakeService struct {
	AskFn       func(ctx context.Context, req handlers.AskRequest) (news.Answer, error)
	AddPastedFn func(ctx context.Context, pasted string, o news.Origin) (handlers.AddResult, error)
	AddURLFn    func(ctx context.Context, url string, o news.Origin) (handlers.AddResult, error)
	AddFileFn   func(ctx context.Context, f handlers.File, o news.Origin) (handlers.AddResult, error)
	ListFn      func(ctx context.Context, scope news.Scope, limit int) ([]news.Summary, error)
	RemoveFn    func(ctx context.Context, r handlers.ChangeRequest) (news.Ref, error)
	UndoFn      func(ctx context.Context, by news.Actor) (news.Ref, bool, error)
	RestoreFn   func(ctx context.Context, r handlers.ChangeRequest) (news.Ref, error)
	TrashFn     func(ctx context.Context, scope news.Scope) ([]news.TrashItem, error)
	SummaryFn   func(ctx context.Context, scope news.Scope, from, to time.Time) (news.Digest, error)
	VoteFn      func(ctx context.Context, r handlers.VoteRequest) (handlers.VoteResult, error)

	mu   sync.Mutex
	asks []handlers.AskRequest
}

func (f *fakeService) Ask(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
	f.mu.Lock()
	f.asks = append(f.asks, req)
	f.mu.Unlock()
	if f.AskFn == nil {
		return news.Answer{Question: req.Question, Kind: news.AnswerNone}, nil
	}
	return f.AskFn(ctx, req)
}

func (f *fakeService) askRequests() []handlers.AskRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]handlers.AskRequest(nil), f.asks...)
}

func (f *fakeService) AddPasted(ctx context.Context, pasted string, o news.Origin) (handlers.AddResult, error) {
	return f.AddPastedFn(ctx, pasted, o)
}
func (f *fakeService) AddURL(ctx context.Context, url string, o news.Origin) (handlers.AddResult, error) {
	return f.AddURLFn(ctx, url, o)
}
func (f *fakeService) AddFile(ctx context.Context, file handlers.File, o news.Origin) (handlers.AddResult, error) {
	return f.AddFileFn(ctx, file, o)
}
func (f *fakeService) List(ctx context.Context, scope news.Scope, limit int) ([]news.Summary, error) {
	if f.ListFn == nil {
		return nil, nil // an empty, working index
	}
	return f.ListFn(ctx, scope, limit)
}
func (f *fakeService) Remove(ctx context.Context, r handlers.ChangeRequest) (news.Ref, error) {
	return f.RemoveFn(ctx, r)
}
func (f *fakeService) Undo(ctx context.Context, by news.Actor) (news.Ref, bool, error) {
	return f.UndoFn(ctx, by)
}
func (f *fakeService) Restore(ctx context.Context, r handlers.ChangeRequest) (news.Ref, error) {
	return f.RestoreFn(ctx, r)
}
func (f *fakeService) Trash(ctx context.Context, scope news.Scope) ([]news.TrashItem, error) {
	return f.TrashFn(ctx, scope)
}
func (f *fakeService) Summary(ctx context.Context, scope news.Scope, from, to time.Time) (news.Digest, error) {
	return f.SummaryFn(ctx, scope, from, to)
}

func (f *fakeService) Vote(ctx context.Context, r handlers.VoteRequest) (handlers.VoteResult, error) {
	return f.VoteFn(ctx, r)
}

// call is one Web API call seen by the fake Slack.
type call struct {
	Method string
	Form   url.Values
	TS     string // the ts the fake answered
}

// blocks decodes the call's blocks.
func (c call) blocks(t *testing.T) []slack.Block {
	t.Helper()
	var bs slack.Blocks
	if raw := c.Form.Get("blocks"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &bs); err != nil {
			t.Fatalf("%s blocks: %v\n%s", c.Method, err, raw)
		}
	}
	return bs.BlockSet
}

// fakeSlack is slacktest's server with recording handlers for the calls the
// bot makes, and an optional Socket Mode websocket hook.
type fakeSlack struct {
	*slacktest.Server
	calls chan call

	mu          sync.Mutex
	seq         int
	rateLimited map[string]int // method -> number of 429s still to answer
}

func newFakeSlack(t testing.TB, extra ...slacktest.Binder) *fakeSlack {
	t.Helper()
	f := &fakeSlack{calls: make(chan call, 100), rateLimited: map[string]int{}}
	record := func(method string, resp func(url.Values) any) slacktest.Binder {
		return func(c slacktest.Customize) {
			c.Handle("/"+method, func(w http.ResponseWriter, r *http.Request) {
				_ = r.ParseForm()
				f.mu.Lock()
				if f.rateLimited[method] > 0 {
					f.rateLimited[method]--
					f.mu.Unlock()
					w.Header().Set("Retry-After", "1")
					w.WriteHeader(http.StatusTooManyRequests)
					return
				}
				f.seq++
				n := f.seq
				f.mu.Unlock()
				ts := fmt.Sprintf("1700000000.%06d", n)
				f.calls <- call{Method: method, Form: r.PostForm, TS: ts}
				w.Header().Set("Content-Type", "application/json")
				out := map[string]any{"ok": true, "ts": ts, "channel": r.PostForm.Get("channel")}
				if resp != nil {
					out = resp(r.PostForm).(map[string]any)
				}
				_ = json.NewEncoder(w).Encode(out)
			})
		}
	}
	// recordJSON records a method whose arguments are a JSON body (the
	// views methods) under the form key "json".
	recordJSON := func(method string) slacktest.Binder {
		return func(c slacktest.Customize) {
			c.Handle("/"+method, func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				f.calls <- call{Method: method, Form: url.Values{"json": {string(body)}}}
				w.Header().Set("Content-Type", "application/json")
				_, _ = io.WriteString(w, `{"ok":true,"view":{"id":"V1"}}`)
			})
		}
	}
	binders := append(extra,
		record("chat.postMessage", nil),
		record("chat.postEphemeral", func(url.Values) any { return map[string]any{"ok": true, "message_ts": "1700000001.000001"} }),
		record("assistant.threads.setSuggestedPrompts", nil),
		record("assistant.threads.setStatus", nil),
		record("reactions.add", nil),
		record("reactions.remove", nil),
		record("conversations.info", func(v url.Values) any {
			return map[string]any{"ok": true, "channel": map[string]any{"id": v.Get("channel"), "is_channel": true, "is_member": true}}
		}),
		record("conversations.open", func(v url.Values) any {
			return map[string]any{"ok": true, "channel": map[string]any{"id": "D" + v.Get("users")}}
		}),
		recordJSON("views.open"),
		recordJSON("views.publish"),
		func(c slacktest.Customize) {
			c.Handle("/auth.test", func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.WriteString(w, `{"ok":true,"team":"Test","user":"newsbot","team_id":"T1","user_id":"UBOT","bot_id":"BBOT"}`)
			})
		},
	)
	f.Server = slacktest.NewTestServer(binders...)
	f.Start()
	t.Cleanup(f.Stop)
	return f
}

// next returns the next Web API call of method, skipping others.
func (f *fakeSlack) next(t *testing.T, method string) call {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case c := <-f.calls:
			if c.Method == method {
				return c
			}
		case <-timeout:
			t.Fatalf("no %s call", method)
		}
	}
}

// none checks that no call of method is pending once the bot is idle.
func (f *fakeSlack) none(t *testing.T, method string) {
	t.Helper()
	for {
		select {
		case c := <-f.calls:
			if c.Method == method {
				t.Fatalf("unexpected %s: %v", method, c.Form)
			}
		default:
			return
		}
	}
}

// hook is a response_url endpoint that records what the bot posts to it.
type hook struct {
	*httptest.Server
	posts chan map[string]any
}

func newHook(t *testing.T) *hook {
	h := &hook{posts: make(chan map[string]any, 20)}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m map[string]any
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			t.Errorf("response_url body: %v", err)
		}
		h.posts <- m
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hook) next(t *testing.T) map[string]any {
	t.Helper()
	select {
	case m := <-h.posts:
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("nothing posted to response_url")
		return nil
	}
}

const testSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// testLogger writes the bot's logs to the test log and keeps them for
// assertions.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// newTestBot builds a bot against the fake Slack; the config may be
// adjusted by fn.
func newTestBot(t *testing.T, fs *fakeSlack, svc Service, fn func(*Config)) (*Bot, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	cfg := Config{
		BotToken:      "xoxb-test-token-secret",
		SigningSecret: testSecret,
		APIURL:        fs.GetAPIURL(),
		Listen:        "127.0.0.1:0",
		Service:       svc,
		State:         newMemState(),
		Logger:        slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		SlowAfter:     time.Hour,
	}
	if fn != nil {
		fn(&cfg)
	}
	b, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		b.waitTasks(ctx)
		if strings.Contains(logs.String(), "xoxb-test-token-secret") || strings.Contains(logs.String(), testSecret) {
			t.Error("a secret appears in the logs")
		}
		if t.Failed() {
			t.Logf("bot logs:\n%s", logs.String())
		}
	})
	return b, logs
}

// signed builds a request signed as Slack signs them, at time at.
func signed(method, path, body, secret string, at time.Time) *http.Request {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	ts := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	r.Header.Set("X-Slack-Request-Timestamp", ts)
	r.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return r
}

// serve runs a request through the bot's handler.
func serve(b *Bot, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	b.Handler().ServeHTTP(w, r)
	return w
}

// eventBody is an Events API callback around an inner event.
func eventBody(eventID, inner string) string {
	return `{"token":"tok","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"` + eventID +
		`","event_time":1700000000,"authorizations":[{"team_id":"T1","user_id":"UBOT","is_bot":true}],"event":` + inner + `}`
}

func mentionEvent(channel, ts, threadTS, text string) string {
	m := map[string]string{"type": "app_mention", "user": "U1", "text": text, "ts": ts, "channel": channel, "event_ts": ts}
	if threadTS != "" {
		m["thread_ts"] = threadTS
	}
	j, _ := json.Marshal(m)
	return string(j)
}

func dmEvent(ts, text string) string {
	j, _ := json.Marshal(map[string]string{"type": "message", "channel_type": "im", "user": "U1", "text": text, "ts": ts, "channel": "D1", "event_ts": ts})
	return string(j)
}

// blocksJSON is the raw blocks of a call, for text assertions.
func blocksText(c call) string { return c.Form.Get("blocks") + "\n" + c.Form.Get("text") }

// sectionTexts returns the mrkdwn texts of the section and context blocks.
func sectionTexts(bs []slack.Block) []string {
	var out []string
	for _, b := range bs {
		switch b := b.(type) {
		case *slack.SectionBlock:
			if b.Text != nil {
				out = append(out, b.Text.Text)
			}
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if t, ok := e.(*slack.TextBlockObject); ok {
					out = append(out, t.Text)
				}
			}
		case *slack.HeaderBlock:
			out = append(out, b.Text.Text)
		}
	}
	return out
}

// cheapAnswer is a typical quote answer.
func cheapAnswer(q string) news.Answer {
	quote := "Calling for peace is cheap."
	return news.Answer{
		Question: q, Kind: news.AnswerQuote, Speaker: "Yun Sun", Title: "director of the China program at the Stimson Center",
		Quote: quote, Outlet: "The Wall Street Journal",
		Article: news.Ref{ID: "a1b2c3d4e5f6", Title: "China and Russia talk peace", URL: "https://example.com/peace?a=1&b=2", Outlet: "BBC",
			Published: time.Date(2023, 3, 20, 0, 0, 0, 0, time.UTC)},
		Matched: []news.Span{{Start: 12, End: 17}, {Start: 21, End: 26}},
		Alternatives: []news.Answer{{Kind: news.AnswerQuote, Speaker: "Wang Wenbin", Title: "foreign ministry spokesman", Quote: "Peace talks are welcome.",
			Article: news.Ref{ID: "ffffffffffff", Title: "Other"}}},
	}
}

// Compile-time check: the index keeps the bot's state.
var _ State = (*index.Index)(nil)

// memState is an in-memory State for tests that are not about restarts.
type memState struct {
	mu      sync.Mutex
	seen    map[string]time.Time
	threads map[string][]string
	turns   map[string]news.ThreadTurn
}

func newMemState() *memState {
	return &memState{seen: map[string]time.Time{}, threads: map[string][]string{}, turns: map[string]news.ThreadTurn{}}
}

func (m *memState) FirstSeen(ctx context.Context, now, since time.Time, keys ...string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	first := true
	for _, k := range keys {
		if t, ok := m.seen[k]; k != "" && ok && !t.Before(since) {
			first = false
		}
	}
	for _, k := range keys {
		if k != "" {
			m.seen[k] = now
		}
	}
	return first, nil
}

func (m *memState) PutThread(ctx context.Context, key string, ids []string, now, since time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.threads[key] = append([]string(nil), ids...)
	return nil
}

func (m *memState) PutThreadTurn(ctx context.Context, key string, turn news.ThreadTurn, now, since time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.turns[key] = turn
	return nil
}

func (m *memState) ThreadTurn(ctx context.Context, key string, since time.Time) (news.ThreadTurn, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.turns[key]
	return t, ok, nil
}

func (m *memState) Thread(ctx context.Context, key string, since time.Time) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.threads[key], nil
}
