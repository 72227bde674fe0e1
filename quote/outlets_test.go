package quote

import "testing"

// TestCanonicalOutlet: names and abbreviations of an outlet give its
// canonical name; forms that depend on the article do not.
func TestCanonicalOutlet(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"WSJ", "The Wall Street Journal", true},
		{"the Wall Street Journal's", "The Wall Street Journal", true},
		{"nyt", "The New York Times", true},
		{"BBC", "BBC", true},
		{"the Times", "", false},
		{"Acme", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := CanonicalOutlet(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("CanonicalOutlet(%q) = %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestSentenceOutlet: an outlet is cited when a trigger says so
// ("according to", "told", "'s"), not when it is only named.
func TestSentenceOutlet(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The talks failed, according to Fox News.", "Fox News"},
		{"Roe told the WSJ the deal was off.", "The Wall Street Journal"},
		{"CNN's Jake Tapper asked.", "CNN"},
		{"The Times said so.", ""},
		{"She watched the BBC at home.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			ex := newTestExtractor(tc.text)
			if got := ex.sentenceOutlet(ex.sents[0].toks); got != tc.want {
				t.Errorf("outlet = %q, want %q", got, tc.want)
			}
		})
	}
}
