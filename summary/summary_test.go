package summary

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newsbot/news"
)

var day = time.Date(2026, 11, 26, 8, 30, 0, 0, time.UTC)

// seedDoc is the seed article with its quotes built by hand (as the quote
// extractor should find them).
func seedDoc(t *testing.T) news.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "china-russia-peace-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	a := news.Article{
		Title:  "China's Xi to meet Putin in Moscow in push for peace talks",
		URL:    "https://dallasexpress.com/national/china-russia-peace-talks/",
		Outlet: "The Dallas Express",
		Added:  day.Add(2 * time.Hour),
		Text:   text,
		Hash:   news.ContentHash(text),
	}
	a.ID = news.NewID(a.Hash)
	q := func(quote string, kind news.QuoteKind, speaker, mention, title, outlet string) news.Quote {
		i := strings.Index(text, quote)
		if i < 0 {
			t.Fatalf("quote not in seed: %q", quote)
		}
		return news.Quote{ArticleID: a.ID, Text: quote, Start: i, End: i + len(quote), Kind: kind,
			Speaker: speaker, Mention: mention, Title: title, Outlet: outlet, Cue: "said", Confidence: 0.9}
	}
	return news.Document{Article: a, Quotes: []news.Quote{
		q("Chinese firms are already delivering “non-lethal support” to Russia", news.Mixed,
			"Antony Blinken", "Blinken", "U.S. Secretary of State", "BBC"),
		q("evidence is growing that “lethal support” is making its way into the conflict too", news.Mixed,
			"Antony Blinken", "He", "U.S. Secretary of State", "BBC"),
		q("Beijing does “not accept the United States’ finger-pointing on China-Russia relations, let alone coercion and pressure.”",
			news.Mixed, "Wang Wenbin", "Wang Wenbin", "foreign ministry spokesman", "BBC"),
		q("China would like to take the opportunity of this visit to work with Russia to promote the steady growth of the bilateral relations in the direction identified by our presidents, safeguard the legitimate rights and interests of both sides, and play a positive role for world peace,",
			news.Direct, "Wang Wenbin", "Wenbin", "", "Fox News"),
		q("Russian forces have pursued a widespread and systemic attack against a civilian population,",
			news.Direct, "Kamala Harris", "Harris", "U.S. Vice President", ""),
		q("Gruesome acts of murder, torture, rape and deportation. Executions, killings, beatings and electrocution. Russian authorities have forcibly deported hundreds of thousands of people from Ukraine to Russia, including children.",
			news.Direct, "Kamala Harris", "Harris", "U.S. Vice President", ""),
		q("she is not confident Beijing is prepared to take the necessary steps to mediate the conflict",
			news.Indirect, "Yun Sun", "Yun Sun", "director of the Stimson Center’s China program", "The Wall Street Journal"),
		q("China will have to be able to not only call for peace, but also present a vision as for what a settlement of the war looks like. … Calling for peace is cheap and easy. But what is China willing to do to make it happen?",
			news.Direct, "Yun Sun", "she", "director of the Stimson Center’s China program", "The Wall Street Journal"),
	}}
}

func TestBuildSeed(t *testing.T) {
	doc := seedDoc(t)
	d := Build([]news.Document{doc}, day, day.Add(24*time.Hour))

	wantArticles := []news.DigestArticle{{
		ID:     doc.Article.ID,
		Title:  doc.Article.Title,
		URL:    doc.Article.URL,
		Outlet: "The Dallas Express",
		Gist:   "In a bid to negotiate multilateral peace talks, Chinese President Xi Jinping is planning to sit down in the near future with Russian President Vladimir Putin in Moscow.",
	}}
	if diff := cmp.Diff(wantArticles, d.Articles); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}

	bySpeaker := map[string]news.DigestQuote{}
	for _, q := range d.Quotes {
		if _, dup := bySpeaker[q.Speaker]; dup {
			t.Errorf("two quotes by %s", q.Speaker)
		}
		bySpeaker[q.Speaker] = q
	}
	if len(d.Quotes) < 3 || len(d.Quotes) > MaxQuotes {
		t.Errorf("got %d quotes, want 3-5: %+v", len(d.Quotes), d.Quotes)
	}
	for _, want := range []news.DigestQuote{
		{Speaker: "Yun Sun", Title: "director of the Stimson Center’s China program", Outlet: "The Wall Street Journal",
			Quote: "China will have to be able to not only call for peace, but also present a vision as for what a settlement of the war looks like. … Calling for peace is cheap and easy. But what is China willing to do to make it happen?"},
		{Speaker: "Kamala Harris", Title: "U.S. Vice President",
			// The comma before "Harris alleged" becomes a period.
			Quote: "Russian forces have pursued a widespread and systemic attack against a civilian population."},
		// The role given with the reported quote is carried to the direct one.
		{Speaker: "Wang Wenbin", Title: "foreign ministry spokesman", Outlet: "Fox News",
			Quote: "China would like to take the opportunity of this visit to work with Russia to promote the steady growth of the bilateral relations in the direction identified by our presidents, safeguard the legitimate rights and interests of both sides, and play a positive role for world peace."},
	} {
		want.ArticleID = doc.Article.ID
		if diff := cmp.Diff(want, bySpeaker[want.Speaker]); diff != "" {
			t.Errorf("quote of %s (-want +got):\n%s", want.Speaker, diff)
		}
	}
	if _, ok := bySpeaker["Antony Blinken"]; ok {
		t.Errorf("Blinken's quotes are fragments (mixed), yet one was picked: %+v", bySpeaker["Antony Blinken"])
	}

	wantSpeakers := []news.SpeakerCount{
		{Name: "Antony Blinken", Quotes: 2}, {Name: "Kamala Harris", Quotes: 2},
		{Name: "Wang Wenbin", Quotes: 2}, {Name: "Yun Sun", Quotes: 2},
	}
	if diff := cmp.Diff(wantSpeakers, d.Speakers); diff != "" {
		t.Errorf("speakers (-want +got):\n%s", diff)
	}
}

