package bot

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"newsbot/handlers"
	"newsbot/news"
)

// Follow-ups in a thread. After an answer, its thread remembers the last
// answer (news.ThreadTurn: question, speaker, article, quotes shown), so
// that a reply there, mentioning newsbot or not, can say "what else did
// she say?", "who is she?", "which article?" or "more", and "she" or
// "him" in any question means the thread's last speaker.

// followKind is what a follow-up asks for.
type followKind int

const (
	followNone    followKind = iota
	followArticle            // which article?
	followWho                // who is she?
	followElse               // what else did she say?
	followMore               // more
)

// maxShown bounds the quote ids a thread remembers as shown.
const maxShown = 50

var (
	followArticleRE = regexp.MustCompile(`^(?:(?:which|what) (?:article|story|source|piece|paper)(?: (?:is|was) (?:it|that|this)(?: from| in)?)?|where (?:is|was|did) (?:it|that|this)(?: come)? from|(?:the )?(?:source|link)(?: please)?)$`)
	followWhoRE     = regexp.MustCompile(`^who(?:'s|’s| is| was) (?:he|she|they|that|this|him|her)(?: again)?$`)
	followElseRE    = regexp.MustCompile(`^(?:what|anything) else (?:did|has|does) (?:he|she|they) (?:say|said|tell)(?: .*)?$`)
	followMoreRE    = regexp.MustCompile(`^(?:more|any more|anymore|more please|show more|(?:any )?others?|next|anything else|what else)$`)
	subjectRE       = regexp.MustCompile(`(?i)\b(?:he|she)\b`)
	objectRE        = regexp.MustCompile(`(?i)\b(?:him|her)\s*([?.!]*)\s*$`)
)

// classifyFollowUp says which follow-up text is (followNone for any other
// question).
func classifyFollowUp(text string) followKind {
	t := strings.ToLower(strings.Trim(oneLine(text), " ?!.…"))
	switch {
	case followArticleRE.MatchString(t):
		return followArticle
	case followWhoRE.MatchString(t):
		return followWho
	case followElseRE.MatchString(t):
		return followElse
	case followMoreRE.MatchString(t):
		return followMore
	}
	return followNone
}

// resolvePronouns puts the thread's last speaker for "he"/"she" and for a
// final "him"/"her" ("what did she say about Moscow?", "quotes by her").
func resolvePronouns(text, speaker string) string {
	if speaker == "" {
		return text
	}
	text = subjectRE.ReplaceAllLiteralString(text, speaker)
	return objectRE.ReplaceAllString(text, strings.ReplaceAll(speaker, "$", "$$")+"$1")
}

// threadTurn returns the last answer remembered for a thread.
func (b *Bot) threadTurn(ctx context.Context, channel, ts string) (news.ThreadTurn, bool) {
	if ts == "" {
		return news.ThreadTurn{}, false
	}
	t, ok, err := b.state.ThreadTurn(ctx, threadKey(channel, ts), b.now().Add(-StateMaxAge))
	if err != nil {
		b.log.Error("could not read the thread's last answer; answering without it", "channel", channel, "thread", ts, "err", err)
		return news.ThreadTurn{}, false
	}
	return t, ok
}

// rememberTurn records ans as the last answer of the thread, adding its
// quotes to those shown. A failure is logged: only follow-ups lose context.
func (b *Bot) rememberTurn(ctx context.Context, channel string, prev news.ThreadTurn, ans news.Answer, question string, keys ...string) {
	turn := prev
	turn.Question = question
	if first := firstQuote(ans); first.Speaker != "" {
		title := first.Title
		if title == "" && news.NormalizeName(first.Speaker) == news.NormalizeName(prev.Speaker) {
			title = prev.Title // the same person, quoted without the role this time
		}
		turn.Speaker, turn.Title, turn.Article = first.Speaker, title, first.Article
	} else if first.Article.ID != "" {
		turn.Article = first.Article
	}
	for _, q := range shownQuotes(ans) {
		if q.QuoteID != "" && !slices.Contains(turn.Shown, q.QuoteID) {
			turn.Shown = append(turn.Shown, q.QuoteID)
		}
	}
	if len(turn.Shown) > maxShown {
		turn.Shown = turn.Shown[len(turn.Shown)-maxShown:]
	}
	now := b.now()
	for _, k := range keys {
		if k == "" {
			continue
		}
		if err := b.state.PutThreadTurn(ctx, threadKey(channel, k), turn, now, now.Add(-StateMaxAge)); err != nil {
			b.log.Error("could not remember the thread's last answer", "channel", channel, "thread", k, "err", err)
		}
	}
}

