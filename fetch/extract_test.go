package fetch

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that any body, HTML or text, gives an article with
// valid UTF-8 text or a refusal, and never a panic.
func FuzzExtract(f *testing.F) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(page, "text/html; charset=utf-8")
	f.Add([]byte("Title\n\nCaf\xe9 "+strings.Repeat("word ", 60)), "text/plain; charset=iso-8859-1")
	f.Add([]byte("<p>"+strings.Repeat("x", 300)), "")
	u, _ := url.Parse("https://news.example/story")
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		a, err := extract(body, ctype, u)
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || a.Text == "" {
			t.Errorf("bad article: title %q text %q", a.Title, a.Text)
		}
	})
}

func TestTitleOutlet(t *testing.T) {
	for _, tt := range []struct{ title, headline, want string }{
		{"Storm hits coast | Valley Herald", "Storm hits coast", "Valley Herald"},
		{"Storm hits coast - Valley Herald", "storm hits coast", "Valley Herald"},
		{"Storm hits coast", "Storm hits coast", ""},
		{"Storm | hits coast", "Storm hits coast", ""},
		{"Storm hits coast | A very long tail that is surely not an outlet name", "Storm hits coast", ""},
	} {
		if got := titleOutlet(tt.title, tt.headline); got != tt.want {
			t.Errorf("titleOutlet(%q, %q) = %q, want %q", tt.title, tt.headline, got, tt.want)
		}
	}
}
