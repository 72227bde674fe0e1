package quote

import (
	"strings"

	"newsbot/lexicon"
)

// np is a speaker noun phrase found next to a cue.
type np struct {
	start, end int    // byte span of the whole phrase (without appositive)
	text       string // the phrase as written ("foreign ministry spokesman Wang Wenbin")
	name       string // the name part ("Wang Wenbin"), "" for role phrases
	title      string // role before the name or in an appositive
	pronoun    string // lower-case pronoun when the phrase is one
	role       string // lower-case head of a role phrase ("minister" for "the minister")
	// exact: the name is complete as written (an appositive name after a
	// relation: "Spindler's father, Joseph"); do not expand it
	exact bool
	// affiliated: a nameless person named by role and organisation ("the
	// lawyer for X"); not any earlier person with that role
	affiliated bool
}

func (n np) empty() bool { return n.text == "" }

// mention is what the text says at the cue.
func (n np) mention() string { return n.text }

// backNP finds the speaker phrase ending right before tokens[end] (the cue,
// after skipping auxiliaries): a pronoun, a name with title words before
// it, a role phrase ("the minister", "city staff") or a name with an
// appositive ("Yun Sun, director of the Stimson Center's China program,").
// floor is the first token that may belong to the phrase.
func backNP(text string, toks []token, end, floor int) np {
	i := skipBeforeCue(toks, end, floor)
	if i < floor {
		return np{}
	}
	if isDash(toks[i].text) {
		return dashedSpeaker(text, toks, i, floor)
	}
	if toks[i].low == "who" && i-1 >= floor {
		return relativeAntecedent(text, toks, i, floor)
	}
	if toks[i].text == "," {
		return appositiveNP(text, toks, i, floor)
	}
	n := backPhrase(text, toks, i, floor)
	if !n.empty() && n.pronoun == "" && n.name == "" {
		n = relativeNP(text, toks, n, floor)
		n = postModified(text, toks, n, floor)
	} else if !n.empty() && n.pronoun == "" {
		// "The host who also presents Stars In Their Eyes said": a name
		// inside a relative clause is its object; its antecedent speaks
		n = relativeNP(text, toks, n, floor)
	}
	if !n.empty() && n.pronoun == "" && n.name != "" {
		n = placedRole(text, toks, n, floor)
	}
	if !n.empty() && n.pronoun == "" {
		n = affiliated(text, toks, n, floor)
	}
	if !n.empty() && n.pronoun == "" && n.name == "" {
		n = quantified(text, toks, n, floor)
	}
	return n
}

// skipBeforeCue returns the last token of the speaker phrase before the
// cue tokens[end], past auxiliaries and adverbs ("has also said", ",
// however,"), an acronym in brackets and a time ("on Tuesday said").
func skipBeforeCue(toks []token, end, floor int) int {
	i := end - 1
	stance := end < len(toks) && lexicon.StanceAdjectives().Has(toks[end].low)
	// skip auxiliaries and adverbs ("has also said", ", however,")
	for i >= floor {
		l := toks[i].lower()
		if toks[i].word && (lexicon.Auxiliaries().Has(l) || stance && lexicon.Copulas().Has(l)) && !toks[i].quoted && !toks[i].capitalized() {
			i--
			continue
		}
		if i-2 >= floor && wentOnTo(toks, i) {
			// "he went on to say"
			i -= 3
			continue
		}
		if toks[i].text == ")" && i-2 > floor && toks[i-2].text == "(" && toks[i-1].word && strings.ToUpper(toks[i-1].text) == toks[i-1].text {
			// "The Chartered Institute of Purchasing and Supply (CIPS)
			// said": the acronym in brackets after a name
			i -= 3
			continue
		}
		if j := timeAdverbialStart(toks, i, floor); j > floor {
			// "Mr Hilton on Tuesday said", "Dr Graham in November said":
			// the time between the subject and its cue is no speaker
			i = j - 1
			continue
		}
		if l == "," && i-2 >= floor && toks[i-1].lower() == "however" && toks[i-2].text == "," {
			i -= 3
			continue
		}
		break
	}
	return i
}

// dashedSpeaker reads "Jane Roe - who was wrongly convicted - said": a
// parenthesis between dashes after the speaker; tokens[i] is the closing
// dash.
func dashedSpeaker(text string, toks []token, i, floor int) np {
	// "Jane Roe - who was wrongly convicted - said": a parenthesis
	// between dashes after the speaker
	for j := i - 1; j > floor && i-j <= maxDashedTokens; j-- {
		if toks[j].quoted || toks[j].text == "." || toks[j].text == ";" {
			break
		}
		if isDash(toks[j].text) {
			if n := backPhrase(text, toks, j-1, floor); n.name != "" || n.role != "" {
				return n
			}
			break
		}
	}
	return np{}
}

