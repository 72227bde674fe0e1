package quote

import (
	"strings"

	"newsbot/lexicon"
)

// nationalities and similar adjectives that precede titles: they belong to
// the title, never to a name. Only needed when they touch a name directly
// ("Chinese Xi Jinping" is rare; "Chinese President Xi" is handled by the
// title word).
func isNameToken(t token) bool {
	if !t.word || t.quoted {
		return false
	}
	if t.capitalized() {
		return true
	}
	l := t.lower()
	return strings.HasPrefix(l, "al-") || strings.HasPrefix(l, "el-") || strings.HasPrefix(l, "bin-")
}

// abbrevDot reports whether toks[j] is the period of an abbreviation
// right before a comma ("Jane Roe, D-Calif., said").
func abbrevDot(toks []token, j int) bool {
	if toks[j].text != "." || j == 0 || j+1 >= len(toks) || !toks[j-1].word || toks[j-1].end != toks[j].start {
		return false
	}
	if toks[j+1].text == "," {
		return true
	}
	// "who lost 16 lbs. “and two belt loops”": a unit or abbreviation
	// before a word that does not start a sentence
	n := toks[j+1]
	return (isAbbrev(toks[j-1].text) || lexicon.UnitAbbrevs().Has(toks[j-1].low)) && !(n.word && n.capitalized() && !n.quoted)
}

func isClauseBreak(s string) bool {
	switch s {
	case ".", ";", ":", "!", "?", "\"", "“", "”":
		return true
	}
	return false
}

// isNameRun reports whether toks[a:b] are all capitalised words (a short
// name such as "Joseph").
func isNameRun(toks []token, a, b int) bool {
	if b <= a || b-a > maxPersonNameWords {
		return false
	}
	for k := a; k < b; k++ {
		if !toks[k].capitalized() {
			return false
		}
	}
	return true
}

func looksLikeDate(ts []token) bool {
	if len(ts) == 0 || len(ts) > maxDateTokens {
		return false
	}
	return lexicon.DateWords().Has(strings.TrimSuffix(ts[0].lower(), "."))
}

// relativeNP handles "An official with X who was present in court told":
// when the phrase before the cue sits in a relative clause, the speaker is
// the phrase before "who".
func relativeNP(text string, toks []token, n np, floor int) np {
	st := tokenAt(toks, n.start)
	for w := st - 1; w >= floor && w >= st-maxRelativeTokens; w-- {
		if !toks[w].word || toks[w].quoted {
			return n
		}
		if toks[w].low == "who" {
			if w-1 >= floor {
				if n2 := backPhrase(text, toks, w-1, floor); !n2.empty() && n2.pronoun == "" {
					return n2
				}
			}
			return n
		}
	}
	return n
}

// maxPhraseWords is the most words a speaker phrase walked back from its cue
// may hold; a longer run is no phrase. Introduced in cffae27. Measured at
// b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker accuracy): at 8:
// 91.0/89.9 and 93.0/97.4; at 9 (chosen): 91.0/89.9 and 93.0/97.6; at 10:
// 91.0/89.9 and 93.0/97.6; at 18: 91.0/89.9 and 93.0/97.6.
const maxPhraseWords = 9

// backPhrase collects the phrase ending at tokens[i] (inclusive).
func backPhrase(text string, toks []token, i, floor int) np {
	if i < floor || !toks[i].word || toks[i].quoted {
		return np{}
	}
	l := toks[i].lower()
	if lexicon.Pronouns().Has(l) {
		return np{start: toks[i].start, end: toks[i].end, text: toks[i].text, pronoun: l}
	}
	if lexicon.StopWords().Has(l) && (!toks[i].capitalized() || i == 0 || lexicon.SentenceStarters().Has(l)) {
		return np{}
	}
	j, ok := phraseWalkBack(toks, i, floor)
	if !ok {
		return np{}
	}
	a := j + 1
	if a > i {
		return np{}
	}
	if j >= floor && (toks[j].low == "her" || toks[j].low == "his" || toks[j].low == "their" || toks[j].low == "its") && !toks[j].quoted && a <= i && !toks[a].capitalized() {
		// "her statement read": keep the owner
		a = j
	}
	if n, ok := affiliationPhrase(text, toks, i, j, floor); ok {
		return n
	}
	a = trimPhraseStart(toks, a, i)
	if a > 0 && a < i && !toks[a].capitalized() && lexicon.VerbBefore().Has(toks[a-1].low) && !lexicon.Determiners().Has(toks[a].low) && !lexicon.PossessiveDeterminers().Has(toks[a].low) {
		// "would not discuss weekend newspaper reports": after "not" or a
		// modal the first word is a verb, no part of the source
		a++
	}
	if a > i {
		return np{}
	}
	if a == i && lexicon.Determiners().Has(toks[i].low) && !toks[i].capitalized() || isContraction(toks[i].low) || lexicon.PossessiveDeterminers().Has(toks[i].low) {
		// "other states require", "we’re", "his": no speaker
		return np{}
	}
	n := np{start: toks[a].start, end: toks[i].end}
	n.text = text[n.start:n.end]
	n, done := phraseName(text, toks, a, i, n)
	if done {
		return n
	}
	return phraseHead(text, toks, a, i, n)
}

