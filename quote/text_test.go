package quote

import (
	"slices"
	"testing"
)

// TestTokenize: the tokens stage keeps initialisms, abbreviations,
// possessives, hyphens and contractions in one word.
func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"marks are tokens", `Jane Roe said: "No."`, []string{"Jane", "Roe", "said", ":", `"`, "No.", `"`}},
		{"initialism and title", "The U.S. envoy, Dr. Roe, left.", []string{"The", "U.S.", "envoy", ",", "Dr.", "Roe", ",", "left", "."}},
		{"possessive, hyphen, contraction", "the city's long-term plan won't work", []string{"the", "city's", "long-term", "plan", "won't", "work"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tk := range tokenize(tc.text, 0, len(tc.text)) {
				got = append(got, tc.text[tk.start:tk.end])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("tokens = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestParagraphs: blank lines separate paragraphs; without any blank line,
// every line is one.
func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"blank lines", "One line\nstill one.\n\n  Two.  \n", []string{"One line\nstill one.", "Two."}},
		{"single line breaks", "One.\nTwo.\n", []string{"One.", "Two."}},
		{"empty", " \n\n ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range paragraphs(tc.text) {
				got = append(got, tc.text[p.start:p.end])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("paragraphs = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWordStartsAndRuneBeforeSpaces(t *testing.T) {
	text := "Nordvik said. Market leader Nordvik, NordvikAir and Nordviks"
	var got []int
	for k := range wordStarts(text, "Nordvik") {
		got = append(got, k)
	}
	// "NordvikAir" and "Nordviks" go on into letters
	if want := []int{0, 28}; !slices.Equal(got, want) {
		t.Errorf("wordStarts = %v, want %v", got, want)
	}
	if r, spaced := runeBeforeSpaces(text, 28); r != 'r' || !spaced {
		t.Errorf("before offset 28: %q, %v", r, spaced)
	}
	if r, spaced := runeBeforeSpaces(text, 0); r != 0 || spaced {
		t.Errorf("at the start: %q, %v", r, spaced)
	}
}
