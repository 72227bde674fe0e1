package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"newsbot/feeds"
	"newsbot/news"
)

// follow follows a feed and imports its newest entries.
func (a *app) follow(ctx context.Context, args []string) error {
	fs := newFlags("follow")
	maxN := fs.Int("max", feeds.DefaultImport, "import at most this many of the newest entries now (0: none)")
	channel := fs.String("channel", "", "Slack channel ID the feed belongs to (where --announce posts and a broken feed is reported)")
	announce := fs.Bool("announce", false, "post each poll's new articles in --channel (while serve runs)")
	if err := parseFlags(fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"follow needs one URL: a feed (RSS, Atom, JSON Feed) or a page that advertises one"}
	}
	if *maxN < 0 || *maxN > feeds.MaxImport {
		return usageError{fmt.Sprintf("--max must be between 0 and %d", feeds.MaxImport)}
	}
	if *announce && *channel == "" {
		return usageError{"--announce needs --channel C0123456789 (the channel to announce in)"}
	}
	ix, p, err := a.openFeeds(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	rep, err := p.Follow(ctx, news.FollowRequest{URL: fs.Arg(0), Max: *maxN, Channel: *channel, Announce: *announce})
	if err != nil {
		return commandError("follow", fs.Arg(0), err)
	}
	a.printReport(rep)
	f := rep.Feed
	fmt.Fprintf(a.stdout, "following %s %s (%s): %s; next poll %s\n", f.ID, f.Title, f.URL, importSummary(rep), f.NextFetch.Local().Format("15:04"))
	return nil
}

// reorder puts flags before the URL, so that `follow URL --max 5` works
// like `follow --max 5 URL`.
func reorder(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		s := args[i]
		if strings.HasPrefix(s, "-") && s != "-" {
			flags = append(flags, s)
			if !strings.Contains(s, "=") && (s == "--max" || s == "-max" || s == "--channel" || s == "-channel") && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		rest = append(rest, s)
	}
	return append(flags, rest...)
}

// printReport prints one line per added article ("added ID TITLE") and per
// entry that was not added ("skipped ENTRY: REASON").
func (a *app) printReport(rep news.FeedReport) {
	for _, r := range rep.Added {
		fmt.Fprintf(a.stdout, "added %s %s\n", r.ID, r.Title)
	}
	for _, pr := range rep.Problems {
		fmt.Fprintf(a.stdout, "skipped %s\n", pr)
	}
}

// importSummary says in words what a follow or poll of one feed did.
func importSummary(rep news.FeedReport) string {
	s := plural(len(rep.Added), "article", "articles") + " added"
	if rep.FromFeed > 0 {
		s += fmt.Sprintf(" (%d with the feed's own text: the page could not be fetched)", rep.FromFeed)
	}
	if rep.Known > 0 {
		s += fmt.Sprintf(", %d already in the library", rep.Known)
	}
	if len(rep.Problems) > 0 {
		s += fmt.Sprintf(", %d skipped", len(rep.Problems))
	}
	return s
}

// unfollow stops following a feed.
func (a *app) unfollow(ctx context.Context, args []string) error {
	fs := newFlags("unfollow")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"unfollow needs the feed's id or URL ('newsbot feeds' lists them)"}
	}
	ix, p, err := a.openFeeds(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	f, err := p.Unfollow(ctx, fs.Arg(0), news.Everything)
	if err != nil {
		return commandError("unfollow", fs.Arg(0), err)
	}
	fmt.Fprintf(a.stdout, "unfollowed %s %s; its %s stay ('newsbot remove ID' takes one out)\n", f.ID, f.Title, plural(f.Articles, "article", "articles"))
	return nil
}

