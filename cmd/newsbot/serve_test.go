package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"newsbot/bot"
	"newsbot/index"
)

// TestServeHTTPModeEndToEnd runs the real program (`newsbot serve`, bleve on
// disk, the real slack-go client) against slacktest: a signed app_mention
// is answered in its thread with the right speaker.
func TestServeHTTPModeEndToEnd(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	seed := writeFile(t, files, "seed.txt", demoText)
	if _, _, err := runCLI(t, "", nil, "--data", data, "ingest", seed); err != nil {
		t.Fatal(err)
	}

	slack := newFakeSlack(t)

	const secret = testSigningSecret
	addr, stop := startServe(t, data, slack, nil)
	defer stop()

	event := `{"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev1","event_time":1700000000,` +
		`"event":{"type":"app_mention","user":"U1","text":"<@UBOT> who said calling for peace is cheap?","ts":"1700000000.000100","channel":"C1","event_ts":"1700000000.000100"}}`
	resp := postSigned(t, "http://"+addr+"/slack/events", secret, event)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("event: status %d", resp.StatusCode)
	}
	// An unsigned request is refused before anything is read from it.
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/slack/events", strings.NewReader(event))
	if r, err := http.DefaultClient.Do(req); err != nil || r.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned event: %v %v", err, r)
	}

	posts := slack.waitPosts()
	if len(posts) != 1 {
		t.Fatalf("want one reply, got %d", len(posts))
	}
	p := posts[0]
	if p.Get("channel") != "C1" || p.Get("thread_ts") != "1700000000.000100" {
		t.Errorf("reply not in the question's thread: %v", p)
	}
	blocks := p.Get("blocks")
	for _, want := range []string{"Yun Sun", "Stimson Center", "The Wall Street Journal", "cheap and easy"} {
		if !strings.Contains(blocks, want) && !strings.Contains(p.Get("text"), want) {
			t.Errorf("reply lacks %q: text %q blocks %s", want, p.Get("text"), blocks)
		}
	}

	// serve wrote the day's backup at start, and hands out another one
	// while it runs.
	daily := filepath.Join(data, "backups", backupName(time.Now().UTC()))
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(daily); err == nil {
			break
		}
	}
	if n, err := index.VerifyBackup(context.Background(), daily); err != nil || n != 1 {
		t.Errorf("daily backup %s: %d articles, %v", daily, n, err)
	}
	live := filepath.Join(t.TempDir(), "live.db")
	if out, stderr, err := runCLI(t, "", nil, "--data", data, "backup", live); err != nil || !strings.Contains(out, "backed up 1 article") {
		t.Errorf("backup while serving: %v\n%s%s", err, out, stderr)
	}
}

// fakeSlack is slacktest with chat.postMessage recorded.
type fakeSlack struct {
	*slacktest.Server
	mu    sync.Mutex
	posts []url.Values
	notIn map[string]bool // channels whose posts are refused with not_in_channel
}

func newFakeSlack(t *testing.T, extra ...slacktest.Binder) *fakeSlack {
	t.Helper()
	f := &fakeSlack{}
	// slacktest keeps the first handler of a path: extra ones win.
	f.Server = slacktest.NewTestServer(append(extra, func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			form, _ := url.ParseQuery(string(body))
			f.mu.Lock()
			if f.notIn[form.Get("channel")] {
				f.mu.Unlock()
				fmt.Fprint(w, `{"ok":false,"error":"not_in_channel"}`)
				return
			}
			f.posts = append(f.posts, form)
			n := len(f.posts)
			f.mu.Unlock()
			fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000001.%06d"}`, form.Get("channel"), n)
		})
		c.Handle("/conversations.open", func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			form, _ := url.ParseQuery(string(body))
			fmt.Fprintf(w, `{"ok":true,"channel":{"id":%q}}`, "D-"+form.Get("users"))
		})
	})...)
	f.Start()
	t.Cleanup(f.Stop)
	return f
}

// waitPosts waits (10 s at most) for at least one chat.postMessage and
// returns those seen.
func (f *fakeSlack) waitPosts() []url.Values {
	deadline := time.Now().Add(10 * time.Second)
	for {
		f.mu.Lock()
		posts := append([]url.Values(nil), f.posts...)
		f.mu.Unlock()
		if len(posts) > 0 || time.Now().After(deadline) {
			return posts
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitPostsN waits (10 s at most) for at least n chat.postMessage calls
// and returns those seen.
func (f *fakeSlack) waitPostsN(n int) []url.Values { return f.waitPostsFor(n, 10*time.Second) }

// waitPostsFor is waitPostsN with its own wait: reading the first PDF
// starts PDFium, which takes half a minute under the race detector.
func (f *fakeSlack) waitPostsFor(n int, wait time.Duration) []url.Values {
	deadline := time.Now().Add(wait)
	for {
		f.mu.Lock()
		posts := append([]url.Values(nil), f.posts...)
		f.mu.Unlock()
		if len(posts) >= n || time.Now().After(deadline) {
			return posts
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitHealthy(t *testing.T, u string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if r, err := http.Get(u); err == nil {
			r.Body.Close()
			if r.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s never became healthy", u)
}

func postSigned(t *testing.T, u, secret, body string) *http.Response {
	t.Helper()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// The scheduler the command wires satisfies the bot's interface.
var _ bot.Scheduler = lateScheduler{}
