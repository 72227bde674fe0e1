package bot

import (
	"fmt"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"newsbot/handlers"
	"newsbot/news"
)

// Action ids of the bot's buttons.
const actionShare = "newsbot_share"

func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, false)
}

func section(s string) *slack.SectionBlock { return slack.NewSectionBlock(mrkdwn(s), nil, nil) }

func contextLine(s string) *slack.ContextBlock { return slack.NewContextBlock("", mrkdwn(s)) }

// textMessage is a message of one section of plain text: escaped, so it
// can carry user and article text; Slack's *bold* and `code` marks apply.
func textMessage(s string) message {
	t := fitText(s, maxSectionChars)
	return message{Text: t, Blocks: []slack.Block{section(t)}}
}

// articleDate is the date shown for an article: published, else added.
func articleDate(r news.Ref) string {
	t := r.Published
	if t.IsZero() {
		t = r.Added
	}
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// speakerLine renders "*Speaker*, role" escaped.
func speakerLine(speaker, role string) string {
	s := "*" + escape(cut(oneLine(speaker), 100)) + "*"
	if speaker == "" {
		s = "_unknown speaker_"
	}
	if role = oneLine(role); role != "" {
		s += ", " + escape(cut(role, 150))
	}
	return s
}

// correctedMark follows a speaker set by a user's correction.
func correctedMark(corrected bool) string {
	if corrected {
		return " (corrected)"
	}
	return ""
}

// answerContext is the line under a quote: speaker, role, outlet, linked
// article title, outlet of the article, date.
func answerContext(a news.Answer) string {
	var parts []string
	if a.Kind == news.AnswerQuote {
		parts = append(parts, speakerLine(a.Speaker, a.Title)+correctedMark(a.Corrected))
		if a.Reported {
			parts = append(parts, "reported speech")
		}
	}
	if a.Outlet != "" {
		parts = append(parts, "per "+escape(cut(oneLine(a.Outlet), 100)))
	}
	if a.Article.Title != "" || a.Article.URL != "" {
		title := link(a.Article.URL, cut(oneLine(a.Article.Title), 200))
		if a.Article.Outlet != "" && a.Article.Outlet != a.Outlet {
			title += " (" + escape(cut(oneLine(a.Article.Outlet), 100)) + ")"
		}
		parts = append(parts, title)
	}
	if d := articleDate(a.Article); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, " · ")
}

