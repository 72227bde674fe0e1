package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// feedEnv lets the fetcher reach the loopback feed servers.
var feedEnv = map[string]string{"NEWSBOT_FETCH_ALLOW": "127.0.0.1", "LOG_LEVEL": "error"}

var addedRE = regexp.MustCompile(`(?m)^added ([0-9a-f]{12}) (.+)$`)

// added returns the titles of the "added ID TITLE" lines of out.
func added(out string) []string {
	var titles []string
	for _, m := range addedRE.FindAllStringSubmatch(out, -1) {
		titles = append(titles, m[2])
	}
	return titles
}

func articleCount(t *testing.T, data string) int {
	t.Helper()
	out, _, err := runCLI(t, "", feedEnv, "--data", data, "list", "--json")
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	return strings.Count(out, "\n")
}

func feedsJSON(t *testing.T, data string) []feedJSON {
	t.Helper()
	out, _, err := runCLI(t, "", feedEnv, "--data", data, "feeds", "--json")
	if err != nil {
		t.Fatalf("feeds: %v", err)
	}
	var fs []feedJSON
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var f feedJSON
		if err := dec.Decode(&f); err != nil {
			t.Fatalf("feeds --json: %v\n%s", err, out)
		}
		fs = append(fs, f)
	}
	return fs
}

