package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeEditor stands in for the terminal's line editor: it returns the
// scripted lines, then io.EOF (Ctrl-D), and keeps a history as liner does.
type fakeEditor struct {
	script  []string
	prompts []string
	history []string
	closed  bool
}

func (f *fakeEditor) Prompt(p string) (string, error) {
	f.prompts = append(f.prompts, p)
	if len(f.script) == 0 {
		return "", io.EOF
	}
	l := f.script[0]
	f.script = f.script[1:]
	return l, nil
}
func (f *fakeEditor) AppendHistory(item string) { f.history = append(f.history, item) }
func (f *fakeEditor) ReadHistory(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f.history = append(f.history, sc.Text())
	}
	return len(f.history), sc.Err()
}
func (f *fakeEditor) WriteHistory(w io.Writer) (int, error) {
	for _, h := range f.history {
		if _, err := io.WriteString(w, h+"\n"); err != nil {
			return 0, err
		}
	}
	return len(f.history), nil
}
func (f *fakeEditor) Close() error { f.closed = true; return nil }

// On a terminal, questions and commands go to the history file in the data
// directory (private), pasted article text does not, and the history of a
// previous session is loaded first.
func TestChatHistory(t *testing.T) {
	data := t.TempDir()
	histPath := filepath.Join(data, historyFile)
	if err := os.WriteFile(histPath, []byte("an earlier question?\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	a := &app{data: data, stdout: &out, stderr: io.Discard, log: slog.New(slog.NewTextHandler(io.Discard, nil)), now: time.Now}
	ix, h, err := a.openDir(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	ed := &fakeEditor{script: []string{"/paste", "Parks plan", "", `The mayor said "we will build more parks," on Monday.`, ".", "who said we will build more parks?", "  "}}
	src := newEditorLines(ed, histPath, a.log)
	if err := a.converse(context.Background(), h, src, true); err != nil {
		t.Fatal(err)
	}
	src.close()

	if !strings.Contains(out.String(), "Added Parks plan") || !strings.Contains(out.String(), "The mayor") {
		t.Errorf("conversation:\n%s", out.String())
	}
	raw, err := os.ReadFile(histPath)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(raw), "an earlier question?\n/paste\nwho said we will build more parks?\n"; got != want {
		t.Errorf("history file %q, want %q", got, want)
	}
	if st, err := os.Stat(histPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("history file mode: %v %v", st.Mode(), err)
	}
	if ed.prompts[0] != "> " || ed.prompts[2] != "" {
		t.Errorf("prompts %q: questions get \"> \", pasted lines none", ed.prompts)
	}
	if !ed.closed {
		t.Error("the editor was not closed (the terminal stays raw)")
	}
}

// A cancelled context (SIGTERM) ends a conversation blocked on the terminal.
func TestChatEndsOnCancel(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	src := newEditorLines(blockingEditor{block}, "", slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, ok := src.line(ctx, "> ", true); ok {
		t.Error("a line after cancel")
	}
}

type blockingEditor struct{ block chan struct{} }

func (b blockingEditor) Prompt(string) (string, error)     { <-b.block; return "", io.EOF }
func (blockingEditor) AppendHistory(string)                {}
func (blockingEditor) ReadHistory(io.Reader) (int, error)  { return 0, nil }
func (blockingEditor) WriteHistory(io.Writer) (int, error) { return 0, nil }
func (blockingEditor) Close() error                        { return nil }

// Piped input is read as before: no prompt, each line echoed after "> ",
// and no history file.
func TestPipedChatKeepsNoHistory(t *testing.T) {
	data := t.TempDir()
	out, _, err := runCLI(t, "/list\n/help\n", nil, "--data", data, "chat")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "> /list\n") || strings.Contains(out, "Keys:") {
		t.Errorf("piped output:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(data, historyFile)); !os.IsNotExist(err) {
		t.Errorf("piped chat wrote a history file: %v", err)
	}
}