// shownQuotes are the quotes an answer shows: its own, its list, and the
// two alternatives renderAnswer shows.
func shownQuotes(a news.Answer) []news.Answer {
	if len(a.Quotes) > 0 {
		return a.Quotes
	}
	var out []news.Answer
	if a.Kind == news.AnswerQuote {
		out = append(out, a)
	}
	return append(out, a.Alternatives[:min(2, len(a.Alternatives))]...)
}

// firstQuote is the answer's quote, or the first of its list.
func firstQuote(a news.Answer) news.Answer {
	if a.Kind == news.AnswerQuote || len(a.Quotes) == 0 {
		return a
	}
	return a.Quotes[0]
}

// followUp answers a follow-up from the thread's last answer; ok is false
// when text is not one (it is then asked as a question).
func (b *Bot) followUp(ctx context.Context, q question, text string, turn news.ThreadTurn, ids []string) (m message, ans news.Answer, asked string, ok bool) {
	who := speakerLine(turn.Speaker, "")
	switch classifyFollowUp(text) {
	case followArticle:
		if turn.Article.ID == "" {
			return message{}, news.Answer{}, "", false
		}
		a := turn.Article
		s := "From " + link(a.URL, cut(oneLine(firstNonEmpty(a.Title, a.ID)), 200))
		if a.Outlet != "" {
			s += " (" + escape(cut(oneLine(a.Outlet), 100)) + ")"
		}
		if d := articleDate(a); d != "" {
			s += ", " + d
		}
		s += fmt.Sprintf(" · id `%s`", escape(a.ID))
		return composedMessage(s), news.Answer{}, "", true
	case followWho:
		if turn.Speaker == "" {
			return textMessage("I don't know who you mean: the last answer here named nobody."), news.Answer{}, "", true
		}
		s := who + ", " + escape(cut(oneLine(turn.Title), 200))
		if turn.Title == "" {
			s = who + ": the article gives no role, only the name"
		}
		if turn.Article.ID != "" {
			s += " (as " + link(turn.Article.URL, cut(oneLine(firstNonEmpty(turn.Article.Title, turn.Article.ID)), 150)) + " says)"
		}
		return composedMessage(s + "."), news.Answer{}, "", true
	case followElse:
		if turn.Speaker == "" {
			return message{}, news.Answer{}, "", false
		}
		asked = "what did " + turn.Speaker + " say?"
	case followMore:
		if turn.Question == "" {
			return message{}, news.Answer{}, "", false
		}
		asked = turn.Question
	default:
		return message{}, news.Answer{}, "", false
	}
	ans, err := b.svc.Ask(ctx, handlers.AskRequest{Question: asked, ArticleIDs: ids, Scope: news.In(q.channel)})
	if err != nil {
		return textMessage(b.userError(err, "follow-up")), news.Answer{}, "", true
	}
	ans = withoutShown(ans, turn.Shown)
	if ans.Question == "" {
		ans.Question = asked
	}
	if ans.Kind == news.AnswerNone && len(ans.Quotes) == 0 {
		if turn.Speaker != "" && classifyFollowUp(text) == followElse {
			return composedMessage("That is all I have from " + who + ": no other quote in the articles I can see here."), ans, asked, true
		}
		return textMessage("That is all I have on this."), ans, asked, true
	}
	return renderAnswer(ans, ""), ans, asked, true
}

// withoutShown drops the quotes already shown in the thread from an
// answer: what remains becomes the answer (one quote) or its list.
func withoutShown(a news.Answer, shown []string) news.Answer {
	var rest []news.Answer
	all := shownQuotes(a)
	if len(a.Quotes) == 0 {
		all = append(all, a.Alternatives[min(2, len(a.Alternatives)):]...)
	}
	for _, x := range all {
		if x.Kind == news.AnswerQuote && !slices.Contains(shown, x.QuoteID) {
			rest = append(rest, x)
		}
	}
	switch len(rest) {
	case 0:
		return news.Answer{Question: a.Question, Kind: news.AnswerNone}
	case 1:
		one := rest[0]
		one.Question, one.Alternatives, one.Quotes = a.Question, nil, nil
		return one
	}
	return news.Answer{Question: a.Question, Kind: news.AnswerNone, Quotes: rest, Note: "Other quotes:"}
}
