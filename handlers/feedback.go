package handlers

import (
	"context"
	"fmt"
	"strings"

	"newsbot/news"
)

// Limits on what a vote keeps of free text typed by a user.
const (
	// maxSpeakerRunes bounds a suggested speaker's name: longer than any
	// name, title included, that the extractor has produced.
	maxSpeakerRunes = 100
	// maxNoteRunes bounds a vote's note (Slack's modal caps it at 1000
	// too, see bot/feedback.go).
	maxNoteRunes = 1000
	// maxVoteQuoteRunes is how much of the quote a vote keeps for the
	// export; the quote id identifies it.
	maxVoteQuoteRunes = 300
)

// VoteRequest is one user's vote on a quote answer.
type VoteRequest struct {
	Vote news.Vote
	// Question is what was asked.
	Question string
	// ArticleID and QuoteID identify the quote (news.Answer's).
	ArticleID string
	QuoteID   string
	// Suggested is the right speaker according to the user (optional, with
	// VoteWrong); Note is their note.
	Suggested string
	Note      string
	// By is who votes, and where: the article must be one this
	// conversation may see.
	By news.Actor
	// IsAdmin tells whether By.User is a newsbot or workspace admin; it is
	// asked only when a correction needs it (nil: nobody is).
	IsAdmin func(ctx context.Context) (bool, error)
}

// VoteResult says what a vote did.
type VoteResult struct {
	// Applied is true when the suggested speaker is now the quote's
	// speaker (the voter added the article, or is an admin).
	Applied bool
	// Suggestion is true when a suggested speaker was kept as a suggestion
	// only, for the article's adder and admins to review.
	Suggestion bool
	// Speaker is the speaker the quote now has.
	Speaker string
}

// Vote records a vote on a quote answer. A VoteWrong with a suggested
// speaker from whoever added the article, an admin or the operator
// corrects the quote's speaker (stored apart from the extracted quotes, so
// it survives reindexing); from anyone else it is kept as a suggestion.
// An article the voter's conversation may not see is not found.
func (h *Handlers) Vote(ctx context.Context, r VoteRequest) (VoteResult, error) {
	if r.Vote != news.VoteRight && r.Vote != news.VoteWrong {
		return VoteResult{}, fmt.Errorf("%w: unknown vote %q", news.ErrInvalid, r.Vote)
	}
	a, err := h.store.Get(ctx, r.ArticleID)
	if err != nil {
		return VoteResult{}, err
	}
	if !scopeOf(r.By).Allows(a.PrivateTo) {
		return VoteResult{}, fmt.Errorf("article %q: %w", r.ArticleID, news.ErrNotFound)
	}
	q, err := h.findQuote(ctx, a.ID, r.QuoteID)
	if err != nil {
		return VoteResult{}, err
	}
	cors, err := h.store.Corrections(ctx, a.ID)
	if err != nil {
		return VoteResult{}, err
	}
	now := h.now().UTC()
	shown := q.Speaker
	if c, ok := cors[r.QuoteID]; ok {
		shown = c.Speaker
	}
	fb := news.Feedback{
		Time: now, Vote: r.Vote, Question: cutRunes(news.OneLine(r.Question), maxNoteRunes),
		ArticleID: a.ID, QuoteID: r.QuoteID, Quote: cutRunes(news.OneLine(q.Text), maxVoteQuoteRunes), Speaker: shown,
		Note: cutRunes(strings.TrimSpace(r.Note), maxNoteRunes), By: r.By, PrivateTo: a.PrivateTo,
	}
	res := VoteResult{Speaker: shown}
	if r.Vote == news.VoteWrong {
		fb.Suggested = cutRunes(news.OneLine(r.Suggested), maxSpeakerRunes)
	}
	if fb.Suggested != "" {
		may := r.By.IsOperator() || (a.AddedBy != "" && a.AddedBy == r.By.User)
		if !may {
			if may, err = (ChangeRequest{By: r.By, IsAdmin: r.IsAdmin}).admin(ctx); err != nil {
				return VoteResult{}, err
			}
		}
		if may {
			c := news.Correction{ArticleID: a.ID, QuoteID: r.QuoteID, Speaker: fb.Suggested, Was: q.Speaker, Quote: q.Text, By: r.By, Time: now}
			if err := h.store.PutCorrection(ctx, c); err != nil {
				return VoteResult{}, err
			}
			fb.Applied, res.Applied, res.Speaker = true, true, fb.Suggested
		} else {
			res.Suggestion = true
		}
	}
	if err := h.store.RecordFeedback(ctx, fb); err != nil {
		return VoteResult{}, err
	}
	return res, nil
}

