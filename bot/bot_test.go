package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"newsbot/handlers"
	"newsbot/news"
)

func TestConfigValidate(t *testing.T) {
	svc, st := &fakeService{}, newMemState()
	tests := []struct {
		name string
		cfg  Config
		want []string // substrings of the error; none: valid
	}{
		{"http mode", Config{BotToken: "xoxb-1", SigningSecret: "s", Service: svc, State: st}, nil},
		{"socket mode", Config{BotToken: "xoxb-1", AppToken: "xapp-1", Service: svc, State: st}, nil},
		{"nothing set", Config{Service: svc, State: st}, []string{"SLACK_BOT_TOKEN is not set", "SLACK_SIGNING_SECRET for the HTTP Events API", "SLACK_APP_TOKEN for Socket Mode", "App-Level Tokens", "connections:write"}},
		{"user token", Config{BotToken: "xoxp-1", SigningSecret: "s", Service: svc}, []string{"SLACK_BOT_TOKEN must start with xoxb-"}},
		{"bad app token", Config{BotToken: "xoxb-1", AppToken: "xoxb-2", Service: svc}, []string{"SLACK_APP_TOKEN must start with xapp-"}},
		{"bad api url", Config{BotToken: "xoxb-1", AppToken: "xapp-1", APIURL: "slack.com", Service: svc}, []string{"SLACK_API_URL"}},
		{"no service", Config{BotToken: "xoxb-1", AppToken: "xapp-1", State: st}, []string{"Service is required"}},
		{"no state", Config{BotToken: "xoxb-1", AppToken: "xapp-1", Service: svc}, []string{"State is required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "xoxp-1") || strings.Contains(err.Error(), "xoxb-2") {
				t.Errorf("error repeats a token: %v", err)
			}
		})
	}
}

func TestEscapedArticleText(t *testing.T) {
	fs := newFakeSlack(t)
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		a := cheapAnswer(req.Question)
		a.Quote = "Tell <!channel> & <@U123> about <https://evil.test|this> now"
		a.Matched = []news.Span{{Start: 0, End: 4}}
		a.Speaker = "<!here> Bob"
		a.Title = "head of <#C999|general>"
		a.Article.Title = "A <b>bold</b> title | pipe"
		a.Article.URL = "https://example.com/a>b|c"
		a.Alternatives = nil
		return a, nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	serve(b, signed("POST", "/slack/events", eventBody("EvE", mentionEvent("C1", "1.1", "", "<@UBOT> who?")), testSecret, time.Now()))
	c := fs.next(t, "chat.postMessage")
	all := strings.Join(sectionTexts(c.blocks(t)), "\n") + "\n" + c.Form.Get("text")
	for _, bad := range []string{"<!channel>", "<@U123>", "<!here>", "<#C999", "<https://evil.test", "<b>"} {
		if strings.Contains(all, bad) {
			t.Errorf("unescaped %q in %s", bad, all)
		}
	}
	for _, want := range []string{"> *Tell* &lt;!channel&gt; &amp; &lt;@U123&gt; about &lt;https://evil.test|this&gt; now",
		"*&lt;!here&gt; Bob*, head of &lt;#C999|general&gt;", "<https://example.com/a%3Eb%7Cc|A &lt;b&gt;bold&lt;/b&gt; title | pipe>"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
}

func TestRateLimitedCallRetriedAfterRetryAfter(t *testing.T) {
	fs := newFakeSlack(t)
	fs.mu.Lock()
	fs.rateLimited["chat.postMessage"] = 1
	fs.mu.Unlock()
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		return cheapAnswer(req.Question), nil
	}}
	b, logs := newTestBot(t, fs, svc, nil)
	var mu sync.Mutex
	var waited []time.Duration
	b.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		waited = append(waited, d)
		mu.Unlock()
		return nil
	}
	serve(b, signed("POST", "/slack/events", eventBody("Ev429", mentionEvent("C1", "2.1", "", "<@UBOT> who?")), testSecret, time.Now()))
	c := fs.next(t, "chat.postMessage")
	if c.Form.Get("thread_ts") != "2.1" {
		t.Fatalf("answer %v", c.Form)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(waited) != 1 || waited[0] != time.Second {
		t.Fatalf("waited %v, want [1s] from Retry-After", waited)
	}
	if !strings.Contains(logs.String(), "method=chat.postMessage") {
		t.Errorf("the rate limit is not logged with its method:\n%s", logs)
	}
}

