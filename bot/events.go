package bot

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"newsbot/handlers"
	"newsbot/news"
)

// workingReaction is added to a question whose answer takes a while.
const workingReaction = "hourglass_flowing_sand"

// question is a message addressed to the bot.
type question struct {
	channel  string
	user     string
	text     string // as Slack sent it (mrkdwn, with mentions)
	ts       string
	threadTS string
	dm       bool
	// followOnly: a thread reply that does not mention the bot, answered
	// only as a follow-up in a thread the bot answered in.
	followOnly bool
	// files are the files shared with the message, to be added.
	files []slack.File
}

// onEvent handles an acknowledged Events API callback: it drops what is not
// a question for the bot and what was already delivered, then answers in the
// background.
func (b *Bot) onEvent(ev slackevents.EventsAPIEvent, retry int, retryReason string) {
	cb, _ := ev.Data.(*slackevents.EventsAPICallbackEvent)
	eventID := ""
	if cb != nil {
		eventID = cb.EventID
		for _, a := range cb.Authorizations {
			if a.IsBot {
				b.setBotUser(a.UserID)
			}
		}
	}
	var q question
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppHomeOpenedEvent:
		b.onHomeOpened(e.User, e.Tab)
		return
	case *slackevents.AssistantThreadStartedEvent:
		b.onAssistantThread(e.AssistantThread)
		return
	case *slackevents.AssistantThreadContextChangedEvent:
		b.onAssistantThread(e.AssistantThread)
		return
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.Edited != nil || e.User == "" {
			return
		}
		q = question{channel: e.Channel, user: e.User, text: e.Text, ts: e.TimeStamp, threadTS: e.ThreadTimeStamp, dm: strings.HasPrefix(e.Channel, "D"),
			files: e.Files}
	case *slackevents.MessageEvent:
		// Joins, edits, deletions and bot posts have a subtype or a bot
		// id; a file shared in a DM is a file_share.
		fileShare := e.SubType == "file_share" && e.ChannelType == "im" && e.Message != nil && len(e.Message.Files) > 0
		if (e.SubType != "" && !fileShare) || e.BotID != "" || e.User == "" {
			return
		}
		if e.ChannelType == "im" {
			q = question{channel: e.Channel, user: e.User, text: e.Text, ts: e.TimeStamp, threadTS: e.ThreadTimeStamp, dm: true}
			if fileShare {
				q.files = e.Message.Files
			}
			break
		}
		// A reply in a channel thread (message.channels, .groups,
		// .mpim): a follow-up if the bot answered in that thread. One
		// that mentions the bot comes as app_mention too, and is
		// answered from there.
		bot := b.botUserID()
		if e.ThreadTimeStamp == "" || e.ThreadTimeStamp == e.TimeStamp || (bot != "" && strings.Contains(e.Text, "<@"+bot)) {
			return
		}
		q = question{channel: e.Channel, user: e.User, text: e.Text, ts: e.TimeStamp, threadTS: e.ThreadTimeStamp, followOnly: true}
	default:
		return
	}
	if q.user == b.botUserID() {
		return
	}
	// A mention in a DM arrives twice (app_mention and message.im): the
	// channel+ts key answers it once, as it does for Slack's retries.
	ctx, cancel := context.WithTimeout(context.Background(), attemptTimeout)
	first := b.firstDelivery(ctx, "event:"+eventID, "msg:"+q.channel+"/"+q.ts)
	cancel()
	if !first {
		b.log.Debug("duplicate delivery ignored", "event_id", eventID, "retry", retry, "retry_reason", retryReason)
		return
	}
	if retry > 0 {
		b.log.Info("answering a retried delivery seen for the first time", "event_id", eventID, "retry", retry, "retry_reason", retryReason)
	}
	b.spawn("question", func(ctx context.Context) { b.answer(ctx, q) }, func(ctx context.Context, errID string) {
		_, _ = b.post(ctx, q.channel, q.replyThread(), textMessage(apology(errID)))
	})
}

// replyThread is where the answer goes: the question's thread, or a new
// thread under it in a channel; top level in a DM.
func (q question) replyThread() string {
	if q.threadTS != "" {
		return q.threadTS
	}
	if q.dm {
		return ""
	}
	return q.ts
}