// doc returns a document with one paragraph a sentence and the quotes given
// (speaker, kind, text), each appended to the text so offsets are real.
func doc(id, title string, added time.Time, quotes ...news.Quote) news.Document {
	var b strings.Builder
	b.WriteString("The story of " + title + " begins with a simple sentence about what happened today.\n\n")
	for i := range quotes {
		b.WriteString("“")
		quotes[i].Start = b.Len()
		b.WriteString(quotes[i].Text)
		quotes[i].End = b.Len()
		b.WriteString("” said " + quotes[i].Speaker + ".\n\n")
		quotes[i].ArticleID = id
	}
	return news.Document{
		Article: news.Article{ID: id, Title: title, Outlet: "BBC", URL: "https://example.com/" + id, Added: added, Text: b.String()},
		Quotes:  quotes,
	}
}

func direct(speaker, title, text string) news.Quote {
	return news.Quote{Speaker: speaker, Title: title, Text: text, Kind: news.Direct, Confidence: 0.9}
}

const sentence12 = "We will keep working with our partners until the job is done"

func TestBuildDeterministic(t *testing.T) {
	docs := []news.Document{seedDoc(t)}
	for i, sp := range []string{"Ann Lee", "Bo Chen", "Cy Diaz", "Di Eve", "Ed Fox", "Flo Gray"} {
		docs = append(docs, doc(string(rune('a'+i))+"1", "Story "+sp, day.Add(time.Duration(i)*time.Minute),
			direct(sp, "minister", sentence12+" "+sp+"."),
			direct(sp, "", "Another long enough sentence from "+sp+" about the weather and the markets today.")))
	}
	docs = append(docs, doc("same-time", "Same time", day.Add(2*time.Minute)))
	want := Build(docs, day, day.Add(24*time.Hour))
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := slices.Clone(docs)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for i := range shuffled {
			qs := slices.Clone(shuffled[i].Quotes)
			r.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
			shuffled[i].Quotes = qs
		}
		if diff := cmp.Diff(want, Build(shuffled, day, day.Add(24*time.Hour))); diff != "" {
			t.Fatalf("digest depends on input order (-first +now):\n%s", diff)
		}
	}
	if len(want.Quotes) != MaxQuotes {
		t.Errorf("got %d quotes, want %d", len(want.Quotes), MaxQuotes)
	}
}

