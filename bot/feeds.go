package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"newsbot/news"
)

// Feeds follows news feeds for the /newsbot follow, unfollow and feeds
// commands (implemented by feeds.Poller).
type Feeds interface {
	Follow(ctx context.Context, req news.FollowRequest) (news.FeedReport, error)
	Unfollow(ctx context.Context, idOrURL string, scope news.Scope) (news.Feed, error)
	Feeds(ctx context.Context) ([]news.Feed, error)
}

// defaultFollowImport is what /newsbot follow imports at once without
// "max N" (the feeds package's DefaultImport, which bot may not import).
const defaultFollowImport = 20

// followUsage says how to follow a feed.
const followUsage = "Follow a feed with `/newsbot follow <url>`: the address of an RSS, Atom or JSON feed, or of a site that advertises one. Add `announce` to have each new article posted here, `max 5` to import fewer of its newest entries now."

// feedCommand handles /newsbot follow, unfollow and feeds.
func (b *Bot) feedCommand(cmd slack.SlashCommand, sub, rest string, later func(string, func(context.Context) message) func()) (*reply, func()) {
	if b.cfg.Feeds == nil {
		return ephemeral(textMessage("Following feeds is not set up on this newsbot.")), nil
	}
	switch sub {
	case "follow", "subscribe":
		req, problem := parseFollow(rest)
		if problem != "" {
			return ephemeral(textMessage(problem)), nil
		}
		req.Channel, req.User = cmd.ChannelID, cmd.UserID
		return ephemeral(textMessage(fmt.Sprintf("Reading %s …", req.URL))), later("follow", func(ctx context.Context) message {
			// the feed's articles are seen where it is followed, as a
			// manual add there would be
			req.Private, _ = b.privateConversation(ctx, req.Channel)
			if req.Announce {
				if strings.HasPrefix(req.Channel, "D") {
					return textMessage("New articles are announced in channels: run `/newsbot follow <url> announce` in the channel that should get them (after inviting me there), or follow without `announce` here.")
				}
				problem, err := b.postProblem(ctx, req.Channel, "run `/newsbot follow` again")
				if err != nil {
					return textMessage("Could not check that I can post here: " + b.userError(err, "follow"))
				}
				if problem != "" {
					return composedMessage(problem)
				}
			}
			rep, err := b.cfg.Feeds.Follow(ctx, req)
			if err != nil {
				return textMessage(fmt.Sprintf("Could not follow %s: %s", req.URL, b.userError(err, "follow")))
			}
			return renderFollowed(rep)
		})
	case "unfollow", "unsubscribe":
		target := strings.TrimSpace(rest)
		if u, ok := commandURL(target); ok {
			target = u
		}
		if target == "" {
			return ephemeral(textMessage("Say which feed to stop following: `/newsbot unfollow <id or url>` (`/newsbot feeds` lists them).")), nil
		}
		return nil, later("unfollow", func(ctx context.Context) message {
			f, err := b.cfg.Feeds.Unfollow(ctx, target, news.In(cmd.ChannelID))
			if err != nil {
				return textMessage(fmt.Sprintf("Could not unfollow %s: %s", target, b.userError(err, "unfollow")))
			}
			return textMessage(fmt.Sprintf("Stopped following %s (%s). Its %s stay; `/newsbot remove <id>` takes one out.", oneLine(f.Title), f.ID, plural(f.Articles, "article", "articles")))
		})
	default: // feeds
		return nil, later("feeds", func(ctx context.Context) message {
			all, err := b.cfg.Feeds.Feeds(ctx)
			if err != nil {
				return textMessage(b.userError(err, "feeds"))
			}
			// feeds followed in another private conversation are its own
			var list []news.Feed
			for _, f := range all {
				if news.In(cmd.ChannelID).Allows(f.PrivateTo()) {
					list = append(list, f)
				}
			}
			return renderFeeds(list, b.now())
		})
	}
}

