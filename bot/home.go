package bot

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/slack-go/slack"

	"newsbot/news"
)

// The App Home tab is published (views.publish) each time a user opens it.
// It shows what the whole workspace may see, and nothing private to a
// conversation, whoever opens it: the Home tab belongs to no conversation.

// homeScope is the Home tab's scope: the workspace's articles only.
var homeScope = news.Scope{}

// Limits of the Home tab.
const (
	homeNewest = 8 // newest articles listed
	homeFeeds  = 10
	// homeExamplePeriod is how far back from the newest article the
	// example questions are drawn: recent, and a bounded read.
	homeExamplePeriod = 30 * 24 * time.Hour
)

// onHomeOpened publishes the Home tab for user.
func (b *Bot) onHomeOpened(user, tab string) {
	if tab != "" && tab != "home" {
		return // the Messages tab
	}
	if !userIDRE.MatchString(user) {
		return
	}
	b.spawn("app home", func(ctx context.Context) { b.publishHome(ctx, user) }, nil)
}

// publishHome builds and publishes the Home tab of user.
func (b *Bot) publishHome(ctx context.Context, user string) {
	view := b.homeView(ctx)
	err := b.call(ctx, "views.publish", func(ctx context.Context) error {
		_, err := b.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: user, View: view})
		return err
	})
	if err != nil {
		b.log.Error("could not publish the Home tab", "user", user, "err", err)
	}
}

// homeView is the Home tab: the library, the feeds followed, and how to
// ask, with examples from the library.
func (b *Bot) homeView(ctx context.Context) slack.HomeTabViewRequest {
	blocks := []slack.Block{
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, "newsbot", false, false)),
		section("I answer questions about the news articles your team adds: who said what, in which article, per which outlet."),
	}
	list, err := b.svc.List(ctx, homeScope, 0)
	switch {
	case err != nil:
		blocks = append(blocks, section(escape(b.userError(err, "home list"))))
	case len(list) == 0:
		blocks = append(blocks, section("*The library is empty.* Add an article with `/newsbot add <url>`, or `/newsbot add` followed by its title on the first line and the text below."))
	default:
		blocks = append(blocks, section(fmt.Sprintf("*Library: %s* visible across the workspace (articles added in private conversations are listed only there, with `/newsbot list`). Newest:",
			plural(len(list), "article", "articles"))))
		var lines []string
		for i, s := range list {
			if i == homeNewest {
				break
			}
			l := "• " + link(s.URL, cut(oneLine(s.Title), 150))
			if s.Outlet != "" {
				l += " · " + escape(cut(oneLine(s.Outlet), 80))
			}
			if d := articleDate(s.Ref); d != "" {
				l += " · " + d
			}
			lines = append(lines, l)
		}
		blocks = append(blocks, packLines(lines, 3)...)
	}
	blocks = append(blocks, b.homeFeeds(ctx)...)
	blocks = append(blocks, slack.NewDividerBlock(), section("*How to ask*\nMention me in a channel (`@newsbot who said …?`), message me here, or use `/newsbot ask …` privately. Follow up in the thread of an answer. Rate an answer with 👍 or 👎 to correct its speaker."))
	if len(list) > 0 {
		if ex := b.exampleQuestions(ctx, list); len(ex) > 0 {
			lines := make([]string, len(ex))
			for i, q := range ex {
				lines[i] = "• " + q // escaped by fitText
			}
			blocks = append(blocks, section("For example:\n"+fitText(strings.Join(lines, "\n"), maxSectionChars-20)))
		}
	}
	blocks = append(blocks, contextLine("`/newsbot help` lists every command."))
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

// homeFeeds lists the feeds followed for the whole workspace.
func (b *Bot) homeFeeds(ctx context.Context) []slack.Block {
	if b.cfg.Feeds == nil {
		return nil
	}
	feeds, err := b.cfg.Feeds.Feeds(ctx)
	if err != nil {
		b.log.Error("could not list the feeds for the Home tab", "err", err)
		return nil
	}
	var lines []string
	for _, f := range feeds {
		if f.Private {
			continue // its conversation's business
		}
		if len(lines) == homeFeeds {
			lines = append(lines, "…and more: `/newsbot feeds`")
			break
		}
		lines = append(lines, fmt.Sprintf("• %s · %s", link(f.URL, cut(oneLine(f.Title), 120)), plural(f.Articles, "article", "articles")))
	}
	if len(lines) == 0 {
		return []slack.Block{section("*Feeds:* none followed. `/newsbot follow <url>` adds a feed's new articles as they appear.")}
	}
	return append([]slack.Block{section("*Feeds followed*")}, packLines(lines, 2)...)
}

// exampleQuestions draws three questions from the library's recent quotes:
// one by the words of a quote, one by a speaker, one by an article.
func (b *Bot) exampleQuestions(ctx context.Context, list []news.Summary) []string {
	newest := list[0].Added
	d, err := b.svc.Summary(ctx, homeScope, newest.Add(-homeExamplePeriod), newest.Add(time.Second))
	if err != nil {
		b.log.Error("could not draw example questions for the Home tab", "err", err)
		return nil
	}
	var out []string
	if len(d.Quotes) > 0 {
		if w := quoteWords(d.Quotes[0].Quote, 7); w != "" {
			out = append(out, "who said "+w+"?")
		}
		speaker := d.Quotes[0].Speaker
		if len(d.Quotes) > 1 {
			speaker = d.Quotes[1].Speaker
		}
		if speaker != "" {
			out = append(out, "what did "+oneLine(speaker)+" say?")
		}
	}
	out = append(out, "who was quoted in "+cut(oneLine(list[0].Title), 100)+"?")
	return out
}

// quoteWords is the start of a quote as a question would echo it: at most
// n words, lower case first letter (unless a name), no punctuation at
// the end.
func quoteWords(quote string, n int) string {
	f := strings.Fields(oneLine(quote))
	if len(f) > n {
		f = f[:n]
	}
	s := strings.TrimRightFunc(strings.Join(f, " "), func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	s = strings.TrimLeftFunc(s, unicode.IsPunct)
	if r := []rune(s); len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) && len(f) > 0 && f[0] != "I" {
		// "Calling for peace" reads "calling for peace" in a question;
		// a name may be lower-cased too: the index folds case.
		r[0] = unicode.ToLower(r[0])
		s = string(r)
	}
	return s
}
