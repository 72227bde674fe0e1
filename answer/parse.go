package answer

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"newsbot/lexicon"
	"newsbot/quote"
)

// intent is what a question asks for.
type intent int

const (
	intentGeneral  intent = iota // any other question: best sentences
	intentWhoSaid                // "who said ...?", "who warned ...?"
	intentWhatSaid               // "what did X say (about Y)?"
	intentQuotesBy               // "quotes by X"
	intentQuotedIn               // "who was quoted in <article>?"
)

// parsed is a question taken apart.
type parsed struct {
	intent  intent
	content string // the words to look for in quotes or sentences
	speaker string // the person asked about (what-said, quotes-by)
	outlet  string // an outlet named in the question ("who told the WSJ ...")
	cue     string // the reporting verb of the question ("warned")
	role    string // "which minister said ..." -> "minister"
	article string // the article named (quoted-in)
}

var (
	reQuotedIn    = regexp.MustCompile(`(?i)^(?:who(?:m)?\s+(?:(?:was|were|is|are|got|gets|has been|have been|had been)\s+)?(?:quoted|cited|interviewed|mentioned|speaking|spoke|speaks|talked|talks)\s+(?:in|by|from)|who\s+is\s+in|(?:list|show)(?:\s+me)?\s+(?:the\s+)?(?:speakers|people\s+quoted)\s+(?:in|of|from)|(?:(?:list|show|give)(?:\s+me)?\s+)?(?:all\s+)?(?:the\s+)?(?:quotes|speakers)\s+in)\s+(.+)$`)
	reQuotesBy    = regexp.MustCompile(`(?i)^(?:(?:list|show|give|find|get)(?:\s+me)?\s+)?(?:all\s+)?(?:the\s+)?(?:quotes|quotations|statements|comments)\s+(?:by|from|of)\s+(.+)$`)
	reQuotesBy2   = regexp.MustCompile(`(?i)^(?:what\s+(?:has|have)\s+(.+?)\s+said|(.+?)['’]s\s+(?:quotes|statements|comments))$`)
	reWhatSaid    = regexp.MustCompile(`(?i)^(?:what|how)\s+(?:did|does|do|has|have|had|is|was|will|would)\s+(.+?)\s+(` + whatVerbs + `)(?:\s+(?:about|on|of|regarding|concerning|over|when it comes to|to|in|at|after|during)\s+(.+))?$`)
	reWhoLead     = regexp.MustCompile(`(?i)^(?:(?:and|so|but|ok|okay|tell me|do you know|can you tell me|please)[,\s]+)*(?:who|whom|which\s+(\w+(?:\s+\w+)?)|what\s+(\w+(?:\s+\w+)?))\s+`)
	reAccordingTo = regexp.MustCompile(`(?i)\b(?:according to|per)\s+`)
	// Slack mentions and special mentions (<@U123>, <!channel>, <#C1|x>).
	reMention = regexp.MustCompile(`<[@!#][^>]*>`)
)

const whatVerbs = `say|said|says|saying|tell|told|claim|claimed|argue|argued|think|thinks|thought|mean|meant|believe|believes|warn|warned|write|wrote|announce|announced|comment|commented|report|reported|add|added|state|stated|explain|explained|respond|responded|reply|replied|suggest|suggested|predict|predicted|promise|promised|describe|described|feel|feels|felt`

// parseQuestion takes a question apart. It never fails: what it does not
// recognise is a general question.
func parseQuestion(question string) parsed {
	q := cleanQuestion(question)
	// The patterns are case-insensitive and match q itself: lower-casing
	// can change a text's length in bytes, and offsets must stay valid.
	if m := reQuotedIn.FindStringSubmatchIndex(q); m != nil {
		return parsed{intent: intentQuotedIn, article: strings.TrimSpace(q[m[2]:m[3]])}
	}
	if m := reQuotesBy.FindStringSubmatch(q); m != nil {
		return parsed{intent: intentQuotesBy, speaker: strings.TrimSpace(m[1])}
	}
	if m := reQuotesBy2.FindStringSubmatch(q); m != nil {
		s := m[1]
		if s == "" {
			s = m[2]
		}
		return parsed{intent: intentQuotesBy, speaker: strings.TrimSpace(s)}
	}
	if m := reWhatSaid.FindStringSubmatchIndex(q); m != nil {
		speaker := strings.TrimSpace(q[m[2]:m[3]])
		p := parsed{intent: intentWhatSaid, speaker: speaker, cue: strings.ToLower(q[m[4]:m[5]])}
		if m[6] >= 0 {
			p.content = q[m[6]:m[7]]
		}
		if isPronounOrVague(speaker) {
			// "what did they say about ..." names no one: look for the topic.
			return parsed{intent: intentGeneral, content: p.content}
		}
		return p
	}
	if m := reWhoLead.FindStringSubmatchIndex(q + " "); m != nil {
		p := parsed{intent: intentWhoSaid}
		if m[2] >= 0 {
			p.role = strings.ToLower(q[m[2]:m[3]])
		} else if m[4] >= 0 {
			p.role = strings.ToLower(q[m[4]:m[5]])
			if !roleWord(p.role) {
				// "what happened ..." is not a who-question.
				return parsed{intent: intentGeneral, content: q}
			}
		}
		rest := q[min(m[1], len(q)):]
		p.content, p.cue, p.outlet = stripCue(rest)
		if p.content == "" && p.cue == "" && rest != "" {
			return parsed{intent: intentGeneral, content: q}
		}
		return p // "who said?" alone: a who-question with nothing to look for
	}
	return parsed{intent: intentGeneral, content: q}
}

