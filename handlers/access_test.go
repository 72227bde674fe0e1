package handlers_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/index"
	"newsbot/news"
)

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// scopeStore records the scope of every search and title lookup.
type scopeStore struct {
	*index.Index
	mu     sync.Mutex
	scopes []news.Scope
}

func (s *scopeStore) record(sc news.Scope) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.scopes = append(s.scopes, sc)
}

func (s *scopeStore) SearchQuotes(ctx context.Context, q news.QuoteQuery) ([]news.QuoteHit, error) {
	s.record(q.Scope)
	return s.Index.SearchQuotes(ctx, q)
}

func (s *scopeStore) SearchPassages(ctx context.Context, q news.PassageQuery) ([]news.PassageHit, error) {
	s.record(q.Scope)
	return s.Index.SearchPassages(ctx, q)
}

func (s *scopeStore) FindArticles(ctx context.Context, scope news.Scope, text string, limit int) ([]news.Ref, error) {
	s.record(scope)
	return s.Index.FindArticles(ctx, scope, text, limit)
}

func (s *scopeStore) List(ctx context.Context, scope news.Scope, limit int) ([]news.Summary, error) {
	s.record(scope)
	return s.Index.List(ctx, scope, limit)
}

func (s *scopeStore) Since(ctx context.Context, scope news.Scope, from, to time.Time) ([]news.Document, error) {
	s.record(scope)
	return s.Index.Since(ctx, scope, from, to)
}

// Compile-time check: the recording store is a Store.
var _ handlers.Store = (*scopeStore)(nil)

// privateWorld is a library with the school article private to G1 (added
// there by U1) and the bridge article added by U3 in the public C1.
type privateWorld struct {
	h      *handlers.Handlers
	store  *scopeStore
	clock  *clock
	school news.Ref
	bridge news.Ref
}

var (
	u1InG1 = news.Actor{User: "U1", Conversation: "G1", Via: news.ViaSlack}
	u2InG1 = news.Actor{User: "U2", Conversation: "G1", Via: news.ViaSlack}
	u3InC1 = news.Actor{User: "U3", Conversation: "C1", Via: news.ViaSlack}
	u1InC1 = news.Actor{User: "U1", Conversation: "C1", Via: news.ViaSlack}
)

