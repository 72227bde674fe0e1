package answer

import (
	"slices"
	"testing"
	"unicode"

	"newsbot/index"
	"newsbot/lexicon"
	"newsbot/news"
)

// plainEcho is the echo of text for question terms, with words compared by
// their stems without an index.
func plainEcho(qt []qterm, text string) float64 {
	match := func(tok news.Token) int { return standsForTerm(tok.Term, qt) }
	return echo(text, plainTokens(text), match, min(2, len(qt)))
}

func TestEcho(t *testing.T) {
	qt := []qterm{{term: "pai"}, {term: "taproom"}, {term: "close"}}
	for _, tt := range []struct {
		name, text string
		lo, hi     float64
	}{
		{"short quote mostly in the question", "We are paying rent on a second taproom that has never opened.", 0.45, 0.6},
		{"two words of a long quote", "The festival brings crowds, the ferries ran on time, the stalls sold out, the bands played past midnight and the taproom was paying musicians double.", 0, 0.2},
		{"one word of the question", "It is closed. Nothing else.", 0, 0},
		{"one word repeated", "Closed, closed, closed.", 0, 0},
		{"one word and its synonym count once", "Paying and paid.", 0, 0},
		{"a pair of sentences with one word each", "Paying more. The taproom.", 0.9, 1},
		{"figures left out weigh little", "We paid 2,000,000 in 2023 for the taproom.", 0.45, 1},
		{"the quote's own reporting verb", "I would argue that the taproom was paying too much.", 0.6, 1},
		{"no sentence", "", 0, 0},
	} {
		if got := plainEcho(qt, tt.text); got < tt.lo || got > tt.hi {
			t.Errorf("%s: echo %.2f, want %.2f to %.2f", tt.name, got, tt.lo, tt.hi)
		}
	}
	if rarity("taproom") <= rarity("second") {
		t.Errorf("rarity: taproom %.2f <= second %.2f", rarity("taproom"), rarity("second"))
	}
}

