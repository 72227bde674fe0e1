package bot

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/news"
)

// Slack's limits on Block Kit messages (https://api.slack.com/reference/block-kit).
const (
	maxBlocks        = 50
	maxSectionChars  = 3000
	maxHeaderChars   = 150
	maxFallbackChars = 3000
	maxButtonValue   = 2000
	// maxURL is the longest URL linked; a longer one would eat the
	// section's character budget, so only its label is shown.
	maxURL = 1000
)

// escape makes text safe inside a Slack message: &, < and > are the only
// control characters of Slack's format, and escaping them is what stops an
// article containing <!channel> or <@U123> from pinging anyone.
func escape(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// link renders a link to an article, or only its escaped label when the URL
// is not a plain http(s) URL.
func link(rawURL, label string) string {
	label = strings.TrimSpace(label)
	if label == "" {
		label = rawURL
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(rawURL) > maxURL {
		return escape(label)
	}
	s := u.String()
	// Inside <url|label> the characters < > | end the URL: percent-encode them.
	s = strings.NewReplacer("<", "%3C", ">", "%3E", "|", "%7C", " ", "%20").Replace(s)
	return "<" + s + "|" + escape(label) + ">"
}

// runes is the length of s in characters, the unit of Slack's limits.
func runes(s string) int { return utf8.RuneCountInString(s) }

// cut shortens s to at most max characters, at a word boundary when there is
// one in the last third, and marks the cut with an ellipsis.
func cut(s string, max int) string {
	if runes(s) <= max {
		return s
	}
	if max <= 1 {
		return "…"
	}
	// Byte offset of the max-1'th rune: room for the ellipsis.
	end, n := 0, 0
	for i := range s {
		if n == max-1 {
			end = i
			break
		}
		n++
	}
	head := s[:end]
	if i := strings.LastIndexFunc(head, unicode.IsSpace); i > 0 && runes(head[:i]) >= (max-1)*2/3 {
		head = head[:i]
	}
	return strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '"' && r != '”' && r != ')'
	}) + "…"
}

// oneLine collapses all white space runs to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// validSpans returns the spans that can be applied to s: inside it, on rune
// boundaries, sorted and merged.
func validSpans(s string, spans []news.Span) []news.Span {
	var out []news.Span
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
			continue
		}
		if !utf8.RuneStart(s[sp.Start]) || (sp.End < len(s) && !utf8.RuneStart(s[sp.End])) {
			continue
		}
		out = append(out, sp)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, sp := range out {
		if n := len(merged); n > 0 && sp.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, sp.End)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// boldSpans renders s as escaped mrkdwn with the spans in bold. Slack only
// bolds *text* when the asterisks touch non-space characters, so the spaces
// at the edges of a span stay outside.
func boldSpans(s string, spans []news.Span) string {
	var b strings.Builder
	pos := 0
	for _, sp := range validSpans(s, spans) {
		b.WriteString(escape(s[pos:sp.Start]))
		seg := s[sp.Start:sp.End]
		trimmed := strings.TrimSpace(seg)
		if trimmed == "" {
			b.WriteString(escape(seg))
		} else {
			lead := seg[:strings.Index(seg, trimmed)]
			trail := seg[len(lead)+len(trimmed):]
			b.WriteString(escape(lead))
			b.WriteString("*" + escape(trimmed) + "*")
			b.WriteString(escape(trail))
		}
		pos = sp.End
	}
	b.WriteString(escape(s[pos:]))
	return b.String()
}

// blockQuote renders a quote as a Slack block quote of at most limit
// characters, with the spans in bold and the text cut at a word with an
// ellipsis when it is too long.
func blockQuote(quote string, spans []news.Span, limit int) string {
	quote = strings.TrimSpace(strings.ReplaceAll(quote, "\r\n", "\n"))
	budget := limit
	for {
		text := quote
		kept := spans
		if runes(text) > budget {
			text = cut(quote, budget)
			// The ellipsis is not part of the quote: keep spans before it.
			body := strings.TrimSuffix(text, "…")
			kept = nil
			for _, sp := range spans {
				if sp.End <= len(body) {
					kept = append(kept, sp)
				}
			}
		}
		out := "> " + strings.ReplaceAll(boldSpans(text, kept), "\n", "\n> ")
		n := runes(out)
		if n <= limit || budget <= 1 {
			return out
		}
		budget = max(1, min(budget-1, budget-(n-limit)/5))
	}
}

// fitText escapes s and keeps it within limit characters.
func fitText(s string, limit int) string {
	budget := limit
	for {
		out := escape(cut(s, budget))
		n := runes(out)
		if n <= limit || budget <= 1 {
			return out
		}
		budget = max(1, min(budget-1, budget-(n-limit)/5))
	}
}

var (
	mentionRE = regexp.MustCompile(`<@([UW][A-Z0-9]+)(\|[^>]*)?>`)
	channelRE = regexp.MustCompile(`<#[CG][A-Z0-9]+\|([^>]*)>`)
	specialRE = regexp.MustCompile(`<![^>]*>`)
	linkRE    = regexp.MustCompile(`<((?:https?|mailto):[^>|]*)(?:\|[^>]*)?>`)
	userIDRE  = regexp.MustCompile(`^[UW][A-Z0-9]+$`)
)

// plainText turns a Slack-formatted message into the text a user typed:
// the bot's own mention removed, other mentions and links reduced to their
// text, entities unescaped.
func plainText(s, botUserID string) string {
	s = mentionRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := mentionRE.FindStringSubmatch(m)
		if sub[1] == botUserID || botUserID == "" {
			return " "
		}
		if sub[2] != "" {
			return "@" + sub[2][1:]
		}
		return ""
	})
	s = channelRE.ReplaceAllString(s, "#$1")
	s = linkRE.ReplaceAllString(s, "$1")
	s = specialRE.ReplaceAllString(s, "")
	s = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
	return strings.TrimSpace(oneLineKeepNewlines(s))
}

// oneLineKeepNewlines trims each line and drops blank lines at the ends.
func oneLineKeepNewlines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}