// fallbackAnswer is the plain text of an answer, for notifications.
func fallbackAnswer(a news.Answer) string {
	switch {
	case a.Kind == news.AnswerNone && len(a.Quotes) == 0:
		return fitText(noAnswerText(a), 300)
	case a.Kind == news.AnswerQuote:
		who := a.Speaker
		if who == "" {
			who = "Someone"
		}
		return fitText(fmt.Sprintf("%s: “%s”", who, oneLine(a.Quote)), 300)
	case len(a.Quotes) > 0:
		return fitText(firstNonEmpty(a.Note, fmt.Sprintf("%d quotes", len(a.Quotes))), 300)
	default:
		return fitText(oneLine(a.Quote), 300)
	}
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

func noAnswerText(a news.Answer) string {
	if a.Hint == news.HintAddArticles {
		return strings.TrimSpace(a.Note + " Add one first: /newsbot add <url>, or /newsbot add followed by the pasted text (title on the first line).")
	}
	if a.Note != "" {
		return a.Note
	}
	return "I found nothing that answers this in the articles I have."
}

// renderAnswer renders an answer as Block Kit: the quote (or passage) as a
// block quote with the matched words in bold, a context line, up to two
// alternatives; a list of quotes for list questions; and, when shareValue is
// set, a "Share in channel" button.
func renderAnswer(a news.Answer, shareValue string) message {
	var blocks []slack.Block
	switch {
	case len(a.Quotes) > 0:
		if a.Note != "" {
			blocks = append(blocks, section(fitText(a.Note, maxSectionChars)))
		}
		// Each quote takes two blocks; leave room for the note, the
		// "more" line and the button.
		room := (maxBlocks - 4) / 2
		for i, q := range a.Quotes {
			if i == room {
				blocks = append(blocks, contextLine(fmt.Sprintf("…and %d more.", len(a.Quotes)-room)))
				break
			}
			blocks = append(blocks, section(blockQuote(q.Quote, q.Matched, 1500)), contextLine(answerContext(q)))
		}
	case a.Kind == news.AnswerNone:
		blocks = append(blocks, section(fitText(noAnswerText(a), maxSectionChars)))
	default:
		blocks = append(blocks, section(blockQuote(a.Quote, a.Matched, maxSectionChars)), contextLine(answerContext(a)))
		if a.Note != "" {
			blocks = append(blocks, contextLine(fitText(a.Note, 1000)))
		}
		alts := a.Alternatives
		if len(alts) > 2 {
			alts = alts[:2]
		}
		if len(alts) > 0 {
			blocks = append(blocks, slack.NewDividerBlock(), contextLine("Other candidates:"))
			for _, alt := range alts {
				blocks = append(blocks, section(blockQuote(alt.Quote, alt.Matched, 600)), contextLine(answerContext(alt)))
			}
		}
	}
	buttons := voteButtons(a)
	if shareValue != "" && (a.Kind != news.AnswerNone || len(a.Quotes) > 0) {
		buttons = append(buttons, slack.NewButtonBlockElement(actionShare, shareValue, slack.NewTextBlockObject(slack.PlainTextType, "Share in channel", false, false)))
	}
	if len(buttons) > 0 {
		blocks = append(blocks, slack.NewActionBlock("newsbot_actions", buttons...))
	}
	return message{Text: fallbackAnswer(a), Blocks: blocks}
}

// renderAdded reports an added article.
func renderAdded(r handlers.AddResult) message {
	title := link(r.Article.URL, cut(oneLine(r.Article.Title), 200))
	if r.Article.Outlet != "" {
		title += " (" + escape(cut(oneLine(r.Article.Outlet), 100)) + ")"
	}
	s := fmt.Sprintf("Added %s: %s from %s. Ask me about it, or `/newsbot remove %s` to take it out.",
		title, plural(r.Quotes, "quote", "quotes"), plural(r.Speakers, "person", "people"), escape(r.Article.ID))
	fallback := fitText(fmt.Sprintf("Added %s: %s from %s", oneLine(r.Article.Title), plural(r.Quotes, "quote", "quotes"), plural(r.Speakers, "person", "people")), 300)
	return message{Text: fallback, Blocks: []slack.Block{section(s)}}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// renderList lists stored articles, packing lines into as few sections as
// the limits allow.
func renderList(list []news.Summary) message {
	if len(list) == 0 {
		return textMessage("No articles yet. Add one with `/newsbot add <url>`, or `/newsbot add` followed by the title on the first line and the text below.")
	}
	lines := make([]string, 0, len(list))
	for _, s := range list {
		l := fmt.Sprintf("`%s` %s", escape(s.ID), link(s.URL, cut(oneLine(s.Title), 150)))
		if s.Outlet != "" {
			l += " · " + escape(cut(oneLine(s.Outlet), 80))
		}
		l += " · " + plural(s.Quotes, "quote", "quotes")
		if d := articleDate(s.Ref); d != "" {
			l += " · " + d
		}
		if s.PrivateTo != "" {
			l += " · only in this conversation"
		}
		lines = append(lines, l)
	}
	blocks := []slack.Block{section(fmt.Sprintf("*%s*, newest first:", plural(len(list), "article", "articles")))}
	blocks = append(blocks, packLines(lines, maxBlocks-1)...)
	return message{Text: plural(len(list), "article", "articles"), Blocks: blocks}
}

// packSections joins lines into as few texts of at most maxSectionChars as
// possible.
func packSections(lines []string) (out []string, counts []int) {
	var cur strings.Builder
	n, k := 0, 0
	for _, l := range lines {
		if runes(l) > maxSectionChars {
			l = cut(l, maxSectionChars)
		}
		if cur.Len() > 0 && n+1+runes(l) > maxSectionChars {
			out, counts = append(out, cur.String()), append(counts, k)
			cur.Reset()
			n, k = 0, 0
		}
		if cur.Len() > 0 {
			cur.WriteByte('\n')
			n++
		}
		cur.WriteString(l)
		n += runes(l)
		k++
	}
	if cur.Len() > 0 {
		out, counts = append(out, cur.String()), append(counts, k)
	}
	return out, counts
}

// packLines packs lines into at most n section blocks; when they do not
// fit, the last block says how many lines were left out.
func packLines(lines []string, n int) []slack.Block {
	secs, counts := packSections(lines)
	var blocks []slack.Block
	if len(secs) <= n {
		for _, s := range secs {
			blocks = append(blocks, section(s))
		}
		return blocks
	}
	shown := 0
	for i, s := range secs[:n-1] {
		blocks = append(blocks, section(s))
		shown += counts[i]
	}
	return append(blocks, contextLine(fmt.Sprintf("…and %d more.", len(lines)-shown)))
}

// helpMessage explains the command.
func helpMessage() message {
	s := strings.Join([]string{
		"*newsbot* answers questions about the news articles your team adds.",
		"• `/newsbot add <url>` — add an article from its web page",
		"• `/newsbot add` followed by pasted text — the first line is the title",
		"  Added in a private channel, group DM or DM, an article is seen only there; add `everywhere` to share it with the whole workspace",
		"• `/newsbot ask who said calling for peace is cheap?` — ask privately (or mention me in a channel, or DM me)",
		"• `/newsbot list` — the articles this conversation can see, newest first",
		"• `/newsbot remove <id or url>` — move an article to the trash (whoever added it, or an admin)",
		"• `/newsbot undo` — bring back what you removed, within the hour",
		"• `/newsbot trash`, `/newsbot restore <id>` — removed articles, kept 30 days (admins)",
		"• `/newsbot summary` — what was added in the last 24 hours",
		"• `/newsbot summary here 08:30 Europe/Paris` — post the summary in this channel every day; `/newsbot summary off` to stop",
		"• `/newsbot follow <url>` — follow a news feed (RSS, Atom, JSON Feed, or a site that advertises one); its new articles are added as they appear. Add `announce` to have them posted here",
		"• `/newsbot feeds` — the feeds I follow; `/newsbot unfollow <id or url>` to stop one",
		"Ask follow-up questions in the thread of an answer or of a summary (no need to mention me there): I look in those articles first, and understand “what else did she say?”, “who is she?”, “which article?” and “more”.",
		"Rate a quote answer with 👍 Right or 👎 Wrong speaker: whoever added the article and admins can correct the speaker for everyone.",
	}, "\n")
	return message{Text: "How to use newsbot", Blocks: []slack.Block{section(escape(s))}}
}

// digestDate is the day a digest covers, in the zone of its end.
func digestDate(d news.Digest, now time.Time) string {
	t := d.To
	if t.IsZero() {
		t = now
	}
	return t.Format("Monday 2 January 2006")
}

// renderDigest renders a digest: the main post (header, quotes of the day,
// most-quoted people, and the articles when there are few) and, when there
// are more than inlineMax articles, the thread messages listing them.
func renderDigest(d news.Digest, now time.Time, inlineMax int) (main message, thread []message) {
	date := digestDate(d, now)
	blocks := []slack.Block{
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, cut("News of "+date, maxHeaderChars), false, false)),
	}
	intro := fmt.Sprintf("%s added", plural(len(d.Articles), "article", "articles"))
	if !d.From.IsZero() && !d.To.IsZero() {
		intro += fmt.Sprintf(" between %s and %s", d.From.Format("Mon 2 Jan 15:04"), d.To.Format("Mon 2 Jan 15:04 MST"))
	}
	if fc := feedCounts(d); fc != "" {
		intro += ": " + fc
	}
	blocks = append(blocks, contextLine(escape(intro)+"."))

	byID := map[string]news.DigestArticle{}
	for _, a := range d.Articles {
		byID[a.ID] = a
	}
	if len(d.Quotes) > 0 {
		blocks = append(blocks, section("*Quotes of the day*"))
		for i, q := range d.Quotes {
			if i == 10 {
				break
			}
			ctx := "— " + speakerLine(q.Speaker, q.Title) + correctedMark(q.Corrected)
			if q.Outlet != "" {
				ctx += " · per " + escape(cut(oneLine(q.Outlet), 100))
			}
			if a, ok := byID[q.ArticleID]; ok {
				ctx += " · " + link(a.URL, cut(oneLine(a.Title), 150))
			}
			blocks = append(blocks, section(blockQuote(q.Quote, nil, min(1200, maxSectionChars-1-runes(ctx)))+"\n"+ctx))
		}
	}
	if len(d.Speakers) > 0 {
		var names []string
		for i, s := range d.Speakers {
			if i == 10 {
				break
			}
			names = append(names, fmt.Sprintf("%s (%d)", escape(cut(oneLine(s.Name), 80)), s.Quotes))
		}
		blocks = append(blocks, section("*Most quoted:* "+strings.Join(names, " · ")))
	}

	lines := make([]string, 0, len(d.Articles))
	for _, a := range d.Articles {
		l := "• " + link(a.URL, cut(oneLine(a.Title), 200))
		if a.Outlet != "" {
			l += " · " + escape(cut(oneLine(a.Outlet), 80))
		}
		if g := oneLine(a.Gist); g != "" {
			l += "\n    " + escape(cut(g, 300))
		}
		lines = append(lines, l)
	}
	fallback := fitText(fmt.Sprintf("News of %s: %s", date, plural(len(d.Articles), "article", "articles")), 300)
	if len(d.Articles) <= inlineMax {
		blocks = append(blocks, slack.NewDividerBlock(), section("*Articles*"))
		blocks = append(blocks, packLines(lines, maxBlocks-len(blocks))...)
		return message{Text: fallback, Blocks: blocks}, nil
	}
	blocks = append(blocks, contextLine(fmt.Sprintf("The %d articles are listed in the thread. Ask me about them there.", len(d.Articles))))
	// Thread: as many messages as needed, each within the block limit.
	secs, _ := packSections(lines)
	for i := 0; i < len(secs); i += maxBlocks - 1 {
		part := secs[i:min(i+maxBlocks-1, len(secs))]
		msgBlocks := []slack.Block{section("*Articles*")}
		for _, s := range part {
			msgBlocks = append(msgBlocks, section(s))
		}
		thread = append(thread, message{Text: fmt.Sprintf("Articles of %s", date), Blocks: msgBlocks})
	}
	return message{Text: fallback, Blocks: blocks}, thread
}
