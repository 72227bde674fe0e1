package quote

import "testing"

// firstSentence runs the first stages (paragraphs, quote marks, sentences,
// tokens) on text and returns its first sentence, for the table tests of
// the later stages.
func firstSentence(t *testing.T, text string) sentence {
	t.Helper()
	sents := splitArticle(text)
	if len(sents) == 0 {
		t.Fatalf("no sentence in %q", text)
	}
	return sents[0]
}

// newTestExtractor returns an extractor over text with its sentences split,
// as run leaves it before the quote stages.
func newTestExtractor(text string) *extractor {
	ex := &extractor{text: text, ents: newEntities()}
	ex.ents.text = text
	ex.sents = splitArticle(text)
	return ex
}

// candTexts returns the text of each candidate quote.
func candTexts(ex *extractor) []string {
	var out []string
	for _, c := range ex.cands {
		out = append(out, ex.text[c.s:c.e])
	}
	return out
}
