package handlers

import (
	"context"
	"strings"
	"testing"
	"unicode"

	"newsbot/news"
)

func TestCheckText(t *testing.T) {
	for name, text := range map[string]string{
		"empty":   "  \n\t ",
		"binary":  "abc\x00def",
		"latin1":  "caf\xe9 au lait",
		"control": "\x01\x02\x03\x04\x05\x06\x07\x08 a",
	} {
		if err := CheckText(text); err == nil {
			t.Errorf("%s: CheckText accepted %q", name, text)
		}
	}
	if err := CheckText("A short but real article.\n\nWith two paragraphs."); err != nil {
		t.Errorf("CheckText refused a real text: %v", err)
	}
}

func TestNormalizeText(t *testing.T) {
	got := normalizeText("\ufeffTitle line  \r\n\r\n\r\nFirst para.\r\nSame para.\n\n\nSecond.  ")
	want := "Title line\n\nFirst para.\nSame para.\n\nSecond."
	if got != want {
		t.Errorf("normalizeText = %q, want %q", got, want)
	}
}

// panicStore is a store whose every method panics (its embedded interface
// is nil), as a damaged index might.
type panicStore struct{ Store }

// TestAskRecoversPanic: a panic while answering becomes an error.
func TestAskRecoversPanic(t *testing.T) {
	h, err := New(Deps{Store: panicStore{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Ask(context.Background(), AskRequest{Question: "who said the river is rising?"}); err == nil {
		t.Fatal("a panic while answering gave no error")
	}
}

// A title, outlet or byline (from a fetched page, a feed, a paste) keeps no
// control characters: the command line prints them (list, audit, poll),
// and an escape sequence there would drive the operator's terminal.
func TestPrepareCleansMetadata(t *testing.T) {
	h, err := New(Deps{Store: panicStore{}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := h.Prepare(news.Article{Title: "Harbour\x1b[2J plan\x07\nagreed", Outlet: "The\x1b]0;pwned\x07 Post", Byline: "Ana\u009b31m Li",
		Text: "The harbour plan was agreed on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	for field, s := range map[string]string{"title": d.Article.Title, "outlet": d.Article.Outlet, "byline": d.Article.Byline} {
		if strings.IndexFunc(s, unicode.IsControl) >= 0 {
			t.Errorf("%s %q keeps a control character", field, s)
		}
	}
	if d.Article.Title != "Harbour[2J plan agreed" {
		t.Errorf("title %q", d.Article.Title)
	}
}
