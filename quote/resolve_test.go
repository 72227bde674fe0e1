package quote

import "testing"

// TestResolve: the resolution stage maps each quote's speaker phrase to an
// entity of the article: a short name to the full name, a pronoun to the
// person in focus, "the company" to the organisation named before, a role
// to the person holding it, an outlet to the quote's outlet.
func TestResolve(t *testing.T) {
	tests := []struct {
		name, text, speaker, outlet string
	}{
		{
			"short name",
			"Jane Roe opened the bridge on Monday.\n\n\"It took ten years to build,\" Roe said.\n",
			"Jane Roe", "",
		},
		{
			"pronoun",
			"Peter Lindqvist opened the bridge on Monday.\n\n\"It took ten years to build,\" he said.\n",
			"Peter Lindqvist", "",
		},
		{
			"the company",
			"Acme Holdings Inc. cut 200 jobs on Monday.\n\nThe company said the cuts would save money.\n",
			"Acme Holdings Inc.", "",
		},
		{
			"role",
			"Surrey Mayor Doug McCallum opened the bridge.\n\n\"It took ten years to build,\" the mayor said.\n",
			"Doug McCallum", "",
		},
		{
			"outlet as source",
			"The talks failed on Monday.\n\nReuters said the talks would resume next week.\n",
			"", "Reuters",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := &extractor{text: tc.text, ents: newEntities()}
			ex.ents.text = tc.text
			ex.run()
			if len(ex.cands) == 0 {
				t.Fatal("no quote")
			}
			c := ex.cands[len(ex.cands)-1]
			if c.speaker != tc.speaker || c.outlet != tc.outlet {
				t.Errorf("speaker %q outlet %q, want %q outlet %q", c.speaker, c.outlet, tc.speaker, tc.outlet)
			}
		})
	}
}
