package quote

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"newsbot/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden runs Extract over testdata/*.txt and compares with the
// reviewed *.golden.json files. Regenerate with go test -run Golden -update
// and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			got := Extract(text)
			for _, q := range got {
				if text[q.Start:q.End] != q.Text {
					t.Errorf("span %d:%d does not match text %q", q.Start, q.End, q.Text)
				}
			}
			if got == nil {
				got = []news.Quote{}
			}
			out, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(out, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			var wantQ []news.Quote
			if err := json.Unmarshal(want, &wantQ); err != nil {
				t.Fatal(err)
			}
			if wantQ == nil {
				wantQ = []news.Quote{}
			}
			if d := cmp.Diff(wantQ, got); d != "" {
				t.Errorf("extraction changed (-want +got):\n%s", d)
			}
		})
	}
}

// TestSeed pins the behaviour the product was specified from (the seed
// article's README) independently of the golden file.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	qs := Extract(string(b))
	find := func(sub string) news.Quote {
		t.Helper()
		for _, q := range qs {
			if strings.Contains(q.Text, sub) {
				return q
			}
		}
		t.Fatalf("no quote containing %q", sub)
		return news.Quote{}
	}
	tests := []struct {
		sub, speaker, title, outlet string
		kind                        news.QuoteKind
	}{
		{"Calling for peace is cheap and easy", "Yun Sun", "director of the Stimson Center’s China program", "The Wall Street Journal", news.Direct},
		{"she is not confident Beijing", "Yun Sun", "director of the Stimson Center’s China program", "The Wall Street Journal", news.Indirect},
		{"China would like to take the opportunity", "Wang Wenbin", "foreign ministry spokesman", "Fox News", news.Direct},
		{"Chinese firms are already delivering", "Antony Blinken", "U.S. Secretary of State", "BBC", news.Mixed},
		{"not accept the United States", "Wang Wenbin", "foreign ministry spokesman", "BBC", news.Mixed},
		{"Russian forces have pursued", "Kamala Harris", "", "", news.Direct},
		{"Gruesome acts of murder", "Kamala Harris", "", "", news.Direct},
		{"Russia is guilty of numerous atrocities", "Kamala Harris", "", "", news.Indirect},
	}
	for _, tt := range tests {
		q := find(tt.sub)
		if q.Speaker != tt.speaker || q.Outlet != tt.outlet || q.Kind != tt.kind || (tt.title != "" && q.Title != tt.title) {
			t.Errorf("%q: got speaker %q title %q outlet %q kind %s; want %q %q %q %s", tt.sub, q.Speaker, q.Title, q.Outlet, q.Kind, tt.speaker, tt.title, tt.outlet, tt.kind)
		}
	}
	for _, q := range qs {
		switch q.Speaker {
		case "she", "he", "Wenbin", "Fox News", "BBC", "The Wall Street Journal":
			t.Errorf("bad speaker %q for %q", q.Speaker, q.Text)
		}
	}
}
