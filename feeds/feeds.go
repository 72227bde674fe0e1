// Package feeds follows news feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed) and
// adds their new entries as articles. One poll of a feed is a pipeline:
//
//	fetch the document (conditional GET, one request at a time per host)
//	  -> parse it with gofeed (parse.go; a page advertising a feed: discover.go)
//	  -> drop the entries already read (by GUID or link, across all feeds)
//	  -> fetch each new entry's page, or take the feed's own text (entry.go)
//	  -> add them through the same path as manual adds (Adder)
//	  -> record the feed's state and the entries read, in one transaction
//	  -> schedule the next fetch: interval, the feed's ttl, backoff (schedule.go)
//
// It reaches the store, the fetcher and the add path through the small
// interfaces declared here; cmd/newsbot wires them.
package feeds

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"newsbot/news"
)

// Store keeps the followed feeds and the entries read (implemented by
// index.Index).
type Store interface {
	// Feeds returns every followed feed.
	Feeds(ctx context.Context) ([]news.Feed, error)
	// AddFeed stores a newly followed feed and records entries, in one
	// durable transaction. An error matching news.ErrDuplicate when a feed
	// with its ID or URL is followed already.
	AddFeed(ctx context.Context, f news.Feed, entries []news.FeedEntry) error
	// UpdateFeed replaces a followed feed's state and records entries, in
	// one durable transaction; news.ErrNotFound when the feed has been
	// unfollowed meanwhile, or unfollowed and followed again (maybe
	// elsewhere, privately): nothing is written then.
	UpdateFeed(ctx context.Context, f news.Feed, entries []news.FeedEntry) error
	// RemoveFeed forgets a feed (the entries read stay recorded).
	RemoveFeed(ctx context.Context, id string) error
	// FeedEntries returns the recorded entries among keys.
	FeedEntries(ctx context.Context, keys []string) (map[string]news.FeedEntry, error)
	// Lookup finds a stored article by id or URL (news.ErrNotFound).
	Lookup(ctx context.Context, idOrURL string) (news.Article, error)
}

// DocFetcher fetches raw documents through the SSRF-safe client
// (implemented by fetch.Client).
type DocFetcher interface {
	Document(ctx context.Context, r news.DocRequest) (news.Doc, error)
}

// PageFetcher turns an article's URL into an article (fetch.Client).
type PageFetcher interface {
	Fetch(ctx context.Context, url string) (news.Article, error)
}

// Adder adds articles through the same path as manual adds (implemented by
// handlers.Handlers). errs[i] is why articles[i] was refused (a
// *news.DuplicateError when it is stored already); err is a failure of the
// whole batch, after which nothing was added.
type Adder interface {
	AddFeedArticles(ctx context.Context, articles []news.FeedArticle) (refs []news.Ref, errs []error, err error)
}

// Notifier tells a feed's channel what happened (implemented by bot.Bot).
type Notifier interface {
	// AnnounceArticles posts the articles a poll added from f in
	// f.Channel, in one message.
	AnnounceArticles(ctx context.Context, f news.Feed, added []news.Ref) error
	// ReportBrokenFeed tells f.Channel that f has failed for a week.
	ReportBrokenFeed(ctx context.Context, f news.Feed) error
}

// Limits.
const (
	// DefaultImport is how many of a feed's newest entries following it
	// imports, so that following a busy feed does not flood the library.
	DefaultImport = 20
	// MaxImport bounds --max.
	MaxImport = 100
	// MaxPerPoll bounds the entries one poll of one feed reads; the rest
	// wait for the next poll.
	MaxPerPoll = 25
	// MaxFeedBytes is the largest feed document read.
	MaxFeedBytes = 10 << 20
	// maxTries is how often an entry whose page was unavailable (and the
	// feed carries no text for) is tried before it is given up.
	maxTries = 3
	// defaultParallel is how many feeds are polled at once; requests to one
	// host are made one at a time whatever this is.
	defaultParallel = 4
)

// feedAccept is the Accept header of feed requests: feeds first, HTML (a
// page that advertises its feed) after.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"

// Config configures a Poller. Store, Docs, Pages and Add are required.
type Config struct {
	Store Store
	Docs  DocFetcher
	Pages PageFetcher
	Add   Adder
	// Interval is how often each feed is polled (DefaultInterval if 0).
	Interval time.Duration
	// Parallel is how many feeds are polled at once (4 if 0).
	Parallel int
	// Now is the clock (time.Now if nil); Rand returns numbers in [0, 1)
	// for the jitter (math/rand/v2 if nil).
	Now  func() time.Time
	Rand func() float64
	Log  *slog.Logger
}

