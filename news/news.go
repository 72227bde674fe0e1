// Package news holds newsbot's domain types (articles, quotes, answers,
// digests) and the sentinel errors shared by every other package. It depends
// on the standard library only.
package news

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Article is one news article as stored by newsbot.
type Article struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Byline    string    `json:"byline,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Added     time.Time `json:"added"`
	// Text is the article body: plain UTF-8, paragraphs separated by blank
	// lines. Quote offsets are byte offsets into Text.
	Text string `json:"text"`
	// Hash is ContentHash(Text); two articles with the same hash are the same
	// article.
	Hash string `json:"hash"`
	// PrivateTo is the Slack conversation (private channel, group DM or DM)
	// the article was added in and stays private to; empty for an article
	// visible across the workspace (and for articles stored before
	// visibility was recorded).
	PrivateTo string `json:"private_to,omitempty"`
	// AddedBy is the Slack user who added the article; empty when it was
	// added from the command line, by a feed, or before this was recorded.
	AddedBy string `json:"added_by,omitempty"`
	// AddedIn is the Slack conversation the article was added in; empty
	// outside Slack.
	AddedIn string `json:"added_in,omitempty"`
	// AddedVia is how it was added: ViaSlack, ViaCLI, ViaFeed; empty for
	// articles stored before this was recorded.
	AddedVia string `json:"added_via,omitempty"`
	// Feed is the feed the article came from; nil when it was added by hand.
	Feed *FeedSource `json:"feed,omitempty"`
}

// How an article was added (Article.AddedVia, Actor.Via).
const (
	ViaSlack = "slack"
	ViaCLI   = "cli"
	ViaFeed  = "feed"
)

// Ref is the short reference to an article that answers and digests carry.
type Ref struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Added     time.Time `json:"added,omitzero"`
}

// Ref returns the article's short reference.
func (a Article) Ref() Ref {
	return Ref{ID: a.ID, Title: a.Title, URL: a.URL, Outlet: a.Outlet, Published: a.Published, Added: a.Added}
}

// Summary is an article as listed: its reference plus counts, and who may
// see it, who added it and from where.
type Summary struct {
	Ref
	Byline    string `json:"byline,omitempty"`
	Quotes    int    `json:"quotes"`
	Speakers  int    `json:"speakers"`
	PrivateTo string `json:"private_to,omitempty"`
	AddedBy   string `json:"added_by,omitempty"`
	AddedIn   string `json:"added_in,omitempty"`
	AddedVia  string `json:"added_via,omitempty"`
}

// QuoteKind says whether a quote is the speaker's own words or reported.
type QuoteKind string

// The kinds of quote.
const (
	Direct   QuoteKind = "direct"   // entirely inside quotation marks
	Indirect QuoteKind = "indirect" // reported speech: "X said that ..."
	Mixed    QuoteKind = "mixed"    // reported speech with quoted fragments
)

// Quote is one statement attributed to a speaker in an article.
type Quote struct {
	// ArticleID is the article the quote comes from (empty before storing).
	ArticleID string `json:"article_id,omitempty"`
	// Text is the quote as it appears in the article, without the
	// surrounding quotation marks.
	Text string `json:"text"`
	// Start and End are the byte span of Text in the article text
	// (Text == article.Text[Start:End]).
	Start int       `json:"start"`
	End   int       `json:"end"`
	Kind  QuoteKind `json:"kind"`
	// Speaker is the canonical name ("Wang Wenbin" for "Wenbin" or "he");
	// empty when the speaker is unknown.
	Speaker string `json:"speaker"`
	// Mention is what the text says at the cue ("he", "Wenbin", "the minister").
	Mention string `json:"mention"`
	// Title is the speaker's role ("foreign ministry spokesman").
	Title string `json:"title,omitempty"`
	// Cue is the reporting verb or phrase ("said", "according to").
	Cue string `json:"cue,omitempty"`
	// Outlet is the outlet cited for the quote ("The Wall Street Journal" for
	// "per the WSJ"), not the article's own outlet.
	Outlet string `json:"outlet,omitempty"`
	// Paragraph is the 0-based paragraph index of the quote's start.
	Paragraph int `json:"paragraph"`
	// Confidence in the attribution, 0..1: one of the Confidence levels
	// below (0 for quotes stored before confidences were kept).
	Confidence float64 `json:"confidence"`
	// SpeakerKind says what the speaker is: SpeakerPerson,
	// SpeakerOrganisation, or SpeakerGroup for plural or nameless sources
	// ("analysts", "a spokesman for the ministry"); empty when unknown.
	SpeakerKind SpeakerKind `json:"speaker_kind,omitempty"`
}

// SpeakerKind is the kind of source a quote is attributed to.
type SpeakerKind string

// Speaker kinds.
const (
	SpeakerPerson       SpeakerKind = "person"
	SpeakerOrganisation SpeakerKind = "organisation"
	SpeakerGroup        SpeakerKind = "group" // plural or nameless: "analysts", "a spokesman"
)

// Sentence is one sentence of an article, indexed for answers to questions
// that are not about quotes.
type Sentence struct {
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Paragraph int    `json:"paragraph"`
}

// Document is what is indexed for one article: the article, its quotes and
// its sentences.
type Document struct {
	Article   Article
	Quotes    []Quote
	Sentences []Sentence
}

// AnswerKind says what an Answer holds.
type AnswerKind string

// The kinds of answer.
const (
	AnswerQuote   AnswerKind = "quote"   // a quote with its speaker
	AnswerPassage AnswerKind = "passage" // a sentence or two from an article
	AnswerNone    AnswerKind = "none"    // nothing answers the question
)

// Span is a byte range inside a string.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Answer is newsbot's reply to one question.
type Answer struct {
	Question string     `json:"question"`
	Kind     AnswerKind `json:"kind"`
	Speaker  string     `json:"speaker,omitempty"`
	Title    string     `json:"title,omitempty"`
	// Quote is the quote (kind quote) or the passage (kind passage).
	Quote  string `json:"quote,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	// Article is the article the answer comes from (zero for kind none).
	Article Ref     `json:"article,omitzero"`
	Score   float64 `json:"score"`
	// Matched are the spans of Quote that matched the question, for bold.
	Matched []Span `json:"matched,omitempty"`
	// Reported is true when Quote is reported speech (what the article
	// says the speaker said), not the speaker's own words: it is shown
	// without quotation marks.
	Reported bool `json:"reported,omitempty"`
	// QuoteID identifies the quote of a quote answer (QuoteID of the
	// article id and the stored quote text), for votes and corrections.
	QuoteID string `json:"quote_id,omitempty"`
	// Corrected is true when Speaker comes from a user's correction, not
	// from the extractor.
	Corrected bool `json:"corrected,omitempty"`
	// Alternatives are other candidate answers, best first (at most a few).
	Alternatives []Answer `json:"alternatives,omitempty"`
	// Quotes lists several quotes when the question asks for a list
	// ("quotes by Harris", "who was quoted in ...").
	Quotes []Answer `json:"quotes,omitempty"`
	// Note is a short explanation for the user ("I found nothing that
	// answers this"), set when useful. It names no command: each front end
	// words its own commands from Hint.
	Note string `json:"note,omitempty"`
	// Hint tells front ends what the user may do next (HintAddArticles).
	Hint AnswerHint `json:"hint,omitempty"`
}