// parseFollow reads "<url> [announce] [max N]"; problem says what is wrong.
func parseFollow(rest string) (req news.FollowRequest, problem string) {
	req.Max = defaultFollowImport
	words := strings.Fields(rest)
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch lw := strings.ToLower(strings.TrimLeft(w, "-")); {
		case lw == "announce":
			req.Announce = true
		case lw == "max" || strings.HasPrefix(lw, "max="):
			v, ok := strings.CutPrefix(lw, "max=")
			if !ok {
				if i+1 >= len(words) {
					return req, "Say how many entries to import after `max`, for example `/newsbot follow <url> max 5`."
				}
				i++
				v = words[i]
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > 100 {
				return req, "`max` takes a number from 0 to 100, for example `/newsbot follow <url> max 5`."
			}
			req.Max = n
		default:
			u, ok := commandURL(w)
			if !ok || req.URL != "" {
				return req, fmt.Sprintf("I don't understand `%s`. %s", cut(w, 100), followUsage)
			}
			req.URL = u
		}
	}
	if req.URL == "" {
		return req, followUsage
	}
	return req, ""
}

// slackDate renders t in each reader's own time zone, with a plain
// fallback.
func slackDate(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return fmt.Sprintf("<!date^%d^{date_short_pretty} at {time}|%s>", t.Unix(), t.UTC().Format("2 Jan 15:04 UTC"))
}

// feedLink links a feed's title to its site (else the feed itself).
func feedLink(f news.Feed) string {
	u := f.Site
	if u == "" {
		u = f.URL
	}
	return link(u, cut(oneLine(f.Title), 150))
}

// renderFollowed reports a feed just followed and what it brought.
func renderFollowed(rep news.FeedReport) message {
	f := rep.Feed
	s := fmt.Sprintf("Now following *%s* (`%s`): %s added", feedLink(f), escape(f.ID), plural(len(rep.Added), "article", "articles"))
	if rep.FromFeed > 0 {
		s += fmt.Sprintf(" (%d from the feed's own text: their pages could not be fetched)", rep.FromFeed)
	}
	if rep.Known > 0 {
		s += fmt.Sprintf(", %d already here", rep.Known)
	}
	s += "."
	var lines []string
	for _, r := range rep.Added {
		lines = append(lines, "• "+link(r.URL, cut(oneLine(r.Title), 200)))
	}
	next := "I check it for new articles regularly (next " + slackDate(f.NextFetch) + ")"
	if f.Announce {
		next += " and post them here"
	}
	if f.Private {
		next += ". This conversation is private, so only it sees the feed's articles"
	}
	next += ". `/newsbot feeds` lists what I follow; `/newsbot unfollow " + escape(f.ID) + "` stops it."
	blocks := []slack.Block{section(s)}
	blocks = append(blocks, packLines(lines, 20)...)
	if len(rep.Problems) > 0 {
		var ps []string
		for i, p := range rep.Problems {
			if i == 5 {
				ps = append(ps, fmt.Sprintf("…and %d more", len(rep.Problems)-i))
				break
			}
			ps = append(ps, "• "+escape(cut(oneLine(p), 300)))
		}
		blocks = append(blocks, section("Not added:\n"+strings.Join(ps, "\n")))
	}
	blocks = append(blocks, contextLine(next))
	return message{Text: fitText(fmt.Sprintf("Now following %s: %s added", oneLine(f.Title), plural(len(rep.Added), "article", "articles")), 300), Blocks: blocks}
}