// phraseWalkBack walks back from tokens[i] over the words of a speaker
// phrase and returns the index before its first word; ok is false when
// the phrase runs longer than maxPhraseWords.
func phraseWalkBack(toks []token, i, floor int) (int, bool) {
	j := i
	words := 0
	for j >= floor {
		t := toks[j]
		if t.quoted {
			break
		}
		if !t.word {
			// keep possessive marks and hyphens glued in words; stop at others
			if t.text == "’" || t.text == "'" || t.text == "&" {
				j--
				continue
			}
			break
		}
		tl := t.lower()
		ofRole := tl == "of" && j-1 >= floor && toks[j-1].word && !toks[j-1].quoted && j+1 <= i
		if lexicon.StopWords().Has(tl) && !ofRole && !(lexicon.Connectors().Has(t.text) && j-1 >= floor && toks[j-1].capitalized() && j+1 <= i && (toks[j+1].capitalized() || toks[j+1].text == "the" && j+2 <= i && toks[j+2].capitalized())) && !orgAnd(toks, j, floor, i) {
			// a capitalised word that is not sentence-initial is a name
			// ("May", "Will"), unless a connective ("But", "And")
			if !(t.capitalized() && !lexicon.SentenceStarters().Has(tl) && j > 0 && toks[j-1].word) {
				break
			}
		}
		if lexicon.Pronouns().Has(tl) {
			break
		}
		words++
		if words > maxPhraseWords {
			return j, false
		}
		j--
	}
	return j, true
}

// affiliationPhrase reads "Tim Guest with the Nova Scotia Health
// Authority" ending at tokens[i], where toks[j] is "with", "from" or "at":
// the person before the affiliation, titled with it.
func affiliationPhrase(text string, toks []token, i, j, floor int) (np, bool) {
	if j >= floor+1 && j-1 >= floor && (toks[j].low == "with" || toks[j].low == "from" || toks[j].low == "at") && toks[j-1].capitalized() && !toks[j-1].quoted {
		// "Tim Guest with the Nova Scotia Health Authority": the person
		// before the affiliation
		if n := backPhrase(text, toks, j-1, floor); n.name != "" && len(strings.Fields(n.name)) >= 2 {
			aff := strings.TrimSpace(text[toks[j].start:toks[i].end])
			if n.title == "" {
				n.title = aff
			} else {
				n.title += " " + aff
			}
			n.end = toks[i].end
			n.text = text[n.start:n.end]
			return n, true
		}
	}
	return np{}, false
}

// trimPhraseStart moves the start a of the phrase ending at tokens[i]
// past what is no part of it: capitalised connectives ("But"), a verb
// ("he heard students shout"), and all before a second article.
func trimPhraseStart(toks []token, a, i int) int {
	// drop sentence-starting connectives that are capitalised ("But", "And")
	for a <= i && (lexicon.SentenceStarters().Has(toks[a].lower()) && !lexicon.Determiners().Has(toks[a].lower())) {
		a++
	}
	// a verb before the phrase is not part of it: "he heard students
	// shout", "they saw protesters chant"
	for a < i && !toks[a].capitalized() && (lexicon.FiniteVerbs().Has(toks[a].low) || lexicon.PerceptionVerbs().Has(toks[a].low)) {
		a++
	}
	// a second article starts a new phrase: "in a move the company said"
	for x := i - 1; x > a; x-- {
		if (toks[x].low == "the" || toks[x].low == "a" || toks[x].low == "an") && toks[x-1].word && !toks[x-1].capitalized() && !lexicon.Connectors().Has(toks[x-1].low) && !lexicon.OfLike().Has(toks[x-1].low) {
			a = x
			break
		}
	}
	return a
}

