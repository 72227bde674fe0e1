package bot

import (
	"context"
	"strings"

	"github.com/slack-go/slack"
)

// message is one Slack message as the bot builds it.
type message struct {
	Text   string // escaped mrkdwn fallback for notifications
	Blocks []slack.Block
}

// post sends a message to a channel (in a thread when threadTS is set) and
// returns its ts.
func (b *Bot) post(ctx context.Context, channel, threadTS string, m message) (string, error) {
	opts := []slack.MsgOption{
		slack.MsgOptionText(m.Text, false),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	if len(m.Blocks) > 0 {
		opts = append(opts, slack.MsgOptionBlocks(m.Blocks...))
	}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	var ts string
	err := b.call(ctx, "chat.postMessage", func(ctx context.Context) error {
		var err error
		_, ts, err = b.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
	return ts, err
}

// postEphemeral shows a message to one user in a channel.
func (b *Bot) postEphemeral(ctx context.Context, channel, user, threadTS string, m message) error {
	opts := []slack.MsgOption{slack.MsgOptionText(m.Text, false)}
	if len(m.Blocks) > 0 {
		opts = append(opts, slack.MsgOptionBlocks(m.Blocks...))
	}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	return b.call(ctx, "chat.postEphemeral", func(ctx context.Context) error {
		_, err := b.api.PostEphemeralContext(ctx, channel, user, opts...)
		return err
	})
}

// respond answers a slash command or a button through its response_url.
// responseType is "ephemeral" (only the user sees it) or "in_channel".
func (b *Bot) respond(ctx context.Context, responseURL, responseType string, m message, deleteOriginal bool) error {
	if responseURL == "" || !(strings.HasPrefix(responseURL, "https://") || strings.HasPrefix(responseURL, "http://")) {
		b.log.Error("no usable response_url; reply dropped", "method", "response_url")
		return errNoResponseURL
	}
	no := false
	msg := &slack.WebhookMessage{
		Text:           m.Text,
		ResponseType:   responseType,
		DeleteOriginal: deleteOriginal,
		UnfurlLinks:    &no,
		UnfurlMedia:    &no,
	}
	if len(m.Blocks) > 0 {
		msg.Blocks = &slack.Blocks{BlockSet: m.Blocks}
	}
	return b.call(ctx, "response_url", func(ctx context.Context) error {
		return slack.PostWebhookCustomHTTPContext(ctx, responseURL, b.cfg.HTTPClient, msg)
	})
}

type constError string

func (e constError) Error() string { return string(e) }

const errNoResponseURL = constError("no response_url")

// react adds (or with remove, removes) an emoji reaction to a message.
func (b *Bot) react(ctx context.Context, channel, ts, name string, remove bool) error {
	ref := slack.NewRefToMessage(channel, ts)
	if remove {
		return b.call(ctx, "reactions.remove", func(ctx context.Context) error {
			return b.api.RemoveReactionContext(ctx, name, ref)
		})
	}
	return b.call(ctx, "reactions.add", func(ctx context.Context) error {
		return b.api.AddReactionContext(ctx, name, ref)
	})
}
