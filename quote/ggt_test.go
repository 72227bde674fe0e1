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
