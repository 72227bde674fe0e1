package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

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
	// The key finds this message again when a failed attempt may have
	// posted it after all (a 5xx or a timeout after Slack took it).
	key := newPostKey()
	opts = append(opts, slack.MsgOptionMetadata(slack.SlackMetadata{EventType: postEventType, EventPayload: map[string]any{postKeyField: key}}))
	since := b.now().Add(-postLookBack)
	var ts string
	err := b.callChecked(ctx, "chat.postMessage", func(ctx context.Context) error {
		var err error
		_, ts, err = b.api.PostMessageContext(ctx, channel, opts...)
		return err
	}, func(ctx context.Context) (bool, error) {
		found, err := b.findPosted(ctx, channel, threadTS, key, since)
		if found != "" {
			ts = found
		}
		return found != "", err
	})
	return ts, err
}

// Message metadata that marks the bot's posts, so that a retry after an
// ambiguous failure can tell whether the message is already there.
const (
	postEventType = "newsbot_post"
	postKeyField  = "key"
	// postLookBack is how far before the first attempt the lookup reads
	// (clocks of the bot and Slack differ a little).
	postLookBack = time.Minute
	// postLookLimit is the number of recent messages the lookup reads.
	postLookLimit = 100
)

// newPostKey returns a random key for one message.
func newPostKey() string { return newID() + newID() }

// findPosted looks for the message carrying key among the recent
// messages of the thread (or of the channel, for a top-level post) and
// returns its ts, "" when it is not there.
func (b *Bot) findPosted(ctx context.Context, channel, threadTS, key string, since time.Time) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, attemptTimeout)
	defer cancel()
	oldest := fmt.Sprintf("%d.000000", since.Unix())
	var msgs []slack.Message
	var err error
	if threadTS != "" {
		msgs, _, _, err = b.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
			ChannelID: channel, Timestamp: threadTS, Oldest: oldest, Limit: postLookLimit, IncludeAllMetadata: true})
	} else {
		var h *slack.GetConversationHistoryResponse
		h, err = b.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID: channel, Oldest: oldest, Limit: postLookLimit, IncludeAllMetadata: true})
		if h != nil {
			msgs = h.Messages
		}
	}
	if err != nil {
		return "", fmt.Errorf("look for the message: %w", err)
	}
	for _, m := range msgs {
		if m.Metadata.EventType == postEventType && fmt.Sprint(m.Metadata.EventPayload[postKeyField]) == key {
			return m.Timestamp, nil
		}
	}
	return "", nil
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