func newPrivateWorld(t *testing.T) *privateWorld {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	w := &privateWorld{store: &scopeStore{Index: ix}, clock: &clock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}}
	if w.h, err = handlers.New(handlers.Deps{Store: w.store, Now: w.clock.Now}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	res, err := w.h.AddPasted(ctx, schoolArticle.Title+"\n"+schoolArticle.Text, news.Origin{By: u1InG1, Private: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.PrivateTo != "G1" {
		t.Fatalf("AddResult.PrivateTo = %q", res.PrivateTo)
	}
	w.school = res.Article
	if res, err = w.h.AddPasted(ctx, bridgeArticle.Title+"\n"+bridgeArticle.Text, news.Origin{By: u3InC1}); err != nil {
		t.Fatal(err)
	}
	w.bridge = res.Article
	return w
}

// askSchool asks in scope and reports whether the answer draws on the school
// article anywhere (itself, its alternatives, its list).
func (w *privateWorld) askSchool(t *testing.T, q string, scope news.Scope, ids ...string) bool {
	t.Helper()
	ans, err := w.h.Ask(context.Background(), handlers.AskRequest{Question: q, Scope: scope, ArticleIDs: ids})
	if err != nil {
		t.Fatalf("Ask(%q): %v", q, err)
	}
	uses := ans.Article.ID == w.school.ID
	for _, x := range append(ans.Alternatives, ans.Quotes...) {
		uses = uses || x.Article.ID == w.school.ID
	}
	return uses
}

// TestAskOnlyWhatTheConversationSees asks every kind of question about the
// private article from its conversation, from a public channel, from
// another private one, from a thread that names it, and as the operator.
func TestAskOnlyWhatTheConversationSees(t *testing.T) {
	w := newPrivateWorld(t)
	questions := []string{
		"who said our children deserve classrooms that stay dry?",
		"what did Ana Ruiz say?",
		"what did Becker say about money?",
		"quotes by Becker",
		"who was quoted in Town votes to rebuild flooded school?",
		"who was quoted in " + w.school.ID + "?",
		"when is construction expected to start?",
	}
	for _, q := range questions {
		for _, tc := range []struct {
			name  string
			scope news.Scope
			ids   []string
			want  bool
		}{
			{"its own conversation", news.In("G1"), nil, true},
			{"the operator", news.Everything, nil, true},
			{"a public channel", news.In("C1"), nil, false},
			{"another private conversation", news.In("G2"), nil, false},
			{"a DM", news.In("D9"), nil, false},
			{"the zero scope", news.Scope{}, nil, false},
			{"a public thread that names it", news.In("C1"), []string{w.school.ID, w.bridge.ID}, false},
		} {
			if got := w.askSchool(t, q, tc.scope, tc.ids...); got != tc.want {
				t.Errorf("%q asked in %s: draws on the private article = %v, want %v", q, tc.name, got, tc.want)
			}
		}
	}
	// Every search carried the asking conversation's scope.
	w.store.mu.Lock()
	w.store.scopes = nil
	w.store.mu.Unlock()
	for _, q := range questions {
		if _, err := w.h.Ask(context.Background(), handlers.AskRequest{Question: q, Scope: news.In("G7")}); err != nil {
			t.Fatal(err)
		}
	}
	w.store.mu.Lock()
	defer w.store.mu.Unlock()
	if len(w.store.scopes) == 0 {
		t.Fatal("no search recorded")
	}
	for _, sc := range w.store.scopes {
		if sc != news.In("G7") {
			t.Errorf("a search ran with scope %+v, not the asking conversation's", sc)
		}
	}
}

func TestListAndSummaryScope(t *testing.T) {
	w := newPrivateWorld(t)
	ctx := context.Background()
	now := w.clock.Now()
	for _, tc := range []struct {
		scope news.Scope
		want  int
	}{{news.In("G1"), 2}, {news.In("C1"), 1}, {news.Everything, 2}} {
		list, err := w.h.List(ctx, tc.scope, 0)
		if err != nil || len(list) != tc.want {
			t.Errorf("List(%+v) = %d articles, %v; want %d", tc.scope, len(list), err, tc.want)
		}
		d, err := w.h.Summary(ctx, tc.scope, now.Add(-24*time.Hour), now.Add(time.Hour))
		if err != nil || len(d.Articles) != tc.want {
			t.Errorf("Summary(%+v) = %d articles, %v; want %d", tc.scope, len(d.Articles), err, tc.want)
		}
		for _, q := range d.Quotes {
			if q.ArticleID == w.school.ID && !tc.scope.Allows("G1") {
				t.Errorf("Summary(%+v) quotes the private article: %+v", tc.scope, q)
			}
		}
	}
	list, _ := w.h.List(ctx, news.Everything, 0)
	for _, s := range list {
		if s.ID == w.school.ID && (s.PrivateTo != "G1" || s.AddedBy != "U1" || s.AddedIn != "G1" || s.AddedVia != news.ViaSlack) {
			t.Errorf("the private article lists as %+v", s)
		}
		if s.ID == w.bridge.ID && (s.PrivateTo != "" || s.AddedBy != "U3" || s.AddedIn != "C1") {
			t.Errorf("the public article lists as %+v", s)
		}
	}
}

func TestDuplicateFromAnotherConversationTellsNothing(t *testing.T) {
	w := newPrivateWorld(t)
	ctx := context.Background()
	_, err := w.h.AddPasted(ctx, schoolArticle.Title+"\n"+schoolArticle.Text, news.Origin{By: u3InC1})
	var de *news.DuplicateError
	if !errors.As(err, &de) || !de.Elsewhere || strings.Contains(err.Error(), w.school.ID) || strings.Contains(err.Error(), "school") {
		t.Errorf("adding the private article again in C1: %v", err)
	}
	_, err = w.h.AddPasted(ctx, schoolArticle.Title+"\n"+schoolArticle.Text, news.Origin{By: u2InG1, Private: true})
	if !errors.As(err, &de) || de.ID != w.school.ID {
		t.Errorf("adding it again in G1: %v", err)
	}
	if _, err := w.h.AddPasted(ctx, "T\nBody text here.", news.Origin{By: news.Actor{User: "U1", Via: news.ViaSlack}, Private: true}); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("private without a conversation: %v", err)
	}
}

// admin answers IsAdmin.
func admin(yes bool, err error) func(context.Context) (bool, error) {
	return func(context.Context) (bool, error) { return yes, err }
}

func TestRemovalRights(t *testing.T) {
	w := newPrivateWorld(t)
	ctx := context.Background()
	// Someone else in the conversation: refused, naming who may.
	_, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.school.ID, By: u2InG1, IsAdmin: admin(false, nil)})
	var pe *news.PermissionError
	if !errors.As(err, &pe) || pe.AddedBy != "U1" || !errors.Is(err, news.ErrForbidden) {
		t.Fatalf("U2 removing U1's article: %v", err)
	}
	// The admin check failing is an error, not a permission.
	if _, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.school.ID, By: u2InG1, IsAdmin: admin(true, errors.New("slack down"))}); err == nil || errors.As(err, &pe) {
		t.Errorf("admin check failing: %v", err)
	}
	if !w.askSchool(t, "who said our children deserve classrooms that stay dry?", news.In("G1")) {
		t.Fatal("a refused removal removed the article")
	}
	// The adder, from a conversation that cannot see it: not found.
	if _, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.school.ID, By: u1InC1}); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("removing a G1 article from C1: %v", err)
	}
	// An admin may remove what someone else added.
	if _, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.bridge.ID, By: u2InG1, IsAdmin: admin(true, nil)}); err != nil {
		t.Errorf("admin removal: %v", err)
	}
	// The adder may.
	if ref, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.school.ID, By: u1InG1}); err != nil || ref.ID != w.school.ID {
		t.Fatalf("U1 removing their article: %+v, %v", ref, err)
	}
	if w.askSchool(t, "who said our children deserve classrooms that stay dry?", news.In("G1")) {
		t.Error("a removed article still answers")
	}
	events, err := w.h.Audit(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range events {
		if ev.ArticleID == w.school.ID {
			got = append(got, ev.Action+" by "+ev.By.User+" in "+ev.By.Conversation)
		}
	}
	want := "add by U1 in G1|remove-refused by U2 in G1|remove by U1 in G1"
	if strings.Join(got, "|") != want {
		t.Errorf("audit = %q, want %q", got, want)
	}
	// The operator may remove anything.
	if _, err := w.h.Restore(ctx, handlers.ChangeRequest{Target: w.bridge.ID, By: news.Operator}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.bridge.ID, By: news.Operator}); err != nil {
		t.Errorf("operator removal: %v", err)
	}
}

