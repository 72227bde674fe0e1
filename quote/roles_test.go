package quote

import "testing"

// TestCleanTitle: the roles stage shows a title only when it reads as a
// role: honorifics, ages and name pieces go, a relative clause is cut, and
// words without a role noun are none.
func TestCleanTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mr", ""},
		{"41", ""},
		{"versatile", ""},
		{"Oxfam's", ""},
		{"manager Sir", "manager"},
		{"UK investment banker who has held talks", "UK investment banker"},
		{"foreign ministry spokesman", "foreign ministry spokesman"},
		{"the 19-year-old", "the 19-year-old"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := cleanTitle(tc.in); got != tc.want {
				t.Errorf("cleanTitle(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestSpeakerTitle: an organisation is shown without a role; a person with
// a known first name keeps one even when the title looked like an
// organisation's.
func TestSpeakerTitle(t *testing.T) {
	tests := []struct {
		name string
		c    cand
		want string
	}{
		{"person", cand{speaker: "Jane Roe", title: "the mayor", ent: &entity{name: "Jane Roe"}}, "the mayor"},
		{"organisation", cand{speaker: "Acme", title: "the company", ent: &entity{name: "Acme", org: true}}, ""},
		{"person titled like an organisation", cand{speaker: "Margaret Holt", title: "council chair", ent: &entity{name: "Margaret Holt", org: true}}, "council chair"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := speakerTitle(tc.c); got != tc.want {
				t.Errorf("speakerTitle = %q, want %q", got, tc.want)
			}
		})
	}
}
