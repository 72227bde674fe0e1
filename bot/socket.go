package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// runSocket receives events over Socket Mode until ctx is cancelled. Every
// envelope is acknowledged before its work starts.
func (b *Bot) runSocket(ctx context.Context) error {
	sm := b.socketClient()
	runErr := make(chan error, 1)
	go func() { runErr <- sm.RunContext(ctx) }()
	defer b.connected.Store(false)
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-runErr:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("socket mode: %w (if SLACK_APP_TOKEN is the cause: %s)", err, msgAppTokenHow)
		case evt := <-sm.Events:
			b.onSocketEvent(ctx, sm, evt)
		}
	}
}

func (b *Bot) onSocketEvent(ctx context.Context, sm *socketmode.Client, evt socketmode.Event) {
	defer func() {
		if v := recover(); v != nil {
			b.log.Error("panic handling socket event", "type", evt.Type, "error_id", newErrorID(), "panic", fmt.Sprint(v))
		}
	}()
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		b.log.Debug("socket mode connecting")
	case socketmode.EventTypeConnected:
		b.connected.Store(true)
		b.log.Info("socket mode connected")
	case socketmode.EventTypeConnectionError:
		b.connected.Store(false)
		b.log.Warn("socket mode connection failed; retrying", "err", eventErr(evt.Data))
	case socketmode.EventTypeInvalidAuth:
		b.log.Error("socket mode: " + msgAppTokenRefused)
	case socketmode.EventTypeDisconnect:
		b.connected.Store(false)
		b.log.Info("socket mode: Slack asked to reconnect")
	case socketmode.EventTypeHello:
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		b.log.Debug("socket mode message problem", "type", evt.Type, "err", eventErr(evt.Data))
	case socketmode.EventTypeEventsAPI:
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok || evt.Request == nil {
			return
		}
		b.ack(ctx, sm, evt.Request, nil)
		if ev.Type == slackevents.CallbackEvent {
			b.onEvent(ev, evt.Request.RetryAttempt, evt.Request.RetryReason)
		}
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			return
		}
		ack, work := b.onCommand(cmd)
		var payload any
		if ack != nil {
			payload = ack
		}
		b.ack(ctx, sm, evt.Request, payload)
		if work != nil {
			work()
		}
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		if !ok || evt.Request == nil {
			return
		}
		b.ack(ctx, sm, evt.Request, nil)
		b.onInteraction(cb)
	}
}

func (b *Bot) ack(ctx context.Context, sm *socketmode.Client, req *socketmode.Request, payload any) {
	if err := sm.AckCtx(ctx, req.EnvelopeID, payload); err != nil && !errors.Is(err, context.Canceled) {
		b.log.Error("socket mode ack failed", "method", "ack", "err", err)
	}
}

func eventErr(data any) any {
	switch d := data.(type) {
	case *slack.ConnectionErrorEvent:
		return d.ErrorObj
	case *slack.IncomingEventError:
		return d.ErrorObj
	case *socketmode.ErrorBadMessage:
		return d.Cause
	case *socketmode.ErrorWriteFailed:
		return d.Cause
	}
	return data
}
