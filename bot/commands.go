package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"newsbot/handlers"
	"newsbot/news"
)

// reply is the immediate, private answer to a slash command (the HTTP
// response body, or the Socket Mode acknowledgement payload).
type reply struct {
	ResponseType string        `json:"response_type"`
	Text         string        `json:"text"`
	Blocks       []slack.Block `json:"blocks,omitempty"`
}

func ephemeral(m message) *reply {
	return &reply{ResponseType: slack.ResponseTypeEphemeral, Text: m.Text, Blocks: m.Blocks}
}

// onCommand parses a /newsbot command. It returns the immediate reply (nil:
// an empty acknowledgement) and the work to start once the acknowledgement
// is sent (nil: none). Parsing is cheap: nothing here waits on I/O.
func (b *Bot) onCommand(cmd slack.SlashCommand) (ack *reply, work func()) {
	text := strings.TrimSpace(cmd.Text)
	sub, rest := splitWord(text)
	sub = strings.ToLower(sub)
	later := func(name string, fn func(ctx context.Context) message) func() {
		return func() {
			b.spawn("command "+name, func(ctx context.Context) {
				m := fn(ctx)
				if err := b.respond(ctx, cmd.ResponseURL, slack.ResponseTypeEphemeral, m, false); err != nil {
					b.log.Error("could not answer the command", "command", name, "err", err)
				}
			}, func(ctx context.Context, errID string) {
				_ = b.respond(ctx, cmd.ResponseURL, slack.ResponseTypeEphemeral, textMessage(apology(errID)), false)
			})
		}
	}
	switch sub {
	case "", "help":
		return ephemeral(helpMessage()), nil
	}
	// Every command that starts work counts against the user's limit (the
	// question limit), so no one can queue unbounded fetches or searches.
	if sub != "ask" && !strings.HasSuffix(text, "?") {
		if ok, wait := b.limit.allow(cmd.UserID, b.now()); !ok {
			return ephemeral(textMessage(limitText(b.cfg.QuestionsPerMinute, wait))), nil
		}
	}
	switch sub {
	case "ask":
		q := plainText(rest, b.botUserID())
		if q == "" {
			return ephemeral(textMessage("Ask a question after `ask`, for example `/newsbot ask who said calling for peace is cheap?`")), nil
		}
		return b.askCommand(cmd, q, later)
	case "add":
		rest, everywhere := cutEverywhere(rest)
		if rest == "" {
			return ephemeral(textMessage("Add an article with `/newsbot add <url>`, or `/newsbot add` followed by the article: its title on the first line and the text below. Add `everywhere` to share one added in a private conversation with the whole workspace.")), nil
		}
		if u, ok := commandURL(rest); ok {
			return ephemeral(textMessage(fmt.Sprintf("Fetching %s …", u))), later("add", func(ctx context.Context) message {
				o, why := b.origin(ctx, cmd, everywhere)
				res, err := b.svc.AddURL(ctx, u, o)
				if err != nil {
					return textMessage(fmt.Sprintf("Could not add %s: %s", u, b.userError(err, "add url")))
				}
				return addedMessage(res, o, everywhere, why)
			})
		}
		pasted := unescapeSlack(rest)
		title, _ := handlers.SplitPasted(pasted)
		return ephemeral(textMessage(fmt.Sprintf("Adding “%s” …", cut(title, 150)))), later("add", func(ctx context.Context) message {
			o, why := b.origin(ctx, cmd, everywhere)
			res, err := b.svc.AddPasted(ctx, pasted, o)
			if err != nil {
				return textMessage("Could not add it: " + b.userError(err, "add pasted"))
			}
			return addedMessage(res, o, everywhere, why)
		})
	case "list":
		return nil, later("list", func(ctx context.Context) message {
			list, err := b.svc.List(ctx, news.In(cmd.ChannelID), 30)
			if err != nil {
				return textMessage(b.userError(err, "list"))
			}
			return renderList(list)
		})
	case "remove", "rm", "delete":
		target := strings.TrimSpace(rest)
		if u, ok := commandURL(target); ok {
			target = u
		}
		if target == "" {
			return ephemeral(textMessage("Say which article to remove: `/newsbot remove <id or url>` (`/newsbot list` shows the ids).")), nil
		}
		return nil, later("remove", func(ctx context.Context) message { return b.removeCommand(ctx, cmd, target) })
	case "undo":
		return nil, later("undo", func(ctx context.Context) message { return b.undoCommand(ctx, cmd) })
	case "trash":
		return nil, later("trash", func(ctx context.Context) message { return b.trashCommand(ctx, cmd) })
	case "restore":
		target := strings.TrimSpace(rest)
		if target == "" {
			return ephemeral(textMessage("Say which article to restore: `/newsbot restore <id>` (`/newsbot trash` lists them).")), nil
		}
		return nil, later("restore", func(ctx context.Context) message { return b.restoreCommand(ctx, cmd, target) })
	case "summary", "digest":
		return b.summaryCommand(cmd, rest, later)
	case "follow", "subscribe", "unfollow", "unsubscribe", "feeds":
		return b.feedCommand(cmd, sub, rest, later)
	default:
		if strings.HasSuffix(text, "?") {
			return b.askCommand(cmd, plainText(text, b.botUserID()), later)
		}
		return ephemeral(textMessage(fmt.Sprintf("I don't know `%s`. Try `/newsbot help`.", cut(sub, 40)))), nil
	}
}

