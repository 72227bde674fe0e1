package quote

import "testing"

// TestClauseChecks: the helpers of the indirect-speech stage tell a
// reported clause ("the cost could be reduced") from an object ("these
// intentions"), with or without "that".
func TestClauseChecks(t *testing.T) {
	tests := []struct {
		text             string // the words after a cue
		finite, zeroThat bool
	}{
		{"the cost could be reduced", true, true},
		{"that it was worth it", true, false},
		{"these intentions last week", false, false},
		{"his side needs more flair", true, true},
		{"responsibility for the attack", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := firstSentence(t, tc.text)
			if got := hasFiniteVerb(s.toks, 0, len(s.toks)); got != tc.finite {
				t.Errorf("hasFiniteVerb = %v, want %v", got, tc.finite)
			}
			if got := zeroThatClause(s.toks, 0); got != tc.zeroThat {
				t.Errorf("zeroThatClause = %v, want %v", got, tc.zeroThat)
			}
		})
	}
}

// TestClauseEnd: a reported clause runs to the sentence end, or stops
// before a second attribution; the token range keeps its final mark,
// which emit trims.
func TestClauseEnd(t *testing.T) {
	tests := []struct{ text, want string }{
		{"the plan would fail.", "the plan would fail."},
		{"the plan would fail, but Chapman says it will work.", "the plan would fail,"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := firstSentence(t, tc.text)
			e := clauseEnd(s.toks, 0)
			got := ""
			if e > 0 {
				got = tc.text[s.toks[0].start:s.toks[e-1].end]
			}
			if got != tc.want {
				t.Errorf("clause = %q, want %q", got, tc.want)
			}
		})
	}
}
