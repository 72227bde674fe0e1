package bot

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/slack-go/slack/slacktest"
)

// The manifest in the repository asks for what the bot uses.
func TestManifest(t *testing.T) {
	raw, err := os.ReadFile("../slack-app-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := string(raw)
	for _, want := range []string{"- app_mentions:read", "- chat:write", "- commands", "- im:history", "- im:read", "- im:write",
		"- reactions:write", "- app_mention", "- message.im", "command: /newsbot", "interactivity:\n    is_enabled: true", "socket_mode_enabled: true"} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest lacks %q", want)
		}
	}
}

func TestRunFailsClearly(t *testing.T) {
	t.Run("app token refused", func(t *testing.T) {
		fs := newFakeSlack(t, func(c slacktest.Customize) {
			c.Handle("/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
			})
		})
		b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) { c.AppToken = "xapp-1-revoked" })
		err := b.Run(context.Background())
		if err == nil || !strings.Contains(err.Error(), "SLACK_APP_TOKEN") {
			t.Fatalf("Run = %v, want an error naming SLACK_APP_TOKEN", err)
		}
	})
	t.Run("bot token refused", func(t *testing.T) {
		fs := newFakeSlack(t, func(c slacktest.Customize) {
			c.Handle("/auth.test", func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
			})
		})
		b, logs := newTestBot(t, fs, &fakeService{}, nil)
		if err := b.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN was refused by Slack (invalid_auth)") {
			t.Errorf("Run = %v, want an error naming SLACK_BOT_TOKEN", err)
		}
		w := serve(b, httptest.NewRequest("GET", "/healthz", nil))
		if !strings.Contains(w.Body.String(), `"slack_auth":"refused"`) {
			t.Errorf("healthz = %d %s", w.Code, w.Body)
		}
		if !strings.Contains(logs.String(), "slack call refused: SLACK_BOT_TOKEN was refused by Slack") {
			t.Errorf("logs:\n%s", logs)
		}
	})
	t.Run("address in use", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		fs := newFakeSlack(t)
		b, _ := newTestBot(t, fs, &fakeService{}, func(c *Config) { c.Listen = ln.Addr().String() })
		if err := b.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "NEWSBOT_LISTEN") {
			t.Fatalf("Run = %v, want an error naming NEWSBOT_LISTEN", err)
		}
	})
}
