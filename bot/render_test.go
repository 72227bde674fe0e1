package bot

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"newsbot/news"
)

// checkLimits fails when a message breaks one of Slack's Block Kit limits.
func checkLimits(t *testing.T, m message) {
	t.Helper()
	if len(m.Blocks) > maxBlocks {
		t.Errorf("%d blocks", len(m.Blocks))
	}
	if runes(m.Text) > maxFallbackChars {
		t.Errorf("fallback of %d characters", runes(m.Text))
	}
	for i, b := range m.Blocks {
		switch b := b.(type) {
		case *slack.SectionBlock:
			if n := runes(b.Text.Text); n > maxSectionChars {
				t.Errorf("block %d: section of %d characters", i, n)
			}
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if tx, ok := e.(*slack.TextBlockObject); ok && runes(tx.Text) > maxSectionChars {
					t.Errorf("block %d: context of %d characters", i, runes(tx.Text))
				}
			}
		case *slack.HeaderBlock:
			if runes(b.Text.Text) > maxHeaderChars {
				t.Errorf("header of %d characters", runes(b.Text.Text))
			}
		}
	}
	if _, err := json.Marshal(m.Blocks); err != nil {
		t.Error(err)
	}
}

func TestLongQuoteCutAtWord(t *testing.T) {
	long := strings.Repeat("peace talks are cheap & <!channel> ", 400) // ~14,000 characters
	a := news.Answer{Kind: news.AnswerQuote, Speaker: "Yun Sun", Quote: long, Matched: []news.Span{{Start: 0, End: 5}, {Start: 13900, End: 13905}},
		Article: news.Ref{Title: strings.Repeat("T", 5000), URL: "https://x.test/" + strings.Repeat("a", 3000)}}
	m := renderAnswer(a, "k")
	checkLimits(t, m)
	q := m.Blocks[0].(*slack.SectionBlock).Text.Text
	if !strings.HasPrefix(q, "> *peace* talks") || !strings.HasSuffix(q, "…") {
		t.Errorf("quote = %.60q … %q", q, q[len(q)-20:])
	}
	if strings.Contains(q, "<!channel>") || strings.HasSuffix(q, "&am…") || strings.HasSuffix(q, " …") {
		t.Errorf("badly cut: %q", q[len(q)-30:])
	}
}

func TestManyQuotesWithinBlockLimit(t *testing.T) {
	a := news.Answer{Kind: news.AnswerQuote, Note: "Quotes by Harris"}
	for i := range 100 {
		a.Quotes = append(a.Quotes, news.Answer{Kind: news.AnswerQuote, Speaker: "Kamala Harris", Quote: fmt.Sprintf("Quote number %d.", i)})
	}
	m := renderAnswer(a, "k")
	checkLimits(t, m)
	if texts := strings.Join(sectionTexts(m.Blocks), "\n"); !strings.Contains(texts, "…and 77 more.") {
		t.Errorf("no count of the quotes left out: %s", texts[len(texts)-100:])
	}
	if _, ok := m.Blocks[len(m.Blocks)-1].(*slack.ActionBlock); !ok {
		t.Error("the share button was dropped")
	}
}

func TestNoAnswer(t *testing.T) {
	m := renderAnswer(news.Answer{Kind: news.AnswerNone}, "k")
	checkLimits(t, m)
	if len(m.Blocks) != 1 || !strings.Contains(m.Text, "I found nothing that answers this") {
		t.Errorf("none answer = %+v", m)
	}
}

