package pdftext_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"newsbot/news"
	"newsbot/pdftext"
)

// seedText is the founding example article, as `newsbot chat` loads it.
func seedText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../cmd/newsbot/demo/china-russia-peace-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// printPDF "prints" text to a PDF as a word processor would: A4, a core
// font, paragraphs wrapped to the page width with a gap between them.
func printPDF(t *testing.T, text string, protect bool) []byte {
	return printPDFAs(t, text, protect, layout{"Times", 12, "L"})
}

// layout is how a PDF is printed: font, size (points) and alignment ("L"
// ragged right, "J" justified).
type layout struct {
	font  string
	size  float64
	align string
}

func printPDFAs(t *testing.T, text string, protect bool, l layout) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	if protect {
		pdf.SetProtection(0, "secret", "owner")
	}
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: curly quotes, dashes, ellipsis
	pdf.SetFont(l.font, "", l.size)
	pdf.AddPage()
	for p := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		pdf.MultiCell(0, l.size*0.45, tr(p), "", l.align, false)
		pdf.Ln(3)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// scannedPDF is a page holding only a picture (a scan).
func scannedPDF(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 200, 100))
	for x := range 200 {
		img.Set(x, 50, color.Gray{Y: 200})
	}
	var pic bytes.Buffer
	if err := png.Encode(&pic, img); err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, &pic)
	pdf.ImageOptions("scan", 10, 10, 190, 95, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	shared     *pdftext.Extractor
	sharedOnce sync.Once
)

// extractor is one Extractor for the package's tests: PDFium starts once.
func extractor() *pdftext.Extractor {
	sharedOnce.Do(func() { shared = pdftext.New() })
	return shared
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		_ = shared.Close()
	}
	os.Exit(code)
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// TestSeedArticleQuality prints the seed article to a PDF and reads it
// back: the words come back in order (word-level recall and precision,
// by longest common subsequence), the quotes whole, and paragraphs close
// to the original's.
func TestSeedArticleQuality(t *testing.T) {
	src := seedText(t)
	for _, l := range []layout{{"Times", 12, "L"}, {"Helvetica", 10, "J"}, {"Courier", 16, "L"}} { // the last runs over 3 pages
		t.Run(fmt.Sprintf("%s %.0fpt %s", l.font, l.size, l.align), func(t *testing.T) {
			got, err := extractor().Text(context.Background(), printPDFAs(t, src, false, l))
			if err != nil {
				t.Fatal(err)
			}
			want, have := words(src), words(got)
			lcs := lcsLen(want, have)
			recall, precision := float64(lcs)/float64(len(want)), float64(lcs)/float64(len(have))
			srcParas := len(strings.Split(strings.TrimSpace(src), "\n"))
			gotParas := len(strings.Split(got, "\n\n"))
			t.Logf("words: source %d, PDF %d, in order %d: recall %.4f, precision %.4f; paragraphs: source %d, PDF %d",
				len(want), len(have), lcs, recall, precision, srcParas, gotParas)
			if recall < 0.995 || precision < 0.995 {
				t.Errorf("recall %.4f, precision %.4f: want both at least 0.995", recall, precision)
			}
			for _, q := range []string{"Calling for peace is cheap and easy.", "“China will have to be able to not only call for peace"} {
				if !strings.Contains(oneSpace(got), q) {
					t.Errorf("the PDF text lacks %q", q)
				}
			}
			if gotParas < srcParas*7/10 || gotParas > srcParas*13/10 {
				t.Errorf("paragraphs: %d from %d", gotParas, srcParas)
			}
		})
	}
}

func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func lcsLen(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestRefusals(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"encrypted", printPDF(t, seedText(t), true), pdftext.ErrEncrypted},
		{"scanned", scannedPDF(t), pdftext.ErrNoText},
		{"not a PDF", []byte("<html>hello</html>"), pdftext.ErrNotPDF},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := extractor().Text(ctx, c.data)
			if !errors.Is(err, c.want) || !errors.Is(err, news.ErrInvalid) {
				t.Fatalf("Text = %v, want %v", err, c.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	page := "The first paragraph runs over a full line of the page and\r\non to a short one.\r\nThe second one is hyphen-\r\nated at a break and ends here.\r\n"
	got := pdftext.Paragraphs([]string{page})
	want := "The first paragraph runs over a full line of the page and on to a short one.\n\nThe second one is hyphenated at a break and ends here."
	if got != want {
		t.Errorf("Paragraphs =\n%q\nwant\n%q", got, want)
	}
}