func TestUndoWithinTheHour(t *testing.T) {
	w := newPrivateWorld(t)
	ctx := context.Background()
	if _, _, err := w.h.Undo(ctx, u1InG1); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("undo with nothing removed: %v", err)
	}
	if _, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.school.ID, By: u1InG1}); err != nil {
		t.Fatal(err)
	}
	w.clock.Add(59 * time.Minute)
	if _, _, err := w.h.Undo(ctx, u2InG1); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("undo by someone else: %v", err)
	}
	ref, shown, err := w.h.Undo(ctx, u1InG1)
	if err != nil || ref.ID != w.school.ID || !shown {
		t.Fatalf("undo within the hour = %+v, %v, %v", ref, shown, err)
	}
	if !w.askSchool(t, "who said our children deserve classrooms that stay dry?", news.In("G1")) {
		t.Error("an undone removal does not answer again")
	}
	if w.askSchool(t, "who said our children deserve classrooms that stay dry?", news.In("C1")) {
		t.Error("undo made the private article public")
	}
	// Undo from another conversation: restored, title not shown there.
	if _, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.school.ID, By: u1InG1}); err != nil {
		t.Fatal(err)
	}
	if _, shown, err := w.h.Undo(ctx, u1InC1); err != nil || shown {
		t.Errorf("undo from C1 = shown %v, %v", shown, err)
	}
	// Too late.
	if _, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.school.ID, By: u1InG1}); err != nil {
		t.Fatal(err)
	}
	w.clock.Add(61 * time.Minute)
	if _, _, err := w.h.Undo(ctx, u1InG1); !errors.Is(err, news.ErrNotFound) || !strings.Contains(err.Error(), "more than an hour") {
		t.Errorf("undo after an hour: %v", err)
	}
	// An admin can still restore it; others cannot.
	if _, err := w.h.Restore(ctx, handlers.ChangeRequest{Target: w.school.ID[:6], By: u1InG1, IsAdmin: admin(false, nil)}); !errors.Is(err, news.ErrForbidden) {
		t.Errorf("restore by a non-admin: %v", err)
	}
	if _, err := w.h.Restore(ctx, handlers.ChangeRequest{Target: w.school.ID, By: u3InC1, IsAdmin: admin(true, nil)}); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("restore from a conversation that cannot see it: %v", err)
	}
	if _, err := w.h.Restore(ctx, handlers.ChangeRequest{Target: w.school.ID[:6], By: u2InG1, IsAdmin: admin(true, nil)}); err != nil {
		t.Errorf("restore by an admin: %v", err)
	}
}

