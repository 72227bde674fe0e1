package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"newsbot/handlers"
	"newsbot/news"
)

// TestAssistantThreadHTTP: assistant_thread_started leads to suggested
// prompts drawn from today's articles, asked in the DM's scope; a question
// in the assistant thread shows the status, then is answered in the thread.
func TestAssistantThreadHTTP(t *testing.T) {
	fs := newFakeSlack(t)
	var scopes []news.Scope
	svc := &fakeService{
		AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
			return cheapAnswer(req.Question), nil
		},
		SummaryFn: func(ctx context.Context, scope news.Scope, from, to time.Time) (news.Digest, error) {
			scopes = append(scopes, scope)
			return news.Digest{
				Articles: []news.DigestArticle{{ID: "a1", Title: "China and Russia talk peace"}},
				Quotes:   []news.DigestQuote{{Speaker: "Yun Sun", Quote: "Calling for peace is cheap and easy.", ArticleID: "a1"}},
			}, nil
		},
	}
	b, _ := newTestBot(t, fs, svc, nil)
	started := `{"type":"assistant_thread_started","assistant_thread":{"user_id":"U1","channel_id":"D1","thread_ts":"1700000500.000100",` +
		`"context":{"channel_id":"C9","team_id":"T1"}},"event_ts":"1700000500.000101"}`
	if w := serve(b, signed("POST", "/slack/events", eventBody("EvA1", started), testSecret, time.Now())); w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	c := fs.next(t, "assistant.threads.setSuggestedPrompts")
	var prompts []slack.AssistantThreadsPrompt
	if err := json.Unmarshal([]byte(c.Form.Get("prompts")), &prompts); err != nil {
		t.Fatal(err)
	}
	if c.Form.Get("channel_id") != "D1" || c.Form.Get("thread_ts") != "1700000500.000100" || len(prompts) != 2 ||
		prompts[0].Message != "who said calling for peace is cheap and easy?" || prompts[1].Message != "who was quoted in China and Russia talk peace?" {
		t.Fatalf("suggested prompts = %v %+v", c.Form, prompts)
	}
	b.waitTasks(context.Background())
	if len(scopes) != 1 || scopes[0] != news.In("D1") {
		t.Errorf("prompts drawn in scopes %v, want the DM's only (not the channel open beside it)", scopes)
	}

	msg := `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"who said calling for peace is cheap?","ts":"1700000500.000200","thread_ts":"1700000500.000100"}`
	serve(b, signed("POST", "/slack/events", eventBody("EvA2", msg), testSecret, time.Now()))
	if st := fs.next(t, "assistant.threads.setStatus"); st.Form.Get("status") != assistantStatus || st.Form.Get("thread_ts") != "1700000500.000100" {
		t.Errorf("status = %v", st.Form)
	}
	if p := fs.next(t, "chat.postMessage"); p.Form.Get("thread_ts") != "1700000500.000100" || !strings.Contains(blocksText(p), "Yun Sun") {
		t.Errorf("answer = %v", p.Form)
	}

	// An ordinary DM thread gets no status.
	msg = `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"who said it?","ts":"1700000600.000200","thread_ts":"1700000600.000100"}`
	serve(b, signed("POST", "/slack/events", eventBody("EvA3", msg), testSecret, time.Now()))
	fs.next(t, "chat.postMessage")
	b.waitTasks(context.Background())
	fs.none(t, "assistant.threads.setStatus")
}