// relativeAntecedent reads "by Jane Roe, who noted that ...": the
// relative pronoun's antecedent speaks; tokens[i] is "who".
func relativeAntecedent(text string, toks []token, i, floor int) np {
	// "by Jane Roe, who noted that ...": the relative pronoun's
	// antecedent speaks
	j := i - 1
	if toks[j].text == "," {
		j--
	}
	if j >= floor && toks[j].word && !toks[j].quoted {
		if n := backPhrase(text, toks, j, floor); n.name != "" {
			return n
		}
	}
	return np{}
}

// appositiveNP reads a speaker phrase with an appositive, ", X," between
// it and the cue ("Yun Sun, director of the Stimson Center's China
// program, said"); tokens[i] is the closing comma.
func appositiveNP(text string, toks []token, i, floor int) np {
	// appositive: ", X," between the phrase and the cue
	j := i - 1
	for j >= floor && toks[j].text != "," && (toks[j].quoted || !isClauseBreak(toks[j].text) || isQuoteRune([]rune(toks[j].text)[0]) || abbrevDot(toks, j)) {
		j--
	}
	if j < floor || toks[j].text != "," || i-j-1 < 1 {
		return np{}
	}
	apA, apB := j+1, i // appositive tokens [apA, apB)
	relative := false
	switch toks[apA].lower() {
	case "who", "which", "whose", "whom":
		relative = true
	}
	if i-j-1 > maxAppositiveTokens && !(relative && i-j-1 <= maxLongAppositiveTokens) {
		// "Nick Roe, the student seen smiling in the videos as he
		// stood face-to-face with ..., said": a long appositive after
		// the sentence's named subject
		if i-j-1 <= maxLongAppositiveTokens {
			return chainSubject(text, toks, floor, i)
		}
		return np{}
	}
	appos := strings.TrimSpace(text[toks[apA].start:toks[apB-1].end])
	if lexicon.AppositiveNonRoles().Has(toks[apA].lower()) {
		appos = ""
	}
	if looksLikeDate(toks[apA:apB]) {
		appos = ""
	}
	n := backPhrase(text, toks, j-1, floor)
	if n.name == "" && n.pronoun == "" && appos != "" && !isNameRun(toks, apA, apB) {
		// "One of the bidders who lost out, steel giant LNM, told": the
		// appositive is one noun phrase with a name
		if a := backPhrase(text, toks, apB-1, apA); a.name != "" && a.start == toks[apA].start {
			return a
		}
	}
	if n.pronoun == "" && (n.name == "" || looksOrg(n.name) || !strings.Contains(n.name, " ")) {
		// "Jane Roe, who grew up in Halifax, worked in Ottawa, said":
		// a chain of appositives after the sentence's subject
		if s := chainSubject(text, toks, floor, j); !s.empty() {
			return s
		}
	}
	if n.empty() || n.pronoun != "" {
		return n
	}
	if appos != "" {
		if isNameRun(toks, apA, apB) && apB-apA >= 1 && (n.name == "" || lexicon.Determiners().Has(strings.ToLower(firstWord(n.text))) && strings.Contains(n.text, " ") || apB-apA >= 2 && (looksOrg(n.name) || !strings.Contains(n.name, " "))) {
			// "Spindler's father, Joseph, says": the appositive is the name
			n.title = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(n.text, "the "), "The "))
			n.name = appos
			n.exact = n.role != "" || !strings.Contains(n.title, " ") || isPossessive(firstWord(n.title))
			n.role = ""
		} else if n.name != "" {
			if n.title == "" {
				n.title = appos
			} else {
				n.title = n.title + ", " + appos
			}
		}
	}
	return n
}

// quantified extends a role phrase back over quantifiers ("involved" ->
// "All those involved").
func quantified(text string, toks []token, n np, floor int) np {
	st := tokenAt(toks, n.start)
	a := st
	for a-1 >= floor && a > st-maxQuantifiers && toks[a-1].word && !toks[a-1].quoted && lexicon.Quantifiers().Has(toks[a-1].low) {
		a--
	}
	if a == st {
		return n
	}
	n.start = toks[a].start
	n.text = text[n.start:n.end]
	return n
}

