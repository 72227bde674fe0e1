package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/slack-go/slack"
)

// The Slack error codes that mean the bot is not in a channel (or, for a
// private channel, cannot even see it until it is invited).
var notMemberCodes = map[string]bool{
	"not_in_channel":    true,
	"channel_not_found": true,
}

// inviteText tells the user to invite the bot before it can post in a
// channel, and what to do then.
func (b *Bot) inviteText(channel, then string) string {
	who := "me"
	if id := b.botUserID(); userIDRE.MatchString(id) {
		who = "me (<@" + id + ">)"
	}
	return fmt.Sprintf("I'm not a member of %s, so I could not post the daily summary there. Invite %s first: type `/invite @newsbot` in the channel (or mention me and choose *Invite them*), then %s.", channelRef(channel), who, then)
}

// channelRef names a channel in mrkdwn: a link for a well-formed id.
func channelRef(channel string) string {
	if channelIDRE.MatchString(channel) {
		return "<#" + channel + ">"
	}
	return "this conversation"
}

var channelIDRE = regexp.MustCompile(`^[CG][A-Z0-9]+$`)

// composedMessage is a message the bot wrote itself, whose only markup is
// channel and user references it built from checked ids: unlike
// textMessage it is not escaped, so the references render as links.
func composedMessage(s string) message {
	return message{Text: s, Blocks: []slack.Block{section(s)}}
}

// postProblem checks, before a daily summary is set up in channel, that the
// bot can post there. It returns what to tell the user ("" when all is
// well; then says what to do once the user has fixed it), or an error when
// Slack could not be asked.
func (b *Bot) postProblem(ctx context.Context, channel, then string) (string, error) {
	if strings.HasPrefix(channel, "D") {
		// A direct message: the bot can post only in its own, and cannot
		// tell which this is without reading DMs (im:read, not requested).
		return "Daily summaries are posted in channels: run `/newsbot summary here 08:30` in the channel that should get them (after inviting me there with `/invite @newsbot`).", nil
	}
	ch, err := b.conversationInfo(ctx, channel)
	var se slack.SlackErrorResponse
	switch {
	case errors.As(err, &se) && notMemberCodes[se.Err]:
		return b.inviteText(channel, then), nil
	case errors.As(err, &se) && se.Err == "missing_scope":
		return "I lack the permission to look up this conversation (missing_scope). A workspace admin must reinstall the app with the scopes of slack-app-manifest.yaml (see bot/README.md, \"Reinstall after scope changes\"); daily summaries work in public and private channels.", nil
	case err != nil:
		return "", err
	case ch.IsArchived:
		return "This channel is archived: I cannot post in it.", nil
	case !ch.IsMember:
		return b.inviteText(channel, then), nil
	}
	return "", nil
}

// conversationInfo asks Slack about a conversation (conversations.info).
func (b *Bot) conversationInfo(ctx context.Context, channel string) (*slack.Channel, error) {
	var ch *slack.Channel
	err := b.call(ctx, "conversations.info", func(ctx context.Context) error {
		var err error
		ch, err = b.api.GetConversationInfoContext(ctx, &slack.GetConversationInfoInput{ChannelID: channel})
		return err
	})
	return ch, err
}

// ReportSummaryFailure tells user (a Slack user id; nobody when empty) by
// direct message that the daily summary of channel could not be posted
// today, why, and what to do. It is the schedule's Failed hook.
func (b *Bot) ReportSummaryFailure(ctx context.Context, channel, user string, attempts int, cause error) error {
	reason := b.failureReason(channel, cause)
	if user == "" {
		b.log.Warn("daily summary failed; nobody to tell (the default channel of NEWSBOT_SUMMARY_CHANNEL)", "channel", channel, "reason", reason)
		return nil
	}
	text := fmt.Sprintf("The daily summary for %s could not be posted today (tried %d times): %s It is tried again when newsbot restarts today, and at the usual time tomorrow.", channelRef(channel), attempts, reason)
	var dm string
	err := b.call(ctx, "conversations.open", func(ctx context.Context) error {
		ch, _, _, err := b.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{user}})
		if err == nil {
			dm = ch.ID
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("tell %s the summary failed: %w", user, err)
	}
	if _, err := b.post(ctx, dm, "", composedMessage(text)); err != nil {
		return fmt.Errorf("tell %s the summary failed: %w", user, err)
	}
	return nil
}

// failureReason words why a summary post failed, for the person who set it
// up: Slack's reasons with their fix, anything else with an id to find the
// log line.
func (b *Bot) failureReason(channel string, err error) string {
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		switch {
		case notMemberCodes[se.Err]:
			return fmt.Sprintf("I am not a member of %s. Invite me with `/invite @newsbot` in the channel.", channelRef(channel))
		case se.Err == "is_archived":
			return "the channel is archived. Run `/newsbot summary off` there, or `/newsbot summary here` in another channel."
		case se.Err == "missing_scope":
			return "the app lacks a permission (missing_scope). A workspace admin must reinstall it (bot/README.md, \"Reinstall after scope changes\")."
		case authCodes[se.Err]:
			return "Slack refused my token (" + se.Err + "). A workspace admin must reinstall the app and update SLACK_BOT_TOKEN."
		case se.Err == "restricted_action" || se.Err == "cant_post" || se.Err == "ekm_access_denied":
			return "the channel does not allow me to post (" + se.Err + "). A channel manager can change who may post."
		}
		return "Slack answered " + se.Err + "."
	}
	id := newErrorID()
	b.log.Error("daily summary failed", "channel", channel, "error_id", id, "err", err)
	return fmt.Sprintf("something went wrong on my side (error id %s, for whoever runs newsbot).", id)
}

// CheckSummaryChannel checks, in the background, that the bot can post in
// the default summary channel (NEWSBOT_SUMMARY_CHANNEL) and logs what to do
// when it cannot: nobody else would learn it before the first summary
// fails. Run waits for the check when it stops.
func (b *Bot) CheckSummaryChannel(channel string) {
	if channel == "" {
		return
	}
	b.spawn("check summary channel", func(ctx context.Context) {
		problem, err := b.postProblem(ctx, channel, "restart newsbot (or type `/newsbot summary here` in the channel)")
		switch {
		case err != nil:
			b.log.Warn("could not check NEWSBOT_SUMMARY_CHANNEL", "channel", channel, "err", err)
		case problem != "":
			b.log.Error("NEWSBOT_SUMMARY_CHANNEL: the daily summary cannot be posted there yet", "channel", channel, "fix", problem)
		}
	}, nil)
}
