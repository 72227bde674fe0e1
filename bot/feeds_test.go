package bot

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"newsbot/news"
)

// fakeFeeds is a hand-written Feeds.
type fakeFeeds struct {
	followed []news.FollowRequest
	list     []news.Feed
}

func (f *fakeFeeds) Follow(_ context.Context, req news.FollowRequest) (news.FeedReport, error) {
	f.followed = append(f.followed, req)
	if strings.Contains(req.URL, "bad") {
		return news.FeedReport{}, news.Refuse(news.ErrInvalid, nil, "%s is not a well-formed feed (XML syntax error on line 1)", req.URL)
	}
	return news.FeedReport{Feed: news.Feed{ID: "f00d", Title: "<!channel> & News", URL: req.URL, Announce: req.Announce},
		Added: []news.Ref{{ID: "a1", Title: "Story <b>1</b>", URL: "https://news.test/1"}}}, nil
}

func (f *fakeFeeds) Unfollow(context.Context, string, news.Scope) (news.Feed, error) {
	return news.Feed{ID: "f00d", Title: "News", Articles: 3}, nil
}

func (f *fakeFeeds) Feeds(context.Context) ([]news.Feed, error) { return f.list, nil }

func TestParseFollow(t *testing.T) {
	tests := []struct {
		in      string
		url     string
		max     int
		ann     bool
		problem string
	}{
		{"<https://news.test/feed>", "https://news.test/feed", 20, false, ""},
		{"https://news.test/feed announce max 5", "https://news.test/feed", 5, true, ""},
		{"--max=0 https://news.test/feed", "https://news.test/feed", 0, false, ""},
		{"", "", 20, false, "Follow a feed with"},
		{"https://news.test/feed max lots", "", 0, false, "`max` takes a number"},
		{"https://a.test/ https://b.test/", "", 0, false, "I don't understand"},
		{"news.test/feed", "", 0, false, "I don't understand"},
	}
	for _, tt := range tests {
		req, problem := parseFollow(tt.in)
		if tt.problem != "" {
			if !strings.Contains(problem, tt.problem) {
				t.Errorf("%q: problem %q, want %q", tt.in, problem, tt.problem)
			}
			continue
		}
		if problem != "" || req.URL != tt.url || req.Max != tt.max || req.Announce != tt.ann {
			t.Errorf("%q: %+v %q", tt.in, req, problem)
		}
	}
}

// /newsbot follow passes the conversation and user along, and the reply,
// feed titles included, is escaped; errors name the feed.
func TestFollowCommand(t *testing.T) {
	fs := newFakeSlack(t)
	hk := newHook(t)
	ff := &fakeFeeds{}
	b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) { c.Feeds = ff })
	send := func(text string) {
		form := url.Values{"command": {"/newsbot"}, "text": {text}, "user_id": {"U7"}, "channel_id": {"C9"}, "response_url": {hk.URL + "/r"}}
		if w := serve(b, signed("POST", "/slack/commands", form.Encode(), testSecret, time.Now())); w.Code != 200 {
			t.Fatalf("status %d", w.Code)
		}
	}
	send("follow <https://news.test/feed> announce")
	m := hk.next(t)
	raw, _ := json.Marshal(m["blocks"])
	s := string(raw)
	for _, want := range []string{"Now following", `\u0026lt;!channel\u0026gt; \u0026amp; News`, `Story \u0026lt;b\u0026gt;1\u0026lt;/b\u0026gt;`, "post them here", "unfollow f00d"} {
		if !strings.Contains(s, want) {
			t.Errorf("reply lacks %s: %s", want, s)
		}
	}
	if strings.Contains(s, "<!channel>") {
		t.Errorf("unescaped feed title: %s", s)
	}
	if len(ff.followed) != 1 || ff.followed[0].Channel != "C9" || ff.followed[0].User != "U7" || !ff.followed[0].Announce {
		t.Errorf("follow request: %+v", ff.followed)
	}
	send("follow https://news.test/bad")
	if m := hk.next(t); !strings.Contains(m["text"].(string), "Could not follow https://news.test/bad: https://news.test/bad is not a well-formed feed") {
		t.Errorf("error reply: %v", m["text"])
	}
	ff.list = []news.Feed{{ID: "f00d", Title: "<@U1> feed", URL: "https://news.test/feed", Articles: 2, Broken: true,
		FailingSince: time.Unix(1700000000, 0), LastError: "HTTP 500 <oops>", Channel: "C9", Announce: true}}
	send("feeds")
	raw, _ = json.Marshal(hk.next(t)["blocks"])
	s = string(raw)
	for _, want := range []string{"1 feed", `\u0026lt;@U1\u0026gt; feed`, "2 articles", "broken", `HTTP 500 \u0026lt;oops\u0026gt;`, `\u003c#C9\u003e`, "!date^1700000000^"} {
		if !strings.Contains(s, want) {
			t.Errorf("feeds lacks %s: %s", want, s)
		}
	}
	// a feed followed in another private conversation is not listed here
	ff.list = append(ff.list, news.Feed{ID: "beef", Title: "Secret desk", URL: "https://news.test/secret", Channel: "G5", Private: true})
	send("feeds")
	raw, _ = json.Marshal(hk.next(t)["blocks"])
	if s = string(raw); strings.Contains(s, "Secret desk") || !strings.Contains(s, "1 feed") {
		t.Errorf("feeds in C9 shows G5's private feed: %s", s)
	}
	send("unfollow f00d")
	if m := hk.next(t); !strings.Contains(m["text"].(string), "Stopped following News (f00d). Its 3 articles stay") {
		t.Errorf("unfollow reply: %v", m["text"])
	}
}

// Without feeds configured, the commands say so instead of failing.
func TestFeedCommandsNotConfigured(t *testing.T) {
	fs := newFakeSlack(t)
	b, _ := newTestBot(t, fs, &fakeService{}, nil)
	ack, work := b.onCommand(slack.SlashCommand{Text: "feeds", UserID: "U1", ChannelID: "C1"})
	if work != nil || ack == nil || !strings.Contains(ack.Text, "not set up") {
		t.Errorf("ack %+v", ack)
	}
}

// The daily digest says how many articles came from which feeds.
func TestDigestFeedCounts(t *testing.T) {
	d := news.Digest{From: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC),
		Articles: []news.DigestArticle{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}, {ID: "c", Title: "C"}},
		Feeds:    []news.FeedCount{{ID: "f1", Title: "Gazette <&>", Articles: 2}, {ID: "f2", Title: "Times", Articles: 1}}}
	main, _ := renderDigest(d, d.To, 3)
	raw, _ := json.Marshal(main.Blocks)
	if !strings.Contains(string(raw), `3 articles added between Mon 9 Mar 00:00 and Tue 10 Mar 00:00 UTC: 2 from Gazette \u0026lt;\u0026amp;\u0026gt;, 1 from Times.`) {
		t.Errorf("digest intro: %s", raw)
	}
}
