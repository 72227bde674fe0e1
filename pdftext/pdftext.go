// Package pdftext turns a PDF into plain text for newsbot, and is the only
// package that imports PDFium (go-pdfium, PDFium compiled to WebAssembly
// and run by wazero: no cgo, no binary to install). It knows nothing of
// articles: handlers turns the text into one.
//
//	PDF bytes -> PDFium (pages' text, line by line) -> paragraphs (Paragraphs)
package pdftext

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"

	"newsbot/news"
)

// Errors a user is told (both match news.ErrInvalid).
var (
	// ErrEncrypted: the PDF needs a password.
	ErrEncrypted = fmt.Errorf("%w: the PDF is password-protected; share a copy without a password", news.ErrInvalid)
	// ErrNoText: the PDF holds no text layer (a scan, or pictures of text).
	ErrNoText = fmt.Errorf("%w: the PDF has no text I can read (it looks scanned); share the article's web page or a text copy instead", news.ErrInvalid)
	// ErrNotPDF: the file is not a readable PDF.
	ErrNotPDF = fmt.Errorf("%w: the file is not a PDF I can read", news.ErrInvalid)
)

// Limits of the extraction.
const (
	// MaxPages bounds the pages read: a news article is a few pages; a
	// long report is not an article.
	MaxPages = 50
	// minTextRunes is the least text a PDF must give to count as having a
	// text layer: under it, a page of scanned text gives a page number or
	// a header at most.
	minTextRunes = 200
	// instanceWait bounds the wait for the PDFium instance.
	instanceWait = time.Minute
)

// Extractor reads PDFs with one PDFium instance, started on first use
// (about 3 s: the WebAssembly module is compiled then) and kept until
// Close. It is safe for concurrent use; PDFs are read one at a time.
type Extractor struct {
	once sync.Once
	pool pdfium.Pool
	err  error
	mu   sync.Mutex // PDFium instances are not safe for concurrent use
}

// New returns an Extractor; nothing is started until the first PDF.
func New() *Extractor { return &Extractor{} }

func (e *Extractor) start() error {
	e.once.Do(func() {
		// No file system: PDFium reads the bytes given to it, nothing else.
		e.pool, e.err = webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1, FSConfig: wazero.NewFSConfig()})
		if e.err != nil {
			e.err = fmt.Errorf("start PDFium: %w", e.err)
		}
	})
	return e.err
}

// Close stops PDFium, if it was started.
func (e *Extractor) Close() error {
	e.once.Do(func() { e.err = errors.New("pdftext: closed") })
	if e.pool != nil {
		return e.pool.Close()
	}
	return nil
}

// Text returns the text of a PDF as paragraphs separated by blank lines.
func (e *Extractor) Text(ctx context.Context, data []byte) (string, error) {
	if err := e.start(); err != nil {
		return "", err
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	wctx, cancel := context.WithTimeout(ctx, instanceWait)
	defer cancel()
	inst, err := e.pool.GetInstanceWithContext(wctx)
	if err != nil {
		return "", fmt.Errorf("get a PDFium instance: %w", err)
	}
	defer inst.Close()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword) || errors.Is(err, pdfiumerrors.ErrSecurity):
		return "", ErrEncrypted
	case err != nil:
		return "", ErrNotPDF
	}
	defer func() { _, _ = inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document}) }()
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return "", ErrNotPDF
	}
	var pages []string
	for i := range min(count.PageCount, MaxPages) {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		pt, err := inst.GetPageText(&requests.GetPageText{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}})
		if err != nil {
			return "", fmt.Errorf("read page %d of the PDF: %w", i+1, err)
		}
		pages = append(pages, pt.Text)
	}
	text := Paragraphs(pages)
	if utf8.RuneCountInString(strings.Join(strings.Fields(text), "")) < minTextRunes {
		return "", ErrNoText
	}
	return text, nil
}

// Paragraphs rebuilds paragraphs from the text lines of pages: a PDF
// keeps lines, not paragraphs. A line ends its paragraph when it ends a
// sentence and falls short of the page's full line width (the last line
// of a paragraph rarely fills it); a hyphen that breaks a word at a line's
// end is joined.
func Paragraphs(pages []string) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	for _, page := range pages {
		lines := strings.FieldsFunc(strings.ReplaceAll(page, "\r\n", "\n"), func(r rune) bool { return r == '\n' || r == '\r' })
		width := 0
		for _, l := range lines {
			width = max(width, utf8.RuneCountInString(strings.TrimSpace(l)))
		}
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if l == "" {
				flush()
				continue
			}
			if cur.Len() > 0 {
				s := cur.String()
				if strings.HasSuffix(s, "-") && len(s) > 1 && unicode.IsLetter(rune(s[len(s)-2])) {
					cur.Reset()
					cur.WriteString(s[:len(s)-1])
				} else {
					cur.WriteByte(' ')
				}
			}
			cur.WriteString(l)
			if endsSentence(l) && utf8.RuneCountInString(l)*10 < width*9 {
				flush()
			}
		}
		flush()
	}
	return strings.Join(paras, "\n\n")
}

func endsSentence(l string) bool {
	l = strings.TrimRight(l, " ”’\"')")
	return strings.HasSuffix(l, ".") || strings.HasSuffix(l, "?") || strings.HasSuffix(l, "!") || strings.HasSuffix(l, ":")
}
