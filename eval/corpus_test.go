package eval_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsbot/eval"
	"newsbot/quote"
)

const (
	ggtDir     = "../../shared/corpus/ggt-dev"
	polnearDev = "../../shared/corpus/polnear/raw/dev"
)

// TestGGTDev runs the GGT protocol with the real extractor and logs the
// table; it never fails over a score.
func TestGGTDev(t *testing.T) {
	if _, err := os.Stat(filepath.Join(ggtDir, "ggt_dev_49.json")); err != nil {
		t.Skipf("GGT dev set not present at %s: %v", ggtDir, err)
	}
	set, err := eval.LoadGGT(ggtDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Docs) != 49 || set.NumQuotes() < 790 {
		t.Fatalf("loaded %d docs, %d quotes", len(set.Docs), set.NumQuotes())
	}
	if len(set.Paraphrases) != 120 {
		t.Errorf("loaded %d paraphrase questions, want 120", len(set.Paraphrases))
	}
	for _, d := range set.Docs {
		for _, g := range d.Quotes {
			if d.Text[g.Start:g.End] != g.Text {
				t.Fatalf("%s: gold span does not match", d.ID)
			}
		}
	}
	res := eval.ScoreExtraction(set, quote.Extract)
	t.Logf("\n%s", res.Table())
	qs := eval.WhoSaidQuestions(set)
	t.Logf("%d who-said questions made from gold quotes of 8+ words", len(qs))
}

// TestPolNeARDev reports the source-span score on PolNeAR dev.
func TestPolNeARDev(t *testing.T) {
	if _, err := os.Stat(polnearDev); err != nil {
		t.Skipf("PolNeAR dev not present at %s: %v", polnearDev, err)
	}
	p, err := eval.LoadPolNeAR(polnearDev)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Docs) != 84 {
		t.Errorf("loaded %d docs, want 84", len(p.Docs))
	}
	for _, d := range p.Docs {
		for _, a := range d.Attributions {
			for _, s := range a.Source {
				if s.End > len(d.Text) {
					t.Fatalf("%s: span outside text", d.ID)
				}
			}
		}
	}
	t.Logf("\n%s", eval.ScorePolNeAR(p, quote.Extract).Table())
}

// TestOwnAnnotations loads the project's own span-only sets against the
// shared corpus: every span must lie inside its article and start and end
// on text, not on the quotation marks the protocol leaves out.
func TestOwnAnnotations(t *testing.T) {
	root := "../../shared/corpus"
	if _, err := os.Stat(filepath.Join(root, "bbc-news-2225", "articles")); err != nil {
		t.Skipf("BBC corpus not present under %s: %v", root, err)
	}
	for _, f := range []string{"bbc-train.json", "bbc-check.json", "bbc-agree-b.json"} {
		set, err := eval.LoadGGTFile(filepath.Join("annotations", f), root)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, d := range set.Docs {
			if d.Unlocated > 0 {
				t.Errorf("%s %s: %d quotes not located", f, d.ID, d.Unlocated)
			}
			for _, q := range d.Quotes {
				if strings.TrimSpace(q.Text) != q.Text || q.Text == "" {
					t.Errorf("%s %s: span %d-%d is not trimmed text: %q", f, d.ID, q.Start, q.End, q.Text)
				}
				if q.Reference == "" || q.Type == "" {
					t.Errorf("%s %s: quote at %d lacks reference or type", f, d.ID, q.Start)
				}
			}
		}
		t.Logf("%s: %d articles, %d quotes", f, len(set.Docs), set.NumQuotes())
	}
}