// affiliated returns the whole phrase when n is the organisation of a
// nameless person ("An official with Animal Protection Services", "members
// of the union"): the person speaks, named by role and affiliation.
func affiliated(text string, toks []token, n np, floor int) np {
	st := tokenAt(toks, n.start)
	if st-2 < floor {
		return n
	}
	switch toks[st-1].low {
	case "with", "for", "from", "at", "of":
	default:
		return n
	}
	h := toks[st-2]
	head := strings.TrimSuffix(h.low, "s")
	if !h.word || h.quoted || h.capitalized() || !(lexicon.PersonNouns().Has(h.low) || lexicon.PersonNouns().Has(head) || h.low == "members" || h.low == "member") {
		return n
	}
	r := backPhrase(text, toks, st-2, floor)
	if r.empty() || r.name != "" || r.pronoun != "" {
		return n
	}
	d := strings.ToLower(firstWord(r.text))
	if !lexicon.Determiners().Has(d) && d != "one" && d != "another" && d != "some" && d != "two" && d != "several" && r.text != h.text {
		return n
	}
	return np{start: r.start, end: n.end, text: text[r.start:n.end], role: h.low, affiliated: true}
}

// placedRole turns "Europe" in "Policy makers in Europe have called" into
// the whole role phrase: people named by their role and a place.
func placedRole(text string, toks []token, n np, floor int) np {
	st := tokenAt(toks, n.start)
	if st-2 < floor || !toks[st-1].word || (toks[st-1].low != "in" && toks[st-1].low != "from" && toks[st-1].low != "across") {
		return n
	}
	h := toks[st-2]
	if !h.word || h.quoted || h.capitalized() || lexicon.StopWords().Has(h.low) || lexicon.FiniteVerbs().Has(h.low) || !strings.HasSuffix(h.low, "s") || strings.HasSuffix(h.low, "ss") {
		return n
	}
	r := backPhrase(text, toks, st-2, floor)
	if r.empty() || r.name != "" || r.pronoun != "" {
		return n
	}
	r.end = n.end
	r.text = text[r.start:r.end]
	return r
}

// postModified returns the speaker's own noun phrase when n is the object
// of a post-modifier ("present during the attack"), else n.
func postModified(text string, toks []token, n np, floor int) np {
	st := tokenAt(toks, n.start)
	if st-3 < floor || !toks[st-1].word || !lexicon.PrepStarters().Has(toks[st-1].low) && toks[st-1].low != "of" || !lexicon.PostModifiers().Has(toks[st-2].low) {
		return n
	}
	if h := backPhrase(text, toks, st-3, floor); !h.empty() && h.pronoun == "" {
		if h.name == "" && (toks[st-2].low == "familiar" || toks[st-2].low == "close") {
			// "sources familiar with the talks": the anonymous source is
			// named by the whole phrase
			h.end = n.end
			h.text = text[h.start:h.end]
		}
		return h
	}
	return n
}

// chainSubject returns the name that opens the sentence (from floor) when
// a chain of comma-separated appositives runs from it to the comma at
// toks[last]: "Joe Roe, a graduate and a commissioner in Kent County, where
// the school is, said". Empty when the name is not followed by a comma and
// an appositive opener, or a quote or clause break lies in between.
func chainSubject(text string, toks []token, floor, last int) np {
	if floor >= last || toks[floor].quoted {
		return np{}
	}
	if lexicon.PrepStarters().Has(toks[floor].low) {
		// "On Tuesday, Donald Tusk, the president of ..., urged"
		for k := floor + 1; k < last && k <= floor+maxIntroAdverbialTokens; k++ {
			if toks[k].text == "," {
				floor = k + 1
				break
			}
			if !toks[k].word {
				break
			}
		}
		if floor >= last {
			return np{}
		}
	}
	sub := subjectNP(text, toks[floor:], last-floor)
	if sub.name == "" || looksOrg(sub.name) || !strings.Contains(sub.name, " ") {
		return np{}
	}
	e := tokenAt(toks, sub.end)
	if e+1 >= last || toks[e].text != "," {
		return np{}
	}
	switch op := toks[e+1]; {
	case op.low == "who" || lexicon.Determiners().Has(op.low) || isNumber(op.text) || isTitleWord(op) || partyState(op.text):
	default:
		return np{}
	}
	for k := e; k < last; k++ {
		if toks[k].quoted || toks[k].text == ";" || toks[k].text == ":" || toks[k].text == "." && !abbrevDot(toks, k) {
			return np{}
		}
	}
	if op := toks[e+1]; op.low != "who" && sub.title == "" {
		// the first appositive is the role: "a retired ferry captain"
		a, b := e+1, e+1
		for b < last && toks[b].text != "," {
			b++
		}
		if op.low == "a" || op.low == "an" || op.low == "the" {
			a++
		}
		if a < b {
			sub.title = text[toks[a].start:toks[b-1].end]
		}
	}
	return sub
}