// feedJSON is one line of `feeds --json`.
type feedJSON struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Page      string `json:"page,omitempty"`
	Site      string `json:"site,omitempty"`
	Channel   string `json:"channel,omitempty"`
	User      string `json:"user,omitempty"`
	Announce  bool   `json:"announce"`
	Followed  string `json:"followed"`
	Articles  int    `json:"articles"`
	LastFetch string `json:"last_fetch,omitempty"`
	NextFetch string `json:"next_fetch,omitempty"`
	LastError string `json:"last_error,omitempty"`
	Failures  int    `json:"failures"`
	Broken    bool   `json:"broken"`
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// feedsCmd lists the followed feeds.
func (a *app) feedsCmd(ctx context.Context, args []string) error {
	fs := newFlags("feeds")
	asJSON := fs.Bool("json", false, "print one JSON object per feed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"feeds takes no arguments"}
	}
	ix, p, err := a.openFeeds(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	list, err := p.Feeds(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		for _, f := range list {
			if err := enc.Encode(feedJSON{ID: f.ID, Title: f.Title, URL: f.URL, Page: f.Page, Site: f.Site, Channel: f.Channel,
				User: f.User, Announce: f.Announce, Followed: rfc3339(f.Followed), Articles: f.Articles, LastFetch: rfc3339(f.LastFetch),
				NextFetch: rfc3339(f.NextFetch), LastError: f.LastError, Failures: f.Failures, Broken: f.Broken}); err != nil {
				return err
			}
		}
		return nil
	}
	if len(list) == 0 {
		fmt.Fprintln(a.stdout, "No feeds followed. Follow one with 'newsbot follow URL'.")
		return nil
	}
	for i, f := range list {
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		writeFeed(a.stdout, f, a.now())
	}
	return nil
}

// writeFeed prints one feed for a terminal.
func writeFeed(w io.Writer, f news.Feed, now time.Time) {
	fmt.Fprintf(w, "%s  %s (%s)\n", f.ID, clip(f.Title, 70), plural(f.Articles, "article", "articles"))
	fmt.Fprintf(w, "          feed  %s\n", f.URL)
	if f.Page != "" {
		fmt.Fprintf(w, "          from  %s\n", f.Page)
	}
	status := "ok"
	switch {
	case f.Broken:
		status = fmt.Sprintf("BROKEN: failing since %s", when(f.FailingSince, now))
	case f.Failures > 0:
		status = fmt.Sprintf("failing (%s in a row since %s)", plural(f.Failures, "time", "times"), when(f.FailingSince, now))
	case f.LastFetch.IsZero():
		status = "not fetched yet"
	}
	fmt.Fprintf(w, "          last  %s, %s · next %s\n", when(f.LastFetch, now), status, when(f.NextFetch, now))
	if f.LastError != "" {
		fmt.Fprintf(w, "         error  %s\n", f.LastError)
	}
	if f.Channel != "" {
		s := "followed in " + f.Channel
		if f.Announce {
			s += ", new articles announced there"
		}
		fmt.Fprintf(w, "       channel  %s\n", s)
	}
}

// when prints a time for a terminal: the clock time when it is today,
// else the date too.
func when(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	t, now = t.Local(), now.Local()
	if t.Year() == now.Year() && t.YearDay() == now.YearDay() {
		return t.Format("15:04")
	}
	return t.Format("2006-01-02 15:04")
}

// poll fetches every feed once now.
func (a *app) poll(ctx context.Context, args []string) error {
	fs := newFlags("poll")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"poll takes no arguments"}
	}
	ix, p, err := a.openFeeds(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	var added, fromFeed, failed, unchanged, n int
	results, err := p.Poll(ctx, feeds.PollOptions{All: true, OnResult: func(r feeds.Result) {
		n++
		f := r.Report.Feed
		if r.Err != nil {
			failed++
			fmt.Fprintf(a.stdout, "failed %s: %s\n", f.URL, reason(r.Err))
			return
		}
		if r.Report.NotModified {
			unchanged++
		}
		added += len(r.Report.Added)
		fromFeed += r.Report.FromFeed
		a.printReport(r.Report)
	}})
	if err != nil {
		return err
	}
	if len(results) == 0 {
		fmt.Fprintln(a.stdout, "No feeds followed. Follow one with 'newsbot follow URL'.")
		return nil
	}
	withText := ""
	if fromFeed > 0 {
		withText = fmt.Sprintf(" (%d with the feed's own text: the page could not be fetched)", fromFeed)
	}
	fmt.Fprintf(a.stderr, "%s polled: %s added%s, %d unchanged, %d failed\n", plural(n, "feed", "feeds"), plural(added, "article", "articles"), withText, unchanged, failed)
	if failed > 0 {
		return errSilent
	}
	return nil
}

// writeFeedCounts prints how many of a digest's articles came from which
// feeds.
func writeFeedCounts(w io.Writer, d news.Digest) {
	if len(d.Feeds) == 0 {
		return
	}
	fmt.Fprintln(w, "\nFrom feeds:")
	for _, c := range d.Feeds {
		fmt.Fprintf(w, "  %s (%d)\n", c.Title, c.Articles)
	}
}

// commandError words a refusal of cmd on arg for the terminal, naming arg
// once.
func commandError(cmd, arg string, err error) error {
	msg := reason(err)
	if strings.Contains(msg, arg) {
		return errors.New(msg)
	}
	return fmt.Errorf("%s %s: %s", cmd, arg, msg)
}
