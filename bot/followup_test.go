package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

func TestClassifyFollowUp(t *testing.T) {
	for text, want := range map[string]followKind{
		"which article?":                       followArticle,
		"Which article is that from?":          followArticle,
		"where was that from?":                 followArticle,
		"source?":                              followArticle,
		"who is she?":                          followWho,
		"Who's he":                             followWho,
		"what else did she say?":               followElse,
		"anything else did he say":             followElse,
		"What else did they say about Moscow?": followElse,
		"more":                                 followMore,
		"More please!":                         followMore,
		"any others?":                          followMore,
		"who said calling for peace is cheap?": followNone,
		"which article mentions Putin?":        followNone,
		"thanks":                               followNone,
	} {
		if got := classifyFollowUp(text); got != want {
			t.Errorf("classifyFollowUp(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestResolvePronouns(t *testing.T) {
	for _, c := range []struct{ in, speaker, want string }{
		{"what did she say about Moscow?", "Yun Sun", "what did Yun Sun say about Moscow?"},
		{"quotes by her?", "Yun Sun", "quotes by Yun Sun?"},
		{"did he mention the shelter?", "Tom $1 Becker", "did Tom $1 Becker mention the shelter?"},
		{"what did her party say?", "Yun Sun", "what did her party say?"},
		{"what did she say?", "", "what did she say?"},
		{"who said the sheltered area?", "Yun Sun", "who said the sheltered area?"},
	} {
		if got := resolvePronouns(c.in, c.speaker); got != c.want {
			t.Errorf("resolvePronouns(%q, %q) = %q, want %q", c.in, c.speaker, got, c.want)
		}
	}
}

// TestFollowUpsInThreadHTTP: after an answer in a channel thread, replies
// there without a mention are follow-ups: "what else did she say?" asks
// for the last speaker's quotes in the thread's articles, without the one
// shown; "which article?" and "who is she?" answer from the thread's
// memory; chatter in the thread and replies in other threads are ignored.
func TestFollowUpsInThreadHTTP(t *testing.T) {
	fs := newFakeSlack(t)
	other := news.Answer{Kind: news.AnswerQuote, Speaker: "Yun Sun", Quote: "She is not confident Beijing is prepared.", QuoteID: "q2",
		Article: news.Ref{ID: "a1b2c3d4e5f6", Title: "China and Russia talk peace"}}
	svc := &fakeService{AskFn: func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		a := cheapAnswer(req.Question)
		a.QuoteID = "q1"
		if strings.HasPrefix(req.Question, "what did Yun Sun say") {
			first := a
			first.Alternatives = nil
			a.Quotes = []news.Answer{first, other}
		}
		return a, nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	send := func(id, body string) {
		t.Helper()
		if w := serve(b, signed("POST", "/slack/events", eventBody(id, body), testSecret, time.Now())); w.Code != 200 {
			t.Fatalf("status %d", w.Code)
		}
	}
	reply := func(ts, text string) string {
		return `{"type":"message","channel":"C1","channel_type":"channel","user":"U2","text":"` + text + `","ts":"` + ts + `","thread_ts":"1700000100.000100"}`
	}
	send("Ev1", mentionEvent("C1", "1700000100.000100", "", "<@UBOT> who said calling for peace is cheap?"))
	fs.next(t, "chat.postMessage")

	send("Ev2", reply("1700000100.000200", "what else did she say?"))
	c := fs.next(t, "chat.postMessage")
	if c.Form.Get("thread_ts") != "1700000100.000100" {
		t.Errorf("follow-up answered outside the thread: %v", c.Form)
	}
	txt := blocksText(c)
	if !strings.Contains(txt, "not confident Beijing") || strings.Contains(txt, "Calling for") {
		t.Errorf("what else: %s", txt)
	}
	reqs := svc.askRequests()
	last := reqs[len(reqs)-1]
	if last.Question != "what did Yun Sun say?" || len(last.ArticleIDs) == 0 || last.ArticleIDs[0] != "a1b2c3d4e5f6" || last.Scope != news.In("C1") {
		t.Errorf("what else asked %+v", last)
	}

	send("Ev3", reply("1700000100.000300", "which article?"))
	if txt := blocksText(fs.next(t, "chat.postMessage")); !strings.Contains(txt, "China and Russia talk peace") || !strings.Contains(txt, "a1b2c3d4e5f6") {
		t.Errorf("which article: %s", txt)
	}
	send("Ev4", reply("1700000100.000400", "who is she?"))
	if txt := blocksText(fs.next(t, "chat.postMessage")); !strings.Contains(txt, "*Yun Sun*, director of the China program at the Stimson Center") {
		t.Errorf("who is she: %s", txt)
	}
	send("Ev5", reply("1700000100.000500", "what else did she say?"))
	if txt := blocksText(fs.next(t, "chat.postMessage")); !strings.Contains(txt, "That is all I have from *Yun Sun*") {
		t.Errorf("second what else: %s", txt)
	}

	n := len(svc.askRequests())
	send("Ev6", reply("1700000100.000600", "thanks, that helps"))
	send("Ev7", `{"type":"message","channel":"C1","channel_type":"channel","user":"U2","text":"who said it?","ts":"1700000200.000200","thread_ts":"1700000200.000100"}`)
	send("Ev8", `{"type":"message","channel":"C1","channel_type":"channel","user":"U2","text":"who said it?","ts":"1700000300.000100"}`)
	b.waitTasks(context.Background())
	fs.none(t, "chat.postMessage")
	if len(svc.askRequests()) != n {
		t.Errorf("chatter was asked: %+v", svc.askRequests()[n:])
	}
}

func TestWithoutShown(t *testing.T) {
	q := func(id string) news.Answer { return news.Answer{Kind: news.AnswerQuote, QuoteID: id, Quote: id} }
	main := q("a")
	main.Alternatives = []news.Answer{q("b"), q("c"), q("d")}
	if got := withoutShown(main, []string{"a", "b"}); len(got.Quotes) != 2 || got.Quotes[0].QuoteID != "c" {
		t.Errorf("withoutShown = %+v", got)
	}
	if got := withoutShown(main, []string{"a", "b", "c"}); got.QuoteID != "d" || got.Kind != news.AnswerQuote || len(got.Quotes) != 0 {
		t.Errorf("one left = %+v", got)
	}
	if got := withoutShown(main, []string{"a", "b", "c", "d"}); got.Kind != news.AnswerNone || len(got.Quotes) != 0 {
		t.Errorf("none left = %+v", got)
	}
}
