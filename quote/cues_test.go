package quote

import (
	"slices"
	"testing"
)

// TestCueTokens: the cues stage finds the reporting verbs of a sentence,
// not a passive ("was told"), and "read" only after a document.
func TestCueTokens(t *testing.T) {
	tests := []struct {
		text string
		want []int // token indexes of the cues
	}{
		{"The minister said the plan failed.", []int{2}},
		{"He was told to leave.", nil},
		{"The statement read: yes.", []int{2}},
		{"The sign read: closed.", nil},
		{"Reports say so.", []int{1}},
		{"He did not say why.", []int{3}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := firstSentence(t, tc.text)
			var got []int
			for i := range s.toks {
				if isCueToken(s.toks, i) {
					got = append(got, i)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("cues at %v, want %v", got, tc.want)
			}
		})
	}
}

// TestNegatedAndCriticismCues: "did not say" reports no speech; "derides
// X for Y" reports the charge Y.
func TestNegatedAndCriticismCues(t *testing.T) {
	s := firstSentence(t, "He did not say why.")
	if !negatedCue(s.toks, 3) {
		t.Errorf("did not say: not negated")
	}
	text := "Sinclair derides the board for a lack of clear leadership on the file."
	s = firstSentence(t, text)
	a, b := criticismCue(s.toks, 1)
	if got := text[s.toks[a].start:s.toks[b-1].end]; b <= a || got != "the board for a lack of clear leadership on the file" {
		t.Errorf("charge = %q", got)
	}
}
