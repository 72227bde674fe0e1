package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/slack-go/slack/slacktest"

	"newsbot/bot"
	"newsbot/handlers"
	"newsbot/index"
	"newsbot/news"
	"newsbot/schedule"
)

// privateText is the article pasted in the private channel G1: its quote
// and its speaker are in no other article.
const privateText = `Harbour lighthouse plan

"The lighthouse budget will be cut by half next spring," said Mara Lind, chief engineer of the harbour authority.

The council meets on Friday to vote on the plan.`

// privateQuestion asks for the private article's quote.
const privateQuestion = "who said the lighthouse budget will be cut by half?"

// slackRoles is a fake Slack's conversations.info (G1 private, C1
// public) and users.info (U9 is a workspace admin).
func slackRoles(c slacktest.Customize) {
	c.Handle("/conversations.info", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		id := form.Get("channel")
		private := strings.HasPrefix(id, "G")
		fmt.Fprintf(w, `{"ok":true,"channel":{"id":%q,"is_channel":%t,"is_group":false,"is_private":%t,"is_member":true}}`, id, !private, private)
	})
	c.Handle("/users.info", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		id := form.Get("user")
		fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"name":%q,"is_admin":%t}}`, id, strings.ToLower(id), id == "U9")
	})
}

// responseHook is a response_url endpoint recording what is posted to it.
type responseHook struct {
	*httptest.Server
	posts chan string
}

func newResponseHook(t *testing.T) *responseHook {
	h := &responseHook{posts: make(chan string, 50)}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		h.posts <- string(b)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *responseHook) next(t *testing.T) string {
	t.Helper()
	select {
	case p := <-h.posts:
		return p
	case <-time.After(15 * time.Second):
		t.Fatal("nothing was posted to the response_url")
		return ""
	}
}

// slashCommand posts a signed /newsbot command and returns what newsbot
// then posts to its response_url (or the immediate reply when it has
// nothing more to say).
func (e *privacyEnv) slash(t *testing.T, user, channel, text string) string {
	t.Helper()
	ack := postSlash(t, e.addr, user, channel, text, e.hook.URL+"/r")
	var out string
	switch {
	case strings.HasPrefix(text, "add"):
		out = e.hook.next(t) // "Adding …" is acked, the result follows
	case len(ack) > 0:
		out = string(ack)
	default:
		out = e.hook.next(t)
	}
	// The message's text, as Slack shows it, and all of it.
	var m struct{ Text string }
	_ = json.Unmarshal([]byte(out), &m)
	return m.Text + "\n" + out
}

// mention asks newsbot in a channel and returns its threaded reply.
func (e *privacyEnv) mention(t *testing.T, user, channel, question string) string {
	t.Helper()
	e.seq++
	ts := fmt.Sprintf("1700000100.%06d", e.seq)
	inner, _ := json.Marshal(map[string]string{"type": "app_mention", "user": user, "text": "<@UBOT> " + question,
		"ts": ts, "channel": channel, "event_ts": ts})
	event := fmt.Sprintf(`{"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev%d","event_time":1700000000,"event":%s}`, e.seq, inner)
	before := len(e.slack.postsNow())
	if resp := postSigned(t, "http://"+e.addr+"/slack/events", testSigningSecret, event); resp.StatusCode != http.StatusOK {
		t.Fatalf("event: status %d", resp.StatusCode)
	}
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		for _, p := range e.slack.postsNow()[before:] {
			if p.Get("channel") == channel && p.Get("thread_ts") == ts {
				return p.Get("text") + "\n" + p.Get("blocks")
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no reply in %s to %q", channel, question)
	return ""
}

func (f *fakeSlack) postsNow() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]url.Values(nil), f.posts...)
}

type privacyEnv struct {
	addr  string
	slack *fakeSlack
	hook  *responseHook
	seq   int
}

// answersPrivate reports whether a reply quotes the private article.
func answersPrivate(reply string) bool {
	return strings.Contains(reply, "Mara Lind") || strings.Contains(reply, "lighthouse budget")
}

// TestPrivacyDoneWhen is issue 13's "done when", as a black box: the real
// program (`newsbot serve` in HTTP mode, bleve on disk, the real slack-go
// client) against a fake Slack that says G1 is a private channel, C1 a
// public one, and U9 a workspace admin; then `newsbot audit`.
func TestPrivacyDoneWhen(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	// A workspace article, so that C1 has something to answer from.
	if _, _, err := runCLI(t, "", nil, "--data", data, "ingest", writeFile(t, files, "seed.txt", demoText)); err != nil {
		t.Fatal(err)
	}
	e := &privacyEnv{slack: newFakeSlack(t, slackRoles), hook: newResponseHook(t)}
	var stop func()
	e.addr, stop = startServe(t, data, e.slack, nil)
	defer stop()

	// /newsbot add with pasted text in G1 by U1: private to G1, and said so.
	added := e.slash(t, "U1", "G1", "add "+privateText)
	if !strings.Contains(added, "Added") || !strings.Contains(added, "Only this conversation can see it") {
		t.Fatalf("add in G1: %s", added)
	}
	m := regexp.MustCompile("/newsbot remove ([0-9a-f]{12})").FindStringSubmatch(added)
	if m == nil {
		t.Fatalf("no article id in %s", added)
	}
	id := m[1]

	// A mention in C1, and the slash ask in C1: no answer from it.
	if r := e.mention(t, "U1", "C1", privateQuestion); answersPrivate(r) {
		t.Errorf("a mention in C1 answered from G1's article: %s", r)
	}
	if r := e.slash(t, "U1", "C1", "ask "+privateQuestion); answersPrivate(r) {
		t.Errorf("/newsbot ask in C1 answered from G1's article: %s", r)
	}
	if r := e.slash(t, "U1", "C1", "list"); strings.Contains(r, id) {
		t.Errorf("/newsbot list in C1 shows G1's article: %s", r)
	}
	// The same question in G1 gets the quote.
	if r := e.mention(t, "U1", "G1", privateQuestion); !answersPrivate(r) {
		t.Fatalf("the question in G1 did not get the quote: %s", r)
	}

	// /newsbot remove by U2 is refused, naming who may; it still answers.
	if r := e.slash(t, "U2", "G1", "remove "+id); !strings.Contains(r, "can't remove") || !strings.Contains(r, "<@U1>") {
		t.Errorf("remove by U2: %s", r)
	}
	if r := e.mention(t, "U2", "G1", privateQuestion); !answersPrivate(r) {
		t.Errorf("after U2's refused removal the quote does not answer in G1: %s", r)
	}
	// /newsbot remove by U1 succeeds, and the quote no longer answers.
	if r := e.slash(t, "U1", "G1", "remove "+id); !strings.Contains(r, "Removed") {
		t.Fatalf("remove by U1: %s", r)
	}
	if r := e.mention(t, "U1", "G1", privateQuestion); answersPrivate(r) {
		t.Errorf("a removed article still answers in G1: %s", r)
	}
	// /newsbot undo by U1 brings it back.
	if r := e.slash(t, "U1", "G1", "undo"); !strings.Contains(r, "Restored") || !strings.Contains(r, id) {
		t.Fatalf("undo by U1: %s", r)
	}
	if r := e.mention(t, "U1", "G1", privateQuestion); !answersPrivate(r) {
		t.Errorf("after undo the quote does not answer in G1: %s", r)
	}

	// The summary of C1 does not mention it; a summary in G1 does.
	if r := e.slash(t, "U1", "C1", "summary"); answersPrivate(r) || strings.Contains(r, "Harbour lighthouse plan") {
		t.Errorf("the summary in C1 mentions G1's article: %s", r)
	}
	if r := e.slash(t, "U1", "G1", "summary"); !strings.Contains(r, "Harbour lighthouse plan") {
		t.Errorf("the summary in G1 does not mention its article: %s", r)
	}

	// Admins: U2 may not see the trash; U9 (a workspace admin per
	// users.info) may remove what U1 added and restore it.
	if r := e.slash(t, "U2", "G1", "trash"); !strings.Contains(r, "Only") {
		t.Errorf("trash by U2: %s", r)
	}
	if r := e.slash(t, "U9", "G1", "remove "+id); !strings.Contains(r, "Removed") {
		t.Errorf("remove by the admin U9: %s", r)
	}
	if r := e.slash(t, "U9", "G1", "trash"); !strings.Contains(r, id) {
		t.Errorf("trash by U9: %s", r)
	}
	if r := e.slash(t, "U9", "C1", "trash"); strings.Contains(r, id) {
		t.Errorf("trash by U9 in C1 shows G1's article: %s", r)
	}
	if r := e.slash(t, "U9", "G1", "restore "+id); !strings.Contains(r, "Restored") {
		t.Errorf("restore by U9: %s", r)
	}

	stop() // and startServe's stop checks that no secret reached the log
	// newsbot audit lists the add, the refused removal, the removal and
	// the undo (then the admin's removal and restore).
	out, stderr, err := runCLI(t, "", nil, "--data", data, "audit")
	if err != nil {
		t.Fatalf("audit: %v\n%s", err, stderr)
	}
	var got []string
	for line := range strings.SplitSeq(out, "\n") {
		if f := strings.Fields(line); len(f) > 5 && f[3] == id {
			got = append(got, f[2]+" "+f[4]+" "+f[6])
		}
	}
	want := []string{"add U1 G1", "remove-refused U2 G1", "remove U1 G1", "undo U1 G1", "remove U9 G1", "restore U9 G1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("audit for %s = %q, want %q\n%s", id, got, want, out)
	}
	out, _, err = runCLI(t, "", nil, "--data", data, "audit", "--json", "--since", "1d")
	if err != nil || strings.Count(out, `"article_id":"`+id+`"`) != len(want) {
		t.Errorf("audit --json: %v\n%s", err, out)
	}
	out, _, _ = runCLI(t, "", nil, "--data", data, "list")
	if !strings.Contains(out, "private to G1") || !strings.Contains(out, "U1 in G1") {
		t.Errorf("list does not show the visibility and who added it from where:\n%s", out)
	}
}

// TestDailySummaryPerChannel wires the daily summary as `serve` does
// (on-disk index, handlers, the bot with the real slack-go client, the
// scheduler on a fake clock): the summary of the public C1 leaves out the
// article private to G1, the summary of G1 has it.
func TestDailySummaryPerChannel(t *testing.T) {
	srv := newFakeSlack(t)
	data := t.TempDir()
	ix, err := index.Open(data, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	clock := clockwork.NewFakeClockAt(time.Now().UTC().Truncate(time.Minute))
	h, err := handlers.New(handlers.Deps{Store: ix, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if _, err := h.AddArticle(ctx, demoArticle()); err != nil {
		t.Fatal(err)
	}
	g1 := news.Origin{By: news.Actor{User: "U1", Conversation: "G1", Via: news.ViaSlack}, Private: true}
	if _, err := h.AddPasted(ctx, privateText, g1); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	b, err := bot.New(bot.Config{BotToken: "xoxb-test", SigningSecret: "s", APIURL: srv.GetAPIURL(), Listen: "127.0.0.1:0", Service: h, State: ix, Logger: log, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	sched, err := schedule.New(schedule.Config{
		StatePath: filepath.Join(data, "summary-schedule.json"),
		Digest:    channelDigest(h),
		Post:      b.PostDigest,
		Clock:     clock,
		Logger:    log,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer sched.Stop()
	slot := clock.Now().Add(2 * time.Minute)
	for _, ch := range []string{"C1", "G1"} {
		if err := sched.SetBy(ch, slot.Format("15:04"), "UTC", "U1"); err != nil {
			t.Fatal(err)
		}
	}
	wait, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := clock.BlockUntilContext(wait, 2); err != nil {
		t.Fatalf("the schedule set no timers: %v", err)
	}
	clock.Advance(slot.Add(time.Millisecond).Sub(clock.Now()))
	byChannel := map[string]string{}
	var mu sync.Mutex
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		mu.Lock()
		for _, p := range srv.postsNow() {
			if p.Get("thread_ts") == "" {
				byChannel[p.Get("channel")] += p.Get("blocks")
			}
		}
		n := len(byChannel)
		mu.Unlock()
		if n == 2 {
			break
		}
	}
	if !strings.Contains(byChannel["C1"], "Yun Sun") || strings.Contains(byChannel["C1"], "Mara Lind") || strings.Contains(byChannel["C1"], "lighthouse") {
		t.Errorf("C1's daily summary: %s", byChannel["C1"])
	}
	if !strings.Contains(byChannel["G1"], "Harbour lighthouse plan") {
		t.Errorf("G1's daily summary lacks its article: %s", byChannel["G1"])
	}
}
