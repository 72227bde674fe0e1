package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/index"
	"newsbot/news"
)

// fakeReply is what the flaky fake does with one chat.postMessage attempt.
type fakeReply struct {
	status     int    // 200, 429, 500; 0 with slackErr for an ok:false answer
	store      bool   // the message is posted whatever the status says
	retryAfter string // for 429
	slackErr   string
}

// posted is a message the flaky fake holds.
type posted struct{ channel, thread, ts, key string }

// flakySlack is a fake Slack Web API whose chat.postMessage answers as
// script says for each attempt of a message (told apart by the message
// metadata key), and which answers conversations.replies/history from the
// messages it holds, metadata included.
type flakySlack struct {
	*httptest.Server
	script func(attempt int) fakeReply

	mu         sync.Mutex
	attempts   map[string]int
	msgs       []posted
	lookups    int
	ephemerals int
}

func newFlakySlack(t *testing.T, script func(attempt int) fakeReply) *flakySlack {
	f := &flakySlack{script: script, attempts: map[string]int{}}
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, v map[string]any) {
		v["ok"] = true
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}
	mux.HandleFunc("/auth.test", func(w http.ResponseWriter, r *http.Request) {
		ok(w, map[string]any{"user_id": "UBOT", "team": "T"})
	})
	mux.HandleFunc("/chat.postEphemeral", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.ephemerals++
		f.mu.Unlock()
		ok(w, map[string]any{"message_ts": "1.1"})
	})
	mux.HandleFunc("/reactions.add", func(w http.ResponseWriter, r *http.Request) { ok(w, map[string]any{}) })
	mux.HandleFunc("/reactions.remove", func(w http.ResponseWriter, r *http.Request) { ok(w, map[string]any{}) })
	mux.HandleFunc("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		var md struct {
			Payload map[string]string `json:"event_payload"`
		}
		_ = json.Unmarshal([]byte(r.PostForm.Get("metadata")), &md)
		key := md.Payload["key"]
		f.mu.Lock()
		f.attempts[key]++
		rep := f.script(f.attempts[key])
		ts := fmt.Sprintf("1700000000.%06d", len(f.msgs)+1)
		if rep.store || rep.status == 200 {
			f.msgs = append(f.msgs, posted{r.PostForm.Get("channel"), r.PostForm.Get("thread_ts"), ts, key})
		}
		f.mu.Unlock()
		switch {
		case rep.slackErr != "":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"ok":false,"error":%q}`, rep.slackErr)
		case rep.status == 200:
			ok(w, map[string]any{"ts": ts, "channel": r.PostForm.Get("channel")})
		default:
			if rep.retryAfter != "" {
				w.Header().Set("Retry-After", rep.retryAfter)
			}
			w.WriteHeader(rep.status)
		}
	})
	lookup := func(w http.ResponseWriter, r *http.Request, thread bool) {
		_ = r.ParseForm()
		f.mu.Lock()
		f.lookups++
		var out []map[string]any
		for _, m := range f.msgs {
			if m.channel != r.PostForm.Get("channel") || (thread && m.thread != r.PostForm.Get("ts")) || (!thread && m.thread != "") {
				continue
			}
			out = append(out, map[string]any{"type": "message", "ts": m.ts, "thread_ts": m.thread,
				"metadata": map[string]any{"event_type": "newsbot_post", "event_payload": map[string]any{"key": m.key}}})
		}
		f.mu.Unlock()
		ok(w, map[string]any{"messages": out})
	}
	mux.HandleFunc("/conversations.replies", func(w http.ResponseWriter, r *http.Request) { lookup(w, r, true) })
	mux.HandleFunc("/conversations.history", func(w http.ResponseWriter, r *http.Request) { lookup(w, r, false) })
	f.Server = httptest.NewServer(mux)
	t.Cleanup(f.Close)
	return f
}

// perThread counts the messages posted in each thread of channel.
func (f *flakySlack) perThread() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := map[string]int{}
	for _, m := range f.msgs {
		n[m.channel+"/"+m.thread]++
	}
	return n
}

// flakyBot is a bot against f whose waits are recorded, not slept.
func flakyBot(t *testing.T, f *flakySlack, svc Service) (*Bot, *logBuffer, func() []time.Duration) {
	return flakyBotWith(t, f, svc, newMemState())
}

func flakyBotWith(t *testing.T, f *flakySlack, svc Service, st State) (*Bot, *logBuffer, func() []time.Duration) {
	t.Helper()
	logs := &logBuffer{}
	b, err := New(Config{
		BotToken: "xoxb-test-token-secret", SigningSecret: testSecret, APIURL: f.URL + "/", Service: svc, State: st,
		Logger: slogTo(logs), SlowAfter: time.Hour, QuestionsPerMinute: 1 << 20,
	})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var waits []time.Duration
	b.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("bot logs:\n%s", logs.String())
		}
	})
	return b, logs, func() []time.Duration { mu.Lock(); defer mu.Unlock(); return append([]time.Duration(nil), waits...) }
}

func answering(gate <-chan struct{}) *fakeService {
	return &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		if gate != nil {
			<-gate
		}
		return cheapAnswer(req.Question), nil
	}}
}

func waitIdle(t *testing.T, b *Bot) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if !b.waitTasks(ctx) {
		t.Fatal("the bot's work did not finish")
	}
}

// TestLoadWithFlakyPosts: 240 signed mentions sent 24 at a time plus 60
// Slack retries of them, in HTTP mode, while every answer's first
// chat.postMessage answers HTTP 500 and its second 429 (Retry-After: 1).
// Every request is acknowledged before any answer is worked out (the
// answers wait for all acknowledgements), and every mention is answered
// exactly once in its thread. Deliveries are recorded in a real on-disk
// store.
func TestLoadWithFlakyPosts(t *testing.T) {
	f := newFlakySlack(t, func(attempt int) fakeReply {
		switch attempt {
		case 1:
			return fakeReply{status: 500}
		case 2:
			return fakeReply{status: 429, retryAfter: "1"}
		}
		return fakeReply{status: 200}
	})
	gate := make(chan struct{})
	svc := answering(gate)
	// The real store keeps the deliveries, as in serve.
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	b, _, waits := flakyBotWith(t, f, svc, ix)
	const mentions, parallel, retries = 240, 24, 60
	type req struct {
		body  string
		retry int
	}
	var reqs []req
	for i := range mentions {
		reqs = append(reqs, req{eventBody(fmt.Sprint("EvL", i), mentionEvent("C1", fmt.Sprintf("1700001000.%06d", i), "", "<@UBOT> who said it?")), 0})
	}
	for i := range retries {
		reqs = append(reqs, req{reqs[i*4].body, 1})
	}
	work := make(chan req)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var bad []int
	for range parallel {
		wg.Go(func() {
			for r := range work {
				hr := signed("POST", "/slack/events", r.body, testSecret, time.Now())
				if r.retry > 0 {
					hr.Header.Set("X-Slack-Retry-Num", fmt.Sprint(r.retry))
					hr.Header.Set("X-Slack-Retry-Reason", "http_timeout")
				}
				if w := serve(b, hr); w.Code != 200 {
					mu.Lock()
					bad = append(bad, w.Code)
					mu.Unlock()
				}
			}
		})
	}
	for _, r := range reqs {
		work <- r
	}
	close(work)
	wg.Wait() // every request acknowledged while no answer could be made
	close(gate)
	waitIdle(t, b)
	if len(bad) > 0 {
		t.Errorf("%d requests not acknowledged with 200: %v", len(bad), bad[:min(5, len(bad))])
	}
	threads := f.perThread()
	if len(threads) != mentions {
		t.Errorf("%d threads answered, want %d", len(threads), mentions)
	}
	for th, n := range threads {
		if n != 1 {
			t.Errorf("thread %s answered %d times", th, n)
		}
	}
	if n := len(svc.askRequests()); n != mentions {
		t.Errorf("asked %d times, want %d", n, mentions)
	}
	ws := waits()
	if len(ws) != 2*mentions {
		t.Errorf("%d waits, want two per answer", len(ws))
	}
	secs := 0
	for _, w := range ws {
		if w == time.Second {
			secs++
		}
	}
	if secs < mentions {
		t.Errorf("%d waits of 1 s (Retry-After), want at least %d", secs, mentions)
	}
}

// TestAmbiguousFailureNotPostedTwice: Slack posts the message but answers
// 500 (or the answer is lost): the bot finds it by its metadata and does
// not post it again, in a thread and at the top of a DM.
func TestAmbiguousFailureNotPostedTwice(t *testing.T) {
	f := newFlakySlack(t, func(attempt int) fakeReply {
		if attempt == 1 {
			return fakeReply{status: 502, store: true}
		}
		return fakeReply{status: 200}
	})
	b, logs, _ := flakyBot(t, f, answering(nil))
	serve(b, signed("POST", "/slack/events", eventBody("EvA1", mentionEvent("C1", "1700002000.000001", "", "<@UBOT> who?")), testSecret, time.Now()))
	serve(b, signed("POST", "/slack/events", eventBody("EvA2", dmEvent("1700002000.000002", "who?")), testSecret, time.Now()))
	waitIdle(t, b)
	threads := f.perThread()
	if threads["C1/1700002000.000001"] != 1 || threads["D1/"] != 1 || len(threads) != 2 {
		t.Errorf("posted %v, want one answer in the thread and one in the DM", threads)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for k, n := range f.attempts {
		if n != 1 {
			t.Errorf("message %s attempted %d times", k, n)
		}
	}
	if f.lookups != 2 || !strings.Contains(logs.String(), "had taken effect") {
		t.Errorf("lookups = %d; logs:\n%s", f.lookups, logs)
	}
}

// TestPermanentErrorsNotRetried: channel_not_found is tried once and
// logged saying what it means.
func TestPermanentErrorsNotRetried(t *testing.T) {
	f := newFlakySlack(t, func(int) fakeReply { return fakeReply{slackErr: "channel_not_found"} })
	b, logs, waits := flakyBot(t, f, answering(nil))
	serve(b, signed("POST", "/slack/events", eventBody("EvP", mentionEvent("C9", "1700003000.000001", "", "<@UBOT> who?")), testSecret, time.Now()))
	waitIdle(t, b)
	f.mu.Lock()
	defer f.mu.Unlock()
	for k, n := range f.attempts {
		if n != 1 {
			t.Errorf("message %s attempted %d times", k, n)
		}
	}
	if len(waits()) != 0 || !strings.Contains(logs.String(), "the channel does not exist") {
		t.Errorf("waits %v; logs:\n%s", waits(), logs)
	}
}

// TestGivesUpWithinBudget: a Slack that always fails is retried with
// growing waits for about a minute, then the bot gives up, logs it and
// tells the asker privately.
func TestGivesUpWithinBudget(t *testing.T) {
	f := newFlakySlack(t, func(int) fakeReply { return fakeReply{status: 503} })
	b, logs, waits := flakyBot(t, f, answering(nil))
	serve(b, signed("POST", "/slack/events", eventBody("EvG", mentionEvent("C1", "1700004000.000001", "", "<@UBOT> who?")), testSecret, time.Now()))
	waitIdle(t, b)
	var total time.Duration
	ws := waits()
	for i, w := range ws {
		total += w
		if i > 0 && w < ws[i-1] && ws[i-1] < maxBackoff*8/10 {
			t.Errorf("waits shrink: %v", ws)
		}
	}
	if len(ws) < 5 || total > retryBudget || total < retryBudget/2 {
		t.Errorf("waits %v (total %v), want growing waits within %v", ws, total, retryBudget)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.msgs) != 0 || f.ephemerals != 1 || !strings.Contains(logs.String(), "giving up") {
		t.Errorf("posted %d, ephemerals %d; logs:\n%s", len(f.msgs), f.ephemerals, logs)
	}
}

func slogTo(w *logBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
