package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsbot/news"
)

// junkAt overwrites n bytes of file at off (negative: from the end).
func junkAt(t *testing.T, file string, off int64, n int) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if off < 0 {
		st, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		off += st.Size()
	}
	junk := make([]byte, n)
	for i := range junk {
		junk[i] = byte(i*131 + 7)
	}
	if _, err := f.WriteAt(junk, off); err != nil {
		t.Fatal(err)
	}
}

// noStack fails when output shows a Go panic or stack trace.
func noStack(t *testing.T, what, s string) {
	t.Helper()
	for _, bad := range []string{"panic", "goroutine ", ".go:"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s shows %q:\n%s", what, bad, s)
		}
	}
}

// TestAskAfterIndexDamage: bytes overwritten in the index segments; the next
// ask answers right after a rebuild, says so once on stderr, and shows no
// panic.
func TestAskAfterIndexDamage(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	seed := writeFile(t, files, "peace.txt", demoText)
	if out, _, err := runCLI(t, "", nil, "--data", data, "ingest", seed); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	segs, _ := filepath.Glob(filepath.Join(data, "index.bleve", "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segments")
	}
	for _, s := range segs {
		junkAt(t, s, -300, 64) // the footer area: zapx panics opening it
	}
	out, stderr, err := runCLI(t, "", nil, "--data", data, "ask", "who said calling for peace is cheap?")
	if err != nil {
		t.Fatalf("ask: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "Yun Sun") {
		t.Errorf("answer after the rebuild:\n%s", out)
	}
	if n := strings.Count(stderr, "search index was damaged"); n != 1 || !strings.Contains(stderr, "rebuilt from articles.db (1 article)") {
		t.Errorf("stderr should tell of the rebuild once:\n%s", stderr)
	}
	noStack(t, "stderr", stderr)
	noStack(t, "stdout", out)
}

// TestListAfterStoreDamage: pages of articles.db overwritten; list fails
// with an error naming the file and saying what to do, exit 1, no panic.
func TestListAfterStoreDamage(t *testing.T) {
	for _, from := range []int64{0, 2 * 4096} { // every page; the data pages only
		t.Run(fmt.Sprint(from), func(t *testing.T) { listAfterStoreDamage(t, from) })
	}
}

func listAfterStoreDamage(t *testing.T, from int64) {
	data, files := t.TempDir(), t.TempDir()
	seed := writeFile(t, files, "peace.txt", demoText)
	if out, _, err := runCLI(t, "", nil, "--data", data, "ingest", seed); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	db := filepath.Join(data, "articles.db")
	st, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	for off := from; off < st.Size(); off += 4096 {
		junkAt(t, db, off, 4096)
	}
	out, stderr, err := runCLI(t, "", nil, "--data", data, "list")
	if err == nil {
		t.Fatalf("list of a damaged store succeeded:\n%s", out)
	}
	if !errors.Is(err, news.ErrDamaged) {
		t.Errorf("err = %v, want news.ErrDamaged", err)
	}
	var msg strings.Builder
	if code := exitCode(err, &msg); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	for _, want := range []string{db, "damaged", "newsbot check", "newsbot restore"} {
		if !strings.Contains(msg.String(), want) {
			t.Errorf("message lacks %q:\n%s", want, msg.String())
		}
	}
	noStack(t, "message", msg.String()+stderr)
}