func TestBuildPeriod(t *testing.T) {
	before := doc("before", "Before", day.Add(-time.Second))
	first := doc("first", "First", day)
	last := doc("last", "Last", day.Add(24*time.Hour-time.Second))
	after := doc("after", "After", day.Add(24*time.Hour))
	unknown := doc("unknown", "Unknown time", time.Time{})
	d := Build([]news.Document{after, last, unknown, first, before, first}, day, day.Add(24*time.Hour))
	var got []string
	for _, a := range d.Articles {
		got = append(got, a.ID)
	}
	// Added order; a zero Added time sorts first and is kept; duplicates once.
	want := []string{"unknown", "first", "last"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	if !d.From.Equal(day) || !d.To.Equal(day.Add(24*time.Hour)) {
		t.Errorf("period = %v..%v", d.From, d.To)
	}
}

func TestBuildEmpty(t *testing.T) {
	d := Build(nil, day, day.Add(time.Hour))
	// Empty lists, not null: summary --json prints [].
	if d.Articles == nil || d.Quotes == nil || d.Speakers == nil {
		t.Errorf("nil lists in %+v", d)
	}
}

func TestNotableQuotes(t *testing.T) {
	long := strings.Repeat("word ", maxQuoteWords+1)
	tests := []struct {
		name string
		docs []news.Document
		want []string // speakers of the picked quotes, in order
	}{
		{
			name: "skips fragments, unknown speakers, short, long and mixed quotes",
			docs: []news.Document{doc("a", "A", day,
				direct("Ann Lee", "", "non-lethal support to the army"),
				direct("Ann Lee", "", "bolstering the economy in ways that nobody had expected at all"),
				direct("he", "", sentence12+"."),
				direct("", "", sentence12+"."),
				direct("a spokesman", "", sentence12+"."),
				direct("Bo Chen", "", "Too short to matter."),
				direct("Cy Diaz", "", "It "+long),
				news.Quote{Speaker: "Di Eve", Kind: news.Mixed, Text: "It said “" + sentence12 + "”", Confidence: 0.9},
				news.Quote{Speaker: "Ed Fox", Kind: news.Direct, Text: sentence12 + ".", Confidence: 0.1},
			)},
			want: nil,
		},
		{
			name: "prefers named speakers with roles and distinct articles",
			docs: []news.Document{
				doc("a", "A", day,
					direct("Ann Lee", "", "First "+sentence12+"."),
					direct("Bo Chen", "prime minister", "Second "+sentence12+"."),
					direct("Cy", "", "Third "+sentence12+".")),
				doc("b", "B", day.Add(time.Minute),
					direct("Di Eve", "", "Fourth "+sentence12+".")),
			},
			// Bo Chen (role) then Di Eve (other article) then Ann Lee
			// (full name) then Cy.
			want: []string{"Bo Chen", "Di Eve", "Ann Lee", "Cy"},
		},
		{
			name: "one quote per speaker, at most five",
			docs: []news.Document{doc("a", "A", day,
				direct("Ann Lee", "", "One "+sentence12+"."),
				direct("Ann Lee", "", "Two "+sentence12+"."),
				direct("Bo Chen", "", "Three "+sentence12+"."),
				direct("Cy Diaz", "", "Four "+sentence12+"."),
				direct("Di Eve", "", "Five "+sentence12+"."),
				direct("Ed Fox", "", "Six "+sentence12+"."),
				direct("Flo Gray", "", "Seven "+sentence12+"."),
			)},
			want: []string{"Ann Lee", "Bo Chen", "Cy Diaz", "Di Eve", "Ed Fox"},
		},
		{
			name: "reported speech fills up to three",
			docs: []news.Document{doc("a", "A", day,
				direct("Ann Lee", "", "One "+sentence12+"."),
				news.Quote{Speaker: "Bo Chen", Kind: news.Indirect, Text: "The government would " + sentence12, Confidence: 0.8},
				news.Quote{Speaker: "Cy Diaz", Kind: news.Indirect, Text: "The council would " + sentence12, Confidence: 0.9},
				news.Quote{Speaker: "Di Eve", Kind: news.Indirect, Text: "The board would " + sentence12, Confidence: 0.7},
			)},
			want: []string{"Ann Lee", "Cy Diaz", "Bo Chen"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Build(tt.docs, time.Time{}, time.Time{})
			var got []string
			for _, q := range d.Quotes {
				got = append(got, q.Speaker)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("speakers of the quotes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMostQuoted(t *testing.T) {
	d := Build([]news.Document{
		doc("a", "A", day,
			direct("Wang Wenbin", "", "One "+sentence12+"."),
			direct("Wenbin", "", "Two "+sentence12+"."),
			direct("Wang Yi", "", "Three "+sentence12+"."),
			direct("Wang", "", "Four "+sentence12+"."), // two Wangs: not merged
			direct("he", "", "Five "+sentence12+"."),
			direct("Zed", "", "Six "+sentence12+"."),
		),
		doc("b", "B", day,
			news.Quote{Speaker: "Wang  Wenbin", Kind: news.Indirect, Text: "it is fine"},
			direct("Amy Zed", "", "Seven "+sentence12+"."),
			news.Quote{Speaker: "TimeWarner", Kind: news.Indirect, Text: "profits rose"},
			news.Quote{Speaker: "TimeWarner", Kind: news.Indirect, Text: "sales fell"},
			news.Quote{Speaker: "Time Warner", Kind: news.Indirect, Text: "costs rose"}),
	}, time.Time{}, time.Time{})
	want := []news.SpeakerCount{
		{Name: "TimeWarner", Quotes: 3}, // spellings that differ in spacing
		{Name: "Wang Wenbin", Quotes: 3},
		{Name: "Amy Zed", Quotes: 2}, // "Zed" merged: the only full name with it
		{Name: "Wang", Quotes: 1},
		{Name: "Wang Yi", Quotes: 1},
	}
	if diff := cmp.Diff(want, d.Speakers); diff != "" {
		t.Errorf("speakers (-want +got):\n%s", diff)
	}
}

func TestRoleOf(t *testing.T) {
	for in, want := range map[string]string{
		"foreign ministry spokesman": "foreign ministry spokesman",
		"  U.S.  Vice President ":    "U.S. Vice President",
		"Mr":                         "",
		"But Mr":                     "",
		"Dr.":                        "",
		"And the chief executive":    "the chief executive",
		"":                           "",
	} {
		if got := roleOf(in); got != want {
			t.Errorf("roleOf(%q) = %q, want %q", in, got, want)
		}
	}
}
