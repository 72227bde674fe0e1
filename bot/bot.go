// Package bot is newsbot's Slack side, and the only package that imports
// slack-go: it receives events, slash commands and button clicks over Socket
// Mode or the HTTP Events API, acknowledges them at once, asks the Service,
// and renders answers and daily digests as escaped Block Kit messages.
package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"newsbot/news"
)

// Bot is a running Slack bot. Create it with New.
type Bot struct {
	cfg     Config
	log     *slog.Logger
	svc     Service
	api     *slack.Client
	now     func() time.Time
	handler http.Handler

	state  State
	shares *lru[sharedAnswer]
	limit  *limiter
	admins adminCache // who users.info says is a workspace admin

	botUser   atomic.Value // string: the bot's user id
	auth      authState    // what auth.test last said of the bot token
	connected atomic.Bool  // Socket Mode connection is up
	sockDown  downWatch    // since when health checks have seen the socket down
	closing   atomic.Bool  // shutting down: take no new work

	tasks   sync.WaitGroup
	taskMu  sync.Mutex
	taskSeq uint64
	cancels map[uint64]context.CancelFunc

	// sleep waits before a retry; tests replace it to observe Retry-After.
	sleep func(ctx context.Context, d time.Duration) error
}

// New checks the configuration and builds the bot; Run starts it.
func New(cfg Config) (*Bot, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	log = log.With("component", "slack")
	opts := []slack.Option{
		slack.OptionAPIURL(cfg.APIURL),
		slack.OptionHTTPClient(cfg.HTTPClient),
		slack.OptionLog(slog.NewLogLogger(log.Handler(), slog.LevelDebug)),
	}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	b := &Bot{
		cfg:     cfg,
		log:     log,
		svc:     cfg.Service,
		api:     slack.New(cfg.BotToken, opts...),
		now:     cfg.Now,
		state:   cfg.State,
		shares:  newLRU[sharedAnswer](2000),
		limit:   newLimiter(cfg.QuestionsPerMinute),
		cancels: map[uint64]context.CancelFunc{},
		sleep:   sleepCtx,
	}
	b.botUser.Store("")
	b.auth.check = make(chan struct{}, 1)
	b.auth.set(authUnknown, "", time.Time{})
	b.handler = b.routes()
	return b, nil
}

// Handler is the bot's HTTP handler: /healthz, and in HTTP mode
// /slack/events, /slack/commands and /slack/interactions.
func (b *Bot) Handler() http.Handler { return b.handler }

// Run serves until ctx is cancelled, then stops taking events, waits for the
// work in flight (at most Config.ShutdownTimeout) and returns. It returns an
// error at once when the listener cannot be opened or Slack refuses the
// tokens.
func (b *Bot) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", b.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on NEWSBOT_LISTEN %q: %w", b.cfg.Listen, err)
	}
	srv := &http.Server{
		Handler:           b.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		ErrorLog:          slog.NewLogLogger(b.log.Handler(), slog.LevelWarn),
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	b.log.Info("serving", "config", b.cfg, "addr", ln.Addr().String())
	// Learn who the bot is without delaying the listener. A token Slack
	// refuses at start ends Run with an error naming it; one refused later
	// turns /healthz to 503 (checkAuth rechecks it). Slack being
	// unreachable is neither (the calls are retried, health reports it as
	// not yet ready, and events carry the bot's id too).
	authErr := make(chan error, 1)
	go func() {
		if state, code := b.checkAuth(ctx); state == authRefused {
			authErr <- errors.New(msgBotTokenRefused(code))
		}
	}()

	sockCtx, stopSocket := context.WithCancel(ctx)
	defer stopSocket()
	sockErr := make(chan error, 1)
	if b.cfg.SocketMode() {
		go func() { sockErr <- b.runSocket(sockCtx) }()
	}

	var runErr error
	sockDone := false
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		runErr = fmt.Errorf("http server: %w", err)
	case err := <-authErr:
		runErr = err
	case err := <-sockErr:
		sockDone = true
		if err != nil && !errors.Is(err, context.Canceled) {
			runErr = err
		}
	}

	// Stop taking events: un-acknowledged Socket Mode envelopes and HTTP
	// requests are redelivered by Slack to the next instance.
	b.taskMu.Lock() // no task starts after this: spawn checks closing under the lock
	b.closing.Store(true)
	b.taskMu.Unlock()
	stopSocket()
	if b.cfg.SocketMode() && !sockDone {
		select { // the socket goroutine hands no more events out
		case <-sockErr:
		case <-time.After(b.cfg.ShutdownTimeout):
		}
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), b.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		b.log.Warn("http shutdown", "err", err)
	}
	if !b.waitTasks(shutCtx) {
		b.log.Warn("shutdown: work still in flight after the timeout; cancelling it", "timeout", b.cfg.ShutdownTimeout)
		b.cancelTasks()
		grace, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		b.waitTasks(grace)
	}
	b.log.Info("stopped")
	return runErr
}

