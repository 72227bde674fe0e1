package quote

import (
	"slices"
	"testing"
)

// TestIndirect: the indirect-speech stage takes the reported clause around
// a cue, with its speaker phrase, cue and outlet.
func TestIndirect(t *testing.T) {
	type clause struct{ text, speaker, cue, outlet string }
	tests := []struct {
		text string
		want []clause
	}{
		{"Jane Roe said the plan would fail.", []clause{{"the plan would fail", "Jane Roe", "said", ""}}},
		{"The plan will fail, the minister said.", []clause{{"The plan will fail", "the minister", "said", ""}}},
		{"According to the BBC, the talks collapsed.", []clause{{"the talks collapsed", "", "according to", "BBC"}}},
		{"Roe said the cost could be reduced, adding that it was worth it.", []clause{
			{"the cost could be reduced", "Roe", "said", ""},
			{"that it was worth it", "Roe", "adding", ""},
		}},
		{"Sinclair derides the board for a lack of clear leadership on the file.", []clause{{"the board for a lack of clear leadership on the file", "Sinclair", "derides", ""}}},
		{"The company announced these intentions last week.", nil},
		{"He did not say why the plan failed.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			ex := newTestExtractor(tc.text)
			s := &ex.sents[0]
			ex.indirect(s, map[int]bool{}, make([]bool, len(s.quotes)), "")
			var got []clause
			for _, c := range ex.cands {
				got = append(got, clause{tc.text[c.s:c.e], c.sp.text, c.cue, c.outlet})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("clauses = %+v, want %+v", got, tc.want)
			}
		})
	}
}
