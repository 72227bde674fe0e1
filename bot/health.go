package bot

import (
	"newsbot/news"

	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// The health endpoints follow the liveness/readiness convention:
//
//   - GET /healthz answers whether newsbot is able to answer: 503 when
//     Slack refuses the bot token, the index cannot be read, Socket Mode has
//     been disconnected for socketGrace, or the bot is shutting down; these
//     need a person (or a restart), so monitors and liveness probes point
//     here.
//   - GET /readyz answers whether Slack traffic should come here now: 503
//     also while the checks have not yet passed once (the token not yet
//     confirmed by auth.test, Socket Mode not connected). Load balancers,
//     readiness probes and rolling deploys point here.
//
// Both answer JSON with every check and, when something is wrong, what to
// do about it.

// authRecheck is how old the last auth.test may be before a health request
// asks Slack again: a token revoked while serving shows within a minute,
// and a monitor polling every second costs Slack one call a minute.
const authRecheck = time.Minute

// authRetry is the same for a token Slack has not answered about (not
// reachable): soon enough to become ready quickly, rare enough not to queue
// probes behind a hanging call.
const authRetry = 5 * time.Second

// socketGrace is how long Socket Mode may stay disconnected before /healthz
// fails: Slack asks clients to reconnect every few hours and a reconnect
// takes seconds, so two minutes down means newsbot cannot answer.
const socketGrace = 2 * time.Minute

// downWatch remembers since when the health checks have seen the Socket
// Mode connection down.
type downWatch struct {
	mu    sync.Mutex
	since time.Time // zero: seen up (or not seen yet)
}

// observe records the connection state seen at now and returns how long it
// has been seen down.
func (d *downWatch) observe(up bool, now time.Time) time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	if up {
		d.since = time.Time{}
		return 0
	}
	if d.since.IsZero() {
		d.since = now
	}
	return now.Sub(d.since)
}

// healthTimeout bounds each check of a health request.
const healthTimeout = 5 * time.Second

// healthAuthTimeout bounds the auth.test a health request may wait for:
// probes commonly time out after 1-2 s, and a token's state is known from
// the last check anyway.
const healthAuthTimeout = 800 * time.Millisecond

// The states of the bot token, as auth.test last said.
const (
	authUnknown = "unknown" // not checked yet, or Slack could not be reached
	authOK      = "ok"
	authRefused = "refused"
)

// authCodes are the Web API errors that mean the bot token itself is
// refused: no retry helps, someone must reinstall or replace the token.
var authCodes = map[string]bool{
	"invalid_auth":       true,
	"not_authed":         true,
	"token_revoked":      true,
	"token_expired":      true,
	"account_inactive":   true,
	"org_login_required": true,
}

// authState is what the bot knows of its token.
type authState struct {
	mu      sync.Mutex
	check   chan struct{} // holds a token while an auth.test runs: one at a time
	state   string
	code    string // the Slack error code when refused
	checked time.Time
}

func (a *authState) get() (state, code string, checked time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.state, a.code, a.checked
}

func (a *authState) set(state, code string, at time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.state, a.code, a.checked = state, code, at
}

// authRefusal returns the Slack error code when err says the bot token is
// refused, else "".
func authRefusal(err error) string {
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && authCodes[se.Err] {
		return se.Err
	}
	return ""
}

// noteCallError records a refused token seen on any Web API call, so that
// health reports it without waiting for the next auth.test. (The call's
// failure is logged by logPermanent, with msgBotTokenRefused.)
func (b *Bot) noteCallError(err error) {
	if code := authRefusal(err); code != "" {
		b.auth.set(authRefused, code, b.now())
	}
}