func (b *Bot) askCommand(cmd slack.SlashCommand, q string, later func(string, func(context.Context) message) func()) (*reply, func()) {
	if ok, wait := b.limit.allow(cmd.UserID, b.now()); !ok {
		return ephemeral(textMessage(limitText(b.cfg.QuestionsPerMinute, wait))), nil
	}
	return nil, later("ask", func(ctx context.Context) message {
		ans, err := b.svc.Ask(ctx, handlers.AskRequest{Question: q, Scope: news.In(cmd.ChannelID)})
		if err != nil {
			return textMessage(b.userError(err, "ask"))
		}
		if ans.Question == "" {
			ans.Question = q
		}
		key := newID() + newID()
		b.shares.put(key, sharedAnswer{answer: ans, channel: cmd.ChannelID})
		return renderAnswer(ans, shareValue(key, q))
	})
}

// shareValue is the value of the Share button: a key to the answer kept in
// memory, and the question to ask again when the bot has restarted since.
func shareValue(key, question string) string {
	q := cut(question, 1500)
	for {
		v, _ := json.Marshal(struct {
			K string `json:"k"`
			Q string `json:"q"`
		}{key, q})
		if len(v) <= maxButtonValue || q == "" {
			return string(v)
		}
		q = cut(q, runes(q)/2) // heavily escaped text: halve until it fits
	}
}

func (b *Bot) summaryCommand(cmd slack.SlashCommand, rest string, later func(string, func(context.Context) message) func()) (*reply, func()) {
	args := strings.Fields(rest)
	if len(args) == 0 {
		return nil, later("summary", func(ctx context.Context) message {
			now := b.now()
			d, err := b.svc.Summary(ctx, news.In(cmd.ChannelID), now.Add(-24*time.Hour), now)
			if err != nil {
				return textMessage(b.userError(err, "summary"))
			}
			if len(d.Articles) == 0 {
				m := "Nothing was added in the last 24 hours."
				if b.cfg.Schedule != nil {
					m += " " + sentence(b.cfg.Schedule.Describe(cmd.ChannelID))
				}
				return textMessage(m)
			}
			main, _ := renderDigest(d, now, 1000)
			if b.cfg.Schedule != nil && len(main.Blocks) < maxBlocks {
				main.Blocks = append(main.Blocks, contextLine(fitText(sentence(b.cfg.Schedule.Describe(cmd.ChannelID)), 1000)))
			}
			return main
		})
	}
	if b.cfg.Schedule == nil {
		return ephemeral(textMessage("Scheduling daily summaries is not configured on this newsbot (set NEWSBOT_SUMMARY_CHANNEL and NEWSBOT_SUMMARY_TIME, see README). `/newsbot summary` still shows the last 24 hours.")), nil
	}
	switch strings.ToLower(args[0]) {
	case "off", "stop":
		return nil, later("summary off", func(ctx context.Context) message {
			if err := b.cfg.Schedule.Off(cmd.ChannelID); err != nil {
				return textMessage("Could not stop the summary: " + b.userError(err, "summary off"))
			}
			return textMessage("Daily summary stopped in this channel.")
		})
	case "here", "at":
		if len(args) < 2 || len(args) > 3 || !hhmmRE.MatchString(args[1]) {
			return ephemeral(textMessage("Say when: `/newsbot summary here 08:30 Europe/Paris` (24-hour time, and an optional IANA time zone).")), nil
		}
		zone := ""
		if len(args) == 3 {
			zone = args[2]
		}
		return nil, later("summary here", func(ctx context.Context) message {
			problem, err := b.postProblem(ctx, cmd.ChannelID, "run `/newsbot summary here` again")
			if err != nil {
				return textMessage("Could not check that I can post here: " + b.userError(err, "summary here"))
			}
			if problem != "" {
				return composedMessage(problem)
			}
			if err := b.cfg.Schedule.Set(cmd.ChannelID, args[1], zone, cmd.UserID); err != nil {
				return textMessage("Could not schedule the summary: " + b.userError(err, "summary here"))
			}
			return textMessage("Done. " + sentence(b.cfg.Schedule.Describe(cmd.ChannelID)))
		})
	case "status", "when":
		return ephemeral(textMessage(sentence(b.cfg.Schedule.Describe(cmd.ChannelID)))), nil
	}
	return ephemeral(textMessage("Use `/newsbot summary` (the last 24 hours), `/newsbot summary here 08:30 Europe/Paris` or `/newsbot summary off`.")), nil
}