// AnswerHint is a structured suggestion that each front end words in its
// own commands.
type AnswerHint string

// HintAddArticles: the library is empty; the user should add an article.
const HintAddArticles AnswerHint = "add-articles"

// Digest is the summary of what was added in a period.
type Digest struct {
	From     time.Time       `json:"from"`
	To       time.Time       `json:"to"`
	Articles []DigestArticle `json:"articles"`
	Quotes   []DigestQuote   `json:"quotes"`
	Speakers []SpeakerCount  `json:"speakers"`
	// Feeds counts the articles that came from each feed, most first.
	Feeds []FeedCount `json:"feeds,omitempty"`
}

// DigestArticle is one article of a digest.
type DigestArticle struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Outlet string `json:"outlet"`
	Gist   string `json:"gist"`
}

// DigestQuote is one notable quote of a digest.
type DigestQuote struct {
	Speaker   string `json:"speaker"`
	Title     string `json:"title"`
	Quote     string `json:"quote"`
	Outlet    string `json:"outlet"`
	ArticleID string `json:"article_id"`
	// Corrected is true when Speaker comes from a user's correction.
	Corrected bool `json:"corrected,omitempty"`
}

// SpeakerCount is how many quotes a speaker has in a digest.
type SpeakerCount struct {
	Name   string `json:"name"`
	Quotes int    `json:"quotes"`
}

// ContentHash is the hash that identifies an article's text regardless of
// white space and letter case: two texts that differ only in spacing are the
// same article.
func ContentHash(text string) string {
	h := sha256.New()
	space, started := false, false
	var buf [4]byte
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		started = true
		if space {
			h.Write([]byte{' '})
			space = false
		}
		r = unicode.ToLower(r)
		n := utf8.EncodeRune(buf[:], r)
		h.Write(buf[:n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NewID returns the article id for a content hash: short enough to type,
// long enough (48 bits) not to collide in millions of articles.
func NewID(hash string) string {
	if len(hash) < 12 {
		return hash
	}
	return hash[:12]
}

// NormalizeName folds a speaker name for comparison: lower case, single
// spaces, no surrounding punctuation.
func NormalizeName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-'
	}), " ")
}

// ShownQuote is quote text as newsbot shows it on its own: the comma a
// writer puts before the closing mark (`"We will win," she said`) becomes
// a full stop (“We will win.”). The byte length stays the same, so spans
// into the text still hold.
func ShownQuote(text string) string {
	if t, ok := strings.CutSuffix(text, ","); ok {
		return t + "."
	}
	return text
}

// OneLine is a title, outlet, byline or feed title as newsbot keeps it: on
// one line, single spaces, no control characters. The command line prints
// these (list, audit, poll, feeds), where an escape sequence from a page
// or a feed would drive the operator's terminal.
func OneLine(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)), " ")
}

// Confidence levels of Quote.Confidence, set by the extractor (package
// quote, which says how each was measured) and read by whoever ranks or
// filters quotes.
const (
	// ConfidenceDirect: a direct quote next to its reporting verb.
	ConfidenceDirect = 0.9
	// ConfidenceReported: reported speech with its reporting verb.
	ConfidenceReported = 0.7
	// ConfidenceInferred: a quote without a cue of its own whose speaker is
	// inferred from around it (a floating quote, a pull quote, a tweet).
	ConfidenceInferred = 0.6
	// ConfidenceCompletedSubject: a quote that completes a bare subject
	// ("The Prime Minister “could get ...”").
	ConfidenceCompletedSubject = 0.5
	// ConfidenceUnattributed is the most a quote whose speaker is unknown
	// gets; anything above it is attributed.
	ConfidenceUnattributed = 0.3
)

// Attributed reports whether q's speaker is known: its confidence is above
// ConfidenceUnattributed (or unset, for quotes stored before confidences).
func (q Quote) Attributed() bool {
	return q.Confidence == 0 || q.Confidence > ConfidenceUnattributed
}
