package quote

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that Extract and Sentences never panic and that every
// span lies inside the input, on rune boundaries, matching its text.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"", "\"", "“", "”a", "\"\"\"", "a \"b", "said", "«»", "He said: \"", "\n\n\"x\n\n\"y\"", "Mr. . . \"", "according to", ", said"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range Extract(text) {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
				t.Fatalf("span %d:%d outside input of %d bytes", q.Start, q.End, len(text))
			}
			if text[q.Start:q.End] != q.Text {
				t.Fatalf("span %d:%d does not match text", q.Start, q.End)
			}
			if !utf8.ValidString(q.Text) || !utf8.RuneStart(text[q.Start]) || (q.End < len(text) && !utf8.RuneStart(text[q.End])) {
				t.Fatalf("span %d:%d not on rune boundaries", q.Start, q.End)
			}
		}
		for _, s := range Sentences(text) {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("bad sentence span %d:%d", s.Start, s.End)
			}
		}
	})
}
