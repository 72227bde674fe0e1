package news

import "time"

// QuoteQuery asks the index for quotes. Text is matched against the quote
// text with stemming; Phrases (parts of Text) score higher when they match as
// phrases. The other fields filter.
type QuoteQuery struct {
	Text    string
	Phrases []string
	// Speaker restricts to quotes whose canonical speaker matches these words
	// ("Blinken" matches "Antony Blinken").
	Speaker string
	// Outlet restricts to quotes citing this outlet.
	Outlet string
	// ArticleIDs restricts to these articles.
	ArticleIDs []string
	// Since and Until restrict by the time the article was added.
	Since, Until time.Time
	// Fuzzy also matches words within a small edit distance.
	Fuzzy bool
	// Limit is the number of hits wanted (default 10).
	Limit int
	// Scope restricts to the articles the asking conversation may see
	// (the zero Scope: workspace articles only).
	Scope Scope
}

// QuoteHit is one quote found by a QuoteQuery.
type QuoteHit struct {
	Quote   Quote
	Article Ref
	Score   float64
	// Terms are the indexed terms of the quote that matched the query.
	Terms []string
	// Matched are the byte spans in Quote.Text of the words that matched
	// (for bold), when the index knows them.
	Matched []Span
}

// PassageQuery asks the index for sentences matching Text.
type PassageQuery struct {
	Text       string
	Phrases    []string
	ArticleIDs []string
	Since      time.Time
	Until      time.Time
	Fuzzy      bool
	Limit      int
	// Scope restricts to the articles the asking conversation may see.
	Scope Scope
}

// PassageHit is one sentence found by a PassageQuery.
type PassageHit struct {
	Sentence Sentence
	Article  Ref
	Score    float64
	Terms    []string
	// Matched are the byte spans in Sentence.Text of the words that matched.
	Matched []Span
}

// TermStat is one analysed term of a text with the number of indexed
// documents holding it.
type TermStat struct {
	Term    string
	DocFreq int
}

// Token is one word of a text as the index analyses it: the term it is
// indexed as and the byte span of the word in the text.
type Token struct {
	Term       string
	Start, End int
}
