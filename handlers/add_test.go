package handlers

import (
	"context"
	"testing"
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