// findQuote returns the quote of an article whose id is quoteID.
func (h *Handlers) findQuote(ctx context.Context, articleID, quoteID string) (news.Quote, error) {
	qs, err := h.store.Quotes(ctx, articleID)
	if err != nil {
		return news.Quote{}, err
	}
	for _, q := range qs {
		if news.QuoteID(articleID, q.Text) == quoteID {
			return q, nil
		}
	}
	return news.Quote{}, fmt.Errorf("%w: that quote is no longer in article %s (it was extracted again since); ask again", news.ErrNotFound, articleID)
}

// Feedback returns every vote that scope may see, oldest first: the
// operator's export (news.Everything) lists them all.
func (h *Handlers) Feedback(ctx context.Context, scope news.Scope) ([]news.Feedback, error) {
	all, err := h.store.Feedback(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, fb := range all {
		if scope.Allows(fb.PrivateTo) {
			out = append(out, fb)
		}
	}
	return out, nil
}

// correctAnswer gives each quote of an answer (its alternatives and list
// items too) the speaker its correction sets. A failure to read the
// corrections is logged: the answer stands as extracted.
func (h *Handlers) correctAnswer(ctx context.Context, ans *news.Answer) {
	var ids []string
	walk := func(fn func(a *news.Answer)) {
		fn(ans)
		for i := range ans.Quotes {
			fn(&ans.Quotes[i])
		}
		for i := range ans.Alternatives {
			fn(&ans.Alternatives[i])
		}
	}
	walk(func(a *news.Answer) {
		if a.QuoteID != "" && a.Article.ID != "" {
			ids = append(ids, a.Article.ID)
		}
	})
	if len(ids) == 0 {
		return
	}
	cors, err := h.store.Corrections(ctx, ids...)
	if err != nil {
		h.log.Error("could not read the corrections; answering with the extracted speakers", "err", err)
		return
	}
	walk(func(a *news.Answer) {
		if c, ok := matchCorrection(cors, a.Article.ID, a.QuoteID, a.Quote); ok {
			if news.NormalizeName(c.Speaker) != news.NormalizeName(a.Speaker) {
				a.Title = "" // the role was the extracted speaker's
			}
			a.Speaker, a.Corrected = c.Speaker, true
		}
	})
}

// correctDocs gives the quotes of docs the speakers their corrections set,
// and returns the ids of the corrected quotes.
func (h *Handlers) correctDocs(ctx context.Context, docs []news.Document) map[string]bool {
	ids := make([]string, 0, len(docs))
	for _, d := range docs {
		ids = append(ids, d.Article.ID)
	}
	corrected := map[string]bool{}
	if len(ids) == 0 {
		return corrected
	}
	cors, err := h.store.Corrections(ctx, ids...)
	if err != nil {
		h.log.Error("could not read the corrections; summarising with the extracted speakers", "err", err)
		return corrected
	}
	if len(cors) == 0 {
		return corrected
	}
	for i := range docs {
		for j := range docs[i].Quotes {
			q := &docs[i].Quotes[j]
			id := news.QuoteID(docs[i].Article.ID, q.Text)
			if c, ok := matchCorrection(cors, docs[i].Article.ID, id, q.Text); ok {
				if news.NormalizeName(c.Speaker) != news.NormalizeName(q.Speaker) {
					q.Title = ""
				}
				q.Speaker = c.Speaker
				// A person's word outweighs the extractor's doubt.
				q.Confidence = max(q.Confidence, news.ConfidenceDirect)
				corrected[id] = true
			}
		}
	}
	return corrected
}

// minQuoteMatch is the shortest quote text (in bytes, folded) that finds
// its correction by containment: shorter ones ("Yes.") are too common
// to tell two quotes of an article apart.
const minQuoteMatch = 20

// matchCorrection finds the correction of a quote of an article: by its
// id, else by its text, when the quote as extracted now holds the quote as
// corrected or is held by it (an extractor that cuts quotes differently).
func matchCorrection(cors map[string]news.Correction, articleID, quoteID, text string) (news.Correction, bool) {
	if c, ok := cors[quoteID]; ok && c.ArticleID == articleID {
		return c, true
	}
	n := foldQuote(text)
	if len(n) < minQuoteMatch {
		return news.Correction{}, false
	}
	for _, c := range cors {
		if c.ArticleID != articleID || c.Quote == "" {
			continue
		}
		if m := foldQuote(c.Quote); len(m) >= minQuoteMatch && (strings.Contains(n, m) || strings.Contains(m, n)) {
			return c, true
		}
	}
	return news.Correction{}, false
}

// foldQuote is a quote's text for comparison: lower case, single spaces,
// no surrounding marks.
func foldQuote(s string) string {
	return strings.Trim(strings.ToLower(strings.Join(strings.Fields(s), " ")), " \"'“”‘’.,;:!?…")
}

// cutRunes cuts s to at most n runes.
func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
