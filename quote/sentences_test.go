package quote

import (
	"slices"
	"testing"
)

// TestSplitSentences: sentence spans end at final punctuation, not after
// a title abbreviation or an initialism before a name, and never inside a
// quote.
func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"title abbreviation", "Mr. Roe left. He said so.", []string{"Mr. Roe left.", "He said so."}},
		{"initialism before a name", "The U.S. Senate voted. Nobody came.", []string{"The U.S. Senate voted.", "Nobody came."}},
		{"a quote stays whole", `"It works. It really does," she said. Then she left.`, []string{`"It works. It really does," she said.`, "Then she left."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs := findQuotes(tc.text, 0, len(tc.text))
			var got []string
			for _, sp := range splitSentences(tc.text, 0, len(tc.text), qs) {
				got = append(got, tc.text[sp.start:sp.end])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("sentences = %q, want %q", got, tc.want)
			}
		})
	}
}
