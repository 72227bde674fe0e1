package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"regexp"
	"strings"

	"github.com/joho/godotenv"

	"newsbot/bot"
)

// Config is newsbot's configuration, read from the environment (and a .env
// file, whose values never override real environment variables).
type Config struct {
	BotToken       string // SLACK_BOT_TOKEN
	AppToken       string // SLACK_APP_TOKEN
	SigningSecret  string // SLACK_SIGNING_SECRET
	APIURL         string // SLACK_API_URL
	Data           string // NEWSBOT_DATA (overridden by --data)
	SummaryChannel string // NEWSBOT_SUMMARY_CHANNEL
	SummaryTime    string // NEWSBOT_SUMMARY_TIME
	Timezone       string // NEWSBOT_TIMEZONE
	Listen         string // NEWSBOT_LISTEN
	FetchAllow     string // NEWSBOT_FETCH_ALLOW
	Admins         string // NEWSBOT_ADMINS
	FeedInterval   string // NEWSBOT_FEED_INTERVAL
	LogLevel       string // LOG_LEVEL
}

// envFileKey names the environment variable that points at the .env file,
// for services whose working directory is not the one holding it (systemd,
// Docker).
const envFileKey = "NEWSBOT_ENV_FILE"

// loadConfig reads the configuration: getenv first, then the .env file for
// keys getenv does not set. The file is $NEWSBOT_ENV_FILE, which must exist
// when set, else .env in the working directory, if there is one.
func loadConfig(getenv func(string) string) (Config, error) {
	file := map[string]string{}
	envFile, explicit := ".env", false
	if p := strings.TrimSpace(getenv(envFileKey)); p != "" {
		envFile, explicit = p, true
	}
	m, err := godotenv.Read(envFile)
	switch {
	case err == nil:
		file = m
	case errors.Is(err, fs.ErrNotExist) && !explicit:
	case errors.Is(err, fs.ErrNotExist):
		return Config{}, fmt.Errorf("%s=%s: no such file: copy .env.example to that path and fill it in, or unset %s to read .env in the working directory", envFileKey, envFile, envFileKey)
	default:
		return Config{}, fmt.Errorf("read %s: %w (it should hold KEY=value lines as in .env.example)", envFile, err)
	}
	get := func(key, def string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		if v := strings.TrimSpace(file[key]); v != "" {
			return v
		}
		return def
	}
	c := Config{
		BotToken:       get("SLACK_BOT_TOKEN", ""),
		AppToken:       get("SLACK_APP_TOKEN", ""),
		SigningSecret:  get("SLACK_SIGNING_SECRET", ""),
		APIURL:         get("SLACK_API_URL", "https://slack.com/api/"),
		Data:           get("NEWSBOT_DATA", "data"),
		SummaryChannel: get("NEWSBOT_SUMMARY_CHANNEL", ""),
		SummaryTime:    get("NEWSBOT_SUMMARY_TIME", "09:00"),
		Timezone:       get("NEWSBOT_TIMEZONE", "UTC"),
		Listen:         get("NEWSBOT_LISTEN", ":3000"),
		FetchAllow:     get("NEWSBOT_FETCH_ALLOW", ""),
		Admins:         get("NEWSBOT_ADMINS", ""),
		FeedInterval:   get("NEWSBOT_FEED_INTERVAL", "15m"),
		LogLevel:       get("LOG_LEVEL", "info"),
	}
	return c, nil
}

// HasSlack reports whether any Slack credential is configured.
func (c Config) HasSlack() bool {
	return c.BotToken != "" || c.AppToken != ""
}

// ValidateSlack checks what `serve` needs, naming each missing or malformed
// key and how to get it. The messages are the bot's (bot.Config.ValidateSlack),
// their one home.
func (c Config) ValidateSlack() error {
	return c.botConfig().ValidateSlack()
}

// botConfig is the part of the configuration the Slack bot takes from the
// environment.
func (c Config) botConfig() bot.Config {
	return bot.Config{
		BotToken:      c.BotToken,
		AppToken:      c.AppToken,
		SigningSecret: c.SigningSecret,
		APIURL:        c.APIURL,
		Listen:        c.Listen,
	}
}

// adminIDRE is a Slack user id (U... or, on Enterprise Grid, W...).
var adminIDRE = regexp.MustCompile(`^[UW][A-Z0-9]+$`)

// admins parses NEWSBOT_ADMINS: Slack user ids, comma-separated.
func (c Config) admins() ([]string, error) {
	var out []string
	for f := range strings.SplitSeq(c.Admins, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !adminIDRE.MatchString(f) {
			return nil, fmt.Errorf("NEWSBOT_ADMINS: %q is not a Slack user id (like U0123ABCD; in Slack, open the person's profile, click ⋮ and Copy member ID); separate ids with commas", f)
		}
		out = append(out, f)
	}
	return out, nil
}

func (c Config) logLevel() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return 0, fmt.Errorf("LOG_LEVEL %q is not one of debug, info, warn, error", c.LogLevel)
	}
	return l, nil
}
