// Package quote finds the quotes of an article text and who said them. It is
// pure: text in, quotes out, no I/O.
//
// Extraction runs in stages, each in its own file and testable alone:
// paragraphs and tokens (text.go), quote-span detection (marks.go),
// sentence splitting that keeps quotes whole (sentences.go), cue detection
// (cues.go), speaker phrases with titles and appositives (speaker.go), direct
// quotes next to cues and floating quotes (extract.go), indirect and mixed
// speech (indirect.go), the per-article entity table with short names,
// roles and pronouns (entities.go), and outlets cited (outlets.go).
package quote