// phraseName finds the name in the phrase tokens[a..i] and the title
// before it; done reports that n is final (a role before "of", a person
// before "of" an organisation).
func phraseName(text string, toks []token, a, i int, n np) (np, bool) {
	// name: trailing run of capitalised non-title tokens
	k := i
	for k >= a && (isNameToken(toks[k]) && !isTitleWord(toks[k]) && !isPossessive(toks[k].text) || (k < i && k > a && lexicon.Connectors().Has(toks[k].text) && (toks[k-1].capitalized() && !isTitleWord(toks[k-1]) || nameParticle(toks[k].text) && nameParticle(toks[k-1].text) && k-1 > a && toks[k-2].capitalized())) || k < i && k > a && orgAnd(toks, k, a, i)) {
		k--
	}
	if lexicon.Determiners().Has(toks[a].lower()) {
		// "the former sergeant-at-arms of the House of Commons": a role
		// phrase whose head comes before "of"
		for x := a + 1; x < i; x++ {
			if toks[x].text == "of" && !toks[x-1].capitalized() && toks[x-1].word {
				n.role = strings.ToLower(toks[x-1].text)
				return n, true
			}
		}
	}
	if k < i {
		// trim leading connectors
		ns := k + 1
		for ns <= i && lexicon.Connectors().Has(toks[ns].text) {
			ns++
		}
		if p := personBeforeOf(toks, a, ns); p > a {
			// "Mark Longden of the Independent Supporters' Association":
			// the person, not the organisation after "of"
			n.name = text[toks[a].start:toks[p-1].end]
			q := p + 1
			if q < i && toks[q].low == "the" {
				q++
			}
			n.title = strings.TrimSpace(text[toks[q].start:toks[i].end])
			return n, true
		}
		if ns <= i {
			if ns == i && ns-2 >= a && toks[ns-1].word && isNumber(toks[ns-1].text) && len(toks[ns-1].text) <= maxNumberNameDigits && toks[ns-2].word && !toks[ns-2].capitalized() && hasRoleNoun([]string{toks[ns-2].text}) {
				// "rap star 50 Cent": a number opening a one-word name
				// right after a role noun (not "In 2019 Microsoft", not
				// "the 12 Conservatives")
				ns--
			}
			if ns == i && ns-1 >= a && ns-2 < a+1 && toks[ns-1].capitalized() && partyName(toks[ns-1].low, toks[i].low) {
				// "the Liberal Democrats": a party adjective and a plural
				// name are one name, not a role and a name
				ns--
			}
			n.name = text[toks[ns].start:toks[i].end]
			if ns > a {
				ts := a
				for ts < ns && lexicon.Determiners().Has(toks[ts].lower()) {
					ts++
				}
				if ts < ns {
					n.title = strings.TrimSpace(strings.TrimRight(text[toks[ts].start:toks[ns-1].end], ",’' "))
				}
			}
		}
	}
	return n, false
}

// phraseHead finishes the phrase tokens[a..i]: the place is cut from a
// name, a document's owner speaks ("Foster's book"), and a nameless
// phrase gets its role, or none when its head is no speaker ("speak
// publicly", "its seven").
func phraseHead(text string, toks []token, a, i int, n np) np {
	if n.name != "" {
		n.name = cutOfPlace(n.name)
	}
	if n.name == "" && lexicon.OwnedDocuments().Has(toks[i].low) {
		// "Foster's book", "the city's report": the owner speaks
		for x := a; x < i; x++ {
			if isPossessive(toks[x].text) && toks[x].capitalized() {
				n.name = strings.TrimSuffix(strings.TrimSuffix(text[toks[a].start:toks[x].end], "'s"), "’s")
				if lexicon.Determiners().Has(toks[a].low) {
					n.name = strings.TrimSuffix(strings.TrimSuffix(text[toks[a+1].start:toks[x].end], "'s"), "’s")
				}
				return n
			}
		}
	}
	if n.name != "" && toks[a].lower() == "the" && lexicon.Describers().Has(toks[i].lower()) {
		n.name, n.title = "", ""
	}
	if n.name == "" {
		n.role = strings.ToLower(toks[i].text)
		if strings.HasSuffix(n.role, "ly") && !lexicon.LyNouns().Has(n.role) || isNumber(n.role) || lexicon.NumberWords().Has(n.role) || lexicon.TimeNouns().Has(n.role) {
			// "speak publicly", "its seven": not a speaker
			return np{}
		}
		if verbPhrase(toks, a, i) {
			// "has played down claims that", "denied an earlier report
			// that", "prompting fears that": a verb, not a speaker
			return np{}
		}
		if lexicon.PersonNouns().Has(n.role) || isTitleWord(toks[i]) {
			// "Mr Blair's official spokesman": someone speaking for the
			// named owner, not the owner ("the charity's director" may
			// still be a person named before)
			for x := a; x < i; x++ {
				if isPossessive(toks[x].text) && toks[x].capitalized() {
					n.affiliated = true
					break
				}
			}
		}
	}
	return n
}

