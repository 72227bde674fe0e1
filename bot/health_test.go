package bot

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"newsbot/news"
)

// revocableAuth is an auth.test that answers ok until revoked, then
// invalid_auth, and counts its calls.
type revocableAuth struct {
	revoked atomic.Bool
	calls   atomic.Int32
}

func (a *revocableAuth) bind(c slacktest.Customize) {
	c.Handle("/auth.test", func(w http.ResponseWriter, r *http.Request) {
		a.calls.Add(1)
		if a.revoked.Load() {
			_, _ = io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
			return
		}
		_, _ = io.WriteString(w, `{"ok":true,"team":"Test","user":"newsbot","team_id":"T1","user_id":"UBOT","bot_id":"BBOT"}`)
	})
}

// testClock is a settable clock.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func getHealth(t *testing.T, b *Bot, path string) (int, health) {
	t.Helper()
	w := serve(b, httptest.NewRequest("GET", path, nil))
	var h health
	if err := json.Unmarshal(w.Body.Bytes(), &h); err != nil {
		t.Fatalf("%s: %v: %s", path, err, w.Body)
	}
	return w.Code, h
}

// A token revoked while serving turns /healthz to 503 within authRecheck,
// and says what to do; the auth.test result is reused in between.
func TestHealthzRevokedToken(t *testing.T) {
	auth := &revocableAuth{}
	fs := newFakeSlack(t, auth.bind)
	clock := &testClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) { c.Now = clock.Now })

	if code, h := getHealth(t, b, "/healthz"); code != 200 || h.Status != "ok" || h.SlackAuth != "ok" || h.Index != "ok" {
		t.Fatalf("healthy bot: %d %+v", code, h)
	}
	auth.revoked.Store(true)
	if code, _ := getHealth(t, b, "/healthz"); code != 200 {
		t.Fatalf("rechecked before authRecheck: %d", code)
	}
	if n := auth.calls.Load(); n != 1 {
		t.Fatalf("auth.test called %d times, want 1 (cached)", n)
	}
	clock.Add(authRecheck)
	code, h := getHealth(t, b, "/healthz")
	if code != http.StatusServiceUnavailable || h.Status != "unavailable" || h.SlackAuth != "refused" {
		t.Fatalf("revoked token: %d %+v", code, h)
	}
	if len(h.Problems) != 1 || !strings.Contains(h.Problems[0], "Reinstall to Workspace") || strings.Contains(h.Problems[0], "xoxb-test") {
		t.Errorf("problems: %q", h.Problems)
	}
	if code, _ := getHealth(t, b, "/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("readyz with a revoked token: %d", code)
	}
}

// Any Web API call refused for the token marks it refused at once.
func TestCallErrorMarksTokenRefused(t *testing.T) {
	fs := newFakeSlack(t, func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, `{"ok":false,"error":"token_revoked"}`)
		})
	})
	b, _ := newTestBot(t, fs, &fakeService{}, nil)
	if code, _ := getHealth(t, b, "/healthz"); code != 200 {
		t.Fatalf("before: %d", code)
	}
	if _, err := b.post(context.Background(), "C1", "", textMessage("hi")); err == nil {
		t.Fatal("post succeeded")
	}
	if code, h := getHealth(t, b, "/healthz"); code != http.StatusServiceUnavailable || h.SlackAuth != "refused" {
		t.Fatalf("after token_revoked: %d %+v", code, h)
	}
}

func TestHealthzIndexUnusable(t *testing.T) {
	fs := newFakeSlack(t)
	svc := &fakeService{ListFn: func(ctx context.Context, _ news.Scope, limit int) ([]news.Summary, error) {
		return nil, errors.New("open index: bolt: file is corrupt")
	}}
	b, logs := newTestBot(t, fs, svc, nil)
	code, h := getHealth(t, b, "/healthz")
	if code != http.StatusServiceUnavailable || h.Index != "unusable" || h.SlackAuth != "ok" {
		t.Fatalf("broken index: %d %+v", code, h)
	}
	if len(h.Problems) != 1 || !strings.Contains(h.Problems[0], "newsbot reindex") || strings.Contains(h.Problems[0], "corrupt") {
		t.Errorf("problems: %q (the cause belongs in the log, not in a public endpoint)", h.Problems)
	}
	if !strings.Contains(logs.String(), "file is corrupt") {
		t.Errorf("the cause is not logged:\n%s", logs)
	}
}

// /readyz waits for the checks to pass once; /healthz does not fail for
// what is only not known yet.
func TestReadyzVersusHealthz(t *testing.T) {
	t.Run("slack unreachable", func(t *testing.T) {
		fs := newFakeSlack(t, func(c slacktest.Customize) {
			c.Handle("/auth.test", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusBadGateway)
			})
		})
		b, _ := newTestBot(t, fs, &fakeService{}, nil)
		if code, h := getHealth(t, b, "/healthz"); code != 200 || h.SlackAuth != "unknown" || h.Status != "starting" {
			t.Errorf("healthz: %d %+v", code, h)
		}
		if code, _ := getHealth(t, b, "/readyz"); code != http.StatusServiceUnavailable {
			t.Errorf("readyz: %d", code)
		}
	})
	t.Run("socket not connected", func(t *testing.T) {
		fs := newFakeSlack(t)
		b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) { c.AppToken = "xapp-1-test" })
		if code, h := getHealth(t, b, "/healthz"); code != 200 || h.SocketConnected == nil || *h.SocketConnected {
			t.Errorf("healthz: %d %+v", code, h)
		}
		if code, _ := getHealth(t, b, "/readyz"); code != http.StatusServiceUnavailable {
			t.Errorf("readyz before connecting: %d", code)
		}
		b.connected.Store(true)
		if code, h := getHealth(t, b, "/readyz"); code != 200 || h.Status != "ok" {
			t.Errorf("readyz connected: %d %+v", code, h)
		}
	})
	t.Run("socket down too long", func(t *testing.T) {
		fs := newFakeSlack(t)
		clock := &testClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) { c.AppToken = "xapp-1-test"; c.Now = clock.Now })
		b.connected.Store(true)
		if code, _ := getHealth(t, b, "/healthz"); code != 200 {
			t.Fatalf("connected: %d", code)
		}
		b.connected.Store(false) // Slack asked to reconnect
		if code, _ := getHealth(t, b, "/healthz"); code != 200 {
			t.Errorf("just disconnected: %d", code)
		}
		clock.Add(socketGrace)
		if code, h := getHealth(t, b, "/healthz"); code != http.StatusServiceUnavailable || !strings.Contains(strings.Join(h.Problems, " "), "disconnected for 2m0s") {
			t.Errorf("down for socketGrace: %d %+v", code, h)
		}
		b.connected.Store(true)
		if code, _ := getHealth(t, b, "/healthz"); code != 200 {
			t.Errorf("reconnected: %d", code)
		}
	})
	t.Run("shutting down", func(t *testing.T) {
		fs := newFakeSlack(t)
		b, _ := newTestBot(t, fs, &fakeService{}, nil)
		b.closing.Store(true)
		for _, p := range []string{"/healthz", "/readyz"} {
			if code, h := getHealth(t, b, p); code != http.StatusServiceUnavailable || h.Status != "shutting down" {
				t.Errorf("%s: %d %+v", p, code, h)
			}
		}
	})
}
