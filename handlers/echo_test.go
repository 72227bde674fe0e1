package handlers

import (
	"testing"

	"newsbot/news"
)

func TestEcho(t *testing.T) {
	qt := []qterm{{term: "pai"}, {term: "taproom"}, {term: "close"}}
	match := func(tok news.Token) bool { return standsForAny(tok.Term, qt) }
	e := func(text string) float64 { return echo(text, plainTokens(text), match, 2) }

	short := e("We are paying rent on a second taproom that has never opened.")
	long := e("The festival brings crowds, the ferries ran on time, the stalls sold out, the bands played past midnight and the taproom was paying musicians double.")
	if short < minEchoFewWords {
		t.Errorf("short quote mostly in the question: echo %.2f, want >= %.2f", short, minEchoFewWords)
	}
	if long >= minEcho {
		t.Errorf("two words of a long quote: echo %.2f, want < %.2f", long, minEcho)
	}
	// One word of the question in a sentence is not an echo, but a pair of
	// adjacent sentences holding two is.
	if got := e("It is closed. Nothing else."); got != 0 {
		t.Errorf("one word: echo %.2f, want 0", got)
	}
	if got := e("Paying more. The taproom."); got < 0.9 {
		t.Errorf("two sentences with one word each: echo %.2f, want about 1", got)
	}
	// Rare words weigh more than common ones.
	if rarity("taproom") <= rarity("second") {
		t.Errorf("rarity: taproom %.2f <= second %.2f", rarity("taproom"), rarity("second"))
	}
}

func TestStandsFor(t *testing.T) {
	for _, tt := range []struct {
		word, stem string
		want       bool
	}{
		{"paying", "pai", true}, // the index stems "paying" as "pai"
		{"family", "famili", true},
		{"families", "famili", true},
		{"calling", "call", true},
		{"catholic", "cat", false},
	} {
		if got := standsFor(tt.word, tt.stem); got != tt.want {
			t.Errorf("standsFor(%q, %q) = %v, want %v", tt.word, tt.stem, got, tt.want)
		}
	}
}

func TestIrregularVerbs(t *testing.T) {
	// A question in the present finds a quote in the past, and back.
	for _, pair := range [][2]string{{"feel", "felt"}, {"took", "take"}, {"paid", "pay"}, {"sell", "sold"}} {
		if !contains(synonyms[pair[0]], pair[1]) {
			t.Errorf("synonyms of %q lack %q: %v", pair[0], pair[1], synonyms[pair[0]])
		}
	}
	// A past that is mostly a noun or adjective is not a form of its verb.
	for _, pair := range [][2]string{{"left", "leave"}, {"ground", "grind"}, {"wound", "wind"}} {
		if contains(synonyms[pair[0]], pair[1]) {
			t.Errorf("%q stands for %q", pair[0], pair[1])
		}
	}
}
