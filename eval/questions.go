package eval

import (
	"fmt"
	"strings"
	"unicode"
)

// Question is one "who said" question with its expected speaker.
type Question struct {
	Text string `json:"question"`
	// Expected is the gold reference, or "-" when no article answers the
	// question (the right answer is kind none).
	Expected string `json:"expected"`
	// DocID is the article holding the quote ("" or "-" when none).
	DocID string `json:"doc_id,omitempty"`
}

// Answerable reports whether the question has a right speaker.
func (q Question) Answerable() bool { return q.Expected != "-" && q.Expected != "" }

// quoteWords splits a quote into words for question making: letters,
// digits, apostrophes and hyphens inside words; quotation marks and other
// punctuation dropped.
func quoteWords(s string) []string {
	var words []string
	for f := range strings.FieldsSeq(s) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			words = append(words, w)
		}
	}
	return words
}

// WhoSaidQuestions makes one question per gold quote of 8 or more words:
// "who said <6 consecutive words>?", taking the 6 words from the middle of
// the quote so the choice is deterministic.
func WhoSaidQuestions(set *Set) []Question {
	var qs []Question
	for _, d := range set.Docs {
		for _, g := range d.Quotes {
			w := quoteWords(g.Text)
			if len(w) < 8 || g.Reference == NoSource {
				continue
			}
			start := (len(w) - 6) / 2
			qs = append(qs, Question{
				Text:     "who said " + strings.Join(w[start:start+6], " ") + "?",
				Expected: g.Reference,
				DocID:    d.ID,
			})
		}
	}
	return qs
}

// QuestionScores is the score of an answerer on a list of questions.
type QuestionScores struct {
	// Answerable counts questions with a right speaker; Right those whose
	// answer named it.
	Answerable int     `json:"answerable"`
	Right      int     `json:"right"`
	Accuracy   float64 `json:"accuracy"`
	// Unanswerable counts questions no article answers; Declined those
	// answered with kind none.
	Unanswerable int     `json:"unanswerable"`
	Declined     int     `json:"declined"`
	DeclineRate  float64 `json:"decline_rate"`
	// Wrong lists the questions answered wrongly, for reading.
	Wrong []WrongAnswer `json:"wrong,omitempty"`
}

// WrongAnswer is one question answered wrongly.
type WrongAnswer struct {
	Question string `json:"question"`
	Expected string `json:"expected"`
	Got      string `json:"got"`
}

// ScoreQuestions asks every question: answerable ones are right when the
// speaker matches (SameSpeaker); unanswerable ones are right when ask
// declines (none true).
func ScoreQuestions(qs []Question, ask func(q string) (speaker string, none bool)) QuestionScores {
	var s QuestionScores
	for _, q := range qs {
		speaker, none := ask(q.Text)
		got := speaker
		if none {
			got = "(none)"
		}
		if q.Answerable() {
			s.Answerable++
			if !none && SameSpeaker(speaker, q.Expected) {
				s.Right++
			} else {
				s.Wrong = append(s.Wrong, WrongAnswer{q.Text, q.Expected, got})
			}
			continue
		}
		s.Unanswerable++
		if none {
			s.Declined++
		} else {
			s.Wrong = append(s.Wrong, WrongAnswer{q.Text, "(none)", got})
		}
	}
	if s.Answerable > 0 {
		s.Accuracy = 100 * float64(s.Right) / float64(s.Answerable)
	}
	if s.Unanswerable > 0 {
		s.DeclineRate = 100 * float64(s.Declined) / float64(s.Unanswerable)
	}
	return s
}

// Table prints the question scores as a readable table.
func (s QuestionScores) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-28s %6s %6s %8s\n", "questions", "total", "right", "percent")
	if s.Answerable > 0 {
		fmt.Fprintf(&b, "%-28s %6d %6d %7.1f%%\n", "answerable: right speaker", s.Answerable, s.Right, s.Accuracy)
	}
	if s.Unanswerable > 0 {
		fmt.Fprintf(&b, "%-28s %6d %6d %7.1f%%\n", "unanswerable: declined", s.Unanswerable, s.Declined, s.DeclineRate)
	}
	return b.String()
}
