package bot

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

// okTransport answers every HTTP request itself with {"ok":true}: the
// fuzzed payloads name any response_url, and nothing may leave the test.
type okTransport struct{}

func (okTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(`{"ok":true,"ts":"1.1","channel":"C1"}`)), Request: r}, nil
}

// FuzzSlackPayloads feeds signed Events API bodies, slash command forms and
// interaction payloads to the HTTP handlers: nothing panics (a recovered
// panic answers 500 and is logged), and every request is answered 200 or
// 400. Run it for minutes with
//
//	go test ./bot -run '^$' -fuzz FuzzSlackPayloads -fuzztime 5m
func FuzzSlackPayloads(f *testing.F) {
	f.Add(0, eventBody("Ev1", mentionEvent("C1", "1.1", "", "<@UBOT> who said it?")))
	f.Add(0, eventBody("Ev2", dmEvent("1.2", "who?")))
	f.Add(0, `{"type":"url_verification","challenge":"abc"}`)
	f.Add(0, `{"type":"event_callback","event":{"type":"app_mention","channel":"C1"}}`)
	f.Add(1, url.Values{"command": {"/newsbot"}, "text": {"add https://example.com/a"}, "user_id": {"U1"}, "channel_id": {"C1"}, "response_url": {"https://hooks.example/r"}}.Encode())
	f.Add(1, url.Values{"command": {"/newsbot"}, "text": {"summary here 08:30 Europe/Paris"}, "channel_id": {"C1"}}.Encode())
	f.Add(1, url.Values{"command": {"/newsbot"}, "text": {"remove abcd"}, "user_id": {"U1"}}.Encode())
	share, _ := json.Marshal(map[string]any{"type": "block_actions", "user": map[string]string{"id": "U1"}, "response_url": "https://hooks.example/r",
		"channel": map[string]string{"id": "C1"}, "actions": []map[string]string{{"action_id": "share", "value": "k"}}})
	f.Add(2, url.Values{"payload": {string(share)}}.Encode())
	f.Add(2, "payload=%7B%22type%22%3A%22block_actions%22%7D")
	paths := []string{"/slack/events", "/slack/commands", "/slack/interactions"}
	f.Fuzz(func(t *testing.T, which int, body string) {
		svc := &fakeService{
			AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
				return cheapAnswer(req.Question), nil
			},
			AddPastedFn: func(ctx context.Context, s string, _ news.Origin) (handlers.AddResult, error) {
				return handlers.AddResult{}, news.ErrInvalid
			},
			AddURLFn: func(ctx context.Context, s string, _ news.Origin) (handlers.AddResult, error) {
				return handlers.AddResult{}, news.ErrForbidden
			},
			ListFn: func(ctx context.Context, _ news.Scope, n int) ([]news.Summary, error) { return nil, nil },
			RemoveFn: func(ctx context.Context, _ handlers.ChangeRequest) (news.Ref, error) {
				return news.Ref{}, news.ErrNotFound
			},
			SummaryFn: func(ctx context.Context, _ news.Scope, from, to time.Time) (news.Digest, error) {
				return news.Digest{}, nil
			},
		}
		logs := &logBuffer{}
		b, err := New(Config{BotToken: "xoxb-fuzz", SigningSecret: testSecret, APIURL: "http://slack.invalid/api/",
			Service: svc, State: newMemState(), Logger: slogTo(logs), SlowAfter: time.Hour,
			HTTPClient: &http.Client{Transport: okTransport{}}})
		if err != nil {
			t.Fatal(err)
		}
		b.sleep = func(ctx context.Context, d time.Duration) error { return nil }
		path := paths[((which%3)+3)%3]
		w := serve(b, signed("POST", path, body, testSecret, time.Now()))
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if !b.waitTasks(ctx) {
			t.Fatal("work did not finish")
		}
		if w.Code != 200 && w.Code != 400 {
			t.Errorf("%s answered %d for %q", path, w.Code, body)
		}
		if strings.Contains(logs.String(), "panic") {
			t.Errorf("%s panicked on %q:\n%s", path, body, logs.String())
		}
	})
}
