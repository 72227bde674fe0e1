package feeds

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/index"
	"newsbot/news"
)

// privateEnv is a poller over a real on-disk index and the real add path,
// with G1 a private conversation that added the page of feed item "a" by
// hand.
type privateEnv struct {
	ix      *index.Index
	h       *handlers.Handlers
	p       *Poller
	private news.Ref // the article private to G1
}

func newPrivateEnv(t *testing.T) privateEnv {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	c := &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	h, err := handlers.New(handlers.Deps{Store: ix, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	n := &fakeNet{docs: map[string]news.Doc{feedURL: rssDoc("a", "b")}, err: map[string]error{}}
	p, err := New(Config{Store: ix, Docs: n, Pages: n, Add: h, Interval: 15 * time.Minute, Now: c.now, Rand: func() float64 { return 0.5 }})
	if err != nil {
		t.Fatal(err)
	}
	page, _ := n.Fetch(context.Background(), "http://news.test/a")
	page.AddedBy, page.AddedIn, page.AddedVia, page.PrivateTo = "U1", "G1", news.ViaSlack, "G1"
	res, err := h.AddArticle(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	return privateEnv{ix: ix, h: h, p: p, private: res.Article}
}

// A feed followed in a public channel whose entry is an article private to
// G1 does not count it as "already here" (the channel cannot see it, and
// would learn that someone has it): it says, as a manual add would, that
// it is private elsewhere. The entry it can see is added as usual.
func TestFollowPublicFeedEntryPrivateElsewhere(t *testing.T) {
	e := newPrivateEnv(t)
	ctx := context.Background()
	rep, err := e.p.Follow(ctx, news.FollowRequest{URL: feedURL, Max: 20, Channel: "C1", User: "U2"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Known != 0 {
		t.Errorf("C1 is told %d entries are already here, but it can see none of them", rep.Known)
	}
	if len(rep.Added) != 1 || rep.Added[0].ID == e.private.ID {
		t.Errorf("added %+v, want only the entry b", rep.Added)
	}
	want := (&news.DuplicateError{Elsewhere: true}).Error()
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], want) {
		t.Errorf("problems %q, want one saying %q", rep.Problems, want)
	}
	for _, pr := range rep.Problems {
		if strings.Contains(pr, e.private.ID) {
			t.Errorf("a problem names the private article's id: %q", pr)
		}
	}
}

// A feed followed in G1 itself counts G1's own article as already here.
func TestFollowPrivateFeedEntryAlreadyHere(t *testing.T) {
	e := newPrivateEnv(t)
	rep, err := e.p.Follow(context.Background(), news.FollowRequest{URL: feedURL, Max: 20, Channel: "G1", User: "U1", Private: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Known != 1 || len(rep.Added) != 1 || len(rep.Problems) != 0 {
		t.Errorf("known %d, added %v, problems %q; want 1, b, none", rep.Known, rep.Added, rep.Problems)
	}
}

// A feed already followed privately in G1 is refused elsewhere without its
// title, id or the date it was followed; the operator and G1 itself are
// told which feed it is.
func TestFollowFeedFollowedPrivatelyElsewhere(t *testing.T) {
	e := newPrivateEnv(t)
	ctx := context.Background()
	rep, err := e.p.Follow(ctx, news.FollowRequest{URL: feedURL, Max: 0, Channel: "G1", User: "U1", Private: true})
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Feed
	_, err = e.p.Follow(ctx, news.FollowRequest{URL: feedURL, Channel: "C1", User: "U2"})
	if !errors.Is(err, news.ErrDuplicate) {
		t.Fatalf("following it again in C1: %v, want a duplicate", err)
	}
	for _, secret := range []string{f.ID, f.Title, f.Followed.Format("2 Jan 2006")} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("the refusal in C1 names %q: %v", secret, err)
		}
	}
	if !strings.Contains(err.Error(), "privately") {
		t.Errorf("the refusal does not say the feed is followed privately elsewhere: %v", err)
	}
	for _, req := range []news.FollowRequest{{URL: feedURL, Channel: "G1"}, {URL: feedURL}} {
		_, err := e.p.Follow(ctx, req)
		if !errors.Is(err, news.ErrDuplicate) || !strings.Contains(err.Error(), f.ID) {
			t.Errorf("following it again in %q: %v, want a refusal naming %s", req.Channel, err, f.ID)
		}
	}
}

// hookDocs runs during once, inside the next feed fetch after it is armed.
type hookDocs struct {
	*fakeNet
	during func()
}

func (h *hookDocs) Document(ctx context.Context, r news.DocRequest) (news.Doc, error) {
	if f := h.during; f != nil {
		h.during = nil
		f()
	}
	return h.fakeNet.Document(ctx, r)
}

// A feed unfollowed in a public channel and followed again in G1 while a
// poll of it runs stays G1's: the poll's end does not write the old
// record (public, in C1) over the new one, which would make the feed's
// next articles visible across the workspace.
func TestPollDoesNotOverwriteFeedFollowedAgainMeanwhile(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	c := &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	h, err := handlers.New(handlers.Deps{Store: ix, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	n := &fakeNet{docs: map[string]news.Doc{feedURL: rssDoc("a")}, err: map[string]error{}}
	docs := &hookDocs{fakeNet: n}
	newPoller := func() *Poller {
		p, err := New(Config{Store: ix, Docs: docs, Pages: n, Add: h, Interval: 15 * time.Minute, Now: c.now, Rand: func() float64 { return 0.5 }})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p, slack := newPoller(), newPoller() // the poll, and commands from Slack meanwhile
	ctx := context.Background()
	if _, err := p.Follow(ctx, news.FollowRequest{URL: feedURL, Max: 20, Channel: "C1", User: "U1"}); err != nil {
		t.Fatal(err)
	}
	n.docs[feedURL] = rssDoc("a", "b")
	c.advance(time.Hour)
	docs.during = func() {
		if _, err := slack.Unfollow(ctx, feedURL, news.In("C1")); err != nil {
			t.Error(err)
		}
		c.advance(time.Minute)
		if _, err := slack.Follow(ctx, news.FollowRequest{URL: feedURL, Max: 0, Channel: "G1", User: "U2", Private: true}); err != nil {
			t.Error(err)
		}
	}
	if _, err := p.Poll(ctx, PollOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	fs, err := p.Feeds(ctx)
	if err != nil || len(fs) != 1 {
		t.Fatalf("feeds %+v, %v", fs, err)
	}
	if f := fs[0]; f.Channel != "G1" || !f.Private {
		t.Errorf("after the poll the feed is followed in %s, private %v; want G1, private", f.Channel, f.Private)
	}
}
