package index_test

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"newsbot/index"
	"newsbot/news"
)

// privateTo makes a document private to a conversation.
func privateTo(d news.Document, conversation string) news.Document {
	d.Article.PrivateTo = conversation
	d.Article.AddedIn = conversation
	return d
}

// visibilityDocs are three articles quoting the same words, one visible
// across the workspace, one private to G1, one private to G2.
func visibilityDocs() (public, g1, g2 news.Document) {
	public = makeDoc("Penguin report", "https://example.com/public", t0,
		[]quoteSpec{{"Pat Public", "", "", "Penguins can fly over the harbour at dawn"}}, "The harbour penguins were counted on Monday.")
	g1 = privateTo(makeDoc("Penguin memo", "https://example.com/g1", t0.Add(time.Minute),
		[]quoteSpec{{"Gina Private", "", "", "Penguins can fly over the harbour at dusk"}}, "The harbour penguins were counted on Tuesday."), "G1")
	g2 = privateTo(makeDoc("Penguin leak", "https://example.com/g2", t0.Add(2*time.Minute),
		[]quoteSpec{{"Gus Secret", "", "", "Penguins can fly over the harbour at noon"}}, "The harbour penguins were counted on Friday."), "G2")
	return public, g1, g2
}

func titles(refs []news.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Title)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// visibleTitles returns, per kind of lookup, the titles of the articles a
// scope finds: every path by which an article's content can come out of
// the index.
func visibleTitles(t *testing.T, x *index.Index, scope news.Scope, ids []string) map[string][]string {
	t.Helper()
	ctx := context.Background()
	out := map[string][]string{}
	refsOf := func(hits []news.QuoteHit) []news.Ref {
		var r []news.Ref
		for _, h := range hits {
			r = append(r, h.Article)
		}
		return r
	}
	out["text"] = titles(refsOf(searchQuotes(t, x, news.QuoteQuery{Text: "penguins fly harbour", Phrases: []string{"penguins can fly"}, Scope: scope})))
	out["speaker"] = titles(refsOf(searchQuotes(t, x, news.QuoteQuery{Speaker: "Gina Private", Scope: scope})))
	out["speaker+text"] = titles(refsOf(searchQuotes(t, x, news.QuoteQuery{Speaker: "Gus Secret", Text: "penguins", Scope: scope})))
	// Thread memory: the ids of every article, as a thread might hold.
	out["thread"] = titles(refsOf(searchQuotes(t, x, news.QuoteQuery{Text: "penguins", ArticleIDs: ids, Scope: scope})))
	out["thread-speaker"] = titles(refsOf(searchQuotes(t, x, news.QuoteQuery{Speaker: "Gus Secret", ArticleIDs: ids, Scope: scope})))
	out["since"] = titles(refsOf(searchQuotes(t, x, news.QuoteQuery{Outlet: "", Since: t0.Add(-time.Hour), Scope: scope})))
	passages, err := x.SearchPassages(ctx, news.PassageQuery{Text: "harbour penguins counted", Scope: scope})
	if err != nil {
		t.Fatal(err)
	}
	var pr []news.Ref
	for _, p := range passages {
		pr = append(pr, p.Article)
	}
	out["passages"] = titles(pr)
	found, err := x.FindArticles(ctx, scope, "penguin", 10)
	if err != nil {
		t.Fatal(err)
	}
	out["titles"] = titles(found)
	list, err := x.List(ctx, scope, 0)
	if err != nil {
		t.Fatal(err)
	}
	var lr []news.Ref
	for _, s := range list {
		lr = append(lr, s.Ref)
	}
	out["list"] = titles(lr)
	docs, err := x.Since(ctx, scope, t0.Add(-time.Hour), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var dr []news.Ref
	for _, d := range docs {
		dr = append(dr, d.Article.Ref())
	}
	out["summary"] = titles(dr)
	return out
}

// TestVisibilityFilter checks that every search, list and summary of the
// index shows a conversation the workspace's articles and its own private
// ones, and never another conversation's.
func TestVisibilityFilter(t *testing.T) {
	x := mustOpen(t, t.TempDir())
	public, g1, g2 := visibilityDocs()
	addOK(t, x, public, g1, g2)
	ids := []string{public.Article.ID, g1.Article.ID, g2.Article.ID}
	pub, p1, p2 := public.Article.Title, g1.Article.Title, g2.Article.Title
	checkScopes(t, x, ids, pub, p1, p2)
	// The same after the index is rebuilt from the store (newsbot
	// reindex, or a damaged index): visibility lives in the store.
	if _, err := x.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	checkScopes(t, x, ids, pub, p1, p2)
}

func checkScopes(t *testing.T, x *index.Index, ids []string, pub, p1, p2 string) {
	t.Helper()
	sorted := func(s ...string) []string { slices.Sort(s); return s }
	for _, tc := range []struct {
		name  string
		scope news.Scope
		want  []string // of the text searches
	}{
		{"zero scope", news.Scope{}, sorted(pub)},
		{"public channel", news.In("C1"), sorted(pub)},
		{"G1", news.In("G1"), sorted(pub, p1)},
		{"G2", news.In("G2"), sorted(pub, p2)},
		{"operator", news.Everything, sorted(pub, p1, p2)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := visibleTitles(t, x, tc.scope, ids)
			for _, kind := range []string{"text", "thread", "since", "passages", "titles", "list", "summary"} {
				if !slices.Equal(got[kind], tc.want) {
					t.Errorf("%s: %q, want %q", kind, got[kind], tc.want)
				}
			}
			// Speaker lookups (bbolt, not bleve) name one private article.
			wantGina := tc.scope.Allows("G1")
			if (len(got["speaker"]) == 1) != wantGina {
				t.Errorf("speaker Gina Private (G1): %q", got["speaker"])
			}
			wantGus := tc.scope.Allows("G2")
			if (len(got["speaker+text"]) == 1) != wantGus || (len(got["thread-speaker"]) == 1) != wantGus {
				t.Errorf("speaker Gus Secret (G2): %q, in a thread %q", got["speaker+text"], got["thread-speaker"])
			}
		})
	}
}