// renderFeeds lists the followed feeds.
func renderFeeds(list []news.Feed, now time.Time) message {
	if len(list) == 0 {
		return textMessage("I follow no feeds yet. " + followUsage)
	}
	lines := make([]string, 0, len(list))
	for _, f := range list {
		l := fmt.Sprintf("`%s` *%s* · %s · last fetch %s · next %s", escape(f.ID), feedLink(f),
			plural(f.Articles, "article", "articles"), slackDate(f.LastFetch), slackDate(f.NextFetch))
		switch {
		case f.Broken:
			l += fmt.Sprintf("\n    :warning: *broken*: failing since %s: %s", slackDate(f.FailingSince), escape(cut(oneLine(f.LastError), 300)))
		case f.LastError != "":
			l += "\n    last error: " + escape(cut(oneLine(f.LastError), 300))
		}
		if channelIDRE.MatchString(f.Channel) {
			l += "\n    followed in <#" + f.Channel + ">"
			if f.Announce {
				l += ", new articles announced there"
			}
		}
		lines = append(lines, l)
	}
	blocks := []slack.Block{section(fmt.Sprintf("*%s* I follow:", plural(len(list), "feed", "feeds")))}
	blocks = append(blocks, packLines(lines, maxBlocks-2)...)
	blocks = append(blocks, contextLine("`/newsbot unfollow <id>` stops one; `/newsbot follow <url>` adds one."))
	return message{Text: plural(len(list), "feed", "feeds"), Blocks: blocks}
}

// AnnounceArticles posts the articles a poll added from f in the channel
// that followed it, in one message; a follow-up question in its thread is
// answered from those articles first.
func (b *Bot) AnnounceArticles(ctx context.Context, f news.Feed, added []news.Ref) error {
	if f.Channel == "" || len(added) == 0 {
		return nil
	}
	lines := make([]string, 0, len(added))
	ids := make([]string, 0, len(added))
	for _, r := range added {
		l := "• " + link(r.URL, cut(oneLine(r.Title), 200))
		if r.Outlet != "" && r.Outlet != f.Title {
			l += " · " + escape(cut(oneLine(r.Outlet), 80))
		}
		lines = append(lines, l)
		ids = append(ids, r.ID)
	}
	blocks := []slack.Block{section(fmt.Sprintf("*New from %s* (%s):", feedLink(f), plural(len(added), "article", "articles")))}
	blocks = append(blocks, packLines(lines, maxBlocks-2)...)
	blocks = append(blocks, contextLine("Ask me about them in this thread."))
	m := message{Text: fitText(fmt.Sprintf("New from %s: %s", oneLine(f.Title), plural(len(added), "article", "articles")), 300), Blocks: blocks}
	ts, err := b.post(ctx, f.Channel, "", m)
	if err != nil {
		return fmt.Errorf("announce %s in %s: %w", f.ID, f.Channel, err)
	}
	b.rememberThread(ctx, f.Channel, ts, ids...)
	return nil
}

// ReportBrokenFeed tells the channel that followed f that it has failed
// for a week, why, and how to stop it.
func (b *Bot) ReportBrokenFeed(ctx context.Context, f news.Feed) error {
	who := ""
	if userIDRE.MatchString(f.User) {
		who = "<@" + f.User + ">, "
	}
	s := fmt.Sprintf("%sI have not been able to read the feed *%s* (`%s`, %s) since %s: %s\nI keep trying once a day. `/newsbot unfollow %s` stops it; following it again at a new address brings it back.",
		who, feedLink(f), escape(f.ID), escape(cut(f.URL, 300)), slackDate(f.FailingSince), escape(cut(oneLine(f.LastError), 500)), escape(f.ID))
	if _, err := b.post(ctx, f.Channel, "", composedMessage(s)); err != nil {
		return fmt.Errorf("report broken feed %s in %s: %w", f.ID, f.Channel, err)
	}
	return nil
}

// feedCounts says how many of a digest's articles came from which feeds
// ("3 from Local Gazette, 2 from BBC News"); "" when none did.
func feedCounts(d news.Digest) string {
	var parts []string
	for i, c := range d.Feeds {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("%d more from %s", restCount(d.Feeds[i:]), plural(len(d.Feeds)-i, "other feed", "other feeds")))
			break
		}
		parts = append(parts, fmt.Sprintf("%d from %s", c.Articles, cut(oneLine(c.Title), 80)))
	}
	return strings.Join(parts, ", ")
}

func restCount(cs []news.FeedCount) int {
	n := 0
	for _, c := range cs {
		n += c.Articles
	}
	return n
}
