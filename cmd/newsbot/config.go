package main

import (
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/joho/godotenv"
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
	LogLevel       string // LOG_LEVEL
}

// loadConfig reads the configuration: getenv first, then the .env file in
// the working directory for keys getenv does not set.
func loadConfig(getenv func(string) string, envFile string) (Config, error) {
	file := map[string]string{}
	if envFile != "" {
		m, err := godotenv.Read(envFile)
		switch {
		case err == nil:
			file = m
		case os.IsNotExist(err):
		default:
			return Config{}, fmt.Errorf("read %s: %w", envFile, err)
		}
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
		LogLevel:       get("LOG_LEVEL", "info"),
	}
	return c, nil
}

// HasSlack reports whether any Slack credential is configured.
func (c Config) HasSlack() bool {
	return c.BotToken != "" || c.AppToken != ""
}

// ValidateSlack checks what `serve` needs, naming each missing or malformed
// key and how to get it.
func (c Config) ValidateSlack() error {
	var problems []string
	if c.BotToken == "" {
		problems = append(problems, "SLACK_BOT_TOKEN is not set: it is the Bot User OAuth Token (xoxb-...) from your Slack app's OAuth & Permissions page")
	} else if !strings.HasPrefix(c.BotToken, "xoxb-") {
		problems = append(problems, "SLACK_BOT_TOKEN must start with xoxb- (the Bot User OAuth Token, not a user or app token)")
	}
	if c.AppToken != "" && !strings.HasPrefix(c.AppToken, "xapp-") {
		problems = append(problems, "SLACK_APP_TOKEN must start with xapp- (an app-level token with the connections:write scope, from Basic Information > App-Level Tokens)")
	}
	if c.AppToken == "" && c.SigningSecret == "" {
		problems = append(problems, "set SLACK_APP_TOKEN (xapp-..., Socket Mode, no public URL needed) or SLACK_SIGNING_SECRET (Basic Information > App Credentials, for the HTTP Events API)")
	}
	if len(problems) > 0 {
		return fmt.Errorf("the Slack app is not configured:\n  - %s\nSee README.md, \"Slack setup\"", strings.Join(problems, "\n  - "))
	}
	return nil
}

func (c Config) logLevel() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return 0, fmt.Errorf("LOG_LEVEL %q is not one of debug, info, warn, error", c.LogLevel)
	}
	return l, nil
}