// identify learns the bot's own user id, to ignore its own messages and to
// strip its mention from questions. It returns an error only when Slack
// refuses the token; other failures are logged (events carry the id too).
func (b *Bot) identify(ctx context.Context) error {
	var resp *slack.AuthTestResponse
	err := b.call(ctx, "auth.test", func(ctx context.Context) error {
		var err error
		resp, err = b.api.AuthTestContext(ctx)
		return err
	})
	if err != nil {
		if authRefusal(err) != "" {
			return err // call has recorded and logged it; Run reports it at start
		}
		if ctx.Err() != nil {
			// the caller stopped waiting (a health request's short
			// budget): what was known of the token still holds
			return nil
		}
		b.auth.set(authUnknown, "", b.now())
		b.log.Warn("could not identify the bot user; relying on events", "err", err)
		return nil
	}
	b.auth.set(authOK, "", b.now())
	b.setBotUser(resp.UserID)
	b.log.Info("connected to Slack", "team", resp.Team, "bot_user", resp.UserID)
	return nil
}

func (b *Bot) setBotUser(id string) {
	if id != "" {
		b.botUser.CompareAndSwap("", id)
	}
}

func (b *Bot) botUserID() string { return b.botUser.Load().(string) }

// spawn runs fn in the background as tracked work: shutdown waits for it, a
// panic is recovered and logged (then onPanic may tell the user), and its
// context is cancelled only when shutdown gives up waiting.
func (b *Bot) spawn(name string, fn func(ctx context.Context), onPanic func(ctx context.Context, errID string)) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	b.taskMu.Lock()
	if b.closing.Load() {
		b.taskMu.Unlock()
		cancel()
		b.log.Warn("shutting down: work not started", "task", name)
		return
	}
	b.taskSeq++
	id := b.taskSeq
	b.cancels[id] = cancel
	b.tasks.Add(1)
	b.taskMu.Unlock()
	go func() {
		defer func() {
			b.taskMu.Lock()
			delete(b.cancels, id)
			b.taskMu.Unlock()
			cancel()
			b.tasks.Done()
		}()
		defer func() {
			if v := recover(); v != nil {
				errID := newErrorID()
				b.log.Error("panic in handler", "task", name, "error_id", errID, "panic", fmt.Sprint(v))
				b.log.Debug("stack of the panic", "error_id", errID, "stack", string(debug.Stack()))
				if onPanic != nil {
					func() {
						defer func() { _ = recover() }()
						onPanic(ctx, errID)
					}()
				}
			}
		}()
		fn(ctx)
	}()
}

// waitTasks waits for the work in flight; false when ctx ended first.
func (b *Bot) waitTasks(ctx context.Context) bool {
	done := make(chan struct{})
	go func() { b.tasks.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	}
}

func (b *Bot) cancelTasks() {
	b.taskMu.Lock()
	defer b.taskMu.Unlock()
	for _, c := range b.cancels {
		c()
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// newErrorID returns a short random id that ties a user's apology to the
// log line of its error.
func newErrorID() string { return newID() }

// newID returns 8 random hex digits.
func newID() string {
	var p [4]byte
	_, _ = rand.Read(p[:])
	return hex.EncodeToString(p[:])
}

// userError returns what to tell a user about err: the error's own text for
// the errors meant for users (not found, invalid, duplicate, forbidden,
// unavailable), otherwise a short apology with an id that finds the log line.
func (b *Bot) userError(err error, what string) string {
	switch {
	case errors.Is(err, news.ErrNotFound), errors.Is(err, news.ErrInvalid), errors.Is(err, news.ErrDuplicate),
		errors.Is(err, news.ErrForbidden), errors.Is(err, news.ErrUnavailable):
		return capitalize(err.Error())
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		id := newErrorID()
		b.log.Warn("interrupted", "what", what, "error_id", id, "err", err)
		return fmt.Sprintf("Sorry, that took too long and was interrupted (error id %s). Please try again.", id)
	}
	id := newErrorID()
	b.log.Error("request failed", "what", what, "error_id", id, "err", err)
	return apology(id)
}

func apology(id string) string {
	return fmt.Sprintf("Sorry, something went wrong on my side (error id %s). Please try again in a moment.", id)
}

func capitalize(s string) string {
	if s == "" || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return s // a message that starts with a URL keeps it as written
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// socketClient builds the Socket Mode client.
func (b *Bot) socketClient() *socketmode.Client {
	return socketmode.New(b.api, socketmode.OptionLog(slog.NewLogLogger(b.log.Handler(), slog.LevelDebug)))
}
