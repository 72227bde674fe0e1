package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsbot/bot"
	"newsbot/feeds"
	"newsbot/fetch"
	"newsbot/handlers"
	"newsbot/index"
)

// startServe runs `newsbot serve` in HTTP mode against the fake Slack and
// returns its address and the function that stops it.
func startServe(t *testing.T, data string, slack *fakeSlack, extra map[string]string) (addr string, stop func()) {
	t.Helper()
	addr = freeAddr(t)
	env := map[string]string{
		"SLACK_BOT_TOKEN":       "xoxb-test-token",
		"SLACK_SIGNING_SECRET":  testSigningSecret,
		"SLACK_API_URL":         slack.GetAPIURL(),
		"NEWSBOT_LISTEN":        addr,
		"NEWSBOT_FETCH_ALLOW":   "127.0.0.1",
		"NEWSBOT_FEED_INTERVAL": "1s",
		"LOG_LEVEL":             "error",
	}
	maps.Copy(env, extra)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() {
		done <- run(ctx, []string{"--data", data, "serve"}, func(k string) string { return env[k] }, strings.NewReader(""), io.Discard, &logs)
	}()
	waitHealthy(t, "http://"+addr+"/healthz")
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("serve did not stop")
		}
		if strings.Contains(logs.String(), "xoxb-test-token") || strings.Contains(logs.String(), testSigningSecret) {
			t.Error("a secret reached the log")
		}
	}
	t.Cleanup(stop)
	return addr, stop
}

const testSigningSecret = "feeds-test-signing-secret"

// nextBlocks returns the texts of the blocks of the next response posted,
// one per line.
func (h *responseHook) nextBlocks(t *testing.T) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(h.next(t)), &m); err != nil {
		t.Fatalf("response: %v", err)
	}
	b, _ := json.Marshal(m["blocks"])
	return blockText(t, string(b))
}

// blockText returns every text of Block Kit JSON, one per line.
func blockText(t *testing.T, raw string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatalf("blocks: %v\n%s", err, raw)
	}
	var texts []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["text"].(string); ok {
				texts = append(texts, s)
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(v)
	return strings.Join(texts, "\n")
}

// slash sends a signed /newsbot command as U1 in C1 and returns the
// immediate acknowledgement's body.
func slash(t *testing.T, addr, text, responseURL string) string {
	t.Helper()
	return postSlash(t, addr, "U1", "C1", text, responseURL)
}

// postSlash sends a signed /newsbot command from user in channel to serve
// at addr and returns the immediate acknowledgement's body.
func postSlash(t *testing.T, addr, user, channel, text, responseURL string) string {
	t.Helper()
	form := url.Values{"command": {"/newsbot"}, "text": {text}, "user_id": {user}, "channel_id": {channel},
		"team_id": {"T1"}, "response_url": {responseURL}, "trigger_id": {"1.2.3"}}
	body := form.Encode()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(testSigningSecret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/slack/commands", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/newsbot %s: HTTP %d %s", text, resp.StatusCode, b)
	}
	return string(b)
}

// postsTo returns the chat.postMessage calls made in channel so far.
func (f *fakeSlack) postsTo(channel string) []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []url.Values
	for _, p := range f.posts {
		if p.Get("channel") == channel {
			out = append(out, p)
		}
	}
	return out
}

