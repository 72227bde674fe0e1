package feeds

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"newsbot/news"
)

// memStore is an in-memory Store.
type memStore struct {
	mu       sync.Mutex
	feeds    map[string]news.Feed
	entries  map[string]news.FeedEntry
	articles map[string]news.Article // by URL
}

func newMemStore() *memStore {
	return &memStore{feeds: map[string]news.Feed{}, entries: map[string]news.FeedEntry{}, articles: map[string]news.Article{}}
}

func (m *memStore) Feeds(context.Context) ([]news.Feed, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []news.Feed
	for _, f := range m.feeds {
		out = append(out, f)
	}
	return out, nil
}

func (m *memStore) put(f news.Feed, es []news.FeedEntry) {
	m.feeds[f.ID] = f
	for _, e := range es {
		m.entries[e.Key] = e
	}
}

func (m *memStore) AddFeed(_ context.Context, f news.Feed, es []news.FeedEntry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.feeds[f.ID]; ok {
		return news.ErrDuplicate
	}
	m.put(f, es)
	return nil
}

func (m *memStore) UpdateFeed(_ context.Context, f news.Feed, es []news.FeedEntry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.feeds[f.ID]; !ok {
		return news.ErrNotFound
	}
	m.put(f, es)
	return nil
}

func (m *memStore) RemoveFeed(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.feeds, id)
	return nil
}

func (m *memStore) FeedEntries(_ context.Context, keys []string) (map[string]news.FeedEntry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]news.FeedEntry{}
	for _, k := range keys {
		if e, ok := m.entries[k]; ok {
			out[k] = e
		}
	}
	return out, nil
}

func (m *memStore) Lookup(_ context.Context, u string) (news.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.articles[u]; ok {
		return a, nil
	}
	return news.Article{}, news.ErrNotFound
}

func (m *memStore) AddFeedArticles(_ context.Context, as []news.FeedArticle) ([]news.Ref, []error, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	refs, errs := make([]news.Ref, len(as)), make([]error, len(as))
	for i, fa := range as {
		a := fa.Article
		a.ID = fmt.Sprintf("id%02d", len(m.articles))
		m.articles[a.URL] = a
		refs[i] = a.Ref()
	}
	return refs, errs, nil
}

// fakeNet serves feed documents and pages from maps.
type fakeNet struct {
	mu    sync.Mutex
	docs  map[string]news.Doc
	err   map[string]error
	pages map[string]error // URL -> error; absent: a page
	gets  []news.DocRequest
}

func (n *fakeNet) Document(_ context.Context, r news.DocRequest) (news.Doc, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.gets = append(n.gets, r)
	if err := n.err[r.URL]; err != nil {
		return news.Doc{}, err
	}
	d := n.docs[r.URL]
	if r.ETag != "" && r.ETag == d.ETag {
		return news.Doc{URL: r.URL, NotModified: true, ETag: d.ETag}, nil
	}
	return d, nil
}

func (n *fakeNet) Fetch(_ context.Context, u string) (news.Article, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if err := n.pages[u]; err != nil {
		return news.Article{}, err
	}
	return news.Article{Title: "Page " + u, URL: u, Text: "Text of " + u}, nil
}

// fakeNotifier records what it is told.
type fakeNotifier struct {
	mu        sync.Mutex
	announced [][]news.Ref
	broken    []news.Feed
}

func (n *fakeNotifier) AnnounceArticles(_ context.Context, _ news.Feed, added []news.Ref) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.announced = append(n.announced, added)
	return nil
}

func (n *fakeNotifier) ReportBrokenFeed(_ context.Context, f news.Feed) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.broken = append(n.broken, f)
	return nil
}

// rssDoc is a feed of undated items, given oldest first and listed newest
// first, as feeds do.
func rssDoc(items ...string) news.Doc {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>Test feed</title>`)
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		fmt.Fprintf(&b, `<item><title>%s</title><link>http://news.test/%s</link><guid>%s</guid><description>Feed text of %s</description></item>`, it, it, it, it)
	}
	b.WriteString(`</channel></rss>`)
	return news.Doc{URL: feedURL, Body: []byte(b.String()), ETag: fmt.Sprintf(`"%d"`, len(items))}
}

