package news

import "testing"

func TestContentHash(t *testing.T) {
	a := ContentHash("Hello  World.\n\nSecond paragraph.")
	for _, same := range []string{"  hello world.\nsecond paragraph.  ", "HELLO WORLD. SECOND PARAGRAPH."} {
		if got := ContentHash(same); got != a {
			t.Errorf("ContentHash(%q) differs from the same text spaced differently", same)
		}
	}
	if ContentHash("Hello World. Second paragraph!") == a {
		t.Error("different texts hash the same")
	}
	if id := NewID(a); len(id) != 12 {
		t.Errorf("NewID = %q, want 12 characters", id)
	}
}

func TestShownQuote(t *testing.T) {
	for in, want := range map[string]string{
		"We will win,":     "We will win.",
		"Is it over?":      "Is it over?",
		"the plan works":   "the plan works",
		"one, two, three,": "one, two, three.",
	} {
		if got := ShownQuote(in); got != want || len(got) != len(in) {
			t.Errorf("ShownQuote(%q) = %q, want %q of the same length", in, got, want)
		}
	}
}
