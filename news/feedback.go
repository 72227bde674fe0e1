package news

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Vote is what a user said of an answer's attribution.
type Vote string

// The votes of the answer buttons.
const (
	VoteRight Vote = "right" // 👍 the speaker is right
	VoteWrong Vote = "wrong" // 👎 wrong speaker
)

// Feedback is one vote on a quote answer, as stored and exported.
type Feedback struct {
	Time time.Time `json:"time"`
	Vote Vote      `json:"vote"`
	// Question is what was asked.
	Question string `json:"question,omitempty"`
	// ArticleID and QuoteID identify the quote the answer showed.
	ArticleID string `json:"article_id"`
	QuoteID   string `json:"quote_id"`
	// Quote is the quote's text (cut) and Speaker the speaker shown.
	Quote   string `json:"quote,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	// Suggested is the speaker the user says is right ("" when none was
	// given); Note is their note.
	Suggested string `json:"suggested,omitempty"`
	Note      string `json:"note,omitempty"`
	// Applied is true when Suggested became a correction (the user added
	// the article or is an admin); otherwise it is a suggestion.
	Applied bool `json:"applied,omitempty"`
	// By is who voted, and in which conversation.
	By Actor `json:"by"`
	// PrivateTo is the article's visibility ("" for the workspace), so
	// that an export can be filtered as the article is.
	PrivateTo string `json:"private_to,omitempty"`
}

// Correction sets the speaker of one quote, whatever the extractor says.
// It is kept apart from the extracted quotes and applied to answers and
// summaries, so that it survives reindexing and extractor upgrades.
type Correction struct {
	ArticleID string `json:"article_id"`
	QuoteID   string `json:"quote_id"`
	// Speaker is the corrected speaker's name.
	Speaker string `json:"speaker"`
	// Was is the speaker the extractor gave when the correction was made.
	Was string `json:"was,omitempty"`
	// Quote is the quote's text when it was corrected: a re-extraction
	// that cuts the quote differently (another QuoteID) still finds its
	// correction by it.
	Quote string    `json:"quote,omitempty"`
	By    Actor     `json:"by"`
	Time  time.Time `json:"time"`
}

// QuoteID identifies a quote of an article by its text, so that the same
// quote keeps its id when the extractor finds it again (with other spans,
// after a reindex or an upgrade). Case, spacing, surrounding quotation
// marks and final punctuation do not count (ShownQuote's full stop is the
// quote's comma), nor does the "that" opening reported speech.
func QuoteID(articleID, text string) string {
	t := strings.ToLower(strings.Join(strings.Fields(text), " "))
	t = strings.TrimPrefix(t, "that ")
	t = strings.Trim(t, " \"'“”‘’.,;:!?…")
	h := sha256.Sum256([]byte(articleID + "\x00" + t))
	return hex.EncodeToString(h[:8])
}

// ThreadTurn is what a thread remembers of the last answer given in it,
// for follow-ups ("what else did she say?", "which article?", "more"):
// the question, the speaker and article it named, and the quotes shown so
// far in the thread.
type ThreadTurn struct {
	Question string `json:"question"`
	Speaker  string `json:"speaker,omitempty"`
	// Title is the speaker's role as the answer gave it.
	Title   string `json:"title,omitempty"`
	Article Ref    `json:"article,omitzero"`
	// Shown are the QuoteIDs of the quotes shown in the thread, newest
	// last (bounded by the bot).
	Shown []string `json:"shown,omitempty"`
}
