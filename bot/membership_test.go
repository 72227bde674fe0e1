package bot

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"newsbot/news"
)

// conversationsInfo makes the fake Slack answer conversations.info with body.
func conversationsInfo(body string) slacktest.Binder {
	return func(c slacktest.Customize) {
		c.Handle("/conversations.info", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, body)
		})
	}
}

func TestSummaryHereChecksMembership(t *testing.T) {
	tests := []struct {
		name    string
		channel string
		info    string // conversations.info answer; "" the fake's default (a member)
		want    string // in the reply
		set     bool   // the schedule is changed
	}{
		{"not in channel", "C7", `{"ok":false,"error":"not_in_channel"}`, "Invite me (<@UBOT>) first: type `/invite @newsbot`", false},
		{"not a member", "C7", `{"ok":true,"channel":{"id":"C7","is_channel":true,"is_member":false}}`, "I'm not a member of <#C7>", false},
		{"private, not invited", "G7", `{"ok":false,"error":"channel_not_found"}`, "`/invite @newsbot`", false},
		{"archived", "C7", `{"ok":true,"channel":{"id":"C7","is_channel":true,"is_member":true,"is_archived":true}}`, "archived", false},
		{"scope missing", "C7", `{"ok":false,"error":"missing_scope","needed":"groups:read"}`, "Reinstall after scope changes", false},
		{"direct message", "D7", "", "Daily summaries are posted in channels", false},
		{"member", "C7", "", "Done. Daily summary here at 08:30 Europe/Paris.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var binders []slacktest.Binder
			if tt.info != "" {
				binders = append(binders, conversationsInfo(tt.info))
			}
			fs := newFakeSlack(t, binders...)
			sch := &fakeScheduler{}
			b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) { c.Schedule = sch })
			b.identify(context.Background())
			hk := newHook(t)
			form := url.Values{"command": {"/newsbot"}, "text": {"summary here 08:30 Europe/Paris"}, "user_id": {"U1"}, "channel_id": {tt.channel}, "response_url": {hk.URL}}
			w := serve(b, signed("POST", "/slack/commands", form.Encode(), testSecret, time.Now()))
			if w.Code != 200 || w.Body.Len() != 0 {
				t.Fatalf("ack %d %s", w.Code, w.Body)
			}
			raw, _ := json.Marshal(hk.next(t))
			if !strings.Contains(string(raw), jsonEscape(tt.want)) {
				t.Errorf("reply %s, want %q", raw, tt.want)
			}
			sch.mu.Lock()
			defer sch.mu.Unlock()
			if set := len(sch.calls) > 0; set != tt.set {
				t.Errorf("schedule changed: %v (calls %q), want %v", set, sch.calls, tt.set)
			}
		})
	}
}

// A summary that could not be posted is reported to whoever set it up, by
// direct message, with the reason and its fix.
func TestReportSummaryFailure(t *testing.T) {
	fs := newFakeSlack(t, func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			_ = r.ParseForm()
			if r.PostForm.Get("channel") == "C7" {
				_, _ = io.WriteString(w, `{"ok":false,"error":"not_in_channel"}`)
				return
			}
			fs := r.PostForm
			_, _ = io.WriteString(w, `{"ok":true,"channel":"`+fs.Get("channel")+`","ts":"1.2"}`)
			dmPosts <- fs
		})
	})
	b, logs := newTestBot(t, fs, &fakeService{}, nil)
	ctx := context.Background()

	// The real failure: the digest post refused because the bot left.
	cause := b.PostDigest(ctx, "C7", news.Digest{Articles: []news.DigestArticle{{ID: "a1", Title: "T"}}})
	if cause == nil {
		t.Fatal("PostDigest succeeded")
	}
	if err := b.ReportSummaryFailure(ctx, "C7", "U42", 3, cause); err != nil {
		t.Fatal(err)
	}
	if c := fs.next(t, "conversations.open"); c.Form.Get("users") != "U42" {
		t.Errorf("opened a DM with %q", c.Form.Get("users"))
	}
	select {
	case f := <-dmPosts:
		text := f.Get("text")
		if f.Get("channel") != "DU42" || !strings.Contains(text, "<#C7>") || !strings.Contains(text, "tried 3 times") ||
			!strings.Contains(text, "I am not a member of <#C7>. Invite me with `/invite @newsbot`") {
			t.Errorf("DM to %s: %q", f.Get("channel"), text)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no DM")
	}

	// The environment's default channel has nobody to tell: logged.
	if err := b.ReportSummaryFailure(ctx, "C7", "", 3, cause); err != nil {
		t.Fatal(err)
	}
	fs.none(t, "conversations.open")
	if !strings.Contains(logs.String(), "nobody to tell") {
		t.Errorf("logs:\n%s", logs)
	}
}

var dmPosts = make(chan url.Values, 10)

// The default summary channel is checked at start; a channel newsbot is not
// in is logged with the fix.
func TestCheckSummaryChannel(t *testing.T) {
	fs := newFakeSlack(t, conversationsInfo(`{"ok":true,"channel":{"id":"C9","is_channel":true,"is_member":false}}`))
	b, logs := newTestBot(t, fs, &fakeService{}, nil)
	b.CheckSummaryChannel("C9")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if !b.waitTasks(ctx) {
		t.Fatal("the check did not end")
	}
	if l := logs.String(); !strings.Contains(l, "NEWSBOT_SUMMARY_CHANNEL: the daily summary cannot be posted there yet") || !strings.Contains(l, "/invite @newsbot") {
		t.Errorf("logs:\n%s", l)
	}
}
