package bot

import (
	"context"
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
//
// Everything that shows articles takes the asking conversation's scope
// (news.In(channel)): an article private to a conversation is never shown
// in another.
type Service interface {
	Ask(ctx context.Context, req handlers.AskRequest) (news.Answer, error)
	AddPasted(ctx context.Context, pasted string, o news.Origin) (handlers.AddResult, error)
	AddURL(ctx context.Context, url string, o news.Origin) (handlers.AddResult, error)
	AddFile(ctx context.Context, f handlers.File, o news.Origin) (handlers.AddResult, error)
	List(ctx context.Context, scope news.Scope, limit int) ([]news.Summary, error)
	Remove(ctx context.Context, r handlers.ChangeRequest) (news.Ref, error)
	Undo(ctx context.Context, by news.Actor) (ref news.Ref, shown bool, err error)
	Restore(ctx context.Context, r handlers.ChangeRequest) (news.Ref, error)
	Trash(ctx context.Context, scope news.Scope) ([]news.TrashItem, error)
	Summary(ctx context.Context, scope news.Scope, from, to time.Time) (news.Digest, error)
	// Vote records a vote on a quote answer (and a correction, when the
	// voter may make one).
	Vote(ctx context.Context, r handlers.VoteRequest) (handlers.VoteResult, error)
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
	// PutThreadTurn records the last answer of the thread key.
	PutThreadTurn(ctx context.Context, key string, turn news.ThreadTurn, now, since time.Time) error
	// ThreadTurn returns the last answer of the thread key (ok false when
	// unknown).
	ThreadTurn(ctx context.Context, key string, since time.Time) (turn news.ThreadTurn, ok bool, err error)
}

// StateMaxAge is how long the bot remembers a delivery or a thread: Slack
// retries an event for minutes, and people follow up in a thread for days.
const StateMaxAge = 7 * 24 * time.Hour

// Scheduler changes the daily summary of a channel (implemented by the
// schedule package). Its errors are shown to the user who asked.
type Scheduler interface {
	// Set posts the summary in channel every day at hhmm ("08:30") in zone
	// (an IANA name; empty for the default zone), on behalf of user (a
	// Slack user id), who is told when a day's summary fails.
	Set(channel, hhmm, zone, user string) error
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
	// Feeds follows news feeds; optional (the follow commands then say
	// it is not set up).
	Feeds Feeds
	// Logger receives the bot's logs; discarded if nil.
	Logger *slog.Logger
	// Now is the clock; time.Now if nil.
	Now func() time.Time
	// Admins are the Slack user ids of NEWSBOT_ADMINS: they may remove and
	// restore any article, as workspace admins and owners may.
	Admins []string
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
	problems := c.slackProblems()
	if c.QuestionsPerMinute < 0 {
		problems = append(problems, "bot: QuestionsPerMinute must not be negative (0 means the default of 20)")
	}
	if c.Service == nil {
		problems = append(problems, "bot: a Service is required")
	}
	if c.State == nil {
		problems = append(problems, "bot: a State is required")
	}
	if len(problems) == 0 {
		return nil
	}
	return &ConfigError{Problems: problems}
}

// ValidateSlack checks only the Slack keys (tokens, signing secret, API URL):
// what `newsbot serve` needs from the environment before it opens anything.
// It is the one home of the configuration messages; cmd/newsbot reports its
// result as it is.
func (c Config) ValidateSlack() error {
	if p := c.slackProblems(); len(p) > 0 {
		return &ConfigError{Problems: p}
	}
	return nil
}

// ConfigError lists every problem of a configuration, each naming the
// environment key and how to fix it.
type ConfigError struct {
	Problems []string
}

// Error lists the problems, one per line, and where the setup is described.
func (e *ConfigError) Error() string {
	return "the Slack app is not configured:\n  - " + strings.Join(e.Problems, "\n  - ") + "\n" + setupHint
}

// setupHint points at the step-by-step setup.
const setupHint = "See bot/README.md, \"Slack setup\", for the step-by-step."

// The configuration messages: one home, used by Validate, by `newsbot
// serve` through ValidateSlack, and by the checks that run while serving.
const (
	msgBotTokenMissing = "SLACK_BOT_TOKEN is not set: create the app from slack-app-manifest.yaml (api.slack.com/apps > Create New App > From an app manifest), install it to the workspace, and copy the Bot User OAuth Token (xoxb-...) from OAuth & Permissions"
	msgBotTokenPrefix  = "SLACK_BOT_TOKEN must start with xoxb-: use the Bot User OAuth Token from OAuth & Permissions, not a user (xoxp-) or app-level (xapp-) token"
	msgAppTokenPrefix  = "SLACK_APP_TOKEN must start with xapp-: create an app-level token under Basic Information > App-Level Tokens > Generate Token and Scopes, with the connections:write scope"
	msgModeMissing     = "set SLACK_APP_TOKEN for Socket Mode (no public URL needed: Basic Information > App-Level Tokens > Generate Token and Scopes, with the connections:write scope; xapp-...) or SLACK_SIGNING_SECRET for the HTTP Events API (Basic Information > App Credentials > Signing Secret)"
	msgAPIURL          = "SLACK_API_URL must be an http(s) URL such as " + DefaultAPIURL + " (leave it empty for Slack's own)"
)

// msgBotTokenRefused is logged (and shown by /healthz) when Slack refuses
// the bot token with code (invalid_auth, token_revoked, ...).
func msgBotTokenRefused(code string) string {
	return "SLACK_BOT_TOKEN was refused by Slack (" + code + "): the token was revoked or the app uninstalled; reinstall the app (Install App > Reinstall to Workspace), copy the Bot User OAuth Token (xoxb-...) from OAuth & Permissions into SLACK_BOT_TOKEN and restart"
}

// msgAppTokenRefused is the error when Slack refuses the app-level token.
const msgAppTokenRefused = "SLACK_APP_TOKEN was refused by Slack: " + msgAppTokenHow

// msgAppTokenHow says how to get a working app-level token.
const msgAppTokenHow = "generate an app-level token under Basic Information > App-Level Tokens > Generate Token and Scopes with the connections:write scope, put the xapp-... token in SLACK_APP_TOKEN, and check that Socket Mode is enabled under Settings > Socket Mode"

func (c Config) slackProblems() []string {
	var problems []string
	switch {
	case c.BotToken == "":
		problems = append(problems, msgBotTokenMissing)
	case !strings.HasPrefix(c.BotToken, "xoxb-"):
		problems = append(problems, msgBotTokenPrefix)
	}
	switch {
	case c.AppToken != "" && !strings.HasPrefix(c.AppToken, "xapp-"):
		problems = append(problems, msgAppTokenPrefix)
	case c.AppToken == "" && c.SigningSecret == "":
		problems = append(problems, msgModeMissing)
	}
	if c.APIURL != "" {
		u, err := url.Parse(c.APIURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			problems = append(problems, msgAPIURL)
		}
	}
	return problems
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