// checkAuth asks Slack (auth.test) whether the bot token is good, unless it
// did so less than authRecheck ago, and returns the state.
func (b *Bot) checkAuth(ctx context.Context) (state, code string) {
	// Wait for an auth.test already running (at start it may retry for
	// up to retryBudget while Slack is unreachable), but no longer than ctx
	// allows: a health request then reports what is known.
	select {
	case b.auth.check <- struct{}{}:
		defer func() { <-b.auth.check }()
	case <-ctx.Done():
		state, code, _ := b.auth.get()
		return state, code
	}
	state, code, checked := b.auth.get()
	every := authRecheck
	if state == authUnknown {
		every = authRetry
	}
	if !checked.IsZero() && b.now().Sub(checked) < every {
		return state, code
	}
	_ = b.identify(ctx) // it records the state
	state, code, _ = b.auth.get()
	return state, code
}

// health is the result of the checks behind /healthz and /readyz.
type health struct {
	Status          string   `json:"status"` // ok, starting, unavailable, shutting down
	Mode            string   `json:"mode"`
	SlackAuth       string   `json:"slack_auth"`
	Index           string   `json:"index"`
	SocketConnected *bool    `json:"socket_connected,omitempty"`
	Problems        []string `json:"problems,omitempty"`
}

// checkHealth runs the checks. healthy is false when newsbot cannot answer
// without someone acting; ready is false also while a check has not yet
// passed.
func (b *Bot) checkHealth(ctx context.Context) (h health, healthy, ready bool) {
	ctx, cancel := context.WithTimeout(ctx, healthTimeout)
	defer cancel()
	h.Mode = "http"
	if b.cfg.SocketMode() {
		h.Mode = "socket"
		c := b.connected.Load()
		h.SocketConnected = &c
	}
	healthy, ready = true, true

	// Slack gets a short part of the request's time: a probe must hear
	// back quickly even when Slack is unreachable (then the last known
	// state is reported).
	actx, acancel := context.WithTimeout(ctx, healthAuthTimeout)
	auth, code := b.checkAuth(actx)
	acancel()
	h.SlackAuth = auth
	switch auth {
	case authRefused:
		healthy, ready = false, false
		h.Problems = append(h.Problems, msgBotTokenRefused(code))
	case authUnknown:
		ready = false
		h.Problems = append(h.Problems, "Slack has not confirmed SLACK_BOT_TOKEN yet (auth.test did not answer): check that "+b.cfg.APIURL+" is reachable from this host")
	}

	h.Index = "ok"
	if _, err := b.svc.List(ctx, news.Scope{}, 1); err != nil {
		h.Index = "unusable"
		healthy, ready = false, false
		id := newErrorID()
		b.log.Error("health: the index cannot be read", "error_id", id, "err", err)
		h.Problems = append(h.Problems, "the article index cannot be read (error id "+id+" names the log line with the cause): fix what it says, or stop newsbot and run `newsbot reindex`")
	}

	if h.SocketConnected != nil {
		down := b.sockDown.observe(*h.SocketConnected, b.now())
		switch {
		case *h.SocketConnected:
		case down >= socketGrace:
			healthy, ready = false, false
			h.Problems = append(h.Problems, "Socket Mode has been disconnected for "+down.Round(time.Second).String()+": check the log, SLACK_APP_TOKEN ("+msgAppTokenHow+") and that this host reaches Slack")
		default:
			ready = false
			h.Problems = append(h.Problems, "Socket Mode is not connected (yet): if this lasts, check SLACK_APP_TOKEN and that Socket Mode is enabled in the app settings")
		}
	}
	if b.closing.Load() {
		healthy, ready = false, false
		h.Status = "shutting down"
		return h, healthy, ready
	}
	switch {
	case !healthy:
		h.Status = "unavailable"
	case !ready:
		h.Status = "starting"
	default:
		h.Status = "ok"
	}
	return h, healthy, ready
}

func (b *Bot) healthz(w http.ResponseWriter, r *http.Request) {
	h, healthy, _ := b.checkHealth(r.Context())
	writeHealth(w, h, healthy)
}

func (b *Bot) readyz(w http.ResponseWriter, r *http.Request) {
	h, _, ready := b.checkHealth(r.Context())
	writeHealth(w, h, ready)
}

func writeHealth(w http.ResponseWriter, h health, ok bool) {
	code := http.StatusOK
	if !ok {
		code = http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // the problems are read by people: keep "&" and ">"
	_ = enc.Encode(h)
}
