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
