package handlers

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"newsbot/news"
)

// File is a file a user shared to be added (from Slack).
type File struct {
	// Name is the file's name ("peace-talks.html"); its extension says its
	// type.
	Name string
	// Title is the title the sharer gave it, if any.
	Title string
	Data  []byte
}

// fileKinds are the file types AddFile reads, by extension.
var fileKinds = map[string]string{
	".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".pdf": "pdf",
}

// FileTypes lists the extensions AddFile reads, for messages.
const FileTypes = ".txt, .md, .html and .pdf"

// CanAddFile reports whether AddFile reads files named name, and if not,
// why (for the user).
func CanAddFile(name string) (ok bool, why string) {
	ext := strings.ToLower(filepath.Ext(name))
	if fileKinds[ext] != "" {
		return true, ""
	}
	return false, fmt.Sprintf("I can add %s files; %q is not one", FileTypes, name)
}

// AddFile adds the article in a shared file from origin: text and
// Markdown (a short first line, or a "# heading", is the title; else the
// file's title or name), an HTML page (read as a fetched page is), or a
// PDF's text layer (scanned and password-protected PDFs are refused).
func (h *Handlers) AddFile(ctx context.Context, f File, o news.Origin) (AddResult, error) {
	if ok, why := CanAddFile(f.Name); !ok {
		return AddResult{}, fmt.Errorf("%w: %s", news.ErrInvalid, why)
	}
	if len(f.Data) > MaxTextBytes {
		return AddResult{}, fmt.Errorf("%w: the file is %.1f MB, more than the %d MB limit", news.ErrInvalid, float64(len(f.Data))/(1<<20), MaxTextBytes>>20)
	}
	var a news.Article
	switch fileKinds[strings.ToLower(filepath.Ext(f.Name))] {
	case "html":
		if h.parseHTML == nil {
			return AddResult{}, fmt.Errorf("%w: HTML files are not supported here", news.ErrInvalid)
		}
		var err error
		if a, err = h.parseHTML(f.Data, f.Name); err != nil {
			return AddResult{}, err
		}
	case "pdf":
		if h.parsePDF == nil {
			return AddResult{}, fmt.Errorf("%w: PDF files are not supported here", news.ErrInvalid)
		}
		text, err := h.parsePDF(ctx, f.Data)
		if err != nil {
			return AddResult{}, err
		}
		if err := CheckText(text); err != nil {
			return AddResult{}, err
		}
		title, body := SplitTitle(text, false)
		a = news.Article{Title: news.OneLine(cmp.Or(title, fileTitle(f))), Text: body}
	default:
		text := string(f.Data)
		if err := CheckText(text); err != nil {
			return AddResult{}, err
		}
		title, body := SplitTitle(text, fileKinds[strings.ToLower(filepath.Ext(f.Name))] == "markdown")
		a = news.Article{Title: news.OneLine(cmp.Or(title, fileTitle(f))), Text: body}
	}
	return h.addFrom(ctx, a, o)
}

// fileTitle is the title of a file without one of its own: the title
// the sharer gave it, else one made from its name.
func fileTitle(f File) string {
	if f.Title != "" && f.Title != f.Name {
		return f.Title
	}
	return TitleFromName(f.Name)
}

// SplitTitle takes the first line as the title when it looks like one: short,
// followed by a blank line, not ending like a sentence. Otherwise the whole
// text is the body and the title is left to the caller.
func SplitTitle(text string, markdown bool) (title, body string) {
	t := strings.TrimLeft(strings.ReplaceAll(text, "\r\n", "\n"), "\ufeff \t\n")
	first, rest, ok := strings.Cut(t, "\n")
	first = strings.TrimSpace(first)
	if markdown && strings.HasPrefix(first, "#") {
		return strings.TrimSpace(strings.TrimLeft(first, "#")), strings.TrimSpace(rest)
	}
	if !ok || utf8.RuneCountInString(first) > 150 || !strings.HasPrefix(rest, "\n") && !strings.HasPrefix(rest, "\r") {
		return "", text
	}
	if strings.HasSuffix(first, ".") && len(strings.Fields(first)) > 12 {
		return "", text
	}
	return first, strings.TrimSpace(rest)
}

// TitleFromName makes a title from a file name: "china-russia-peace-talks.txt"
// becomes "China russia peace talks".
func TitleFromName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	base = strings.NewReplacer("-", " ", "_", " ").Replace(base)
	if base == "" {
		return filepath.Base(path)
	}
	r, n := utf8.DecodeRuneInString(base)
	return strings.ToUpper(string(r)) + base[n:]
}
