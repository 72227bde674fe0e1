package quote

import "testing"

// TestNameGenderPronoun: with no honorific or role word to go by, the first
// name decides which of two people a pronoun refers to; what the article
// says about a person wins over the table.
func TestNameGenderPronoun(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			"she passes over the nearer man",
			"Harbour plan approved\n\nThe council backed the plan on Monday after Jane Okafor met Peter Lindqvist at the harbour office.\n\n\"We have waited ten years for this decision,\" she said.\n",
			"Jane Okafor",
		},
		{
			"he passes over the nearer woman",
			"Harbour plan approved\n\nThe council backed the plan on Monday after Peter Lindqvist met Jane Okafor at the harbour office.\n\n\"We have waited ten years for this decision,\" he said.\n",
			"Peter Lindqvist",
		},
		{
			"the article's own pronoun wins over the table",
			"Harbour plan approved\n\nMaria Lindqvist, who chairs the board, said he would stay on. Jane Okafor met Maria Lindqvist at the harbour office, and Maria Lindqvist told him the vote was close.\n\nLater Maria Lindqvist gave his answer to the board: \"We have waited ten years for this decision,\" he said.\n",
			"Maria Lindqvist",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs := Extract(tc.text)
			if len(qs) == 0 {
				t.Fatalf("no quote found")
			}
			q := qs[len(qs)-1]
			if q.Speaker != tc.want {
				t.Errorf("speaker of %q = %q (mention %q), want %q", q.Text, q.Speaker, q.Mention, tc.want)
			}
		})
	}
}

// TestFirstNameGender: the name table gives a first name's sex, and
// leaves unknown the names it gives both sexes rather than guessing; an
// initial or an organisation tells nothing.
func TestFirstNameGender(t *testing.T) {
	for name, want := range map[string]gender{"margaret": female, "william": male, "jean": genderUnknown, "andrea": genderUnknown, "robin": genderUnknown, "taylor": genderUnknown} {
		if g := firstNameGender(name); g != want {
			t.Errorf("%s = %v, want %v", name, g, want)
		}
	}
	if g := (&entity{name: "J. Roe"}).nameGender(); g != genderUnknown {
		t.Errorf("an initial gave gender %v", g)
	}
	if g := (&entity{name: "Margaret Holdings", org: true}).nameGender(); g != genderUnknown {
		t.Errorf("an organisation gave gender %v", g)
	}
}