func TestErrorsAreShownOrApologised(t *testing.T) {
	fs := newFakeSlack(t)
	fail := errors.New("disk on fire at /secret/path")
	var n int
	var mu sync.Mutex
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		mu.Lock()
		defer mu.Unlock()
		n++
		switch n {
		case 1:
			return news.Answer{}, fmt.Errorf("%w: article zz not stored", news.ErrNotFound)
		case 2:
			return news.Answer{}, fail
		case 3:
			panic("boom")
		}
		return cheapAnswer(req.Question), nil
	}}
	b, logs := newTestBot(t, fs, svc, nil)
	wants := []string{"Not found: article zz not stored", "Sorry, something went wrong on my side (error id ", "Sorry, something went wrong on my side (error id ", "Calling for"}
	for i, want := range wants {
		serve(b, signed("POST", "/slack/events", eventBody(fmt.Sprintf("EvX%d", i), mentionEvent("C1", fmt.Sprintf("3.%d", i), "", "<@UBOT> who?")), testSecret, time.Now()))
		c := fs.next(t, "chat.postMessage")
		if got := blocksText(c); !strings.Contains(got, want) || strings.Contains(got, "/secret/path") {
			t.Errorf("reply %d = %s, want %q", i, got, want)
		}
	}
	l := logs.String()
	if !strings.Contains(l, "disk on fire") || !strings.Contains(l, "panic in handler") {
		t.Errorf("errors not logged:\n%s", l)
	}
}

func TestPerUserQuestionLimit(t *testing.T) {
	fs := newFakeSlack(t)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		return cheapAnswer(req.Question), nil
	}}
	b, _ := newTestBot(t, fs, svc, func(c *Config) { c.QuestionsPerMinute = 2; c.Now = clock })
	ask := func(i int) string {
		serve(b, signed("POST", "/slack/events", eventBody(fmt.Sprintf("EvL%d", i), mentionEvent("C1", fmt.Sprintf("4.%d", i), "", "<@UBOT> who?")), testSecret, clock()))
		return blocksText(fs.next(t, "chat.postMessage"))
	}
	for i := range 2 {
		if got := ask(i); !strings.Contains(got, "Calling for") {
			t.Fatalf("question %d refused: %s", i, got)
		}
	}
	if got := ask(2); !strings.Contains(got, "You have asked 2 questions in the last minute") || !strings.Contains(got, "60 seconds") {
		t.Fatalf("third question: %s", got)
	}
	// A burst over the limit is told once, not once per question.
	serve(b, signed("POST", "/slack/events", eventBody("EvLx", mentionEvent("C1", "4.9", "", "<@UBOT> who?")), testSecret, clock()))
	fs.none(t, "chat.postMessage")
	mu.Lock()
	now = now.Add(61 * time.Second)
	mu.Unlock()
	if got := ask(3); !strings.Contains(got, "Calling for") {
		t.Fatalf("after a minute: %s", got)
	}
}

func TestReactionWhileSlow(t *testing.T) {
	fs := newFakeSlack(t)
	reacted := make(chan struct{})
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		<-reacted // slow: answers only once the reaction is there
		return cheapAnswer(req.Question), nil
	}}
	b, _ := newTestBot(t, fs, svc, func(c *Config) { c.SlowAfter = time.Millisecond })
	serve(b, signed("POST", "/slack/events", eventBody("EvR", mentionEvent("C1", "5.1", "", "<@UBOT> who?")), testSecret, time.Now()))
	r := fs.next(t, "reactions.add")
	if r.Form.Get("name") != workingReaction || r.Form.Get("timestamp") != "5.1" {
		t.Fatalf("reaction %v", r.Form)
	}
	close(reacted)
	fs.next(t, "chat.postMessage")
	fs.next(t, "reactions.remove")
}