// stripCue removes the auxiliaries, reporting verb, listener and "that" at
// the start of a who-question's remainder: "told the WSJ that X" -> X with
// cue "told" and outlet "The Wall Street Journal".
func stripCue(rest string) (content, cue, outlet string) {
	words := strings.Fields(rest)
	i := 0
	for i < len(words) && lexicon.QuestionAuxiliaries().Has(strings.ToLower(words[i])) {
		i++
	}
	if i < len(words) && lexicon.QuestionCueVerbs().Has(strings.ToLower(trimPunct(words[i]))) {
		cue = strings.ToLower(trimPunct(words[i]))
		i++
		// A phrasal particle: "pointed out", "called for", "went on".
		if i < len(words) && (strings.EqualFold(words[i], "out") || strings.EqualFold(words[i], "up")) && (cue == "pointed" || cue == "point" || cue == "points" || cue == "spoke" || cue == "speak") {
			i++
		}
		// A listener or outlet before "that": "told reporters that",
		// "told the WSJ that", "said to CNN that".
		if j := indexWord(words[i:], "that"); j >= 0 && j <= maxListenerWords {
			obj := strings.Join(words[i:i+j], " ")
			objWords := strings.Fields(strings.ToLower(obj))
			if name, ok := outletIn(obj); ok {
				outlet = name
				i += j + 1
			} else if j == 0 || allListeners(objWords) || lexicon.ObjectVerbs().Has(cue) {
				// "told X that ...": X is whom it was said to.
				i += j + 1
			}
		} else if i < len(words) {
			// "told reporters X" without "that": drop the listeners.
			for i < len(words) && lexicon.QuestionListeners().Has(strings.ToLower(trimPunct(words[i]))) {
				i++
			}
			// "told the WSJ X" without "that": drop a leading outlet.
			for n := min(5, len(words)-i); n >= 1; n-- {
				if name, ok := outletIn(strings.Join(words[i:i+n], " ")); ok {
					outlet = name
					i += n
					break
				}
			}
		}
	}
	content = strings.Join(words[i:], " ")
	// A trailing attribution: "... , per the WSJ" / "according to Fox News".
	if all := reAccordingTo.FindAllStringIndex(content, -1); len(all) > 0 {
		k := all[len(all)-1]
		if name, ok := outletIn(content[k[1]:]); ok && k[0] > 0 {
			outlet = name
			content = strings.TrimRight(content[:k[0]], " ,")
		}
	}
	return strings.TrimSpace(content), cue, outlet
}

// outletIn reports whether s (possibly with a leading "the") is an outlet.
func outletIn(s string) (string, bool) {
	s = strings.TrimSpace(trimPunct(s))
	if s == "" {
		return "", false
	}
	return quote.CanonicalOutlet(s)
}

func allListeners(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		w = trimPunct(w)
		if w == "the" || w == "a" || w == "some" || w == "local" || w == "fellow" || lexicon.QuestionListeners().Has(w) {
			continue
		}
		return false
	}
	return true
}

func indexWord(ws []string, w string) int {
	for i, x := range ws {
		if strings.EqualFold(trimPunct(x), w) {
			return i
		}
	}
	return -1
}

// roleWord reports whether "what X said" names a kind of speaker.
func roleWord(s string) bool {
	last := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		last = s[i+1:]
	}
	return lexicon.QuestionRoleNouns().Has(last)
}

// cleanQuestion strips Slack mentions, a bot name, surrounding space and
// the final question mark.
func cleanQuestion(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, " "))
	s = reMention.ReplaceAllString(s, " ")
	s = strings.TrimSpace(s)
	for _, p := range []string{"@newsbot", "newsbot,", "newsbot:", "newsbot", "hey,", "hey", "hi,", "hi", "please,", "please"} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) && (len(s) == len(p) || !isWordRune(rune(s[len(p)]))) {
			s = strings.TrimSpace(s[len(p):])
		}
	}
	s = strings.TrimLeft(s, ",: ")
	s = strings.TrimRight(s, "?!. \t\n")
	return strings.Join(strings.Fields(s), " ")
}

func isPronounOrVague(s string) bool {
	switch strings.ToLower(s) {
	case "they", "he", "she", "it", "people", "anyone", "someone", "everyone", "the article", "this article", "the articles", "you":
		return true
	}
	return false
}

func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !isWordRune(r) })
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
