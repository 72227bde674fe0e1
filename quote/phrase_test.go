package quote

import "testing"

// TestBackPhrase: the phrase walked back from its last word holds a name
// and the title words before it, an affiliation after "with", or a
// document's owner; a verb before it is no part of it.
func TestBackPhrase(t *testing.T) {
	tests := []struct {
		text                      string // the phrase ends at the last token
		phrase, name, title, role string
	}{
		{"Prime Minister Justin Trudeau", "Prime Minister Justin Trudeau", "Justin Trudeau", "Prime Minister", ""},
		{"Tim Guest with the Nova Scotia Health Authority", "Tim Guest with the Nova Scotia Health Authority", "Tim Guest", "with the Nova Scotia Health Authority", ""},
		{"Foster's book", "Foster's book", "Foster", "", ""},
		{"he heard students", "students", "", "", "students"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := firstSentence(t, tc.text)
			n := backPhrase(tc.text, s.toks, len(s.toks)-1, 0)
			if n.text != tc.phrase || n.name != tc.name || n.title != tc.title || n.role != tc.role {
				t.Errorf("phrase %q name %q title %q role %q, want %q name %q title %q role %q",
					n.text, n.name, n.title, n.role, tc.phrase, tc.name, tc.title, tc.role)
			}
		})
	}
}