func TestPostDigest(t *testing.T) {
	fs := newFakeSlack(t)
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		return cheapAnswer(req.Question), nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	paris, _ := time.LoadLocation("Europe/Paris")
	d := news.Digest{
		From: time.Date(2026, 11, 26, 9, 0, 0, 0, paris), To: time.Date(2026, 11, 27, 9, 0, 0, 0, paris),
		Quotes: []news.DigestQuote{
			{Speaker: "Yun Sun", Title: "director of the China program", Quote: "Calling for peace is cheap.", Outlet: "The Wall Street Journal", ArticleID: "a1"},
			{Speaker: "Kamala Harris", Title: "Vice-President", Quote: "<!channel> we are watching.", ArticleID: "a2"},
		},
		Speakers: []news.SpeakerCount{{Name: "Yun Sun", Quotes: 3}, {Name: "Wang Wenbin", Quotes: 2}},
	}
	for i := range 5 {
		d.Articles = append(d.Articles, news.DigestArticle{ID: fmt.Sprintf("a%d", i+1), Title: fmt.Sprintf("Article %d", i+1),
			URL: fmt.Sprintf("https://news.test/%d", i+1), Outlet: "BBC", Gist: "Leaders met in Moscow."})
	}
	if err := b.PostDigest(context.Background(), "C9", d); err != nil {
		t.Fatal(err)
	}
	main := fs.next(t, "chat.postMessage")
	if main.Form.Get("channel") != "C9" || main.Form.Get("thread_ts") != "" {
		t.Fatalf("digest posted at %v", main.Form)
	}
	texts := strings.Join(sectionTexts(main.blocks(t)), "\n")
	for _, want := range []string{"News of Friday 27 November 2026", "*Quotes of the day*", "> Calling for peace is cheap.\n— *Yun Sun*, director of the China program · per The Wall Street Journal · <https://news.test/1|Article 1>",
		"> &lt;!channel&gt; we are watching.", "*Most quoted:* Yun Sun (3) · Wang Wenbin (2)", "The 5 articles are listed in the thread"} {
		if !strings.Contains(texts, want) {
			t.Errorf("digest lacks %q:\n%s", want, texts)
		}
	}
	if _, ok := main.blocks(t)[0].(*slack.HeaderBlock); !ok {
		t.Errorf("first block is not a header")
	}
	th := fs.next(t, "chat.postMessage")
	if th.Form.Get("thread_ts") != main.TS {
		t.Fatalf("articles not in the digest's thread: %v", th.Form)
	}
	if got := strings.Join(sectionTexts(th.blocks(t)), "\n"); !strings.Contains(got, "• <https://news.test/5|Article 5> · BBC\n    Leaders met in Moscow.") {
		t.Errorf("thread = %s", got)
	}
	// A question in the digest's thread is asked with its articles.
	serve(b, signed("POST", "/slack/events", eventBody("EvD", mentionEvent("C9", "6.1", main.TS, "<@UBOT> who said it?")), testSecret, time.Now()))
	fs.next(t, "chat.postMessage")
	reqs := svc.askRequests()
	if got := strings.Join(reqs[0].ArticleIDs, ","); got != "a1,a2,a3,a4,a5" {
		t.Errorf("thread question asked with %q", got)
	}

	// Short digests list the articles in the post; empty ones post nothing.
	d.Articles = d.Articles[:2]
	if err := b.PostDigest(context.Background(), "C9", d); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sectionTexts(fs.next(t, "chat.postMessage").blocks(t)), "\n"); !strings.Contains(got, "<https://news.test/2|Article 2>") {
		t.Errorf("short digest = %s", got)
	}
	if err := b.PostDigest(context.Background(), "C9", news.Digest{}); err != nil {
		t.Fatal(err)
	}
	fs.none(t, "chat.postMessage")
}

func TestShutdownFinishesWorkInFlight(t *testing.T) {
	fs := newFakeSlack(t)
	started, release := make(chan struct{}), make(chan struct{})
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		close(started)
		<-release
		return cheapAnswer(req.Question), nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	serve(b, signed("POST", "/slack/events", eventBody("EvQ", mentionEvent("C1", "7.1", "", "<@UBOT> who?")), testSecret, time.Now()))
	<-started
	cancel()
	select {
	case err := <-done:
		t.Fatalf("Run returned (%v) with work in flight", err)
	case <-time.After(50 * time.Millisecond):
	}
	// New events are refused while shutting down (Slack redelivers them).
	if w := serve(b, signed("POST", "/slack/events", eventBody("EvQ2", mentionEvent("C1", "7.2", "", "<@UBOT> who?")), testSecret, time.Now())); w.Code != 503 {
		t.Errorf("event during shutdown: %d", w.Code)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	fs.next(t, "chat.postMessage") // the answer in flight was posted
}
