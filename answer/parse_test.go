package answer

import (
	"testing"
	"unicode/utf8"
)

func TestParseQuestion(t *testing.T) {
	tests := []struct {
		q       string
		intent  intent
		content string
		speaker string
		outlet  string
		article string
	}{
		{q: "who said calling for peace is cheap?", intent: intentWhoSaid, content: "calling for peace is cheap"},
		{q: "Who claimed Russia is guilty of numerous atrocities?", intent: intentWhoSaid, content: "Russia is guilty of numerous atrocities"},
		{q: "who is not confident Beijing is prepared to mediate?", intent: intentWhoSaid, content: "not confident Beijing is prepared to mediate"},
		{q: "who told the WSJ that she is not confident?", intent: intentWhoSaid, content: "she is not confident", outlet: "The Wall Street Journal"},
		{q: "who told reporters that three MLAs won't run?", intent: intentWhoSaid, content: "three MLAs won't run"},
		{q: "<@U123ABC> who said that Beijing does not accept finger-pointing", intent: intentWhoSaid, content: "Beijing does not accept finger-pointing"},
		{q: "which minister warned of sanctions?", intent: intentWhoSaid, content: "of sanctions"},
		{q: "what did Blinken say about Russia?", intent: intentWhatSaid, speaker: "Blinken", content: "Russia"},
		{q: "What did Kamala Harris say?", intent: intentWhatSaid, speaker: "Kamala Harris"},
		{q: "what does Yun Sun think of China's role", intent: intentWhatSaid, speaker: "Yun Sun", content: "China's role"},
		{q: "quotes by Harris", intent: intentQuotesBy, speaker: "Harris"},
		{q: "show me all quotes from Wang Wenbin", intent: intentQuotesBy, speaker: "Wang Wenbin"},
		{q: "who was quoted in China peace talks?", intent: intentQuotedIn, article: "China peace talks"},
		{q: "who is quoted in https://example.com/a", intent: intentQuotedIn, article: "https://example.com/a"},
		{q: "when did Wang Yi arrive in Moscow?", intent: intentGeneral, content: "when did Wang Yi arrive in Moscow"},
		{q: "what happened in Munich", intent: intentGeneral, content: "what happened in Munich"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			p := parseQuestion(tt.q)
			if p.intent != tt.intent || p.content != tt.content || p.speaker != tt.speaker || p.outlet != tt.outlet || p.article != tt.article {
				t.Errorf("parseQuestion(%q) = %+v", tt.q, p)
			}
		})
	}
}

func FuzzParseQuestion(f *testing.F) {
	for _, s := range []string{"who said calling for peace is cheap?", "what did Ⱥ say about peace", "who was quoted in İstanbul",
		"who said ȺȺ according to x", "quotes by K", "\xff\xfe who said", "<!channel> who said x", "who said?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := parseQuestion(s)
		for _, part := range []string{p.content, p.speaker, p.article, p.outlet, p.role} {
			if !utf8.ValidString(part) {
				t.Fatalf("parseQuestion(%q) gave invalid UTF-8 %q", s, part)
			}
		}
	})
}

func TestParseQuestionUnicode(t *testing.T) {
	if p := parseQuestion("who was quoted in İstanbul talks?"); p.intent != intentQuotedIn || p.article != "İstanbul talks" {
		t.Errorf("quoted-in with a dotted capital I: %+v", p)
	}
	if p := parseQuestion("what did Ⱥlex say about peace"); p.speaker != "Ⱥlex" || p.content != "peace" {
		t.Errorf("what-said with a letter that changes length when lower-cased: %+v", p)
	}
	if p := parseQuestion("<!channel> who said calling for peace is cheap"); p.intent != intentWhoSaid || p.content != "calling for peace is cheap" {
		t.Errorf("a special mention is not part of the question: %+v", p)
	}
}
