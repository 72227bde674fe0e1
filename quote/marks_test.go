package quote

import (
	"slices"
	"testing"
)

// TestFindQuotes: the quote-mark stage finds the content between matching
// marks, keeps a quote left open at the paragraph's end, and takes no
// apostrophes for marks.
func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"curly marks", "He said “yes” and left.", []string{"yes"}},
		{"a quote split by its cue", "“One,” she said, “two.”", []string{"One,", "two."}},
		{"left open", `"Open to the end`, []string{"Open to the end"}},
		{"single quotes as scare quotes", "He called it a 'bandage' fix.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range findQuotes(tc.text, 0, len(tc.text)) {
				got = append(got, tc.text[q.start:q.end])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("quotes = %q, want %q", got, tc.want)
			}
		})
	}
}
