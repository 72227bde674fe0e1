package bot

import (
	"context"
	"fmt"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

func BenchmarkRenderAnswer(b *testing.B) {
	a := cheapAnswer("who said calling for peace is cheap?")
	b.ReportAllocs()
	for b.Loop() {
		renderAnswer(a, "k")
	}
}

// BenchmarkEventAck measures the acknowledgement path of an HTTP event:
// signature check, parsing, dedupe, up to handing the work off.
func BenchmarkEventAck(b *testing.B) {
	fs := newFakeSlack(b)
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		return news.Answer{Kind: news.AnswerNone}, nil
	}}
	bot, err := New(Config{BotToken: "xoxb-1", SigningSecret: testSecret, APIURL: fs.GetAPIURL(), Service: svc, State: newMemState(), QuestionsPerMinute: 1 << 30})
	if err != nil {
		b.Fatal(err)
	}
	go func() { // drain the fake Slack
		for range fs.calls {
		}
	}()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		r := signed("POST", "/slack/events", eventBody(fmt.Sprint("Ev", i), mentionEvent("C1", fmt.Sprint(i), "", "<@UBOT> who?")), testSecret, time.Now())
		if w := serve(bot, r); w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
	b.StopTimer()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	bot.waitTasks(ctx)
}
