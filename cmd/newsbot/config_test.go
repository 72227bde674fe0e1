package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsbot/bot"
)

func TestEnvFile(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "newsbot.env", "SLACK_BOT_TOKEN=xoxb-from-file\nNEWSBOT_LISTEN=:4000\nNEWSBOT_DATA=/var/lib/newsbot\n")
	env := map[string]string{"NEWSBOT_ENV_FILE": file, "NEWSBOT_LISTEN": ":5000"}
	c, err := loadConfig(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.BotToken != "xoxb-from-file" || c.Data != "/var/lib/newsbot" {
		t.Errorf("values from NEWSBOT_ENV_FILE not read: %+v", c)
	}
	if c.Listen != ":5000" {
		t.Errorf("NEWSBOT_LISTEN = %q: the real environment must win over the file", c.Listen)
	}

	env["NEWSBOT_ENV_FILE"] = filepath.Join(dir, "missing.env")
	_, err = loadConfig(func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), "NEWSBOT_ENV_FILE") || !strings.Contains(err.Error(), ".env.example") {
		t.Errorf("a missing NEWSBOT_ENV_FILE: %v, want an error naming the key and how to fix it", err)
	}

	// Without NEWSBOT_ENV_FILE a missing ./.env is fine (the tests run in
	// cmd/newsbot, which has none).
	if _, err := loadConfig(func(string) string { return "" }); err != nil {
		t.Errorf("no .env: %v", err)
	}
}

// The command line reports the bot's own configuration messages: one home.
func TestSlackConfigMessagesHaveOneSource(t *testing.T) {
	for _, c := range []Config{
		{},
		{BotToken: "xoxp-user", AppToken: "xapp-1"},
		{BotToken: "xoxb-1", AppToken: "xoxb-2"},
		{BotToken: "xoxb-1", SigningSecret: "s", APIURL: "slack.com"},
	} {
		got := c.ValidateSlack()
		want := bot.Config{BotToken: c.BotToken, AppToken: c.AppToken, SigningSecret: c.SigningSecret, APIURL: c.APIURL}.ValidateSlack()
		if got == nil || want == nil || got.Error() != want.Error() {
			t.Errorf("%+v: cmd says %v, bot says %v", c, got, want)
		}
	}
	err := Config{}.ValidateSlack()
	for _, w := range []string{"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "App-Level Tokens", "connections:write", "SLACK_SIGNING_SECRET", "bot/README.md"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("missing-token message lacks %q:\n%v", w, err)
		}
	}
}

// Every key the configuration reads is explained in .env.example.
func TestEnvExampleListsEveryKey(t *testing.T) {
	var asked []string
	if _, err := loadConfig(func(k string) string { asked = append(asked, k); return "" }); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	example := string(raw)
	if len(asked) < 10 {
		t.Fatalf("only %d keys read: %q", len(asked), asked)
	}
	for _, k := range asked {
		if k == envFileKey {
			if !strings.Contains(example, k) {
				t.Errorf(".env.example does not mention %s", k)
			}
			continue
		}
		if !strings.Contains(example, "\n"+k+"=") {
			t.Errorf(".env.example lacks %s=", k)
		}
	}
}
