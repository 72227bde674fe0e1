package bot

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

// Service is what the bot needs of the rest of newsbot; *handlers.Handlers
// implements it.
type Service interface {
	Ask(ctx context.Context, req handlers.AskRequest) (news.Answer, error)
	AddPasted(ctx context.Context, pasted string) (handlers.AddResult, error)
	AddURL(ctx context.Context, url string) (handlers.AddResult, error)
	List(ctx context.Context, limit int) ([]news.Summary, error)
	Remove(ctx context.Context, idOrURL string) (news.Ref, error)
	Summary(ctx context.Context, from, to time.Time) (news.Digest, error)
}

// State keeps what the bot must remember across restarts (implemented by
// index.Index): the event deliveries it has taken, so that Slack's retries
// are answered once, and the articles each thread is about. Entries
// recorded before since count as absent.
type State interface {
	// FirstSeen records keys at now and reports whether none of them was
	// recorded at or after since.
	FirstSeen(ctx context.Context, now, since time.Time, keys ...string) (bool, error)
	// PutThread records the articles (best first) of the thread key.
	PutThread(ctx context.Context, key string, ids []string, now, since time.Time) error
	// Thread returns the articles of the thread key (nil when unknown).
	Thread(ctx context.Context, key string, since time.Time) ([]string, error)
}

// StateMaxAge is how long the bot remembers a delivery or a thread: Slack
// retries an event for minutes, and people follow up in a thread for days.
const StateMaxAge = 7 * 24 * time.Hour

// Scheduler changes the daily summary of a channel (implemented by the
// schedule package). Its errors are shown to the user who asked.
type Scheduler interface {
	// Set posts the summary in channel every day at hhmm ("08:30") in zone
	// (an IANA name; empty for the default zone).
	Set(channel, hhmm, zone string) error
	// Off stops the summary in channel.
	Off(channel string) error
	// Describe says when the summary is posted in channel, for humans.
	Describe(channel string) string
}

// DefaultAPIURL is Slack's Web API base URL.
const DefaultAPIURL = "https://slack.com/api/"

// Config configures the Slack bot. Tokens and secrets are never logged.
type Config struct {
	// BotToken is the Bot User OAuth Token (SLACK_BOT_TOKEN, xoxb-...).
	BotToken string
	// AppToken is the app-level token (SLACK_APP_TOKEN, xapp-...); when set,
	// events arrive over Socket Mode and no public URL is needed.
	AppToken string
	// SigningSecret verifies HTTP requests from Slack (SLACK_SIGNING_SECRET);
	// required in HTTP mode.
	SigningSecret string
	// APIURL is the Web API base URL (SLACK_API_URL); DefaultAPIURL if empty.
	APIURL string
	// Listen is the HTTP server's address (NEWSBOT_LISTEN); ":3000" if empty.
	Listen string
	// Service answers questions and manages articles. Required.
	Service Service
	// State remembers deliveries and threads across restarts. Required.
	State State
	// Schedule changes daily summaries; optional (the command then says
	// scheduling is not configured).
	Schedule Scheduler
	// Logger receives the bot's logs; discarded if nil.
	Logger *slog.Logger
	// Now is the clock; time.Now if nil.
	Now func() time.Time
	// QuestionsPerMinute is the per-user limit on questions (default 20).
	QuestionsPerMinute int
	// HTTPClient makes the Web API and response_url calls; a client with a
	// 30-second timeout if nil.
	HTTPClient *http.Client
	// ShutdownTimeout bounds the wait for in-flight work when Run's context
	// is cancelled (default 10 s).
	ShutdownTimeout time.Duration
	// SlowAfter is how long an answer may take before the bot adds a
	// reaction to the question to show it is working (default 1.5 s).
	SlowAfter time.Duration
}

// SocketMode reports whether the configuration selects Socket Mode.
func (c Config) SocketMode() bool { return c.AppToken != "" }

// Validate checks the configuration and returns every problem at once, each
// naming the environment key and how to fix it.
func (c Config) Validate() error {
	var errs []error
	const setup = "see README, Slack setup"
	switch {
	case c.BotToken == "":
		errs = append(errs, errors.New("SLACK_BOT_TOKEN is not set: create the app from slack-app-manifest.yaml, install it to the workspace and copy the Bot User OAuth Token (xoxb-...) from OAuth & Permissions; "+setup))
	case !strings.HasPrefix(c.BotToken, "xoxb-"):
		errs = append(errs, errors.New("SLACK_BOT_TOKEN must start with xoxb- (the Bot User OAuth Token from OAuth & Permissions, not a user or app-level token); "+setup))
	}
	switch {
	case c.AppToken != "" && !strings.HasPrefix(c.AppToken, "xapp-"):
		errs = append(errs, errors.New("SLACK_APP_TOKEN must start with xapp- (an app-level token with the connections:write scope, from Basic Information > App-Level Tokens); "+setup))
	case c.AppToken == "" && c.SigningSecret == "":
		errs = append(errs, errors.New("SLACK_SIGNING_SECRET is required in HTTP mode: copy it from Basic Information > App Credentials, or set SLACK_APP_TOKEN (xapp-...) to use Socket Mode instead; "+setup))
	}
	if c.APIURL != "" {
		u, err := url.Parse(c.APIURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			errs = append(errs, errors.New("SLACK_API_URL must be an http(s) URL such as "+DefaultAPIURL+" (leave it empty for Slack's)"))
		}
	}
	if c.QuestionsPerMinute < 0 {
		errs = append(errs, errors.New("bot: QuestionsPerMinute must not be negative (0 means the default of 20)"))
	}
	if c.Service == nil {
		errs = append(errs, errors.New("bot: a Service is required"))
	}
	if c.State == nil {
		errs = append(errs, errors.New("bot: a State is required"))
	}
	return errors.Join(errs...)
}

// LogValue describes the configuration without its secrets.
func (c Config) LogValue() slog.Value {
	mode := "http"
	if c.SocketMode() {
		mode = "socket"
	}
	return slog.GroupValue(
		slog.String("mode", mode),
		slog.String("listen", c.Listen),
		slog.String("api_url", c.APIURL),
		slog.Bool("bot_token_set", c.BotToken != ""),
		slog.Bool("signing_secret_set", c.SigningSecret != ""),
		slog.Bool("schedule", c.Schedule != nil),
	)
}

// withDefaults returns c with the defaults filled in.
func (c Config) withDefaults() Config {
	if c.APIURL == "" {
		c.APIURL = DefaultAPIURL
	}
	if !strings.HasSuffix(c.APIURL, "/") {
		c.APIURL += "/"
	}
	if c.Listen == "" {
		c.Listen = ":3000"
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.QuestionsPerMinute == 0 {
		c.QuestionsPerMinute = 20
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 10 * time.Second
	}
	if c.SlowAfter <= 0 {
		c.SlowAfter = 1500 * time.Millisecond
	}
	return c
}
