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

// TestAttributed: the levels the extractor sets are attributed, but for the
// cap of quotes whose speaker is unknown; quotes stored before confidences
// count as attributed.
func TestAttributed(t *testing.T) {
	for _, c := range []float64{ConfidenceDirect, ConfidenceReported, ConfidenceInferred, ConfidenceCompletedSubject, 0} {
		if !(Quote{Confidence: c}).Attributed() {
			t.Errorf("confidence %v: not attributed", c)
		}
	}
	for _, c := range []float64{ConfidenceUnattributed, 0.1} {
		if (Quote{Confidence: c}).Attributed() {
			t.Errorf("confidence %v: attributed", c)
		}
	}
}
