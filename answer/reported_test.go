package answer

import (
	"testing"

	"newsbot/news"
)

func TestSoleSpeaker(t *testing.T) {
	s := news.Sentence{Start: 100, End: 200}
	roe := news.Quote{Start: 110, End: 140, Speaker: "Jane Roe"}
	roe2 := news.Quote{Start: 150, End: 190, Speaker: "Jane Roe"}
	lind := news.Quote{Start: 150, End: 190, Speaker: "Mara Lind"}
	nobody := news.Quote{Start: 150, End: 190}
	before := news.Quote{Start: 10, End: 100, Speaker: "Mara Lind"}
	tests := []struct {
		name   string
		quotes []news.Quote
		want   string
		ok     bool
	}{
		{"one speaker", []news.Quote{roe}, "Jane Roe", true},
		{"the same speaker twice", []news.Quote{roe, roe2}, "Jane Roe", true},
		{"two speakers", []news.Quote{roe, lind}, "", false},
		{"an unattributed quote does not count", []news.Quote{roe, nobody}, "Jane Roe", true},
		{"a quote ending where the sentence starts is outside", []news.Quote{before, roe}, "Jane Roe", true},
		{"no quote", nil, "", false},
		{"only unattributed", []news.Quote{nobody}, "", false},
	}
	for _, tt := range tests {
		q, ok := soleSpeaker(tt.quotes, s)
		if ok != tt.ok || q.Speaker != tt.want {
			t.Errorf("%s: got %q %v, want %q %v", tt.name, q.Speaker, ok, tt.want, tt.ok)
		}
	}
}
