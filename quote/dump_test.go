package quote_test

import (
	"os"
	"testing"

	"newsbot/quote"
)

// TestDumpFile prints the quotes of one file (QUOTE_FILE=path), for reading.
func TestDumpFile(t *testing.T) {
	f := os.Getenv("QUOTE_FILE")
	if f == "" {
		t.Skip("set QUOTE_FILE=<path> to print a file's quotes")
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range quote.Extract(string(b)) {
		t.Logf("%-8s sp=%q men=%q title=%q cue=%q out=%q p=%d | %.100q", q.Kind, q.Speaker, q.Mention, q.Title, q.Cue, q.Outlet, q.Paragraph, q.Text)
	}
}
