package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/peterh/liner"

	"newsbot/handlers"
)

// historyFile is the terminal chat's history, in the data directory.
const historyFile = "chat-history"

// lineSource gives the chat its input, one line at a time.
type lineSource interface {
	// line returns the next line; ok is false at the end of the input (or
	// when ctx is done). prompt is shown first on a terminal; remember adds
	// the line to the history (questions and commands, not pasted text).
	line(ctx context.Context, prompt string, remember bool) (text string, ok bool)
	// err is the reading error that ended the input, if any.
	err() error
	close()
}

// pipedLines reads lines from a pipe or file, exactly as typed: no prompt,
// no history.
type pipedLines struct {
	lines   chan string
	readErr chan error
	done    chan struct{}
}

func newPipedLines(r io.Reader) *pipedLines {
	p := &pipedLines{lines: make(chan string), readErr: make(chan error, 1), done: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), handlers.MaxTextBytes+1)
		for sc.Scan() {
			select {
			case p.lines <- sc.Text():
			case <-p.done:
				return
			}
		}
		p.readErr <- sc.Err()
		close(p.lines)
	}()
	return p
}

func (p *pipedLines) line(ctx context.Context, _ string, _ bool) (string, bool) {
	select {
	case l, ok := <-p.lines:
		return l, ok
	case <-ctx.Done():
		return "", false
	}
}

func (p *pipedLines) err() error {
	select {
	case err := <-p.readErr:
		return err
	default:
		return nil
	}
}

func (p *pipedLines) close() { close(p.done) }

// editor is the line editor of a terminal; *liner.State is one.
type editor interface {
	Prompt(prompt string) (string, error)
	AppendHistory(item string)
	ReadHistory(r io.Reader) (int, error)
	WriteHistory(w io.Writer) (int, error)
	Close() error
}

// terminalLines reads lines with a line editor: arrow keys move and edit,
// Up and Down walk the history (kept in the data directory across
// sessions), Ctrl-R searches it, Ctrl-C clears the line, Ctrl-D on an empty
// line leaves.
type terminalLines struct {
	ed      editor
	history string // file; "" keeps no history
	log     *slog.Logger
}

// newTerminalLines opens the line editor on the process's terminal and
// loads the history from dir.
func newTerminalLines(dir string, log *slog.Logger) *terminalLines {
	st := liner.NewLiner()
	st.SetCtrlCAborts(false) // Ctrl-C clears the line, as in a shell
	return newEditorLines(st, filepath.Join(dir, historyFile), log)
}

func newEditorLines(ed editor, history string, log *slog.Logger) *terminalLines {
	t := &terminalLines{ed: ed, history: history, log: log}
	if f, err := os.Open(history); err == nil {
		if _, err := ed.ReadHistory(f); err != nil {
			log.Warn("chat history not loaded", "file", history, "err", err)
		}
		f.Close()
	} else if !errors.Is(err, os.ErrNotExist) {
		log.Warn("chat history not loaded", "file", history, "err", err)
	}
	return t
}

func (t *terminalLines) line(ctx context.Context, prompt string, remember bool) (string, bool) {
	type result struct {
		text string
		err  error
	}
	// The editor blocks on the terminal; a cancelled context (SIGTERM)
	// must still end the conversation.
	res := make(chan result, 1)
	go func() {
		s, err := t.ed.Prompt(prompt)
		res <- result{s, err}
	}()
	select {
	case r := <-res:
		if r.err != nil { // io.EOF: Ctrl-D on an empty line
			return "", false
		}
		if remember && strings.TrimSpace(r.text) != "" {
			t.ed.AppendHistory(r.text)
			t.save()
		}
		return r.text, true
	case <-ctx.Done():
		return "", false
	}
}

// save writes the history after every line, so that a killed session
// keeps it; the file is private (questions may be).
func (t *terminalLines) save() {
	if t.history == "" {
		return
	}
	if err := t.writeHistory(); err != nil {
		t.log.Warn("chat history not saved", "file", t.history, "err", err)
	}
}

func (t *terminalLines) writeHistory() error {
	f, err := os.CreateTemp(filepath.Dir(t.history), "."+historyFile+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after the rename there is nothing to remove
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := t.ed.WriteHistory(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), t.history); err != nil {
		return fmt.Errorf("replace %s: %w", t.history, err)
	}
	return nil
}

func (t *terminalLines) err() error { return nil }

func (t *terminalLines) close() {
	if err := t.ed.Close(); err != nil {
		t.log.Warn("terminal not restored", "err", err)
	}
}
