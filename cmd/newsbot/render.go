package main

import (
	"fmt"
	"io"
	"strings"

	"newsbot/news"
)

// writeAnswer prints an answer for a person in a terminal.
func writeAnswer(w io.Writer, a news.Answer) {
	switch a.Kind {
	case news.AnswerNone, "":
		note := a.Note
		if note == "" {
			note = "I found nothing that answers this."
		}
		if a.Hint == news.HintAddArticles {
			note += " Add one first: /add PATH|URL, or /paste for pasted text (title on the first line)."
		}
		fmt.Fprintln(w, note)
		return
	}
	if len(a.Quotes) > 0 {
		if a.Note != "" {
			fmt.Fprintln(w, a.Note)
		}
		for _, q := range a.Quotes {
			writeOne(w, q, "  ")
		}
		return
	}
	writeOne(w, a, "")
	if len(a.Alternatives) > 0 {
		fmt.Fprintln(w, "Other candidates:")
		for _, alt := range a.Alternatives {
			writeOne(w, alt, "  ")
		}
	}
}

func writeOne(w io.Writer, a news.Answer, indent string) {
	if a.Kind == news.AnswerQuote {
		fmt.Fprintf(w, "%s%s\n", indent, speakerLine(a))
	}
	if a.Reported {
		// Reported speech is the article's words, not the speaker's: no
		// quotation marks.
		fmt.Fprintf(w, "%s  %s\n", indent, a.Quote)
	} else {
		fmt.Fprintf(w, "%s  “%s”\n", indent, a.Quote)
	}
	src := a.Article.Title
	if a.Article.Outlet != "" {
		src += " (" + a.Article.Outlet + ")"
	}
	if a.Article.URL != "" {
		src += " " + a.Article.URL
	}
	if a.Article.ID != "" {
		src += " [" + a.Article.ID + "]"
	}
	fmt.Fprintf(w, "%s  — %s\n", indent, src)
}

func speakerLine(a news.Answer) string {
	var b strings.Builder
	if a.Speaker == "" {
		b.WriteString("Unknown speaker")
	} else {
		b.WriteString(a.Speaker)
		if a.Corrected {
			b.WriteString(" (corrected)")
		}
	}
	if a.Title != "" {
		b.WriteString(", " + a.Title)
	}
	if a.Outlet != "" {
		b.WriteString(" (per " + a.Outlet + ")")
	}
	if a.Reported {
		b.WriteString(", in reported speech")
	}
	b.WriteString(":")
	return b.String()
}

// jsonAnswer is the `ask --json` contract of DESIGN.md: the question, the
// answer's fields (jsonAlt's, flattened) and the alternatives.
type jsonAnswer struct {
	Question string `json:"question"`
	jsonAlt
	Alternatives []jsonAlt `json:"alternatives"`
}

// jsonAlt is one alternative answer: the fields of an answer about a quote.
type jsonAlt struct {
	Kind    string  `json:"kind"`
	Speaker string  `json:"speaker"`
	Title   string  `json:"title"`
	Quote   string  `json:"quote"`
	Outlet  string  `json:"outlet"`
	Article jsonRef `json:"article"`
	Score   float64 `json:"score"`
	// Corrected: the speaker comes from a user's correction.
	Corrected bool `json:"corrected,omitempty"`
}

type jsonRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

func toJSONAlt(a news.Answer) jsonAlt {
	return jsonAlt{
		Kind:    string(a.Kind),
		Speaker: a.Speaker,
		Title:   a.Title,
		Quote:   a.Quote,
		Outlet:  a.Outlet,
		Article: jsonRef{ID: a.Article.ID, Title: a.Article.Title, URL: a.Article.URL},
		Score:   a.Score,

		Corrected: a.Corrected,
	}
}

func toJSONAnswer(a news.Answer) jsonAnswer {
	j := jsonAnswer{Question: a.Question, jsonAlt: toJSONAlt(a), Alternatives: []jsonAlt{}}
	alts := a.Alternatives
	if len(a.Quotes) > 0 {
		alts = a.Quotes[1:]
	}
	for _, x := range alts {
		j.Alternatives = append(j.Alternatives, toJSONAlt(x))
	}
	return j
}
