// Package quote finds the quotes of an article text and who said them. It is
// pure: text in, quotes out, no I/O. Its word lists live in package lexicon.
//
// Extraction runs in stages, each in its own file and testable alone:
//
//	text
//	 │ 1. sentences and tokens   text.go (paragraphs, tokens),
//	 │                           marks.go (quotation-mark spans),
//	 │                           sentences.go (splitting that keeps quotes whole)
//	 │ 2. layout                 layout.go (headlines, captions, label lines)
//	 ▼
//	sentences with tokens and quote spans
//	 │ 3. entities               names.go (the article's names, acronyms),
//	 │                           entities.go (the entity table, short names),
//	 │                           gender.go (honorifics, first-name table)
//	 │ 4. cues                   cues.go (reporting verbs, naming and
//	 │                           criticism verbs)
//	 │ 5. direct quotes          direct.go (a quote next to its cue, floating
//	 │                           quotes); layout.go (pull quotes, tweets)
//	 │ 6. indirect speech        indirect.go, clause.go (reported clauses,
//	 │                           mixed speech)
//	 │ 7. candidate sources      speaker.go, phrase.go (the speaker phrase at a
//	 │                           cue: names, titles, appositives, pronouns)
//	 ▼
//	candidates (cand) in text order
//	 │ 8. resolution             resolve.go (phrase -> entity), referents.go
//	 │                           (who a pronoun or description refers to),
//	 │                           salience.go (recency and focus)
//	 │ 9. roles                  roles.go (the title shown, the speaker kind)
//	 │ 10. outlets               outlets.go (outlets cited, carried over)
//	 ▼
//	[]news.Quote                 extract.go (Extract, run, output)
package quote
