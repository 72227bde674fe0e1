package quote_test

import (
	"os"
	"path/filepath"
	"testing"

	"newsbot/eval"
	"newsbot/quote"
)

// ggtDir is the GGT development set, present on the project's dev machines.
const ggtDir = "../../shared/corpus/ggt-dev"

// TestGGTDev scores the extractor on ggt-dev and logs the table. It never
// fails over a score. With QUOTE_MISSES=file it also writes every miss.
func TestGGTDev(t *testing.T) {
	if _, err := os.Stat(filepath.Join(ggtDir, "ggt_dev_49.json")); err != nil {
		t.Skipf("GGT dev set not present at %s: %v", ggtDir, err)
	}
	set, err := eval.LoadGGT(ggtDir)
	if err != nil {
		t.Fatal(err)
	}
	res := eval.ScoreExtraction(set, quote.Extract)
	t.Logf("\n%s", res.Table())
	if f := os.Getenv("QUOTE_MISSES"); f != "" {
		if err := os.WriteFile(f, []byte(res.MissesText()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGGTDoc prints the extraction of one ggt-dev article next to its gold
// quotes (QUOTE_DOC=<doc id>), for reading misses.
func TestGGTDoc(t *testing.T) {
	id := os.Getenv("QUOTE_DOC")
	if id == "" {
		t.Skip("set QUOTE_DOC=<doc id> to print one article")
	}
	set, err := eval.LoadGGT(ggtDir)
	if err != nil {
		t.Skip(err)
	}
	for _, d := range set.Docs {
		if d.ID != id {
			continue
		}
		for _, q := range quote.Extract(d.Text) {
			t.Logf("PRED %-7s %-22q %-20q %-25q out=%q | %.90q", q.Kind, q.Speaker, q.Mention, q.Title, q.Outlet, q.Text)
		}
		for _, g := range d.Quotes {
			t.Logf("GOLD %-22q %-12q | %.90q", g.Reference, g.Speaker, g.Text)
		}
	}
}