func TestTrashKeptThirtyDays(t *testing.T) {
	w := newPrivateWorld(t)
	ctx := context.Background()
	if _, err := w.h.Remove(ctx, handlers.ChangeRequest{Target: w.school.ID, By: u1InG1}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		scope news.Scope
		want  int
	}{{news.In("G1"), 1}, {news.In("C1"), 0}, {news.Everything, 1}} {
		if items, err := w.h.Trash(ctx, tc.scope); err != nil || len(items) != tc.want {
			t.Errorf("Trash(%+v) = %+v, %v", tc.scope, items, err)
		}
	}
	w.clock.Add(handlers.TrashRetention - time.Minute)
	if items, _ := w.h.Trash(ctx, news.Everything); len(items) != 1 {
		t.Errorf("trash before 30 days: %+v", items)
	}
	w.clock.Add(2 * time.Minute)
	if items, _ := w.h.Trash(ctx, news.Everything); len(items) != 0 {
		t.Errorf("trash after 30 days: %+v", items)
	}
	if _, err := w.h.Restore(ctx, handlers.ChangeRequest{Target: w.school.ID, By: news.Operator}); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("restoring a purged article: %v", err)
	}
	events, _ := w.h.Audit(ctx, time.Time{})
	if last := events[len(events)-1]; last.Action != news.AuditPurge || last.ArticleID != w.school.ID {
		t.Errorf("last audit event = %+v", last)
	}
}

// TestFeedArticlesFollowTheFeedsConversation: a feed followed in a private
// conversation adds articles private to it; one followed in a public
// channel adds workspace articles; both record the feed as how they came.
func TestFeedArticlesFollowTheFeedsConversation(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	h, err := handlers.New(handlers.Deps{Store: ix})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	private, public := schoolArticle, bridgeArticle
	refs, errs, err := h.AddFeedArticles(ctx, []news.FeedArticle{
		{Article: private, Channel: "G1", User: "U1", Private: true},
		{Article: public, Channel: "C1", User: "U3"},
	})
	if err != nil || errs[0] != nil || errs[1] != nil {
		t.Fatalf("AddFeedArticles: %v %v", err, errs)
	}
	for i, want := range []string{"G1", ""} {
		a, err := ix.Get(ctx, refs[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.PrivateTo != want || a.AddedVia != news.ViaFeed {
			t.Errorf("article %d: private to %q via %q, want %q via feed", i, a.PrivateTo, a.AddedVia, want)
		}
	}
	ans, err := h.Ask(ctx, handlers.AskRequest{Question: "who said our children deserve classrooms that stay dry?", Scope: news.In("C1")})
	if err != nil || ans.Article.ID == refs[0].ID {
		t.Errorf("the private feed's article answered in C1: %+v %v", ans.Article, err)
	}
}

// TestNoArticlesYetCountsWhatTheConversationSees: a conversation that can
// see no article is told there are none yet (and how to add one), whether
// or not other conversations have private ones; saying "I found nothing"
// there would tell it that some exist.
func TestNoArticlesYetCountsWhatTheConversationSees(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	h, err := handlers.New(handlers.Deps{Store: ix})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ask := func(scope news.Scope) news.Answer {
		t.Helper()
		ans, err := h.Ask(ctx, handlers.AskRequest{Question: "who said the tide is turning?", Scope: scope})
		if err != nil {
			t.Fatal(err)
		}
		return ans
	}
	empty := ask(news.In("C1"))
	if empty.Hint != news.HintAddArticles {
		t.Fatalf("an empty library: %+v", empty)
	}
	if _, err := h.AddPasted(ctx, schoolArticle.Title+"\n"+schoolArticle.Text, news.Origin{By: u1InG1, Private: true}); err != nil {
		t.Fatal(err)
	}
	if got := ask(news.In("C1")); got.Note != empty.Note || got.Hint != empty.Hint {
		t.Errorf("C1 after an article was added privately in G1: %q (hint %v), want %q as before", got.Note, got.Hint, empty.Note)
	}
	if got := ask(news.In("G1")); got.Hint == news.HintAddArticles {
		t.Errorf("G1, which has an article, is told to add one: %q", got.Note)
	}
}