// Poller follows feeds: Follow, Unfollow, Feeds, Poll and Run. It is safe
// for concurrent use.
type Poller struct {
	store    Store
	docs     DocFetcher
	pages    PageFetcher
	add      Adder
	sched    schedule
	parallel int
	now      func() time.Time
	log      *slog.Logger
	hosts    hostGate
	// polling serialises polls: a poll started while one runs waits.
	polling sync.Mutex
}

// New checks the configuration and returns a Poller.
func New(c Config) (*Poller, error) {
	var missing []string
	if c.Store == nil {
		missing = append(missing, "Store")
	}
	if c.Docs == nil {
		missing = append(missing, "Docs")
	}
	if c.Pages == nil {
		missing = append(missing, "Pages")
	}
	if c.Add == nil {
		missing = append(missing, "Add")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("feeds: %s required", strings.Join(missing, ", "))
	}
	if c.Interval <= 0 {
		c.Interval = DefaultInterval
	}
	if c.Parallel <= 0 {
		c.Parallel = defaultParallel
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Rand == nil {
		c.Rand = rand.Float64
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	return &Poller{
		store: c.Store, docs: c.Docs, pages: c.Pages, add: c.Add,
		sched:    schedule{interval: c.Interval, rand: c.Rand},
		parallel: c.Parallel,
		now:      c.Now,
		log:      c.Log,
		hosts:    hostGate{busy: map[string]chan struct{}{}},
	}, nil
}

// refuse is a refusal worded for the user (news.Refuse).
func refuse(kind, cause error, format string, args ...any) error {
	return news.Refuse(kind, cause, format, args...)
}

// feedID is the short id of a feed URL.
func feedID(feedURL string) string {
	h := sha256.Sum256([]byte(feedURL))
	return hex.EncodeToString(h[:4])
}

// Feeds returns the followed feeds, in the order they were followed.
func (p *Poller) Feeds(ctx context.Context) ([]news.Feed, error) {
	fs, err := p.store.Feeds(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the followed feeds: %w", err)
	}
	slices.SortStableFunc(fs, func(a, b news.Feed) int {
		if c := a.Followed.Compare(b.Followed); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return fs, nil
}

// find returns the followed feed whose id (or an unambiguous id prefix of
// 4+ characters), feed URL or page URL is s.
func (p *Poller) find(ctx context.Context, s string) (news.Feed, bool, error) {
	s = strings.TrimSpace(s)
	fs, err := p.Feeds(ctx)
	if err != nil {
		return news.Feed{}, false, err
	}
	norm := normalURL(s)
	var byPrefix []news.Feed
	for _, f := range fs {
		switch {
		case f.ID == s, f.URL == s, norm != "" && (normalURL(f.URL) == norm || normalURL(f.Page) == norm):
			return f, true, nil
		case len(s) >= 4 && strings.HasPrefix(f.ID, strings.ToLower(s)):
			byPrefix = append(byPrefix, f)
		}
	}
	if len(byPrefix) == 1 {
		return byPrefix[0], true, nil
	}
	if len(byPrefix) > 1 {
		return news.Feed{}, false, refuse(news.ErrInvalid, nil, "several feeds have ids starting with %s; give more of the id", s)
	}
	return news.Feed{}, false, nil
}

// normalURL compares URLs the way a user means them: without a trailing
// slash, fragment or letter case in scheme and host.
func normalURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	u.Path = strings.TrimSuffix(u.Path, "/")
	return u.String()
}

// Unfollow stops following the feed with this id (or id prefix), feed URL
// or page URL. Its articles stay.
func (p *Poller) Unfollow(ctx context.Context, idOrURL string, scope news.Scope) (news.Feed, error) {
	if strings.TrimSpace(idOrURL) == "" {
		return news.Feed{}, refuse(news.ErrInvalid, nil, "say which feed to stop following: its id or URL (the feeds command lists them)")
	}
	f, ok, err := p.find(ctx, idOrURL)
	if err != nil {
		return news.Feed{}, err
	}
	if !ok || !scope.Allows(f.PrivateTo()) {
		// a feed followed in another private conversation is not there
		return news.Feed{}, refuse(news.ErrNotFound, nil, "no followed feed has the id or URL %s (the feeds command lists them)", strings.TrimSpace(idOrURL))
	}
	if err := p.store.RemoveFeed(ctx, f.ID); err != nil {
		return news.Feed{}, fmt.Errorf("unfollow %s: %w", f.URL, err)
	}
	p.log.Info("feed unfollowed", "feed", f.ID, "url", f.URL)
	return f, nil
}

// alreadyFollowed is the refusal to follow a feed twice. A feed followed
// in a private conversation that the request's does not see is not named
// (as an article added privately elsewhere is not).
func alreadyFollowed(f news.Feed, req news.FollowRequest) error {
	if !requestScope(req).Allows(f.PrivateTo()) {
		return refuse(news.ErrDuplicate, nil, "%s is already followed, privately, in another conversation", strings.TrimSpace(req.URL))
	}
	return refuse(news.ErrDuplicate, nil, "already following %s (%s, id %s) since %s", f.Title, f.URL, f.ID, f.Followed.UTC().Format("2 Jan 2006"))
}

// requestScope is what the conversation of a follow request may see: the
// operator (no channel) everything.
func requestScope(req news.FollowRequest) news.Scope {
	if req.Channel == "" {
		return news.Everything
	}
	return news.In(req.Channel)
}

// getDoc fetches a feed document, one request at a time per host.
func (p *Poller) getDoc(ctx context.Context, rawURL, etag, lastModified string) (news.Doc, error) {
	release, err := p.hosts.acquire(ctx, rawURL)
	if err != nil {
		return news.Doc{}, err
	}
	defer release()
	return p.docs.Document(ctx, news.DocRequest{URL: rawURL, ETag: etag, LastModified: lastModified, Accept: feedAccept, MaxBytes: MaxFeedBytes})
}

// Follow starts following a feed, given its URL or the URL of a page that
// advertises it, and imports its newest entries (at most req.Max). Nothing
// is stored when the feed cannot be read.
func (p *Poller) Follow(ctx context.Context, req news.FollowRequest) (news.FeedReport, error) {
	raw := strings.TrimSpace(req.URL)
	if req.Max < 0 || req.Max > MaxImport {
		return news.FeedReport{}, refuse(news.ErrInvalid, nil, "the number of entries to import must be between 0 and %d, not %d", MaxImport, req.Max)
	}
	if req.Announce && req.Channel == "" {
		return news.FeedReport{}, refuse(news.ErrInvalid, nil, "announcing new articles needs a channel to announce them in")
	}
	if f, ok, err := p.find(ctx, raw); err != nil {
		return news.FeedReport{}, err
	} else if ok {
		return news.FeedReport{}, alreadyFollowed(f, req)
	}
	feedURL, page := raw, ""
	doc, err := p.getDoc(ctx, feedURL, "", "")
	if err != nil {
		return news.FeedReport{}, err
	}
	d, err := parse(doc.Body, doc.ContentType, feedURL)
	if errors.Is(err, errHTML) {
		links := discover(doc.Body, doc.URL)
		if len(links) == 0 {
			return news.FeedReport{}, refuse(news.ErrInvalid, nil, `%s is a web page that advertises no feed (no <link rel="alternate" type="application/rss+xml" ...> in it); give the feed's own address`, raw)
		}
		page, feedURL = raw, links[0]
		if f, ok, err := p.find(ctx, feedURL); err != nil {
			return news.FeedReport{}, err
		} else if ok {
			return news.FeedReport{}, alreadyFollowed(f, req)
		}
		if doc, err = p.getDoc(ctx, feedURL, "", ""); err != nil {
			return news.FeedReport{}, err
		}
		d, err = parse(doc.Body, doc.ContentType, feedURL)
		if errors.Is(err, errHTML) {
			return news.FeedReport{}, refuse(news.ErrInvalid, nil, "%s advertises %s as its feed, but that is a web page too, not a feed", raw, feedURL)
		}
	}
	if err != nil {
		return news.FeedReport{}, err
	}
	now := p.now()
	f := news.Feed{
		ID: feedID(feedURL), URL: feedURL, Page: page, Title: d.Title, Site: d.Site,
		Channel: req.Channel, User: req.User, Private: req.Private, Announce: req.Announce, Followed: now,
		ETag: doc.ETag, LastModified: doc.LastModified,
	}
	if f.Title == "" {
		f.Title = hostOf(feedURL)
	}
	p.sched.succeeded(&f, now, max(d.TTL, doc.MaxAge))
	rep, entries, complete, err := p.importEntries(ctx, &f, newestFirst(d.Entries), req.Max, true)
	if err != nil {
		return news.FeedReport{}, fmt.Errorf("import %s: %w", feedURL, err)
	}
	if !complete {
		f.ETag, f.LastModified = "", "" // the next poll reads the whole document again
	}
	if err := p.store.AddFeed(ctx, f, entries); err != nil {
		if errors.Is(err, news.ErrDuplicate) {
			return news.FeedReport{}, refuse(news.ErrDuplicate, err, "%s was followed by someone else meanwhile", feedURL)
		}
		return news.FeedReport{}, fmt.Errorf("store feed %s: %w", feedURL, err)
	}
	rep.Feed = f
	p.log.Info("feed followed", "feed", f.ID, "url", f.URL, "added", len(rep.Added), "channel", f.Channel, "user", f.User)
	return rep, nil
}

func hostOf(s string) string {
	if u, err := url.Parse(s); err == nil && u.Host != "" {
		return u.Hostname()
	}
	return s
}