func TestBigDigestWithinLimits(t *testing.T) {
	d := news.Digest{To: time.Date(2026, 3, 8, 9, 0, 0, 0, time.UTC)}
	for i := range 600 {
		d.Articles = append(d.Articles, news.DigestArticle{ID: fmt.Sprint(i), Title: strings.Repeat("Title ", 60), URL: "https://news.test/" + strings.Repeat("p", 900),
			Outlet: "BBC", Gist: strings.Repeat("gist ", 200)})
	}
	for i := range 30 {
		d.Quotes = append(d.Quotes, news.DigestQuote{Speaker: strings.Repeat("S", 300), Title: strings.Repeat("role ", 100), Quote: strings.Repeat("word ", 1000), ArticleID: fmt.Sprint(i)})
		d.Speakers = append(d.Speakers, news.SpeakerCount{Name: "Name", Quotes: 30 - i})
	}
	main, thread := renderDigest(d, time.Now(), digestInline)
	checkLimits(t, main)
	lines := 0
	for _, m := range thread {
		checkLimits(t, m)
		for _, s := range sectionTexts(m.Blocks) {
			lines += strings.Count(s, "• ")
		}
	}
	if lines != 600 {
		t.Errorf("%d articles in the thread, want 600", lines)
	}
	// Inline (the /newsbot summary view): cut, with a count of the rest.
	inline, _ := renderDigest(d, time.Now(), 1000)
	checkLimits(t, inline)
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<@UBOT> who said peace is cheap?", "who said peace is cheap?"},
		{"<@UBOT|newsbot>   what did <@U42|blinken> say?", "what did @blinken say?"},
		{"who was quoted in <https://bbc.com/a?x=1&amp;y=2|bbc.com/a>?", "who was quoted in https://bbc.com/a?x=1&y=2?"},
		{"<!channel> quotes in <#C1|news> &lt;today&gt;", "quotes in #news <today>"},
	}
	for _, tt := range tests {
		if got := plainText(tt.in, "UBOT"); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCommandURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://bbc.com/news/1":              "https://bbc.com/news/1",
		"<https://bbc.com/news/1>":            "https://bbc.com/news/1",
		"<https://bbc.com/a?x=1&amp;y=2|bbc>": "https://bbc.com/a?x=1&y=2",
		"Title line\nhttps://bbc.com/news/1":  "",
		"ftp://bbc.com/x":                     "",
		"China and Russia talk peace":         "",
	} {
		got, ok := commandURL(in)
		if got != want || ok != (want != "") {
			t.Errorf("commandURL(%q) = %q, %v", in, got, ok)
		}
	}
}

func FuzzBlockQuote(f *testing.F) {
	f.Add("Calling for <!channel> peace is cheap & easy", 12, 17, 40)
	f.Add("héllo wörld ünïcode “quotes”", 1, 4, 10)
	f.Fuzz(func(t *testing.T, s string, start, end, limit int) {
		if !utf8.ValidString(s) || limit < 20 || limit > 5000 {
			return
		}
		out := blockQuote(s, []news.Span{{Start: start, End: end}}, limit)
		if runes(out) > limit {
			t.Fatalf("%d characters > %d", runes(out), limit)
		}
		if !utf8.ValidString(out) {
			t.Fatal("invalid UTF-8")
		}
		if strings.ContainsAny(strings.ReplaceAll(strings.TrimPrefix(out, "> "), "\n> ", "\n"), "<>") {
			t.Fatalf("unescaped: %q", out)
		}
	})
}

func TestEscapingHeavyTextWithinLimit(t *testing.T) {
	for _, limit := range []int{5, 20, 100, 3000} {
		for _, s := range []string{strings.Repeat("&", 5000), strings.Repeat("<a> ", 2000), strings.Repeat("word ", 2000)} {
			if out := blockQuote(s, nil, limit); runes(out) > limit {
				t.Errorf("blockQuote(%.10q…, %d): %d characters", s, limit, runes(out))
			}
			if out := fitText(s, limit); runes(out) > limit {
				t.Errorf("fitText(%.10q…, %d): %d characters", s, limit, runes(out))
			}
		}
	}
}

func TestShareValueFitsButton(t *testing.T) {
	for _, q := range []string{"who said it?", strings.Repeat(`"\`, 3000), strings.Repeat("é", 3000)} {
		v := shareValue("k", q)
		if len(v) > maxButtonValue {
			t.Errorf("value of %d bytes", len(v))
		}
		var got struct{ K, Q string }
		if err := json.Unmarshal([]byte(v), &got); err != nil || got.K != "k" {
			t.Errorf("value %q does not decode: %v", v[:40], err)
		}
	}
}