// waitFor polls cond every 20 ms for up to 15 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// `serve` polls the followed feeds on its own (NEWSBOT_FEED_INTERVAL),
// announces a poll's new articles in one message in the channel that
// followed with announce, answers /newsbot follow and /newsbot feeds
// through the real slack-go client, and a restart neither re-imports nor
// forgets a feed.
func TestServePollsFeedsAndSurvivesRestart(t *testing.T) {
	site := newFeedSite(t, "rss", feedItems(0, 3)...)
	site.title = "Harbour <Gazette> & Co" // escaped before it reaches Slack
	data := t.TempDir()
	if out, _, err := runCLI(t, "", feedEnv, "--data", data, "follow", "--channel", "C1", "--announce", site.feedURL()); err != nil || len(added(out)) != 3 {
		t.Fatalf("follow: %v\n%s", err, out)
	}

	slack := newFakeSlack(t)
	addr, stop := startServe(t, data, slack, nil)
	hook := newResponseHook(t)

	// The feed gains 2 entries: serve adds them on its own and announces
	// them once, in C1.
	site.add(feedItems(3, 2)...)
	waitFor(t, "the announcement of the 2 new articles", func() bool { return len(slack.postsTo("C1")) > 0 })
	ann := slack.postsTo("C1")[0]
	blocks := blockText(t, ann.Get("blocks"))
	for _, want := range []string{"Harbour story 3", "Harbour story 4", "2 articles", "Harbour &lt;Gazette&gt; &amp; Co"} {
		if !strings.Contains(blocks, want) {
			t.Errorf("announcement lacks %q: %s", want, blocks)
		}
	}
	if strings.Contains(blocks, "<Gazette>") || strings.Contains(blocks, "Harbour story 2") {
		t.Errorf("announcement unescaped or with old articles: %s", blocks)
	}

	// Slash commands, through the HTTP Events API and slack-go.
	slash(t, addr, "feeds", hook.URL)
	list := hook.nextBlocks(t)
	for _, want := range []string{"1 feed", "5 articles", "Harbour &lt;Gazette&gt; &amp; Co", "<#C1>", "announced there"} {
		if !strings.Contains(list, want) {
			t.Errorf("/newsbot feeds lacks %q: %s", want, list)
		}
	}
	other := newFeedSite(t, "json", feedItems(10, 2)...)
	other.title = "Coast Times"
	if ack := slash(t, addr, "follow <"+other.feedURL()+"> max 1", hook.URL); !strings.Contains(ack, "Reading") {
		t.Errorf("follow ack: %s", ack)
	}
	followed := hook.nextBlocks(t)
	for _, want := range []string{"Now following", "Coast Times", "1 article added", "Harbour story 11", "unfollow"} {
		if !strings.Contains(followed, want) {
			t.Errorf("/newsbot follow reply lacks %q: %s", want, followed)
		}
	}
	slash(t, addr, "follow not-a-url", hook.URL) // refused at once, nothing to wait for
	slash(t, addr, "follow "+site.URL+"/nothing-here", hook.URL)
	if r := hook.nextBlocks(t); !strings.Contains(r, "Could not follow") || !strings.Contains(r, "was not found (HTTP 404)") {
		t.Errorf("follow of a missing feed: %s", r)
	}
	stop()

	if n := articleCount(t, data); n != 6 {
		t.Fatalf("%d articles after serve, want 6 (3 + 2 polled + 1 followed)", n)
	}

	// Restart: the feed's document changes without new entries (a new
	// ETag, so not a 304): nothing is imported again, nothing forgotten.
	site.setRaw(site.render() + "\n")
	before := len(site.requests())
	posts := len(slack.postsTo("C1"))
	_, stop = startServe(t, data, slack, nil)
	waitFor(t, "two polls after the restart", func() bool { return len(site.requests()) >= before+2 })
	stop()
	if n := articleCount(t, data); n != 6 {
		t.Errorf("%d articles after the restart, want 6", n)
	}
	if len(slack.postsTo("C1")) != posts {
		t.Errorf("the restart announced again: %v", slack.postsTo("C1"))
	}
	fs := feedsJSON(t, data)
	if len(fs) != 2 || fs[0].Articles != 5 || fs[1].Articles != 1 || fs[0].LastError != "" {
		t.Errorf("feeds after the restart: %+v", fs)
	}
	reqs := site.requests()
	if last := reqs[len(reqs)-1]; last.Get("If-None-Match") == "" {
		t.Errorf("polls after the restart are not conditional: %v", last)
	}
}

// The feed poller's dependencies are the real packages.
var (
	_ feeds.Store       = (*index.Index)(nil)
	_ feeds.Adder       = (*handlers.Handlers)(nil)
	_ feeds.DocFetcher  = (*fetch.Client)(nil)
	_ feeds.PageFetcher = (*fetch.Client)(nil)
	_ feeds.Notifier    = (*bot.Bot)(nil)
	_ bot.Feeds         = (*feeds.Poller)(nil)
)