// The first three "done when" items, and the last, with an RSS 2.0
// feed: following adds its 3 articles; after the feed gains 2, poll adds
// exactly those; an unchanged feed is asked for conditionally, answers
// 304 and adds nothing; questions are answered from feed articles, and the
// summary counts them by feed.
func TestFollowRSSPollConditionalAskSummary(t *testing.T) {
	site := newFeedSite(t, "rss", feedItems(0, 3)...)
	data := t.TempDir()

	out, stderr, err := runCLI(t, "", feedEnv, "--data", data, "follow", site.feedURL())
	if err != nil {
		t.Fatalf("follow: %v\n%s%s", err, out, stderr)
	}
	if got := added(out); len(got) != 3 || got[0] != "Harbour story 2" {
		t.Fatalf("follow added %q, want the 3 stories newest first:\n%s", got, out)
	}
	if !strings.Contains(out, "following ") || !strings.Contains(out, "Harbour Gazette") || !strings.Contains(out, "3 articles added") {
		t.Errorf("follow does not say what it follows:\n%s", out)
	}

	site.add(feedItems(3, 2)...)
	out, stderr, err = runCLI(t, "", feedEnv, "--data", data, "poll")
	if err != nil {
		t.Fatalf("poll: %v\n%s%s", err, out, stderr)
	}
	if got := added(out); len(got) != 2 || got[0] != "Harbour story 4" || got[1] != "Harbour story 3" {
		t.Fatalf("poll added %q, want exactly the 2 new stories:\n%s", got, out)
	}
	if !strings.Contains(stderr, "1 feed polled: 2 articles added") {
		t.Errorf("poll summary: %s", stderr)
	}

	before := len(site.requests())
	out, stderr, err = runCLI(t, "", feedEnv, "--data", data, "poll")
	if err != nil || len(added(out)) != 0 {
		t.Fatalf("poll of an unchanged feed: %v\n%s%s", err, out, stderr)
	}
	if !strings.Contains(stderr, "1 unchanged") {
		t.Errorf("an unchanged feed is not reported as such: %s", stderr)
	}
	reqs := site.requests()[before:]
	if len(reqs) != 1 || reqs[0].Get("If-None-Match") == "" || reqs[0].Get("If-Modified-Since") == "" {
		t.Fatalf("the unchanged feed was not asked for conditionally: %v", reqs)
	}
	if n := articleCount(t, data); n != 5 {
		t.Errorf("%d articles stored, want 5", n)
	}

	fs := feedsJSON(t, data)
	if len(fs) != 1 || fs[0].Articles != 5 || fs[0].Title != "Harbour Gazette" || fs[0].LastError != "" || fs[0].NextFetch == "" {
		t.Errorf("feeds --json: %+v", fs)
	}
	out, _, _ = runCLI(t, "", feedEnv, "--data", data, "feeds")
	for _, want := range []string{"Harbour Gazette (5 articles)", site.feedURL(), "next"} {
		if !strings.Contains(out, want) {
			t.Errorf("feeds lacks %q:\n%s", want, out)
		}
	}

	// Questions are answered from the feed's articles.
	out, _, err = runCLI(t, "", feedEnv, "--data", data, "ask", "--json", "who said nobody asked the people who live on the waterfront?")
	if err != nil {
		t.Fatal(err)
	}
	var ans struct {
		Kind    string `json:"kind"`
		Speaker string `json:"speaker"`
		Article struct {
			Title string `json:"title"`
		} `json:"article"`
	}
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatalf("ask --json: %v\n%s", err, out)
	}
	if ans.Kind != "quote" || ans.Speaker != "Paul Okafor" || ans.Article.Title != "Harbour story 3" {
		t.Errorf("answer from a feed article: %+v", ans)
	}

	// The summary counts the articles by feed.
	out, _, err = runCLI(t, "", feedEnv, "--data", data, "summary", "--json", "--since", "87600h")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Articles []struct{ Title string } `json:"articles"`
		Feeds    []struct {
			ID       string `json:"id"`
			Title    string `json:"title"`
			Articles int    `json:"articles"`
		} `json:"feeds"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("summary --json: %v\n%s", err, out)
	}
	if len(d.Articles) != 5 || len(d.Feeds) != 1 || d.Feeds[0].Articles != 5 || d.Feeds[0].Title != "Harbour Gazette" || d.Feeds[0].ID != fs[0].ID {
		t.Errorf("summary: %+v", d)
	}
	out, _, _ = runCLI(t, "", feedEnv, "--data", data, "summary", "--since", "87600h")
	if !strings.Contains(out, "From feeds:\n  Harbour Gazette (5)") {
		t.Errorf("printed summary lacks the feed counts:\n%s", out)
	}
}

// Atom and JSON Feed work the same way: follow imports, a poll adds only
// the new entry, an unchanged feed gets 304.
func TestFollowAtomAndJSONFeed(t *testing.T) {
	for _, format := range []string{"atom", "json"} {
		t.Run(format, func(t *testing.T) {
			site := newFeedSite(t, format, feedItems(0, 3)...)
			data := t.TempDir()
			out, stderr, err := runCLI(t, "", feedEnv, "--data", data, "follow", site.feedURL())
			if err != nil || len(added(out)) != 3 {
				t.Fatalf("follow: %v\n%s%s", err, out, stderr)
			}
			site.add(feedItems(3, 1)...)
			out, stderr, err = runCLI(t, "", feedEnv, "--data", data, "poll")
			if got := added(out); err != nil || len(got) != 1 || got[0] != "Harbour story 3" {
				t.Fatalf("poll: %v %q\n%s%s", err, got, out, stderr)
			}
			out, _, err = runCLI(t, "", feedEnv, "--data", data, "poll")
			if err != nil || len(added(out)) != 0 {
				t.Fatalf("second poll: %v\n%s", err, out)
			}
			reqs := site.requests()
			if last := reqs[len(reqs)-1]; last.Get("If-None-Match") == "" {
				t.Errorf("not conditional: %v", last)
			}
			if n := articleCount(t, data); n != 4 {
				t.Errorf("%d articles, want 4", n)
			}
			out, _, _ = runCLI(t, "", feedEnv, "--data", data, "ask", "who said nobody asked the people who live on the waterfront?")
			if !strings.Contains(out, "Paul Okafor") {
				t.Errorf("not answered from the %s feed's article:\n%s", format, out)
			}
		})
	}
}

// A page that advertises its feed can be followed by the page's URL; the
// comment feed it also advertises is passed over.
func TestFollowByPageURL(t *testing.T) {
	site := newFeedSite(t, "atom", feedItems(0, 2)...)
	data := t.TempDir()
	out, stderr, err := runCLI(t, "", feedEnv, "--data", data, "follow", site.URL+"/")
	if err != nil || len(added(out)) != 2 {
		t.Fatalf("follow page: %v\n%s%s", err, out, stderr)
	}
	fs := feedsJSON(t, data)
	if len(fs) != 1 || fs[0].URL != site.feedURL() || fs[0].Page != site.URL+"/" {
		t.Fatalf("feed followed: %+v", fs)
	}
	// Following it again, by either address, is refused and changes nothing.
	for _, u := range []string{site.URL + "/", site.feedURL()} {
		_, _, err := runCLI(t, "", feedEnv, "--data", data, "follow", u)
		if err == nil || !strings.Contains(err.Error(), "already following Harbour Gazette") {
			t.Errorf("follow %s again: %v", u, err)
		}
	}
	out, _, err = runCLI(t, "", feedEnv, "--data", data, "unfollow", fs[0].ID)
	if err != nil || !strings.Contains(out, "unfollowed "+fs[0].ID+" Harbour Gazette; its 2 articles stay") {
		t.Fatalf("unfollow: %v\n%s", err, out)
	}
	if fs := feedsJSON(t, data); len(fs) != 0 {
		t.Errorf("still followed after unfollow: %+v", fs)
	}
	if n := articleCount(t, data); n != 2 {
		t.Errorf("unfollow removed articles: %d left", n)
	}
}

// A malformed feed, an HTML page that advertises none, an empty feed, a
// document that is no feed and a missing one each give an error naming the
// URL, and leave the library and the followed feeds as they were.
func TestFollowRefusesBadFeedsLeavingLibraryUnchanged(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	if _, _, err := runCLI(t, "", feedEnv, "--data", data, "ingest", writeFile(t, files, "seed.txt", demoText)); err != nil {
		t.Fatal(err)
	}
	good := newFeedSite(t, "rss", feedItems(0, 1)...)
	if _, _, err := runCLI(t, "", feedEnv, "--data", data, "follow", good.feedURL()); err != nil {
		t.Fatal(err)
	}
	bad := newFeedSite(t, "rss")
	tests := []struct {
		name, raw, want string
	}{
		{"malformed XML", `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</item></channel></rss>`, "is not a well-formed feed"},
		{"HTML without a feed", `<!doctype html><html><head><title>Blog</title></head><body><p>No feed here</p></body></html>`, "is a web page that advertises no feed"},
		{"empty feed", `<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>`, "is an empty feed"},
		{"not a feed", `just some text, not a feed at all`, "is not an RSS, Atom or JSON feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad.setRaw(tt.raw)
			out, _, err := runCLI(t, "", feedEnv, "--data", data, "follow", bad.feedURL())
			if err == nil || !strings.Contains(err.Error(), bad.feedURL()) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("follow: %v, want an error naming %s and saying %q\n%s", err, bad.feedURL(), tt.want, out)
			}
			if strings.Contains(err.Error(), "goroutine") || strings.Contains(err.Error(), "panic") {
				t.Errorf("internal detail reaches the user: %v", err)
			}
		})
	}
	bad.setStatus("/feed", http.StatusNotFound)
	if _, _, err := runCLI(t, "", feedEnv, "--data", data, "follow", bad.feedURL()); err == nil || !strings.Contains(err.Error(), "was not found (HTTP 404)") {
		t.Errorf("missing feed: %v", err)
	}
	if n := articleCount(t, data); n != 2 {
		t.Errorf("the library changed: %d articles, want 2", n)
	}
	if fs := feedsJSON(t, data); len(fs) != 1 || fs[0].URL != good.feedURL() {
		t.Errorf("followed feeds changed: %+v", fs)
	}

	// A followed feed that turns malformed: poll names it, records the
	// error and the backoff, and touches nothing stored.
	good.setRaw(`<rss version="2.0"><channel><item><title>oops</channel>`)
	out, _, err := runCLI(t, "", feedEnv, "--data", data, "poll")
	if err == nil || !strings.Contains(out, "failed "+good.feedURL()+": "+good.feedURL()+" is not a well-formed feed") {
		t.Errorf("poll of a malformed feed: %v\n%s", err, out)
	}
	fs := feedsJSON(t, data)
	if len(fs) != 1 || fs[0].Failures != 1 || !strings.Contains(fs[0].LastError, "not a well-formed feed") {
		t.Errorf("the failure is not recorded: %+v", fs)
	}
	if n := articleCount(t, data); n != 2 {
		t.Errorf("the library changed: %d articles, want 2", n)
	}
}

// Entries are deduplicated across feeds and manual adds; an entry whose
// page refuses newsbot is stored with the feed's own text, marked so, with
// the feed's byline and date.
func TestFeedDedupeAndFeedTextFallback(t *testing.T) {
	items := feedItems(0, 3)
	items[2].Content = `<p>The harbour café reopened on Friday.</p><p>“We kept every table,” said Nora Quist, its owner, <b>smiling</b>.</p>`
	site := newFeedSite(t, "atom", items...)
	site.setStatus("/articles/story-2.html", http.StatusForbidden)
	data := t.TempDir()
	// One story was added by hand first.
	if out, _, err := runCLI(t, "", feedEnv, "--data", data, "ingest", site.URL+"/articles/story-0.html"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	out, _, err := runCLI(t, "", feedEnv, "--data", data, "follow", site.feedURL())
	if err != nil {
		t.Fatal(err)
	}
	if got := added(out); len(got) != 2 || !strings.Contains(out, "1 with the feed's own text") || !strings.Contains(out, "1 already in the library") {
		t.Fatalf("follow: %q\n%s", got, out)
	}
	out, _, _ = runCLI(t, "", feedEnv, "--data", data, "ask", "who said we kept every table?")
	if !strings.Contains(out, "Nora Quist") {
		t.Errorf("the feed's text of a refused page is not answerable:\n%s", out)
	}
	out, _, _ = runCLI(t, "", feedEnv, "--data", data, "list", "--json")
	if !strings.Contains(out, `"byline":"Ann Writer"`) || !strings.Contains(out, `"published":"2026-03-09T08:00:00Z"`) {
		t.Errorf("byline and date do not come from the feed:\n%s", out)
	}

	// A second feed carrying the same entries adds nothing.
	other := newFeedSite(t, "rss")
	other.setRaw(site.render())
	out, _, err = runCLI(t, "", feedEnv, "--data", data, "follow", other.feedURL())
	if err != nil || len(added(out)) != 0 || !strings.Contains(out, "3 already in the library") {
		t.Errorf("the same entries from another feed: %v\n%s", err, out)
	}
	if n := articleCount(t, data); n != 3 {
		t.Errorf("%d articles, want 3", n)
	}
}

// follow refuses bad flags before touching anything.
func TestFollowUsage(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{{"follow"}, {"follow", "--max", "500", "http://x.test/feed"}, {"follow", "--announce", "http://x.test/feed"}, {"unfollow"}, {"poll", "x"}} {
		_, _, err := runCLI(t, "", feedEnv, append([]string{"--data", data}, args...)...)
		var ue usageError
		if !errorsAs(err, &ue) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	_, _, err := runCLI(t, "", map[string]string{"NEWSBOT_FEED_INTERVAL": "soon"}, "--data", data, "feeds")
	if err == nil || !strings.Contains(err.Error(), "NEWSBOT_FEED_INTERVAL") {
		t.Errorf("bad interval: %v", err)
	}
	out, _, err := runCLI(t, "", feedEnv, "--data", data, "unfollow", "abcd1234")
	if err == nil || !strings.Contains(err.Error(), "no followed feed has the id or URL abcd1234") {
		t.Errorf("unfollow unknown: %v %s", err, out)
	}
	out, _, _ = runCLI(t, "", feedEnv, "--data", data, "poll")
	if !strings.Contains(out, "No feeds followed") {
		t.Errorf("poll without feeds: %s", out)
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