// isContraction reports a verb contraction ("won’t", "we’re", "they've").
func isContraction(w string) bool {
	w = strings.ReplaceAll(w, "’", "'")
	for _, suf := range []string{"n't", "'re", "'ve", "'ll", "'d", "'m"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// nameParticle reports a lower-case particle inside a person's name
// ("van der", "de la"), which may come in pairs.
func nameParticle(w string) bool {
	return lexicon.Connectors().Has(w) && w != "of" && w != "the" && w != "&"
}

// forwardPhrase is forwardNP without the role after the name.
func forwardPhrase(text string, toks []token, i, stop int) np {
	if i >= stop || !toks[i].word || toks[i].quoted {
		return np{}
	}
	l := toks[i].lower()
	if lexicon.Pronouns().Has(l) {
		return np{start: toks[i].start, end: toks[i].end, text: toks[i].text, pronoun: l}
	}
	// "said oil and gas worker Mike Wipf.": the phrase ends at a name right
	// before punctuation, whatever lower-case words come first
	for p := i + 1; p < stop && p <= i+maxForwardPhraseTokens; p++ {
		if toks[p].quoted {
			break
		}
		// "said Mayor Lee Park at a rally on Sunday.": a name followed by a
		// place or time phrase is the speaker, not the last name of it
		if toks[p].word && lexicon.CircumstancePreps().Has(toks[p].lower()) && toks[p-1].capitalized() && p-1 > i {
			if n := backPhrase(text, toks, p-1, i); !n.empty() && n.name != "" {
				return n
			}
			break
		}
		if !toks[p].word && toks[p].text != "’" && toks[p].text != "'" && toks[p].text != "-" {
			if toks[p-1].capitalized() && p-1 > i {
				if n := backPhrase(text, toks, p-1, i); !n.empty() && n.name != "" {
					return n
				}
			}
			break
		}
	}
	j := i
	if lexicon.Determiners().Has(l) {
		j++
	}
	// words until punctuation or a stop word (allow title words and names)
	for j < stop {
		t := toks[j]
		if !t.word || t.quoted {
			if t.text == "’" || t.text == "'" || t.text == "&" || t.text == "." {
				j++
				continue
			}
			break
		}
		tl := t.lower()
		if lexicon.StopWords().Has(tl) && !(lexicon.Connectors().Has(t.text) && j > i && toks[j-1].capitalized() && j+1 < stop && toks[j+1].capitalized()) {
			break
		}
		if lexicon.ObjectVerbs().Has(tl) || cueVerbsHas(tl) {
			break
		}
		if j-i > maxForwardNameTokens {
			break
		}
		j++
	}
	if j == i || (j == i+1 && lexicon.Determiners().Has(l)) {
		return np{}
	}
	end := j - 1
	for end > i && !toks[end].word {
		end--
	}
	n := backPhrase(text, toks, end, i)
	if n.name == "" && n.pronoun == "" {
		// "said the chairman of the committee, Labour MP Jane Roe.": the
		// name set off after the role is the speaker
		for j < stop && j <= i+maxForwardRoleTokens && toks[j].word && !toks[j].quoted {
			j++
		}
	}
	if n.name == "" && n.pronoun == "" && j < stop && toks[j].text == "," {
		p := j + 1
		for p < stop && p <= j+maxSetOffNameTokens && toks[p].word && !toks[p].quoted {
			p++
		}
		if p > j+1 && (p == stop || toks[p].text == "." || toks[p].text == "!" || toks[p].text == "?") && toks[p-1].capitalized() {
			if m := backPhrase(text, toks, p-1, j+1); m.name != "" && m.start == toks[j+1].start || m.name != "" && tokenAt(toks, m.start) > j+1 && onlyTitles(toks, j+1, tokenAt(toks, m.start)) {
				if m.title == "" {
					m.title = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(n.text, "the "), "The "))
				}
				return m
			}
		}
	}
	return n
}

// onlyTitles reports whether toks[a:b] are title words or capitalised
// party names ("Labour MP").
func onlyTitles(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if !isTitleWord(toks[k]) && !toks[k].capitalized() {
			return false
		}
	}
	return true
}

