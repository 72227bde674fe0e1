package quote

import "testing"

// TestCollectNames: the entities stage finds the names of a sentence with
// the title words before them, and whether the name is its subject.
func TestCollectNames(t *testing.T) {
	tests := []struct {
		text, name, title string
		subject           bool
	}{
		{"Surrey Mayor Doug McCallum opened the bridge.", "Doug McCallum", "Surrey Mayor", true},
		{"Foreign ministry spokesman Wang Wenbin said so.", "Wang Wenbin", "Foreign ministry spokesman", true},
		{"Party leader Charles Kennedy was in Leeds.", "Charles Kennedy", "Party leader", true},
		{"The Bank of Canada raised rates.", "Bank of Canada", "", true},
		{"On Monday the bridge was opened by Jane Roe.", "Jane Roe", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			es := newEntities()
			es.text = tc.text
			s := firstSentence(t, tc.text)
			es.collectNames(tc.text, s.toks, false, false)
			if len(es.mentions) != 1 {
				t.Fatalf("mentions = %+v, want one", es.mentions)
			}
			m := es.mentions[0]
			if m.name != tc.name || m.title != tc.title || m.subject != tc.subject {
				t.Errorf("mention = %q title %q subject %v, want %q title %q subject %v", m.name, m.title, m.subject, tc.name, tc.title, tc.subject)
			}
		})
	}
}

// TestResolveName: a later short name refers to the full name met before.
func TestResolveName(t *testing.T) {
	text := "Jane Roe opened the bridge. Later Roe left."
	es := newEntities()
	es.text = text
	for _, s := range splitArticle(text) {
		es.collectNames(text, s.toks, false, false)
	}
	if e := es.resolveName("Roe", len(text)-5); e == nil || e.name != "Jane Roe" {
		t.Errorf("Roe resolved to %+v, want Jane Roe", e)
	}
}
