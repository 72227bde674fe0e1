package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"syscall"
	"time"

	"github.com/slack-go/slack"
)

// Retry policy of Web API calls. Slack's API answers 5xx, times out and
// resets connections now and then, and answers 429 with a Retry-After when
// a method's rate limit is reached; a bot people rely on rides these out.
// Every attempt is bounded, and so is the whole call, waits included.
const (
	// attemptTimeout bounds one attempt (Slack answers in well under a
	// second normally).
	attemptTimeout = 15 * time.Second
	// retryBudget bounds a call: its attempts and waits. Past it the call
	// fails, is logged, and the user is told where possible.
	retryBudget = time.Minute
	// firstBackoff doubles after each transient failure, up to maxBackoff.
	firstBackoff = 500 * time.Millisecond
	maxBackoff   = 8 * time.Second
)

// permanentErrors are Slack error codes that no retry can fix, with what
// they mean. The codes that refuse the bot token (authCodes) are logged
// with msgBotTokenRefused, which names the key to fix.
var permanentErrors = map[string]string{
	"missing_scope":       "the app lacks a scope: reinstall it from slack-app-manifest.yaml",
	"channel_not_found":   "the channel does not exist or the bot cannot see it",
	"not_in_channel":      "the bot is not in the channel: invite it with /invite @newsbot",
	"is_archived":         "the channel is archived",
	"msg_too_long":        "the message is too long",
	"no_text":             "the message has no text",
	"invalid_blocks":      "the message's blocks are invalid",
	"restricted_action":   "a workspace setting forbids the bot to post there",
	"cannot_dm_bot":       "a bot cannot be sent a DM",
	"user_not_in_channel": "the user is not in the channel",
}

// failure is how a failed attempt is handled.
type failure int

const (
	// failPermanent: give up at once.
	failPermanent failure = iota
	// failRateLimited: Slack refused the call (429); wait as it says and
	// try again. The call did not take effect.
	failRateLimited
	// failTransient: a 5xx, timeout or broken connection; back off and try
	// again. The call may have taken effect (ambiguous).
	failTransient
)

// classify says how to handle err from one attempt.
func classify(err error) (failure, time.Duration) {
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		return failRateLimited, rl.RetryAfter
	}
	var sc slack.StatusCodeError
	if errors.As(err, &sc) {
		if sc.Code >= 500 || sc.Code == 408 {
			return failTransient, 0
		}
		return failPermanent, 0
	}
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		switch se.Err {
		case "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited":
			return failTransient, 0
		}
		return failPermanent, 0
	}
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout(),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return failTransient, 0
	}
	return failPermanent, 0
}

// call runs one Web API call with the retry policy above.
func (b *Bot) call(ctx context.Context, method string, fn func(ctx context.Context) error) error {
	return b.callChecked(ctx, method, fn, nil)
}

// callChecked is call for methods that must not take effect twice: after
// a transient failure, which may have taken effect, posted is asked before
// the next attempt, and a true answer ends the call as a success.
func (b *Bot) callChecked(ctx context.Context, method string, fn func(ctx context.Context) error, posted func(ctx context.Context) (bool, error)) error {
	backoff := firstBackoff
	var spent time.Duration
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, attemptTimeout)
		began := time.Now()
		err := fn(actx)
		cancel()
		spent += time.Since(began)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("slack %s: %w", method, ctx.Err())
		}
		kind, wait := classify(err)
		switch kind {
		case failPermanent:
			b.noteCallError(err)
			b.logPermanent(method, err)
			return fmt.Errorf("slack %s: %w", method, err)
		case failRateLimited:
			wait = max(wait, time.Second)
		case failTransient:
			wait = jitter(backoff)
			backoff = min(2*backoff, maxBackoff)
		}
		if spent+wait > retryBudget {
			b.log.Error("slack call failed; giving up", "method", method, "attempts", attempt, "err", err)
			return fmt.Errorf("slack %s: gave up after %d attempts: %w", method, attempt, err)
		}
		if kind == failRateLimited {
			b.log.Warn("rate limited by Slack; retrying", "method", method, "retry_after", wait, "attempt", attempt)
		} else {
			b.log.Warn("slack call failed; retrying", "method", method, "err", err, "wait", wait, "attempt", attempt)
		}
		if err := b.sleep(ctx, wait); err != nil {
			return fmt.Errorf("slack %s: %w", method, err)
		}
		spent += wait
		if kind == failTransient && posted != nil {
			ok, perr := posted(ctx)
			switch {
			case perr != nil:
				b.log.Warn("could not check whether a failed call took effect; trying it again", "method", method, "err", perr)
			case ok:
				b.log.Info("a failed call had taken effect; not repeating it", "method", method, "attempt", attempt)
				return nil
			}
		}
	}
}

// logPermanent logs an error no retry fixes, saying what to do when known.
func (b *Bot) logPermanent(method string, err error) {
	if code := authRefusal(err); code != "" {
		b.log.Error("slack call refused: "+msgBotTokenRefused(code), "method", method, "error", code)
		return
	}
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		if why, ok := permanentErrors[se.Err]; ok {
			b.log.Error("slack call refused: "+why, "method", method, "error", se.Err)
			return
		}
	}
	b.log.Error("slack call failed", "method", method, "err", err)
}

// jitter spreads a backoff over [0.8, 1.2) of itself, so that many
// answers failing together do not retry together.
func jitter(d time.Duration) time.Duration {
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
}