// TestVisibilityAtScale fills an index with 10,000 articles, a third of
// them private to G1 and a third to G2, all quoting the same words: the
// filter is part of the query, so a search asking for 10 hits gets 10 hits
// the conversation may see (not 10 hits of which some are then dropped),
// and a phrase only another conversation's articles hold finds nothing.
func TestVisibilityAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 articles")
	}
	ctx := context.Background()
	x := mustOpen(t, t.TempDir())
	const n = 10000
	convOf := func(i int) string { return [...]string{"", "G1", "G2"}[i%3] }
	var batch []news.Document
	for i := range n {
		quote := fmt.Sprintf("The tide gauge number %d reads high water", i)
		if i%3 == 2 {
			quote += " near the secret lighthouse"
		}
		d := makeDoc(fmt.Sprintf("Tide report %d", i), "", t0.Add(time.Duration(i)*time.Second),
			[]quoteSpec{{fmt.Sprintf("Keeper %d", i%50), "", "", quote}})
		batch = append(batch, privateTo(d, convOf(i)))
		if len(batch) == 500 {
			addOK(t, x, batch...)
			batch = batch[:0]
		}
	}
	if c, err := x.Count(ctx); err != nil || c != n {
		t.Fatalf("Count = %d, %v", c, err)
	}
	for _, tc := range []struct {
		scope   news.Scope
		allowed map[string]bool
	}{
		{news.In("G1"), map[string]bool{"": true, "G1": true}},
		{news.In("C1"), map[string]bool{"": true}},
		{news.Scope{}, map[string]bool{"": true}},
	} {
		for _, q := range []news.QuoteQuery{
			{Text: "tide gauge reads high water", Limit: 10, Scope: tc.scope},
			{Speaker: "Keeper 7", Limit: 10, Scope: tc.scope},
			{Speaker: "Keeper 7", Text: "tide water", Limit: 10, Scope: tc.scope},
		} {
			hits := searchQuotes(t, x, q)
			if len(hits) != 10 {
				t.Errorf("%+v: %d hits, want 10 visible ones", q, len(hits))
			}
			for _, h := range hits {
				var i int
				fmt.Sscanf(h.Article.Title, "Tide report %d", &i)
				if !tc.allowed[convOf(i)] {
					t.Errorf("%+v: hit %q is private to %q", q, h.Article.Title, convOf(i))
				}
			}
		}
		// Only G2's articles mention the lighthouse.
		if hits := searchQuotes(t, x, news.QuoteQuery{Text: "secret lighthouse", Phrases: []string{"secret lighthouse"}, Limit: 10, Scope: tc.scope}); len(hits) != 0 {
			t.Errorf("%+v found G2's lighthouse: %d hits, first %q", tc.scope, len(hits), hits[0].Article.Title)
		}
		ps, err := x.SearchPassages(ctx, news.PassageQuery{Text: "secret lighthouse", Limit: 10, Scope: tc.scope})
		if err != nil || len(ps) != 0 {
			t.Errorf("%+v: passages about G2's lighthouse: %d, %v", tc.scope, len(ps), err)
		}
	}
	if hits := searchQuotes(t, x, news.QuoteQuery{Text: "secret lighthouse", Limit: 10, Scope: news.In("G2")}); len(hits) != 10 {
		t.Errorf("G2 finds %d of its own lighthouse quotes, want 10", len(hits))
	}
}

