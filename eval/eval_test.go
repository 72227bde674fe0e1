package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsbot/news"
)

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		pred, gold string
		want       bool
	}{
		{"Lu Kang", "Lu Kang", true},
		{"lu kang", "Lu Kang", true},
		{"Kang", "Lu Kang", true},
		{"Donald Trump", "Trump", true},
		{"Justin Trudeau", "Trump", false},
		{"", "Lu Kang", false},
		{"Harris's", "Kamala Harris", true},
	}
	for _, tt := range tests {
		if got := SameSpeaker(tt.pred, tt.gold); got != tt.want {
			t.Errorf("SameSpeaker(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
		}
	}
}

func TestRuneOffsets(t *testing.T) {
	s := "aé“b”"
	got := runeOffsets(s)
	want := []int{0, 1, 3, 6, 7, 10}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

// TestScoreExtraction checks the protocol on a hand-made set: marks around
// a prediction count as covered, the matching is one to one, and speakers
// are compared by name.
func TestScoreExtraction(t *testing.T) {
	text := `"Alpha beta gamma delta," she said. Omega said the sky is green today.`
	set := &Set{Docs: []Doc{{
		ID:   "d1",
		Text: text,
		Quotes: []GoldQuote{
			{Start: 0, End: 25, Text: text[0:25], Reference: "Ann Smith"},
			{Start: 47, End: 70, Text: text[47:70], Reference: "Omega"},
		},
	}}}
	extract := func(string) []news.Quote {
		return []news.Quote{
			{Start: 1, End: 24, Text: text[1:24], Speaker: "Smith"},
			{Start: 1, End: 10, Text: text[1:10], Speaker: "Smith"}, // duplicate: spurious
			{Start: 52, End: 55, Text: text[52:55], Speaker: "Omega"},
		}
	}
	res := ScoreExtraction(set, extract)
	if res.Lenient.Matched != 1 || res.Lenient.Predicted != 3 || res.Lenient.Gold != 2 {
		t.Fatalf("lenient = %+v", res.Lenient)
	}
	if res.Strict.Matched != 1 {
		t.Fatalf("strict = %+v", res.Strict)
	}
	if res.SpeakerCorrect != 1 || res.SpeakerAccuracy != 100 {
		t.Fatalf("speaker = %d %.1f", res.SpeakerCorrect, res.SpeakerAccuracy)
	}
	if res.Table() == "" {
		t.Fatal("empty table")
	}
}

func TestWhoSaidQuestions(t *testing.T) {
	set := &Set{Docs: []Doc{{ID: "d", Quotes: []GoldQuote{
		{Text: `"one two three four five six seven eight nine ten,"`, Reference: "X"},
		{Text: "too short to ask", Reference: "Y"},
	}}}}
	qs := WhoSaidQuestions(set)
	if len(qs) != 1 || qs[0].Text != "who said three four five six seven eight?" || qs[0].Expected != "X" {
		t.Fatalf("got %+v", qs)
	}
	sc := ScoreQuestions(append(qs, Question{Text: "who said nothing?", Expected: "-"}), func(q string) (string, bool) {
		if q == "who said nothing?" {
			return "", true
		}
		return "Mr X", false
	})
	if sc.Right != 1 || sc.Declined != 1 || sc.Accuracy != 100 || sc.DeclineRate != 100 {
		t.Fatalf("got %+v", sc)
	}
}

func TestNamesSource(t *testing.T) {
	q := news.Quote{Mention: "Clyburn", Speaker: "Jim Clyburn"}
	if !namesSource(q, "Mr. Clyburn, the third-ranking House Democrat") {
		t.Error("Clyburn not matched")
	}
	if namesSource(q, "The Post") {
		t.Error("Post matched")
	}
	if !namesSource(news.Quote{Outlet: "The Washington Post"}, "The Post") {
		t.Error("outlet not matched")
	}
}

// TestLoadGGTFile reads a span-only set whose article paths are relative to
// a corpus root, converting code-point offsets to bytes.
func TestLoadGGTFile(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "news"), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "Café owners\n\n“We stay open,” said Jane Roe. It rained, the forecast said.\n"
	if err := os.WriteFile(filepath.Join(root, "news", "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	// code points: "Café owners\n\n“" is 14 runes; "We stay open," is 13
	ann := `[{"doc_id":"news/a","outlet":"X","rawtext_file":"news/a.txt","quotes":[
	 {"speaker":"Jane Roe","reference":"Jane Roe","type":"direct","raw_quote_start":14,"raw_quote_end":27},
	 {"speaker":"","reference":"-","type":"indirect","raw_quote_start":44,"raw_quote_end":53}]}]`
	jsonPath := filepath.Join(t.TempDir(), "set.json")
	if err := os.WriteFile(jsonPath, []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := LoadGGTFile(jsonPath, root)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Docs) != 1 || len(set.Docs[0].Quotes) != 2 {
		t.Fatalf("loaded %+v", set.Docs)
	}
	q := set.Docs[0].Quotes
	if q[0].Text != "We stay open," || q[0].Type != "direct" || q[1].Text != "It rained" || q[1].Reference != NoSource {
		t.Errorf("quotes = %q (%s), %q (%s)", q[0].Text, q[0].Type, q[1].Text, q[1].Reference)
	}
	// a quote with no source is neither scored for its speaker nor asked about
	res := ScoreExtraction(set, func(string) []news.Quote {
		return []news.Quote{{Text: "It rained", Start: strings.Index(text, "It rained"), End: strings.Index(text, "It rained") + 9, Speaker: "the forecast"}}
	})
	if res.SpeakerScored != 0 || res.DirectGold != 1 || res.DirectFound != 0 {
		t.Errorf("scored %d speakers, direct %d of %d; want 0, 0 of 1", res.SpeakerScored, res.DirectFound, res.DirectGold)
	}
}

func TestSameRole(t *testing.T) {
	tests := []struct {
		shown, gold string
		want        bool
	}{
		{"manager", "manager of the club", true},
		{"chief engineer", "chief engineer of the project", true},
		{"Shadow Home Secretary", "shadow home secretary", true},
		{"manager Sir", "manager", true}, // an honorific is left out
		{"club manager", "manager", false},
		{"accused Ms", "chief executive", false},
		{"beat", "tennis player", false},
		{"UK investment banker who has held talks with the bank over a bond sale", "UK investment banker", false},
		{"", "minister", false},
		{"minister", "", false},
	}
	for _, tc := range tests {
		if got := SameRole(tc.shown, tc.gold); got != tc.want {
			t.Errorf("SameRole(%q, %q) = %v, want %v", tc.shown, tc.gold, got, tc.want)
		}
	}
}

func TestSameOutlet(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"BBC", "BBC News", true},
		{"the Wall Street Journal", "Wall Street Journal", true},
		{"Times", "The New York Times", false},
		{"AP", "Japan Times", false},
		{"", "BBC", false},
	} {
		if got := sameOutlet(tc.a, tc.b); got != tc.want {
			t.Errorf("sameOutlet(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
