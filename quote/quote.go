// Package quote finds the quotes of an article text and who said them. It is
// pure: text in, quotes out, no I/O.
package quote

import "newsbot/news"

// Extract returns the quotes of an article text in text order, with byte
// spans into text.
func Extract(text string) []news.Quote {
	return nil
}

// Sentences splits text into sentences with byte spans into text.
func Sentences(text string) []news.Sentence {
	return nil
}