func TestNameable(t *testing.T) {
	qt := []qterm{{term: "a"}, {term: "b"}, {term: "c"}, {term: "d"}}
	for _, tt := range []struct {
		name string
		c    candidate
		want bool
	}{
		{"two words, strong echo", candidate{speaker: "X", matched: 2, coverage: 0.35, echo: 0.5}, true},
		{"two words, weak echo", candidate{speaker: "X", matched: 2, coverage: 0.6, echo: 0.4}, false},
		{"two words, nearly all the question", candidate{speaker: "X", matched: 2, coverage: 0.85}, true},
		{"three words, echo enough for three", candidate{speaker: "X", matched: 3, coverage: 0.4, echo: 0.3}, true},
		{"three words, weak echo", candidate{speaker: "X", matched: 3, coverage: 0.65, echo: 0.2}, false},
		{"too little of the question", candidate{speaker: "X", matched: 3, coverage: 0.25, echo: 0.9}, false},
		{"one word", candidate{speaker: "X", matched: 1, coverage: 0.9, echo: 1}, false},
		{"no speaker", candidate{matched: 3, coverage: 0.9, echo: 0.9}, false},
		{"a word no quote holds is missing", candidate{speaker: "X", matched: 3, coverage: 0.6, echo: 0.9, missesUnknown: true}, false},
		{"... unless nearly all the rest is there", candidate{speaker: "X", matched: 3, coverage: 0.65, echo: 0.9, missesUnknown: true}, true},
	} {
		if got := len(nameable([]candidate{tt.c}, qt)) == 1; got != tt.want {
			t.Errorf("%s: nameable %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAddEchoSkipsWhatCannotBeNamed(t *testing.T) {
	// Unattributed quotes ahead in the ranking must not use up the
	// candidates that get an echo; words compare as the index analyses them.
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	e := &Engine{store: ix}
	qt := []qterm{{term: "pai"}, {term: "taproom"}}
	var cs []candidate
	for range echoDepth {
		cs = append(cs, candidate{answer: news.Answer{Quote: "Paying for the taproom."}, matched: 2, coverage: 0.9})
	}
	named := candidate{answer: news.Answer{Quote: "We are paying for a taproom."}, speaker: "Nora Hale", matched: 2, coverage: 0.5}
	cs = append(cs, named)
	e.addEcho(qt, cs)
	if last := cs[len(cs)-1]; last.echo < 0.5 || last.rank <= 0 {
		t.Errorf("attributed candidate after %d unattributed ones: echo %.2f, rank %.2f", echoDepth, last.echo, last.rank)
	}
	if cs[0].echo != 0 {
		t.Errorf("unattributed candidate got an echo: %.2f", cs[0].echo)
	}
}

func TestStandsFor(t *testing.T) {
	for _, tt := range []struct {
		word, stem string
		want       bool
	}{
		{"paying", "pai", true}, // the index stems "paying" as "pai"
		{"paid", "pai", true},
		{"family", "famili", true},
		{"families", "famili", true},
		{"calling", "call", true},
		{"government", "govern", true},
		{"catholic", "cat", false},
		{"soldier", "sold", false},
		{"metal", "met", false},
		{"camera", "came", false},
		{"sentence", "sent", false},
	} {
		if got := standsFor(tt.word, tt.stem); got != tt.want {
			t.Errorf("standsFor(%q, %q) = %v, want %v", tt.word, tt.stem, got, tt.want)
		}
	}
}

func TestIrregularVerbs(t *testing.T) {
	// A question in the present finds a quote in the past, and back.
	for _, pair := range [][2]string{{"feel", "felt"}, {"took", "take"}, {"paid", "pay"}, {"sell", "sold"}, {"spend", "spent"}, {"ran", "run"}} {
		if !slices.Contains(lexicon.Synonyms().Of(pair[0]), pair[1]) {
			t.Errorf("synonyms of %q lack %q: %v", pair[0], pair[1], lexicon.Synonyms().Of(pair[0]))
		}
	}
	// A past or base that is mostly a noun or name in news is not a form
	// of its verb.
	for _, pair := range [][2]string{{"left", "leave"}, {"ground", "grind"}, {"wound", "wind"}, {"fed", "feed"}, {"met", "meet"}, {"bit", "bite"}, {"deal", "dealt"}} {
		if slices.Contains(lexicon.Synonyms().Of(pair[0]), pair[1]) {
			t.Errorf("%q stands for %q", pair[0], pair[1])
		}
	}
}

// TestQuoteAnswerTrailingComma: the comma a writer puts before the closing
// mark (`"We will win," she said`) is shown as a full stop, and a reported
// clause loses its leading "that".
func TestQuoteAnswerTrailingComma(t *testing.T) {
	tests := []struct {
		q    news.Quote
		want string
	}{
		{news.Quote{Text: "We will win,", Kind: news.Direct}, "We will win."},
		{news.Quote{Text: "that the plan works,", Kind: news.Indirect}, "the plan works."},
		{news.Quote{Text: "Is it over?", Kind: news.Direct}, "Is it over?"},
	}
	for _, tc := range tests {
		if got := quoteAnswer(news.QuoteHit{Quote: tc.q}).Quote; got != tc.want {
			t.Errorf("quoteAnswer(%q) shows %q, want %q", tc.q.Text, got, tc.want)
		}
	}
}

// plainTokens splits text into lower-case content words without an index,
// so echo can be tested alone.
func plainTokens(text string) []news.Token {
	var out []news.Token
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if w := surface(text[start:end]); w != "" && !stopWord(w) {
				out = append(out, news.Token{Term: w, Start: start, End: end})
			}
		}
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || (start >= 0 && inNumber(text, i)) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// stopWord reports whether plainTokens leaves w out, as the index leaves
// such words out.
func stopWord(w string) bool {
	return lexicon.FunctionWords().Has(w) || lexicon.ModalWords().Has(w) || lexicon.EchoTestStops().Has(w)
}

// TestCopyTermsOfNil: the copy of an empty term set can be written to (a
// nil copy panicked in the who-said ranking).
func TestCopyTermsOfNil(t *testing.T) {
	c := copyTerms(nil)
	c["river"] = true
	if !c["river"] {
		t.Fatal("copy of nil not writable")
	}
}
