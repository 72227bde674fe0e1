package summary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGist(t *testing.T) {
	lead := "The city council approved a new budget on Tuesday after months of debate."
	tests := []struct {
		name, title, text, want string
	}{
		{"lead sentence", "Budget approved", lead + " Critics said it was too small.\n\nMore follows.", lead},
		{"title repeated, byline, caption and timestamp skipped", "Budget approved",
			"Budget approved\n\nBy Jane Smith, BBC News\n\nPublished 3 hours ago\n\nImage source, Getty Images\n\nImage caption, The council met on Tuesday\n\n" + lead, lead},
		{"photo credit skipped", "Budget", "The mayor speaks in the chamber. (Reuters)\n\n" + lead, lead},
		{"agency dateline stripped", "Budget", "WASHINGTON (AP) — " + lead, lead},
		{"city and date dateline stripped", "Budget", "LONDON, Nov 27 (Reuters) - " + lead, lead},
		{"network dateline stripped", "Budget", "(CNN) — " + lead, lead},
		{"prose dash kept", "Budget", "In March - as expected - the council approved a new budget after months.", "In March - as expected - the council approved a new budget after months."},
		{"heading skipped", "Budget", "Key points\n\n" + lead, lead},
		{"one paragraph a line", "Budget", "Budget approved\n" + lead + "\nSecond paragraph here is another sentence of prose.", lead},
		{"abbreviations do not end a sentence", "Talks",
			"U.S. Secretary of State Antony Blinken met Mr. Wang in St. Petersburg on Monday. They talked.",
			"U.S. Secretary of State Antony Blinken met Mr. Wang in St. Petersburg on Monday."},
		{"quote lead: the most central sentence instead", "Council budget approved after debate",
			"“We did it, and we did it together for every family in this town,” the mayor said.\n\nThe weather was cold and grey all week long in the town.\n\nThe council budget was approved after a long debate on Tuesday night.",
			"The council budget was approved after a long debate on Tuesday night."},
		{"lead opening with a short quoted phrase", "Homes plan",
			"“Irreversible damage” will be caused by plans to build a million homes, MPs have warned.",
			"“Irreversible damage” will be caused by plans to build a million homes, MPs have warned."},
		{"central sentence does not lean on the one before", "Phones",
			"How many times have you wanted a camera to hand?\n\nBut there are other positive uses of picture phones for everyone.\n\nPicture phones are changing how news is gathered by the public.",
			"Picture phones are changing how news is gathered by the public."},
		{"question lead", "Budget", "Who pays for the new roads in the town centre? " + lead, lead},
		{"no sentence", "Budget", "Budget\n\nKey points", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Gist(tt.title, tt.text); got != tt.want {
				t.Errorf("Gist() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGistCut(t *testing.T) {
	long := "The committee, which met for the third time this month in the old town hall, " +
		strings.Repeat("discussed the many proposals brought by residents, ", 8) + "and then adjourned."
	got := Gist("Committee", long)
	if n := utf8.RuneCountInString(got); n > MaxGist {
		t.Errorf("gist has %d characters, want <= %d: %q", n, MaxGist, got)
	}
	if !strings.HasSuffix(got, "…") || strings.HasSuffix(got, ",…") || strings.HasSuffix(got, " …") {
		t.Errorf("gist not cut politely: %q", got)
	}
	if !strings.HasSuffix(got, "residents…") {
		t.Errorf("gist not cut at a clause: %q", got)
	}
}

// TestGistCorpus measures gists on the BBC corpus: every article gets a
// gist, of the right size, that is not the title. It skips where the corpus
// is absent.
func TestGistCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "bbc-news-2225", "articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) == 0 {
		t.Skipf("BBC corpus not found at %s", dir)
	}
	var empty, lead, total int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(string(b), "\n")
		total++
		g := Gist(title, body)
		switch {
		case g == "":
			empty++
			t.Logf("no gist: %s", f)
			continue
		case utf8.RuneCountInString(g) > MaxGist:
			t.Errorf("%s: gist too long: %q", f, g)
		case strings.EqualFold(strings.TrimSpace(g), strings.TrimSpace(title)):
			t.Errorf("%s: gist is the title", f)
		}
		if p := paragraphs(body); len(p) > 0 && strings.HasPrefix(p[0], strings.TrimSuffix(g, "…")) {
			lead++
		}
	}
	t.Logf("%d articles: %d gists from the first paragraph, %d without gist", total, lead, empty)
	if empty*100 > total {
		t.Errorf("%d of %d articles have no gist", empty, total)
	}
}

// FuzzGist checks that Gist never panics, stays within MaxGist and only
// returns words of the article.
func FuzzGist(f *testing.F) {
	f.Add("Title", "WASHINGTON (AP) — The council met. It voted.")
	f.Add("", "By Jane\n\n“Quote,” he said.\n\nU.S. officials met Mr. Wang in St. Louis on Monday for talks.")
	f.Add("T", strings.Repeat("word, ", 400)+".")
	f.Add("x", "\xff\xfe. A. B? C! …")
	f.Fuzz(func(t *testing.T, title, text string) {
		g := Gist(title, text)
		if n := utf8.RuneCountInString(g); n > MaxGist {
			t.Fatalf("gist of %d characters", n)
		}
		words := strings.Fields(strings.TrimSuffix(g, "…"))
		body := strings.Join(strings.Fields(text), " ")
		for _, w := range words {
			if !strings.Contains(body, strings.TrimRight(w, " ,;:—–-")) {
				t.Fatalf("gist word %q not in the text", w)
			}
		}
	})
}
