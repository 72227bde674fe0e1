package quote

import "testing"

// TestBackNP: the candidate-sources stage reads the speaker phrase before
// a cue: a name with its title, a role, a pronoun, a name with an
// appositive, unnamed sources.
func TestBackNP(t *testing.T) {
	tests := []struct {
		text                          string // ends with the cue
		phrase, name, title, role, pr string
	}{
		{"Foreign ministry spokesman Wang Wenbin said", "Foreign ministry spokesman Wang Wenbin", "Wang Wenbin", "Foreign ministry spokesman", "", ""},
		{"The minister said", "The minister", "", "", "minister", ""},
		{"Jane Roe, director of the Stimson Center, said", "Jane Roe", "Jane Roe", "director of the Stimson Center", "", ""},
		{"he said", "he", "", "", "", "he"},
		{"sources familiar with the talks said", "sources familiar with the talks", "", "", "sources", ""},
		{"Mr Hilton on Tuesday said", "Mr Hilton", "Hilton", "Mr", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := firstSentence(t, tc.text)
			n := backNP(tc.text, s.toks, len(s.toks)-1, 0)
			if n.text != tc.phrase || n.name != tc.name || n.title != tc.title || n.role != tc.role || n.pronoun != tc.pr {
				t.Errorf("phrase %q name %q title %q role %q pronoun %q, want %q name %q title %q role %q pronoun %q",
					n.text, n.name, n.title, n.role, n.pronoun, tc.phrase, tc.name, tc.title, tc.role, tc.pr)
			}
		})
	}
}

// TestForwardNP: after an inverted cue the speaker phrase follows it, with
// an appositive role.
func TestForwardNP(t *testing.T) {
	text := `"We will win," said Jane Roe, the party leader.`
	s := firstSentence(t, text)
	k := 0
	for k < len(s.toks) && s.toks[k].text != "Jane" {
		k++
	}
	n := forwardNP(text, s.toks, k, len(s.toks))
	if n.name != "Jane Roe" || n.title != "the party leader" {
		t.Errorf("name %q title %q, want Jane Roe, the party leader", n.name, n.title)
	}
}
