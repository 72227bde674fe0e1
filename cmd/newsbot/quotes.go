package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"newsbot/handlers"
	"newsbot/news"
	"newsbot/quote"
)

// quoteJSON is the `quotes --json` contract of DESIGN.md.
type quoteJSON struct {
	File       string  `json:"file"`
	Article    string  `json:"article"`
	Text       string  `json:"text"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Speaker    string  `json:"speaker"`
	Mention    string  `json:"mention"`
	Title      string  `json:"title"`
	Cue        string  `json:"cue"`
	Outlet     string  `json:"outlet"`
	Kind       string  `json:"kind"`
	Confidence float64 `json:"confidence"`
	// SpeakerKind is person, organisation or group ("" when unknown).
	SpeakerKind string `json:"speaker_kind,omitempty"`
}

// quotes extracts quotes from files without indexing them. Offsets are
// byte offsets into each file as it is on disk.
func (a *app) quotes(ctx context.Context, args []string) error {
	fs := newFlags("quotes")
	asJSON := fs.Bool("json", false, "print one JSON object per quote")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"quotes needs one or more files"}
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, path := range fs.Args() {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		text, err := readPlain(path)
		if err != nil {
			failed++
			fmt.Fprintf(a.stderr, "skipped %s: %s\n", path, reason(err))
			continue
		}
		title, _ := handlers.SplitTitle(text, strings.HasSuffix(path, ".md"))
		if title == "" {
			title = handlers.TitleFromName(path)
		}
		qs := quote.Extract(text)
		if !*asJSON {
			fmt.Fprintf(a.stdout, "%s: %d quotes\n", path, len(qs))
		}
		for _, q := range qs {
			if *asJSON {
				if err := enc.Encode(quoteJSON{File: path, Article: title, Text: q.Text, Start: q.Start, End: q.End,
					Speaker: q.Speaker, Mention: q.Mention, Title: q.Title, Cue: q.Cue, Outlet: q.Outlet,
					Kind: string(q.Kind), Confidence: q.Confidence, SpeakerKind: string(q.SpeakerKind)}); err != nil {
					return err
				}
				continue
			}
			who := q.Speaker
			if who == "" {
				who = "(unknown speaker)"
			}
			if q.Title != "" {
				who += ", " + q.Title
			}
			if q.Outlet != "" {
				who += " (per " + q.Outlet + ")"
			}
			// shown as answers show it; --json keeps the exact span
			fmt.Fprintf(a.stdout, "- %s [%s, %q]\n    “%s”\n", who, q.Kind, q.Mention, news.ShownQuote(q.Text))
		}
	}
	if failed > 0 {
		return errSilent
	}
	return nil
}

// readPlain reads a text file for extraction, refusing what is not text.
func readPlain(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if st.IsDir() {
		return "", fmt.Errorf("is a directory")
	}
	if st.Size() > handlers.MaxTextBytes {
		return "", fmt.Errorf("file is %.1f MB, more than the %d MB limit", float64(st.Size())/(1<<20), handlers.MaxTextBytes>>20)
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".html" || ext == ".htm" {
		return "", fmt.Errorf("quotes reads plain text; ingest HTML pages with 'newsbot ingest'")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if err := handlers.CheckText(string(data)); err != nil {
		return "", err
	}
	return string(data), nil
}
