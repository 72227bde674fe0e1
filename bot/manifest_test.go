package bot

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/slack-go/slack/slacktest"
)

// webAPIScopes maps each slack.Client method the bot calls to the Web API
// method and the bot scopes it needs (from docs.slack.dev, "Required
// scopes"). A method added to the code fails TestManifestScopes until it is
// listed here, so the manifest cannot silently lack its scope.
var webAPIScopes = map[string]struct {
	method string
	scopes []string
}{
	"AuthTestContext":         {"auth.test", nil},
	"PostMessageContext":      {"chat.postMessage", []string{"chat:write"}},
	"PostEphemeralContext":    {"chat.postEphemeral", []string{"chat:write"}},
	"AddReactionContext":      {"reactions.add", []string{"reactions:write"}},
	"RemoveReactionContext":   {"reactions.remove", []string{"reactions:write"}},
	"OpenConversationContext": {"conversations.open", []string{"im:write"}}, // 1:1 DMs only
	// channels and group DMs: DMs (D ids) are never looked up (postProblem,
	// privateConversation)
	"GetConversationInfoContext": {"conversations.info", []string{"channels:read", "groups:read", "mpim:read"}},
	// is the user a workspace admin or owner (removal rights)?
	"GetUserInfoContext": {"users.info", []string{"users:read"}},
	// the 👎 "Wrong speaker" form (a trigger_id is the permission)
	"OpenViewContext": {"views.open", nil},
	// the App Home tab
	"PublishViewContext": {"views.publish", nil},
	// files shared with newsbot (downloaded with the bot token)
	"GetFileContext": {"files.download", []string{"files:read"}},
	// the assistant split view
	"SetAssistantThreadsSuggestedPromptsContext": {"assistant.threads.setSuggestedPrompts", []string{"assistant:write"}},
	"SetAssistantThreadsStatusContext":           {"assistant.threads.setStatus", []string{"assistant:write"}},
	// After an ambiguous chat.postMessage failure, the bot reads the thread
	// (or channel) it posted in, which may be any kind of conversation.
	"GetConversationRepliesContext": {"conversations.replies", historyScopes},
	"GetConversationHistoryContext": {"conversations.history", historyScopes},
}

// historyScopes are the scopes that reading a conversation's messages needs:
// one per kind of conversation (public, private, DM, group DM).
var historyScopes = []string{"channels:history", "groups:history", "im:history", "mpim:history"}

// eventScopes are the scopes that subscribing to each bot event needs.
var eventScopes = map[string]string{
	"app_mention": "app_mentions:read",
	"message.im":  "im:history",
	// replies in the threads of answers: follow-ups without a mention
	"message.channels": "channels:history",
	"message.groups":   "groups:history",
	"message.mpim":     "mpim:history",
	// the Home tab: no scope of its own
	"app_home_opened": "",
	// the assistant split view
	"assistant_thread_started":         "assistant:write",
	"assistant_thread_context_changed": "assistant:write",
}

// manifestList returns the items of the YAML list under the key at path
// (indentation-based, enough for the manifest's plain lists).
func manifestList(t *testing.T, manifest string, path ...string) []string {
	t.Helper()
	lines := strings.Split(manifest, "\n")
	depth, indent := 0, -1
	var items []string
	for _, l := range lines {
		trimmed := strings.TrimSpace(l)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		ind := len(l) - len(strings.TrimLeft(l, " "))
		if depth == len(path) {
			if ind <= indent {
				break
			}
			if item, ok := strings.CutPrefix(trimmed, "- "); ok {
				item, _, _ = strings.Cut(item, " #")
				items = append(items, strings.TrimSpace(item))
			}
			continue
		}
		if ind == depth*2 && trimmed == path[depth]+":" {
			depth++
			indent = ind
		}
	}
	if depth != len(path) {
		t.Fatalf("manifest has no %s", strings.Join(path, "."))
	}
	return items
}

// The manifest grants exactly the bot scopes that the Web API methods the
// code calls, the events it subscribes to and the slash command need.
func TestManifestScopes(t *testing.T) {
	raw, err := os.ReadFile("../slack-app-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := string(raw)
	granted := manifestList(t, m, "oauth_config", "scopes", "bot")
	events := manifestList(t, m, "settings", "event_subscriptions", "bot_events")

	need := map[string]string{"commands": "the /newsbot slash command"}
	for _, e := range events {
		s, ok := eventScopes[e]
		if !ok {
			t.Errorf("manifest subscribes to %s, which the bot does not handle (or eventScopes lacks it)", e)
			continue
		}
		if s != "" {
			need[s] = "the " + e + " event"
		}
	}
	if slices.Contains(events, "assistant_thread_started") && !strings.Contains(m, "\n  assistant_view:") {
		t.Error("manifest subscribes to assistant_thread_started but has no features.assistant_view")
	}
	if slices.Contains(events, "app_home_opened") && !strings.Contains(m, "home_tab_enabled: true") {
		t.Error("manifest subscribes to app_home_opened but does not enable the Home tab (features.app_home.home_tab_enabled)")
	}
	for _, call := range clientCalls(t) {
		w, ok := webAPIScopes[call]
		if !ok {
			t.Errorf("the bot calls slack.Client.%s: add it to webAPIScopes with its Web API method and scopes", call)
			continue
		}
		for _, s := range w.scopes {
			need[s] = w.method
		}
	}
	for s, why := range need {
		if !slices.Contains(granted, s) {
			t.Errorf("manifest lacks the scope %s (needed by %s)", s, why)
		}
	}
	for _, s := range granted {
		if _, ok := need[s]; !ok {
			t.Errorf("manifest grants %s, which nothing in the code uses: remove it", s)
		}
	}
	for _, want := range []string{"command: /newsbot", "interactivity:\n    is_enabled: true", "socket_mode_enabled: true"} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest lacks %q", want)
		}
	}
}

// clientCalls returns the slack.Client methods the bot's code calls (on
// b.api), by reading its source.
func clientCalls(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if recv, ok := sel.X.(*ast.SelectorExpr); ok && recv.Sel.Name == "api" {
				seen[sel.Sel.Name] = true
			}
			return true
		})
	}
	if len(seen) == 0 {
		t.Fatal("found no calls on b.api: the scan is broken")
	}
	return slices.Sorted(maps.Keys(seen))
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
		if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), `"slack_auth":"refused"`) {
			t.Errorf("healthz = %d %s", w.Code, w.Body)
		}
		if !strings.Contains(logs.String(), "slack call refused: SLACK_BOT_TOKEN was refused by Slack (invalid_auth): the token was revoked or the app uninstalled; reinstall the app") {
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
