package quote

import (
	"slices"
	"testing"
)

// TestStanceAndContinuationCues: a stance adjective after a form of "be"
// reports a belief; "went on to say" is a cue though "to" stands before it.
func TestStanceAndContinuationCues(t *testing.T) {
	tests := []struct {
		text string
		want []int // token indexes of the stance adjectives or cues
	}{
		{"The firm is confident sales will rise.", []int{3}},
		{"Residents remain very worried the plant will close.", []int{3}},
		{"A confident man walked in.", nil},
		{"He went on to say that it worked.", []int{4}},
		{"He was asked to say more.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := firstSentence(t, tc.text)
			var got []int
			for i := range s.toks {
				if stanceCue(s.toks, i) || isCueToken(s.toks, i) {
					got = append(got, i)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("cues at %v, want %v", got, tc.want)
			}
		})
	}
}

// TestInnerCue: after "According to OUTLET," a clause with its own reporting
// verb near its start is a report of its own.
func TestInnerCue(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"According to the Times, chief executive Jane Roe said that sales fell.", true},
		{"According to the Times, sales fell sharply last year.", false},
		{"According to the Times, sales fell, analysts said.", false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := firstSentence(t, tc.text)
			comma := slices.IndexFunc(s.toks, func(tk token) bool { return tk.text == "," })
			if got := innerCue(s.toks, comma+1); got != tc.want {
				t.Errorf("innerCue = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTimeRun: a capitalised time phrase is no name; a date word alone may
// be one ("May").
func TestTimeRun(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Every Friday", true},
		{"Last March", true},
		{"May", false},
		{"Theresa May", false},
		{"Mara Lind", false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := firstSentence(t, tc.text+" came.")
			if got := timeRun(s.toks[:len(s.toks)-2]); got != tc.want {
				t.Errorf("timeRun = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestThatAfterAdverbial: an adverbial after a cue runs on to a "that" a
// few plain words later, not past a verb or a pronoun.
func TestThatAfterAdverbial(t *testing.T) {
	tests := []struct {
		text string
		end  int // token index the adverbial ending at "statement" (4) runs to
	}{
		{"It said in a statement to the stock exchange that sales fell.", 8},
		{"It said in a statement that sales fell.", 4},
		{"It said in a statement he wrote that sales fell.", 4},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := firstSentence(t, tc.text)
			if got := thatAfterAdverbial(s.toks, 4); got != tc.end {
				t.Errorf("end = %d, want %d", got, tc.end)
			}
		})
	}
}