// answer asks the service and posts the answer in the question's thread.
func (b *Bot) answer(ctx context.Context, q question) {
	text := plainText(q.text, b.botUserID())
	thread := q.replyThread()
	turn, hasTurn := b.threadTurn(ctx, q.channel, q.threadTS)
	ids := b.threadArticles(ctx, q.channel, q.threadTS)
	if q.followOnly && (!hasTurn || (classifyFollowUp(text) == followNone && !strings.HasSuffix(strings.TrimSpace(text), "?"))) {
		return // talk in a thread, not to the bot
	}
	if len(q.files) > 0 {
		if ok, wait := b.limit.allow(q.user, b.now()); !ok {
			_, _ = b.post(ctx, q.channel, thread, textMessage(limitText(b.cfg.QuestionsPerMinute, wait)))
			return
		}
		b.addFiles(ctx, q, text)
		return
	}
	if text == "" {
		_, _ = b.post(ctx, q.channel, thread, textMessage("Ask me about the news articles your team added, for example: who said calling for peace is cheap? (`/newsbot help` for more)"))
		return
	}
	if ok, wait := b.limit.allow(q.user, b.now()); !ok {
		if b.limit.warn(q.user, b.now()) {
			_, _ = b.post(ctx, q.channel, thread, textMessage(limitText(b.cfg.QuestionsPerMinute, wait)))
		}
		return
	}

	// Show that the bot is working when the answer is slow.
	var mu sync.Mutex
	reacted, done := false, false
	timer := time.AfterFunc(b.cfg.SlowAfter, func() {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return
		}
		if err := b.react(ctx, q.channel, q.ts, workingReaction, false); err == nil {
			reacted = true
		}
	})
	defer func() {
		timer.Stop()
		mu.Lock()
		done = true
		r := reacted
		mu.Unlock()
		if r {
			_ = b.react(ctx, q.channel, q.ts, workingReaction, true)
		}
	}()

	if m, fans, asked, ok := b.followUp(ctx, q, text, turn, ids); ok {
		if asked != "" {
			b.rememberTurn(ctx, q.channel, turn, fans, asked, thread)
		}
		ts, err := b.post(ctx, q.channel, thread, m)
		if err != nil {
			b.tellFailure(ctx, q, err)
			return
		}
		if asked != "" {
			b.rememberTurn(ctx, q.channel, turn, fans, asked, ts)
		}
		return
	}
	text = resolvePronouns(text, turn.Speaker)
	b.assistantStatusOn(ctx, q)
	ans, err := b.svc.Ask(ctx, handlers.AskRequest{Question: text, ArticleIDs: ids, Scope: news.In(q.channel)})
	if err != nil {
		_, _ = b.post(ctx, q.channel, thread, textMessage(b.userError(err, "ask")))
		return
	}
	if ans.Question == "" {
		ans.Question = text // kept by the feedback buttons
	}
	// Follow-ups in this thread (or under the answer) are about its
	// articles and its speaker. The thread is remembered before the
	// answer is posted, so that a reply to it never finds it unknown (a
	// failed post leaves a memory that nothing refers to).
	art := answerArticles(ans)
	b.rememberThread(ctx, q.channel, thread, art...)
	b.rememberTurn(ctx, q.channel, turn, ans, text, thread)
	ts, err := b.post(ctx, q.channel, thread, renderAnswer(ans, ""))
	if err != nil {
		b.tellFailure(ctx, q, err)
		return
	}
	if ts != thread {
		b.rememberThread(ctx, q.channel, ts, art...)
		b.rememberTurn(ctx, q.channel, turn, ans, text, ts)
	}
}

// tellFailure tries to tell the asker privately that the answer could not be
// posted (the failure itself is already logged with its method).
func (b *Bot) tellFailure(ctx context.Context, q question, err error) {
	id := newErrorID()
	b.log.Error("could not post the answer", "channel", q.channel, "error_id", id, "err", err)
	if perr := b.postEphemeral(ctx, q.channel, q.user, q.threadTS, textMessage(apology(id))); perr != nil {
		b.log.Error("could not tell the user either", "error_id", id, "err", perr)
	}
}

// answerArticles returns the ids of the articles an answer comes from, best
// first.
func answerArticles(a news.Answer) []string {
	var ids []string
	add := func(x news.Answer) {
		if x.Article.ID != "" {
			ids = append(ids, x.Article.ID)
		}
	}
	add(a)
	for _, q := range a.Quotes {
		add(q)
	}
	for _, alt := range a.Alternatives {
		add(alt)
	}
	return ids
}

func limitText(n int, wait time.Duration) string {
	secs := max(int(wait.Round(time.Second)/time.Second), 1)
	return fmt.Sprintf("You have asked %d questions in the last minute, which is my limit. Please try again in %d seconds.", n, secs)
}
