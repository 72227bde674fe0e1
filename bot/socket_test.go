package bot

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack/slacktest"

	"newsbot/handlers"
	"newsbot/news"
)

// socketPeer is the Slack side of a Socket Mode connection, plugged into
// slacktest's websocket hook: the test writes envelopes and reads acks.
type socketPeer struct {
	conns chan *websocket.Conn
	done  chan struct{}
	conn  *websocket.Conn
	acks  chan map[string]any
}

func newSocketPeer() *socketPeer {
	return &socketPeer{conns: make(chan *websocket.Conn, 1), done: make(chan struct{}), acks: make(chan map[string]any, 20)}
}

func (p *socketPeer) binder() slacktest.Binder {
	return func(c slacktest.Customize) {
		c.Handle("/ws", slacktest.Websocket(func(conn *websocket.Conn) {
			p.conns <- conn
			<-p.done
		}))
	}
}

// connect waits for the bot to connect and starts reading its acks.
func (p *socketPeer) connect(t *testing.T) {
	t.Helper()
	select {
	case p.conn = <-p.conns:
	case <-time.After(10 * time.Second):
		t.Fatal("the bot did not connect over Socket Mode")
	}
	_ = p.conn.WriteJSON(map[string]any{"type": "hello", "num_connections": 1})
	go func() {
		for {
			var m map[string]any
			if err := p.conn.ReadJSON(&m); err != nil {
				close(p.acks)
				return
			}
			p.acks <- m
		}
	}()
}

func (p *socketPeer) send(t *testing.T, typ, envelopeID string, payload any, retry int) {
	t.Helper()
	raw, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := payload.(string); ok {
		raw = []byte(s)
	}
	env := map[string]any{"type": typ, "envelope_id": envelopeID, "payload": json.RawMessage(raw),
		"accepts_response_payload": typ == "slash_commands", "retry_attempt": retry}
	if err := p.conn.WriteJSON(env); err != nil {
		t.Fatal(err)
	}
}

func (p *socketPeer) ack(t *testing.T) map[string]any {
	t.Helper()
	select {
	case m, ok := <-p.acks:
		if !ok {
			t.Fatal("socket closed")
		}
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("no ack")
		return nil
	}
}

// runSocketBot starts a Socket Mode bot against the fake Slack and returns
// the peer; the bot is stopped at the end of the test.
func runSocketBot(t *testing.T, svc Service, fn func(*Config)) (*fakeSlack, *socketPeer, *Bot) {
	t.Helper()
	peer := newSocketPeer()
	fs := newFakeSlack(t, peer.binder())
	b, _ := newTestBot(t, fs, svc, func(c *Config) {
		c.AppToken = "xapp-1-A1-test"
		if fn != nil {
			fn(c)
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
		close(peer.done)
	})
	peer.connect(t)
	return fs, peer, b
}

func TestSocketModeMentionDMAndRetry(t *testing.T) {
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		return cheapAnswer(req.Question), nil
	}}
	fs, peer, b := runSocketBot(t, svc, nil)

	// A mention in a channel: acknowledged, answered in its thread.
	mention := eventBody("EvS1", mentionEvent("C1", "1700000300.000100", "", "<@UBOT> who said calling for peace is cheap?"))
	peer.send(t, "events_api", "env-1", mention, 0)
	if a := peer.ack(t); a["envelope_id"] != "env-1" {
		t.Fatalf("ack = %v", a)
	}
	c := fs.next(t, "chat.postMessage")
	if c.Form.Get("channel") != "C1" || c.Form.Get("thread_ts") != "1700000300.000100" {
		t.Fatalf("answer posted at %v", c.Form)
	}
	if texts := sectionTexts(c.blocks(t)); texts[0] != "> Calling for *peace* is *cheap*." {
		t.Fatalf("blocks %q", texts)
	}

	// Slack retries the same event: acknowledged, not answered again.
	peer.send(t, "events_api", "env-2", mention, 1)
	if a := peer.ack(t); a["envelope_id"] != "env-2" {
		t.Fatalf("ack = %v", a)
	}

	// A DM: answered at the top level of the conversation.
	peer.send(t, "events_api", "env-3", eventBody("EvS2", dmEvent("1700000400.000100", "who said calling for peace is cheap?")), 0)
	peer.ack(t)
	c = fs.next(t, "chat.postMessage")
	if c.Form.Get("channel") != "D1" || c.Form.Get("thread_ts") != "" {
		t.Fatalf("DM answer posted at %v", c.Form)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	b.waitTasks(ctx)
	fs.none(t, "chat.postMessage")
	if n := len(svc.askRequests()); n != 2 {
		t.Fatalf("asked %d times, want 2 (the retry is not answered)", n)
	}

	// A follow-up under the DM answer is asked with the answer's article.
	peer.send(t, "events_api", "env-4", eventBody("EvS3", func() string {
		j, _ := json.Marshal(map[string]string{"type": "message", "channel_type": "im", "user": "U1", "text": "and who else?",
			"ts": "1700000500.000100", "thread_ts": c.TS, "channel": "D1"})
		return string(j)
	}()), 0)
	peer.ack(t)
	if c2 := fs.next(t, "chat.postMessage"); c2.Form.Get("thread_ts") != c.TS {
		t.Fatalf("follow-up answered at %v, want in the thread %s", c2.Form, c.TS)
	}
	reqs := svc.askRequests()
	if got := strings.Join(reqs[len(reqs)-1].ArticleIDs, ","); got != "a1b2c3d4e5f6,ffffffffffff" {
		t.Fatalf("follow-up asked with articles %q", got)
	}
}