// sentence ends s with a full stop when it has no final punctuation.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

var hhmmRE = regexp.MustCompile(`^([01]?\d|2[0-3]):[0-5]\d$`)

// splitWord splits off the first word (up to a space or a line break).
func splitWord(s string) (word, rest string) {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, " \t\r\n")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i+1:])
}

// commandURL recognises a lone URL in a command, as typed or as Slack
// formats it (<https://...> or <https://...|label>).
func commandURL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, " \t\n") {
		return "", false
	}
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		s = s[1 : len(s)-1]
		s, _, _ = strings.Cut(s, "|")
	}
	s = unescapeSlack(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return s, true
}

// unescapeSlack undoes Slack's escaping of &, < and > in pasted text.
func unescapeSlack(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

// onInteraction handles a button click ("Share in channel" posts the
// answer publicly through the click's response_url; the feedback buttons
// record a vote) and the submission of the feedback form.
func (b *Bot) onInteraction(cb slack.InteractionCallback) {
	if cb.Type == slack.InteractionTypeViewSubmission && cb.View.CallbackID == callbackFeedback {
		b.onFeedbackSubmit(cb)
		return
	}
	if cb.Type != slack.InteractionTypeBlockActions {
		return
	}
	for _, a := range cb.ActionCallback.BlockActions {
		if a != nil && (a.ActionID == actionVoteRight || a.ActionID == actionVoteWrong) {
			b.onVote(cb, a)
			continue
		}
		if a == nil || a.ActionID != actionShare {
			continue
		}
		value, user, channel, responseURL := a.Value, cb.User.ID, cmp.Or(cb.Channel.ID, cb.Container.ChannelID), cb.ResponseURL
		b.spawn("share", func(ctx context.Context) { b.share(ctx, value, user, channel, responseURL) }, func(ctx context.Context, errID string) {
			_ = b.respond(ctx, responseURL, slack.ResponseTypeEphemeral, textMessage(apology(errID)), false)
		})
	}
}

// sharedAnswer is an answer kept for its Share button, with the
// conversation whose scope it was answered in.
type sharedAnswer struct {
	answer  news.Answer
	channel string
}

// share posts an answer in the conversation of the click. An answer kept
// from another conversation (or forgotten since a restart) is asked again
// in the scope of this one, so a share never shows what the conversation
// may not see.
func (b *Bot) share(ctx context.Context, value, user, channel, responseURL string) {
	var v struct {
		K string `json:"k"`
		Q string `json:"q"`
	}
	_ = json.Unmarshal([]byte(value), &v)
	kept, ok := b.shares.get(v.K)
	ans := kept.answer
	if !ok || kept.channel != channel {
		if strings.TrimSpace(v.Q) == "" {
			_ = b.respond(ctx, responseURL, slack.ResponseTypeEphemeral, textMessage("That answer has expired; please ask again."), false)
			return
		}
		var err error
		ans, err = b.svc.Ask(ctx, handlers.AskRequest{Question: v.Q, Scope: news.In(channel)})
		if err != nil {
			_ = b.respond(ctx, responseURL, slack.ResponseTypeEphemeral, textMessage(b.userError(err, "share")), false)
			return
		}
	}
	m := renderAnswer(ans, "")
	by := "Shared"
	if userIDRE.MatchString(user) {
		by = "Shared by <@" + user + ">"
	}
	if ans.Question != "" {
		by += " · asked: " + fitText(oneLine(ans.Question), 500)
	}
	if len(m.Blocks) < maxBlocks {
		m.Blocks = append(m.Blocks, contextLine(by))
	}
	if err := b.respond(ctx, responseURL, slack.ResponseTypeInChannel, m, true); err != nil {
		b.log.Error("could not share the answer", "err", err)
	}
}
