package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/index"
	"newsbot/news"
)

// Two small articles written for these tests.
var (
	schoolArticle = news.Article{
		Title:  "Town votes to rebuild flooded school",
		Outlet: "The Valley Courier",
		URL:    "https://courier.example/school",
		Text: `The town council voted on Tuesday to rebuild the primary school that was flooded in March.

"Our children deserve classrooms that stay dry when the river rises," said Mayor Ana Ruiz, who proposed the plan.

Council member Tom Becker opposed the vote. He said the town cannot afford a new building this year and warned that taxes would rise.

"We are spending money we do not have," Becker told the Courier.

Construction is expected to start in the autumn.`,
	}
	bridgeArticle = news.Article{
		Title:  "Old bridge closes for repairs",
		Outlet: "Harbour News",
		URL:    "https://harbour.example/bridge",
		Text: `The old harbour bridge closed on Monday for six months of repairs.

"The bridge is safe for now, but the steel is tired and it needs work," said engineer Priya Nair of the county roads department.

Drivers will be sent along the coast road while the work goes on.`,
	}
)

func newHandlers(t *testing.T, articles ...news.Article) (*handlers.Handlers, []news.Ref) {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	h, err := handlers.New(handlers.Deps{Store: ix, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	var refs []news.Ref
	for _, a := range articles {
		res, err := h.AddArticle(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, res.Article)
	}
	return h, refs
}

func ask(t *testing.T, h *handlers.Handlers, q string, ids ...string) news.Answer {
	t.Helper()
	a, err := h.Ask(context.Background(), handlers.AskRequest{Question: q, ArticleIDs: ids})
	if err != nil {
		t.Fatalf("Ask(%q): %v", q, err)
	}
	return a
}

func TestAskWhoSaid(t *testing.T) {
	h, _ := newHandlers(t, schoolArticle, bridgeArticle)
	tests := []struct {
		question, speaker string
	}{
		{"who said our children deserve classrooms that stay dry?", "Ana Ruiz"},
		{"Who said the kids deserve dry classrooms?", "Ana Ruiz"},                        // synonym
		{"who said the steel is tired and needs work?", "Priya Nair"},                    // exact words
		{"who told the Courier they are spending money they do not have?", "Tom Becker"}, // short name resolved
		{"who warned that taxes would rise?", "Tom Becker"},                              // reported speech, pronoun
	}
	for _, tt := range tests {
		a := ask(t, h, tt.question)
		if a.Kind != news.AnswerQuote || a.Speaker != tt.speaker {
			t.Errorf("%q: kind %q speaker %q, want %q", tt.question, a.Kind, a.Speaker, tt.speaker)
		}
	}
	for _, q := range []string{
		"who said penguins can fly?",
		"who said the bridge will be painted pink?",
		"who said?",
	} {
		if a := ask(t, h, q); a.Kind != news.AnswerNone || a.Speaker != "" || a.Note == "" {
			t.Errorf("%q: kind %q speaker %q note %q, want none with a note", q, a.Kind, a.Speaker, a.Note)
		}
	}
}

func TestAskAnswerShape(t *testing.T) {
	h, refs := newHandlers(t, schoolArticle, bridgeArticle)
	a := ask(t, h, "who said the bridge is safe for now?")
	if a.Speaker != "Priya Nair" || a.Article.ID != refs[1].ID || a.Article.URL != bridgeArticle.URL {
		t.Fatalf("answer: %+v", a)
	}
	if len(a.Matched) == 0 {
		t.Error("no matched words to show in bold")
	}
	for _, m := range a.Matched {
		if m.Start < 0 || m.End > len(a.Quote) || m.Start >= m.End {
			t.Errorf("matched span %v outside the quote", m)
		}
	}
	if bold := a.Quote[a.Matched[0].Start:a.Matched[0].End]; !strings.Contains("bridge safe now", strings.ToLower(bold)) {
		t.Errorf("first bold word %q is not a word of the question", bold)
	}

	r := ask(t, h, "who warned that taxes would rise?")
	if !r.Reported || strings.HasPrefix(strings.ToLower(r.Quote), "that ") {
		t.Errorf("reported speech: reported %v, quote %q", r.Reported, r.Quote)
	}
	if strings.EqualFold(r.Title, "mr") {
		t.Errorf("an honorific is not a role: %q", r.Title)
	}
}

func TestAskOtherIntents(t *testing.T) {
	h, refs := newHandlers(t, schoolArticle, bridgeArticle)

	a := ask(t, h, "what did Becker say about money?")
	if a.Kind != news.AnswerQuote || len(a.Quotes) == 0 || a.Quotes[0].Speaker != "Tom Becker" || !strings.Contains(a.Quotes[0].Quote, "money") {
		t.Errorf("what did Becker say about money: %+v", a)
	}
	a = ask(t, h, "quotes by Tom Becker")
	if len(a.Quotes) < 2 {
		t.Errorf("quotes by Tom Becker: %d quotes", len(a.Quotes))
	}
	for _, q := range a.Quotes {
		if q.Speaker != "Tom Becker" {
			t.Errorf("quotes by Tom Becker lists %q", q.Speaker)
		}
	}
	a = ask(t, h, "who was quoted in Town votes to rebuild flooded school?")
	names := map[string]bool{}
	for _, q := range a.Quotes {
		names[q.Speaker] = true
		if q.Article.ID != refs[0].ID {
			t.Errorf("quoted-in lists a quote of article %s", q.Article.ID)
		}
	}
	if !names["Ana Ruiz"] || !names["Tom Becker"] || names["Priya Nair"] {
		t.Errorf("who was quoted in the school article: %v", names)
	}
	a = ask(t, h, "when will construction of the school start?")
	if a.Kind != news.AnswerPassage || !strings.Contains(a.Quote, "autumn") {
		t.Errorf("general question: %+v", a)
	}
	a = ask(t, h, "quotes by Nobody Atall")
	if a.Kind != news.AnswerNone {
		t.Errorf("quotes by an unknown person: %+v", a)
	}
}

func TestAskPrefersTheThreadsArticles(t *testing.T) {
	// Two articles quote the same words; asked in the thread of the second,
	// the second one answers.
	other := news.Article{Title: "Mayor repeats pledge", Outlet: "Hill Gazette", Text: `"Our children deserve classrooms that stay dry when the river rises," said Mayor Lee Park at a rally on Sunday.`}
	h, refs := newHandlers(t, schoolArticle, other)
	a := ask(t, h, "who said children deserve classrooms that stay dry?", refs[1].ID)
	if a.Speaker != "Lee Park" {
		t.Errorf("in the thread of %s: answered %q from %s", refs[1].ID, a.Speaker, a.Article.ID)
	}
}

func TestAskEmptyIndex(t *testing.T) {
	h, _ := newHandlers(t)
	a := ask(t, h, "who said calling for peace is cheap?")
	if a.Kind != news.AnswerNone || !strings.Contains(a.Note, "no articles yet") {
		t.Errorf("empty index: %+v", a)
	}
	if a := ask(t, h, "   "); a.Kind != news.AnswerNone || a.Note == "" {
		t.Errorf("empty question: %+v", a)
	}
}

func TestAskParaphraseByEcho(t *testing.T) {
	// A question in other words shares only two words with the short quote
	// it is about, and two words with a long quote it is not about. What the
	// short quote says is nearly all in the question; the long one's is not.
	brewery := news.Article{
		Title:  "Brewers count the cost of a wet summer",
		Outlet: "Coast Weekly",
		Text: `Small brewers on the coast had a hard season.

"We are paying rent on a second taproom that has never opened," said brewer Nora Hale.

"The festival brings crowds every summer, and this year the ferries ran on time, the food stalls sold out, the bands played past midnight and every bar ran out of cider by Saturday," said organiser Felix Grant.`,
	}
	h, _ := newHandlers(t, brewery, schoolArticle, bridgeArticle)
	if a := ask(t, h, "who is paying for another taproom that is still closed?"); a.Kind != news.AnswerQuote || a.Speaker != "Nora Hale" {
		t.Errorf("paraphrase: kind %q speaker %q, want Nora Hale", a.Kind, a.Speaker)
	}
	if a := ask(t, h, "who said the ferries will stop selling cider?"); a.Kind != news.AnswerNone {
		t.Errorf("two words of a long quote by chance: answered %q with %q", a.Speaker, a.Quote)
	}
}

// TestAskWhoSaidFromReportedSentence: words of a sentence that the extractor
// attributed only in part are answered with that sentence's one speaker;
// a sentence with no attribution answers nothing (two speakers: answer's
// TestSoleSpeaker).
func TestAskWhoSaidFromReportedSentence(t *testing.T) {
	fuel := news.Article{
		Title:  "Fuel exports climb",
		Outlet: "Northland Daily",
		URL:    "https://northland.example/fuel",
		Text: `Fuel sales are rising, the Northland Energy Ministry said, with exports in 2025 up 25% at 61bn crowns and pipeline tolls lower than forecast.

Refineries ran at full capacity through the winter months for the first time since the strike.`,
	}
	h, _ := newHandlers(t, schoolArticle, fuel)
	a := ask(t, h, "who said exports in 2025 up 25% at 61bn crowns and pipeline tolls lower?")
	if a.Kind != news.AnswerQuote || a.Speaker != "Northland Energy Ministry" || !a.Reported || !strings.Contains(a.Quote, "pipeline tolls") {
		t.Errorf("reported sentence: kind %q speaker %q reported %v quote %q, want the ministry's sentence", a.Kind, a.Speaker, a.Reported, a.Quote)
	}
	if a := ask(t, h, "who said refineries ran at full capacity through the winter months?"); a.Kind != news.AnswerNone {
		t.Errorf("unattributed sentence: kind %q speaker %q, want none", a.Kind, a.Speaker)
	}
}
