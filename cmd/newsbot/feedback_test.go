package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slacktest"
)

// slackSide records what the bot sends besides chat.postMessage: the
// views it opens, its ephemeral messages and its response_url replies.
type slackSide struct {
	mu        sync.Mutex
	views     []string
	ephemeral []url.Values
	hooks     []string
}

func (s *slackSide) binder(c slacktest.Customize) {
	c.Handle("/views.open", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.views = append(s.views, string(body))
		s.mu.Unlock()
		fmt.Fprint(w, `{"ok":true,"view":{"id":"V1"}}`)
	})
	c.Handle("/chat.postEphemeral", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		s.mu.Lock()
		s.ephemeral = append(s.ephemeral, form)
		s.mu.Unlock()
		fmt.Fprint(w, `{"ok":true,"message_ts":"1700000009.000001"}`)
	})
	c.Handle("/hook", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.hooks = append(s.hooks, string(body))
		s.mu.Unlock()
		fmt.Fprint(w, "ok")
	})
}

// wait polls (10 s at most) until cond holds of the recorded calls.
func (s *slackSide) wait(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		s.mu.Lock()
		ok := cond()
		s.mu.Unlock()
		if ok {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestFeedbackCorrectionEndToEnd runs `newsbot serve` on disk against
// slacktest: U1 adds the seed article with /newsbot add, asks, clicks 👎
// and names another speaker; the next answer names that speaker marked
// (corrected), still after `newsbot reindex`, and `newsbot feedback
// --json` lists the vote.
func TestFeedbackCorrectionEndToEnd(t *testing.T) {
	data := t.TempDir()
	side := &slackSide{}
	fs := newFakeSlack(t, side.binder)
	addr, stop := startServe(t, data, fs, nil)
	base := "http://" + addr
	hook := fs.GetAPIURL() + "hook"

	add := url.Values{"command": {"/newsbot"}, "text": {"add China and Russia peace talks\n" + demoText}, "user_id": {"U1"},
		"channel_id": {"C1"}, "response_url": {hook}}
	if r := postSigned(t, base+"/slack/commands", testSigningSecret, add.Encode()); r.StatusCode != 200 {
		t.Fatalf("add: status %d", r.StatusCode)
	}
	side.wait(t, "the article to be added", func() bool { return len(side.hooks) > 0 && strings.Contains(side.hooks[0], "Added") })

	ask := func(id, ts string) url.Values {
		ev := fmt.Sprintf(`{"type":"event_callback","event_id":%q,"event_time":1700000000,"event":{"type":"app_mention","user":"U2",`+
			`"text":"<@UBOT> who said calling for peace is cheap?","ts":%q,"channel":"C1","event_ts":%q}}`, id, ts, ts)
		n := len(fs.waitPostsN(0))
		postSigned(t, base+"/slack/events", testSigningSecret, ev)
		return fs.waitPostsN(n + 1)[n]
	}
	first := ask("Ev1", "1700000000.000100")
	var blocks slack.Blocks
	if err := json.Unmarshal([]byte(first.Get("blocks")), &blocks); err != nil {
		t.Fatal(err)
	}
	values := map[string]string{}
	for _, b := range blocks.BlockSet {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					values[btn.ActionID] = btn.Value
				}
			}
		}
	}
	if !strings.Contains(first.Get("blocks"), "Yun Sun") || values["newsbot_vote_right"] == "" || values["newsbot_vote_wrong"] == "" {
		t.Fatalf("first answer: buttons %v, blocks %s", values, first.Get("blocks"))
	}
	interact := func(payload map[string]any) {
		raw, _ := json.Marshal(payload)
		if r := postSigned(t, base+"/slack/interactions", testSigningSecret, url.Values{"payload": {string(raw)}}.Encode()); r.StatusCode != 200 {
			t.Fatalf("interaction: status %d", r.StatusCode)
		}
	}
	// U1, who added the article, clicks 👎 and names Jane Doe.
	interact(map[string]any{"type": "block_actions", "user": map[string]string{"id": "U1"}, "trigger_id": "T1.2",
		"container": map[string]any{"type": "message", "channel_id": "C1", "thread_ts": "1700000000.000100"},
		"actions":   []map[string]string{{"action_id": "newsbot_vote_wrong", "block_id": "newsbot_actions", "type": "button", "value": values["newsbot_vote_wrong"]}}})
	side.wait(t, "views.open", func() bool { return len(side.views) == 1 })
	var opened struct {
		View struct {
			PrivateMetadata string `json:"private_metadata"`
		} `json:"view"`
	}
	if err := json.Unmarshal([]byte(side.views[0]), &opened); err != nil {
		t.Fatal(err)
	}
	interact(map[string]any{"type": "view_submission", "user": map[string]string{"id": "U1"},
		"view": map[string]any{"callback_id": "newsbot_feedback", "private_metadata": opened.View.PrivateMetadata,
			"state": map[string]any{"values": map[string]any{
				"speaker": map[string]any{"speaker_input": map[string]string{"value": "Jane Doe"}},
				"note":    map[string]any{"note_input": map[string]string{"value": "see the byline"}}}}}})
	side.wait(t, "the acknowledgement", func() bool {
		return len(side.ephemeral) == 1 && strings.Contains(side.ephemeral[0].Get("text"), "corrected")
	})
	if e := side.ephemeral[0]; e.Get("user") != "U1" || e.Get("channel") != "C1" {
		t.Errorf("acknowledgement went to %v", e)
	}

	second := ask("Ev2", "1700000000.000200")
	if b := second.Get("blocks"); !strings.Contains(b, "*Jane Doe* (corrected)") || strings.Contains(b, "Yun Sun*") {
		t.Fatalf("answer after the correction: %s", b)
	}
	stop()

	if out, stderr, err := runCLI(t, "", nil, "--data", data, "reindex"); err != nil {
		t.Fatalf("reindex: %v\n%s%s", err, out, stderr)
	}
	out, stderr, err := runCLI(t, "", nil, "--data", data, "ask", "--json", "who said calling for peace is cheap?")
	if err != nil {
		t.Fatalf("ask: %v\n%s", err, stderr)
	}
	var ans struct {
		Speaker   string `json:"speaker"`
		Corrected bool   `json:"corrected"`
	}
	if err := json.Unmarshal([]byte(out), &ans); err != nil || ans.Speaker != "Jane Doe" || !ans.Corrected {
		t.Fatalf("answer after reindex: %v %s", err, out)
	}
	out, stderr, err = runCLI(t, "", nil, "--data", data, "feedback", "--json")
	if err != nil {
		t.Fatalf("feedback: %v\n%s", err, stderr)
	}
	var vote struct {
		Vote      string `json:"vote"`
		Question  string `json:"question"`
		QuoteID   string `json:"quote_id"`
		Suggested string `json:"suggested"`
		Applied   bool   `json:"applied"`
		Note      string `json:"note"`
		By        struct{ User, Conversation string }
	}
	if err := json.Unmarshal([]byte(out), &vote); err != nil {
		t.Fatalf("feedback --json: %v\n%s", err, out)
	}
	if vote.Vote != "wrong" || vote.Suggested != "Jane Doe" || !vote.Applied || vote.Question != "who said calling for peace is cheap?" ||
		vote.QuoteID == "" || vote.Note != "see the byline" || vote.By.User != "U1" || vote.By.Conversation != "C1" {
		t.Fatalf("feedback --json = %s", out)
	}
	if out, _, err := runCLI(t, "", nil, "--data", data, "feedback"); err != nil || !strings.Contains(out, "Jane Doe") || !strings.Contains(out, "corrected") {
		t.Fatalf("feedback table: %v\n%s", err, out)
	}
}