// forwardNP finds the speaker phrase starting at tokens[i] (after an
// inverted cue: "said Wang Wenbin", "said the minister, who ..."). stop is
// the first token that may not belong to it.
func forwardNP(text string, toks []token, i, stop int) np {
	n := forwardPhrase(text, toks, i, stop)
	if st := tokenAt(toks, n.start); n.name != "" && st-1 > i+1 && toks[st-1].low == "and" && onlyNamesAndCommas(toks, i, st-1) {
		// `said Mara Lind and Tom Berg.`: both speak
		n.start = toks[i].start
		n.text = text[n.start:n.end]
		n.name, n.title = n.text, ""
		return n
	}
	if n.name != "" && n.title == "" {
		if e := personListEnd(toks, tokenAt(toks, n.end), stop); e > 0 {
			// `said Ann Lee, Tom Poe and Jo Ray.`: all of them speak
			n.end = toks[e-1].end
			n.text = text[n.start:n.end]
			n.name = strings.TrimSpace(text[toks[tokenAt(toks, n.start)].start:n.end])
			return n
		}
	}
	if n.name != "" && n.title == "" {
		// `"...," said Mara Lind, chief engineer of the project, at a
		// meeting`: the role set off after the name
		if k := tokenAt(toks, n.end); k+1 < stop && toks[k].text == "," {
			n.title = appositiveRole(text, toks, k+1, stop)
		}
	}
	return n
}

// subjectNP returns the name or pronoun that opens a sentence (its likely
// subject), or an empty phrase.
func subjectNP(text string, toks []token, stop int) np {
	if stop > 0 && allUpper(toks[:1]) {
		// a dateline: "MIRAMICHI, N.B. — Justin Trudeau is warning ..."
		for k := 1; k < stop && k < maxDatelineTokens; k++ {
			if toks[k].text == "—" || toks[k].text == "–" || toks[k].text == "--" {
				return subjectNP(text, toks[k+1:], stop-k-1)
			}
		}
	}
	if stop <= 0 || !toks[0].word || toks[0].quoted {
		return np{}
	}
	if lexicon.Pronouns().Has(toks[0].low) {
		return np{start: toks[0].start, end: toks[0].end, text: toks[0].text, pronoun: toks[0].low}
	}
	j := 0
	if lexicon.Determiners().Has(toks[0].low) {
		// "The diocese issued a statement, saying ...": a role phrase
		k := 1
		for k < stop && k < maxRoleSubjectTokens && toks[k].word && !toks[k].quoted && !toks[k].capitalized() {
			l := toks[k].low
			if cue := lexicon.ReportingVerbs().Has(l); cue || lexicon.FiniteVerbs().Has(l) || lexicon.Auxiliaries().Has(l) || lexicon.StopWords().Has(l) || strings.HasSuffix(l, "ed") {
				break
			}
			k++
		}
		if k > 1 && k < stop && !toks[k].capitalized() {
			return np{start: toks[0].start, end: toks[k-1].end, text: text[toks[0].start:toks[k-1].end], role: toks[k-1].low}
		}
	}
	for j < stop && j < maxSubjectNameTokens && toks[j].word && !toks[j].quoted && (toks[j].capitalized() || isTitleWord(toks[j]) || lexicon.Connectors().Has(toks[j].text) && j+1 < stop && toks[j+1].capitalized()) {
		j++
	}
	if j == 0 || !toks[j-1].capitalized() || j == 1 && (lexicon.SentenceStarters().Has(toks[0].low) || lexicon.Determiners().Has(toks[0].low)) {
		return np{}
	}
	// "UK advertising giant WPP", "US software firm Acme Corp": a place
	// and a descriptor before the name; the name is the last run
	if d := j; d < stop {
		for d < stop && d < j+maxDescriptorWords && toks[d].word && !toks[d].quoted && !toks[d].capitalized() && descriptorWord(toks[d].low) {
			d++
		}
		if d > j && d < stop && toks[d].word && !toks[d].quoted && toks[d].capitalized() && !isTitleWord(toks[d]) {
			for d < stop && d < j+maxSubjectNameTokens && toks[d].word && !toks[d].quoted && toks[d].capitalized() {
				d++
			}
			j = d
		}
	}
	n := backPhrase(text, toks, j-1, 0)
	if n.name == "" {
		return np{}
	}
	return n
}
