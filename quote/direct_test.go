package quote

import (
	"testing"

	"newsbot/news"
)

// TestSentenceQuotes: the direct-quotes stage pairs a quote with the cue
// next to it and its speaker phrase, keeps a long quote with no cue as a
// floating quote whose speaker is inherited, and makes a quote inside a
// reported clause mixed.
func TestSentenceQuotes(t *testing.T) {
	tests := []struct {
		text, quote, speaker, cue string
		kind                      news.QuoteKind
		inherit                   bool
	}{
		{`"We will win," Jane Roe said.`, "We will win,", "Jane Roe", "said", news.Direct, false},
		{`Roe said: "We will win."`, "We will win.", "Roe", "said", news.Direct, false},
		{`"We will win the next election in the spring."`, "We will win the next election in the spring.", "", "", news.Direct, true},
		{`He called it a "bandage" fix.`, `a "bandage" fix`, "He", "called", news.Mixed, false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			ex := newTestExtractor(tc.text)
			ex.sentenceQuotes(&ex.sents[0])
			if len(ex.cands) != 1 {
				t.Fatalf("candidates = %q, want one", candTexts(ex))
			}
			c := ex.cands[0]
			got := tc.text[c.s:c.e]
			if got != tc.quote || c.sp.text != tc.speaker || c.cue != tc.cue || c.kind != tc.kind || c.inherit != tc.inherit {
				t.Errorf("got %q by %q (cue %q, %s, inherit %v), want %q by %q (cue %q, %s, inherit %v)",
					got, c.sp.text, c.cue, c.kind, c.inherit, tc.quote, tc.speaker, tc.cue, tc.kind, tc.inherit)
			}
		})
	}
}
