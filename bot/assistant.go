package bot

import (
	"context"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"newsbot/news"
)

// The assistant split view (Slack's AI app surface). Slack opens an
// assistant thread in the user's DM with newsbot (assistant_thread_started)
// and newsbot sets suggested prompts drawn from today's articles; the
// user's messages there arrive as DM messages in that thread and are
// answered in it (the DM path), with a status shown while newsbot
// searches. Everything is asked in the DM's scope: what the user's DM with
// newsbot may see, whatever channel the user has open beside it.

// Limits of the assistant view.
const (
	assistantPrompts = 3 // Slack shows up to four
	// maxPromptTitle keeps a prompt's title to what the view shows on one
	// line.
	maxPromptTitle = 75
	assistantTitle = "Ask about today's news"
	// assistantStatus is shown in the thread while an answer is searched.
	assistantStatus = "Searching the news…"
)

// assistantKey marks a thread as an assistant thread in the state's
// thread memory (it then gets the status while answering).
func assistantKey(channel, ts string) string { return "assistant:" + threadKey(channel, ts) }

// onAssistantThread handles assistant_thread_started and
// assistant_thread_context_changed: it (re)sets the suggested prompts.
func (b *Bot) onAssistantThread(t slackevents.AssistantThread) {
	if t.ChannelID == "" || t.ThreadTimeStamp == "" {
		return
	}
	b.spawn("assistant thread", func(ctx context.Context) {
		now := b.now()
		if err := b.state.PutThread(ctx, assistantKey(t.ChannelID, t.ThreadTimeStamp), []string{"assistant"}, now, now.Add(-StateMaxAge)); err != nil {
			b.log.Error("could not remember the assistant thread", "err", err)
		}
		b.suggestPrompts(ctx, t.ChannelID, t.ThreadTimeStamp)
	}, nil)
}

// suggestPrompts sets the assistant thread's suggested prompts: questions
// drawn from the quotes of the articles added today, else from the newest
// articles, that the DM may see.
func (b *Bot) suggestPrompts(ctx context.Context, channel, threadTS string) {
	scope := news.In(channel)
	now := b.now()
	var prompts []slack.AssistantThreadsPrompt
	add := func(q string) {
		if len(prompts) < assistantPrompts && q != "" {
			prompts = append(prompts, slack.AssistantThreadsPrompt{Title: cut(q, maxPromptTitle), Message: cut(q, 500)})
		}
	}
	if d, err := b.svc.Summary(ctx, scope, now.Add(-24*time.Hour), now); err != nil {
		b.log.Error("could not read today's articles for the suggested prompts", "err", err)
	} else {
		for _, q := range d.Quotes {
			if w := quoteWords(q.Quote, 7); w != "" {
				add("who said " + w + "?")
			}
		}
		for _, a := range d.Articles {
			add("who was quoted in " + cut(oneLine(a.Title), 100) + "?")
		}
	}
	if len(prompts) < assistantPrompts {
		list, err := b.svc.List(ctx, scope, assistantPrompts)
		if err != nil {
			b.log.Error("could not list the articles for the suggested prompts", "err", err)
		}
		for _, s := range list {
			add("who was quoted in " + cut(oneLine(s.Title), 100) + "?")
		}
	}
	if len(prompts) == 0 {
		add("how do I add an article?") // answered by the empty library's hint
	}
	err := b.call(ctx, "assistant.threads.setSuggestedPrompts", func(ctx context.Context) error {
		return b.api.SetAssistantThreadsSuggestedPromptsContext(ctx, slack.AssistantThreadsSetSuggestedPromptsParameters{
			Title: assistantTitle, ChannelID: channel, ThreadTS: threadTS, Prompts: prompts,
		})
	})
	if err != nil {
		b.log.Error("could not set the suggested prompts", "channel", channel, "err", err)
	}
}

// assistantStatusOn shows the "searching" status in an assistant thread
// (Slack clears it when the answer is posted). Other threads are left
// alone: the status exists only in assistant threads.
func (b *Bot) assistantStatusOn(ctx context.Context, q question) {
	if !q.dm || q.threadTS == "" {
		return
	}
	ids, err := b.state.Thread(ctx, assistantKey(q.channel, q.threadTS), b.now().Add(-StateMaxAge))
	if err != nil || len(ids) == 0 {
		return
	}
	err = b.call(ctx, "assistant.threads.setStatus", func(ctx context.Context) error {
		return b.api.SetAssistantThreadsStatusContext(ctx, slack.AssistantThreadsSetStatusParameters{
			ChannelID: q.channel, ThreadTS: q.threadTS, Status: assistantStatus,
		})
	})
	if err != nil {
		b.log.Warn("could not show the assistant status", "err", err)
	}
}