const (
	// maxDateTokens is the longest date (tokens) read as an appositive ("Jan.
	// 4, 2019"). Introduced in cffae27. Measured at b75dbd0 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 3, 4
	// (chosen), 5 and 8 alike (no extracted quote differs).
	maxDateTokens = 4
	// maxRelativeTokens is how far (tokens) back a relative pronoun is looked
	// for in a speaker phrase. Introduced in 664cfed. Measured at b75dbd0 on
	// bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
	// 93.0/97.6 at 7, 8 (chosen), 9 and 16 alike (no extracted quote differs).
	maxRelativeTokens = 8
	// maxForwardPhraseTokens is the longest speaker phrase after an inverted
	// cue that ends at a name ("said oil and gas worker Mike Wipf.").
	// Introduced in 0ef9c84. Measured at b75dbd0 on bbc-train and ggt-dev
	// (quote F1 / speaker accuracy): at 6: 91.0/90.3 and 93.0/97.4; at 9:
	// 91.0/90.3 and 93.0/97.6; at 12 (chosen): 91.0/89.9 and 93.0/97.6; at 24:
	// 91.0/89.9 and 92.9/97.6. At 9 bbc-train gains two speakers and ggt-dev
	// nothing, so 12 stays (a value changes only when both sets gain).
	maxForwardPhraseTokens = 12
	// maxForwardNameTokens is the longest name run after an inverted cue, in
	// tokens. Introduced in cffae27. Measured at b75dbd0 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 7, 8
	// (chosen), 9 and 16 alike (no extracted quote differs).
	maxForwardNameTokens = 8
	// maxForwardRoleTokens is the longest role (tokens) after an inverted cue
	// before a name set off by a comma ("said the chairman of the committee,
	// Labour MP Jane Roe"). Introduced in 2bc3b33. Measured at b75dbd0 on
	// bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
	// 93.0/97.6 at 7, 10, 14 (chosen) and 28 alike (no extracted quote
	// differs).
	maxForwardRoleTokens = 14
	// maxSetOffNameTokens is the longest name set off by a comma after such a
	// role, in tokens. Introduced in 2bc3b33. Measured at b75dbd0 on bbc-train
	// and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 6,
	// 7 (chosen), 8 and 14 alike (no extracted quote differs).
	maxSetOffNameTokens = 7
	// maxNumberNameDigits is the most digits of a number that opens a one-word
	// name after a role noun ("rap star 50 Cent"). A bare literal until
	// 0e315c7. Measured at 0e315c7 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.1/90.1 and 93.0/97.6 at 2, 3 (chosen) and 4 alike (as many
	// quotes predicted, matched and rightly attributed).
	maxNumberNameDigits = 3
	// shortPluralRoleBytes is the longest plural role word that, after a party
	// adjective, makes no party's name ("Labour MPs", not "Liberal Democrats").
	// A bare literal until 0e315c7. Measured at 0e315c7 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): 91.1/90.1 and 93.0/97.6 at 2, 3
	// (chosen), 4 and 5 alike (as many quotes predicted, matched and rightly
	// attributed).
	shortPluralRoleBytes = 3
	// shortVerbFormBytes is the longest "-ed" or "-ing" word that verbPhrase
	// does not take for a verb form ("bed", "king"). A bare literal until
	// 0e315c7. Measured at 0e315c7 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): at 3: 91.1/90.1 and 93.0/97.6; at 4 (chosen): 91.1/90.1 and
	// 93.0/97.6; at 5: 91.1/90.1 and 93.0/97.6; at 6: 91.2/89.9 and 93.0/97.6
	// (bbc-train: one more quote predicted and matched, as many rightly
	// attributed).
	shortVerbFormBytes = 4
)

// partyName reports whether a party adjective and a plural word make one
// party's name ("Liberal Democrats"), where "Senator Collins" is a title
// and a name.
func partyName(adj, plural string) bool {
	return lexicon.PartyWords().Has(adj) && isPluralRole(plural) && len(plural) > shortPluralRoleBytes
}

// verbPhrase reports whether the role phrase toks[a:i+1] opens with a verb
// form (a past or "-ing" form, or a finite verb) and has no role noun for
// its head: "played down", "denied an", "holding out slim". "leading
// economists" and "retired teacher" keep their role nouns.
func verbPhrase(toks []token, a, i int) bool {
	l := toks[a].low
	verb := lexicon.FiniteVerbs().Has(l) || len(l) > shortVerbFormBytes && (strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "ing"))
	if a == i && !strings.HasSuffix(l, "ing") {
		// "All those involved", "the accused": a participle as a noun
		return false
	}
	return verb && !toks[a].capitalized() && !hasRoleNoun([]string{toks[i].text})
}