// TestTrashRestoreAudit: a trashed article is out of every search, list
// and summary, kept whole in the trash, and comes back as it was (its
// visibility too); the audit log records each step.
func TestTrashRestoreAudit(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x := mustOpen(t, dir)
	public, g1, _ := visibilityDocs()
	g1.Article.AddedBy, g1.Article.AddedVia = "U1", news.ViaSlack
	addOK(t, x, public, g1)
	id := g1.Article.ID
	u1 := news.Actor{User: "U1", Conversation: "G1", Via: news.ViaSlack}
	item, err := x.Trash(ctx, id, u1, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if item.ID != id || item.PrivateTo != "G1" || item.RemovedBy != u1 || item.Quotes != 1 {
		t.Errorf("trash item = %+v", item)
	}
	everything := visibleTitles(t, x, news.Everything, []string{id})
	for kind, got := range everything {
		if slices.Contains(got, g1.Article.Title) {
			t.Errorf("%s still finds the trashed article", kind)
		}
	}
	if _, err := x.Lookup(ctx, id); err == nil {
		t.Error("Lookup finds the trashed article")
	}
	if _, err := x.Trash(ctx, id, u1, t0); err == nil {
		t.Error("trashing twice succeeded")
	}
	// Nothing is lost across a restart.
	x.Close()
	x = mustOpen(t, dir)
	items, err := x.TrashList(ctx)
	if err != nil || len(items) != 1 || items[0].ID != id {
		t.Fatalf("TrashList = %+v, %v", items, err)
	}
	ref, err := x.RestoreTrashed(ctx, id, u1, t0.Add(2*time.Hour), news.AuditUndo)
	if err != nil || ref.ID != id {
		t.Fatalf("RestoreTrashed = %+v, %v", ref, err)
	}
	if got := visibleTitles(t, x, news.In("G1"), nil)["text"]; !slices.Contains(got, g1.Article.Title) {
		t.Errorf("restored article not found in G1: %q", got)
	}
	if got := visibleTitles(t, x, news.In("C1"), nil)["text"]; slices.Contains(got, g1.Article.Title) {
		t.Errorf("restored article lost its visibility: found in C1")
	}
	if _, err := x.RestoreTrashed(ctx, id, u1, t0, news.AuditRestore); err == nil {
		t.Error("restoring twice succeeded")
	}
	// A copy added while the article was in the trash: restoring is
	// refused, and the trashed article stays.
	if _, err := x.Trash(ctx, id, news.Operator, t0.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	addOK(t, x, g1)
	if _, err := x.RestoreTrashed(ctx, id, news.Operator, t0.Add(4*time.Hour), news.AuditRestore); err == nil {
		t.Error("restored over a copy added since")
	}
	if items, _ := x.TrashList(ctx); len(items) != 1 {
		t.Errorf("trash after a refused restore: %+v", items)
	}
	// Purge: only what was removed before the cutoff.
	if n, err := x.PurgeTrash(ctx, t0.Add(3*time.Hour), t0.Add(5*time.Hour)); err != nil || n != 0 {
		t.Errorf("early purge = %d, %v", n, err)
	}
	if n, err := x.PurgeTrash(ctx, t0.Add(3*time.Hour+time.Second), t0.Add(5*time.Hour)); err != nil || n != 1 {
		t.Errorf("purge = %d, %v", n, err)
	}
	if err := x.RecordAudit(ctx, news.AuditEvent{Time: t0.Add(6 * time.Hour), Action: news.AuditRefused, ArticleID: id, By: u1}); err != nil {
		t.Fatal(err)
	}
	events, err := x.Audit(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, ev := range events {
		if ev.ArticleID == id {
			actions = append(actions, ev.Action)
		}
	}
	want := []string{"add", "remove", "undo", "remove", "purge", "remove-refused", "add"}
	// The second add of the copy happened at its Added time (t0+1m).
	slices.Sort(actions)
	slices.Sort(want)
	if !slices.Equal(actions, want) {
		t.Errorf("audit actions = %q, want %q", actions, want)
	}
	if recent, _ := x.Audit(ctx, t0.Add(5*time.Hour)); len(recent) != 2 {
		t.Errorf("Audit since = %+v", recent)
	}
}

// TestOlderStoreIsWorkspaceWide opens a data directory whose index was
// built before visibility existed (mapping version 1, no visibility terms,
// articles without PrivateTo): the index is rebuilt on open and its
// articles answer in every conversation.
func TestOlderStoreIsWorkspaceWide(t *testing.T) {
	dir := t.TempDir()
	x := mustOpen(t, dir)
	public, _, _ := visibilityDocs()
	addOK(t, x, public)
	x.Close()
	if err := index.SetMappingVersionForTest(dir, 1); err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	x, err := index.Open(dir, index.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if !strings.Contains(logs.String(), "mapping changed") {
		t.Errorf("the older index was not rebuilt; logs:\n%s", logs.String())
	}
	if got := visibleTitles(t, x, news.In("C7"), nil)["text"]; !slices.Equal(got, []string{public.Article.Title}) {
		t.Errorf("an older article in a public channel: %q", got)
	}
}