const feedURL = "http://news.test/feed"

type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestPoller(t *testing.T, st *memStore, n *fakeNet, c *clock) *Poller {
	t.Helper()
	p, err := New(Config{Store: st, Docs: n, Pages: n, Add: st, Interval: 15 * time.Minute, Now: c.now, Rand: func() float64 { return 0.5 }})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A failing feed backs off exponentially up to 24 h; after a week of
// failures it is broken and its channel is told exactly once; a success
// clears it all.
func TestBackoffBrokenAndToldOnce(t *testing.T) {
	st, c := newMemStore(), &clock{t: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	n := &fakeNet{docs: map[string]news.Doc{feedURL: rssDoc("a")}, err: map[string]error{}}
	p := newTestPoller(t, st, n, c)
	ctx := context.Background()
	if _, err := p.Follow(ctx, news.FollowRequest{URL: feedURL, Max: 5, Channel: "C1", User: "U1"}); err != nil {
		t.Fatal(err)
	}
	n.err[feedURL] = news.Refuse(news.ErrUnavailable, nil, "%s is unavailable right now (HTTP 503); try again later", feedURL)
	tell := &fakeNotifier{}
	var waits []time.Duration
	for range 40 {
		f := p.findURL(ctx, feedURL)
		c.t = f.NextFetch
		res, err := p.Poll(ctx, PollOptions{Notify: tell})
		if err != nil || len(res) != 1 || res[0].Err == nil {
			t.Fatalf("poll: %v %+v", err, res)
		}
		f = res[0].Report.Feed
		waits = append(waits, f.NextFetch.Sub(c.t))
	}
	want := []time.Duration{15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour, 8 * time.Hour, 16 * time.Hour, 24 * time.Hour}
	for i, w := range want {
		if waits[i] != w {
			t.Errorf("wait after failure %d = %v, want %v", i+1, waits[i], w)
		}
	}
	f := p.findURL(ctx, feedURL)
	if !f.Broken || !f.BrokenTold || len(tell.broken) != 1 || tell.broken[0].Channel != "C1" {
		t.Fatalf("after %v of failures: broken %v told %v, reports %d", c.t.Sub(f.FailingSince), f.Broken, f.BrokenTold, len(tell.broken))
	}
	if !strings.Contains(f.LastError, "HTTP 503") {
		t.Errorf("last error %q", f.LastError)
	}
	delete(n.err, feedURL)
	c.t = f.NextFetch
	if _, err := p.Poll(ctx, PollOptions{Notify: tell}); err != nil {
		t.Fatal(err)
	}
	f = p.findURL(ctx, feedURL)
	if f.Broken || f.Failures != 0 || f.LastError != "" || len(tell.broken) != 1 {
		t.Errorf("a success does not clear the failure: %+v", f)
	}
}

// find is a test helper: the stored feed with this URL.
func (p *Poller) findURL(ctx context.Context, u string) news.Feed {
	f, _, _ := p.find(ctx, u)
	return f
}

// Only new entries are taken; a poll's new articles are announced in one
// call; an entry whose page is unavailable and has no feed text is tried
// again, then given up; the feed's ttl and the server's max-age make polls
// rarer, never more frequent.
func TestPollNewEntriesAnnounceRetryAndTTL(t *testing.T) {
	st, c := newMemStore(), &clock{t: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	n := &fakeNet{docs: map[string]news.Doc{feedURL: rssDoc("a", "b")}, err: map[string]error{}, pages: map[string]error{}}
	p := newTestPoller(t, st, n, c)
	ctx := context.Background()
	rep, err := p.Follow(ctx, news.FollowRequest{URL: feedURL, Max: 1, Channel: "C1", Announce: true})
	if err != nil || len(rep.Added) != 1 || rep.Added[0].Title != "Page http://news.test/b" {
		t.Fatalf("follow: %v %+v", err, rep)
	}
	// "a" was left out at follow (older than the newest 1) and is never taken.
	doc := rssDoc("a", "b", "c", "d")
	doc.MaxAge = 2 * time.Hour
	n.docs[feedURL] = doc
	unavailable := news.Refuse(news.ErrUnavailable, nil, "timed out")
	n.pages["http://news.test/d"] = news.Refuse(news.ErrForbidden, nil, "refused (HTTP 403)")
	n.pages["http://news.test/c"] = unavailable
	tell := &fakeNotifier{}
	c.advance(time.Hour)
	res, err := p.Poll(ctx, PollOptions{Notify: tell})
	if err != nil || res[0].Err != nil {
		t.Fatal(err, res)
	}
	r := res[0].Report
	// d: the page refused newsbot, the feed's own text is stored instead;
	// c: no page and (here) its text is used too.
	if len(r.Added) != 2 || r.FromFeed != 2 || len(tell.announced) != 1 || len(tell.announced[0]) != 2 {
		t.Fatalf("poll: %+v, announced %v", r, tell.announced)
	}
	if a := st.articles["http://news.test/d"]; a.Feed == nil || !a.Feed.FromFeed || a.Text != "Feed text of d" || a.Outlet != "Test feed" {
		t.Errorf("feed-text article: %+v", a)
	}
	if got := r.Feed.NextFetch.Sub(c.t); got != 2*time.Hour {
		t.Errorf("next fetch in %v, want the server's max-age of 2h", got)
	}
	c.advance(3 * time.Hour)
	res, _ = p.Poll(ctx, PollOptions{Notify: tell})
	if !res[0].Report.NotModified || len(tell.announced) != 1 {
		t.Errorf("unchanged feed: %+v", res[0])
	}
	if g := n.gets[len(n.gets)-1]; g.ETag == "" {
		t.Errorf("not conditional: %+v", g)
	}

	// An entry with no feed text whose page is unavailable: tried 3 times.
	n.docs[feedURL] = news.Doc{URL: feedURL, Body: []byte(`<rss version="2.0"><channel><title>Test feed</title><item><title>e</title><link>http://news.test/e</link><guid>e</guid></item></channel></rss>`)}
	n.pages["http://news.test/e"] = unavailable
	for i := range 4 {
		c.advance(3 * time.Hour)
		res, _ = p.Poll(ctx, PollOptions{All: true})
		if got := len(res[0].Report.Problems); (i < 3) != (got == 1) {
			t.Errorf("poll %d: problems %v", i+1, res[0].Report.Problems)
		}
	}
	if e := st.entries["guid:e"]; !e.Done || e.Tries != 2 {
		t.Errorf("entry after retries: %+v", e)
	}
}

// Unfollow by id prefix or URL; unknown and ambiguous ids are clear.
func TestUnfollow(t *testing.T) {
	st, c := newMemStore(), &clock{t: time.Now()}
	n := &fakeNet{docs: map[string]news.Doc{feedURL: rssDoc("a")}, err: map[string]error{}}
	p := newTestPoller(t, st, n, c)
	ctx := context.Background()
	rep, err := p.Follow(ctx, news.FollowRequest{URL: feedURL + "/", Max: 0})
	if err == nil {
		t.Fatalf("a URL the fake does not serve was followed: %+v", rep)
	}
	rep, err = p.Follow(ctx, news.FollowRequest{URL: feedURL, Max: 0})
	if err != nil || len(rep.Added) != 0 {
		t.Fatal(err, rep)
	}
	if _, err := p.Follow(ctx, news.FollowRequest{URL: "HTTP://NEWS.TEST/feed/"}); !errors.Is(err, news.ErrDuplicate) {
		t.Errorf("same feed, other spelling: %v", err)
	}
	if _, err := p.Unfollow(ctx, "zzzz", news.Everything); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("unknown: %v", err)
	}
	f, err := p.Unfollow(ctx, rep.Feed.ID[:4], news.Everything)
	if err != nil || f.ID != rep.Feed.ID {
		t.Errorf("unfollow by prefix: %v", err)
	}
	if fs, _ := p.Feeds(ctx); len(fs) != 0 {
		t.Errorf("still followed: %v", fs)
	}
}