func TestSocketModeSlashAskAckBeforeWork(t *testing.T) {
	hk := newHook(t)
	release := make(chan struct{})
	svc := &fakeService{
		AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
			<-release
			return cheapAnswer(req.Question), nil
		},
		AddURLFn: func(ctx context.Context, u string, _ news.Origin) (handlers.AddResult, error) {
			<-release
			return handlers.AddResult{}, errors.Join(news.ErrForbidden, errors.New("that address is private"))
		},
	}
	_, peer, _ := runSocketBot(t, svc, nil)

	peer.send(t, "slash_commands", "env-ask", map[string]string{"command": "/newsbot", "text": "ask who said calling for peace is cheap?",
		"user_id": "U1", "channel_id": "C1", "response_url": hk.URL + "/ask"}, 0)
	a := peer.ack(t) // arrives while Ask is still blocked
	if a["envelope_id"] != "env-ask" {
		t.Fatalf("ack = %v", a)
	}
	peer.send(t, "slash_commands", "env-add", map[string]string{"command": "/newsbot", "text": "add https://intranet.local/a",
		"user_id": "U1", "channel_id": "C1", "response_url": hk.URL + "/add"}, 0)
	a = peer.ack(t)
	if p, _ := a["payload"].(map[string]any); a["envelope_id"] != "env-add" || p["text"] != "Fetching https://intranet.local/a …" {
		t.Fatalf("ack = %v", a)
	}
	close(release)
	var all, share string
	for range 2 {
		m := hk.next(t)
		raw, _ := json.Marshal(m)
		all += string(raw)
		for _, bl := range m["blocks"].([]any) {
			if bm := bl.(map[string]any); bm["type"] == "actions" {
				share = bm["elements"].([]any)[0].(map[string]any)["value"].(string)
			}
		}
	}
	if !strings.Contains(all, "Calling for *peace* is *cheap*") || !strings.Contains(all, "Could not add https://intranet.local/a: Not allowed") {
		t.Fatalf("response_url posts: %s", all)
	}

	// "Share in channel" over the socket: acknowledged, posted publicly.
	peer.send(t, "interactive", "env-share", map[string]any{"type": "block_actions", "user": map[string]string{"id": "U0TESTER1"},
		"response_url": hk.URL + "/share", "actions": []map[string]string{{"action_id": actionShare, "block_id": "newsbot_actions", "type": "button", "value": share}}}, 0)
	if a := peer.ack(t); a["envelope_id"] != "env-share" {
		t.Fatalf("ack = %v", a)
	}
	if m := hk.next(t); m["response_type"] != "in_channel" {
		t.Fatalf("shared = %v", m)
	}
}
