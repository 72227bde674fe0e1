package quote

import (
	"strings"
	"testing"
)

// TestLongTextInChunks: a text longer than maxChunkBytes is read in chunks
// of whole paragraphs; every quote still indexes the whole text, with its
// paragraph counted in the whole text, and none is lost at a chunk's edge.
func TestLongTextInChunks(t *testing.T) {
	article := "Harbour Freight said in a statement that Delta Cargo will pay 40m euros for the port.\n\n" +
		"\"We are delighted with the deal,\" said chief executive Jane Roe.\n\n" +
		"Mr Okafor resigned after he said the board could not be trusted.\n\n"
	one := Extract(article)
	if len(one) != 3 {
		t.Fatalf("one copy: %d quotes, want 3: %+v", len(one), one)
	}
	copies := maxChunkBytes/len(article)*3 + 7
	text := strings.Repeat(article, copies)
	qs := Extract(text)
	if len(qs) != len(one)*copies {
		t.Errorf("%d quotes in %d copies, want %d", len(qs), copies, len(one)*copies)
	}
	paras := paragraphs(text)
	for i, q := range qs {
		if text[q.Start:q.End] != q.Text {
			t.Fatalf("quote %d: span [%d,%d) does not hold its text %q", i, q.Start, q.End, q.Text)
		}
		if p := paras[q.Paragraph]; q.Start < p.start || q.Start >= p.end {
			t.Fatalf("quote %d at %d: paragraph %d is [%d,%d)", i, q.Start, q.Paragraph, p.start, p.end)
		}
		if want := one[i%len(one)]; q.Text != want.Text || q.Speaker != want.Speaker {
			t.Errorf("quote %d: %q by %q, want %q by %q", i, q.Text, q.Speaker, want.Text, want.Speaker)
		}
	}
}
