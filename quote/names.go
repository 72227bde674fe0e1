package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/lexicon"
)

// collectNames scans a sentence's tokens for capitalised name runs and
// records them (with title words before them).
func (es *entities) collectNames(text string, toks []token, headline, caption bool) {
	first := true
	depth := 0
	for i := 0; i < len(toks); {
		t := toks[i]
		switch t.text {
		case "(", "[":
			depth++
		case ")", "]":
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 {
			i++
			continue
		}
		if !t.word || t.quoted || !(t.capitalized() || lexicon.Connectors().Has(t.lower()) && i > 0) {
			if t.word && !t.quoted {
				first = false
			}
			i++
			continue
		}
		if !t.capitalized() {
			i++
			continue
		}
		j := nameRunEnd(toks, i)
		prepStart := first && lexicon.PrepStarters().Has(toks[i].lower())
		a := nameStart(toks, i, j, first)
		ts := titleStart(toks, i)
		credit := j < len(toks) && (toks[j].text == "/" || j > 0 && toks[j-1].end < len(text) && text[toks[j-1].end] == '/')
		if a < j && !credit && !headline && !allUpper(toks[a:j]) && !timeRun(toks[a:j]) {
			es.recordName(text, toks, i, j, a, ts, first, prepStart, caption)
		}
		first = false
		i = j
	}
}

// timeRun reports whether a run of capitalised words is a time ("Every
// Friday", "Last March"): date words opened by words that count or point
// at them, no name. A date word alone may be a name ("May").
func timeRun(toks []token) bool {
	date, opener := false, false
	for _, t := range toks {
		switch l := t.low; {
		case lexicon.DateWords().Has(l):
			date = true
		case lexicon.StopWords().Has(l), lexicon.TimePreps().Has(l), lexicon.Quantifiers().Has(l):
			opener = true
		default:
			return false
		}
	}
	return date && opener
}

// nameRunEnd returns the end of the run of capitalised words and
// connectors starting at toks[i]; a possessive ends it.
func nameRunEnd(toks []token, i int) int {
	// run of capitalised words and connectors
	j := i
	for j < len(toks) && (isNameToken(toks[j]) || (lexicon.Connectors().Has(toks[j].text) && j > i && (j+1 < len(toks) && toks[j+1].capitalized() || j+2 < len(toks) && nameParticle(toks[j].text) && nameParticle(toks[j+1].text) && toks[j+2].capitalized()))) {
		if isPossessive(toks[j].text) {
			j++
			break
		}
		j++
	}
	return j
}

// nameStart returns where the name of the run toks[i:j] starts, after its
// title words ("Surrey Mayor Doug McCallum", "U.S. Secretary of State
// Mike Pompeo"); first tells the run opens the sentence.
func nameStart(toks []token, i, j int, first bool) int {
	// title words: everything up to the last title word of the run
	// ("Surrey Mayor Doug McCallum", "U.S. Secretary of State Mike Pompeo")
	a := i
	orgName := j-i >= 2 && lexicon.OrgWords().Has(strings.Trim(toks[j-1].low, ".")) // "State Department", "Justice Ministry"
	for k := i; k < j; k++ {
		if surnameTitle(toks, i, j, k) {
			// "Damon Green", "Rodney King": a surname, not a title
			continue
		}
		if isTitleWord(toks[k]) && !orgName || (k == i && first && lexicon.SentenceStarters().Has(toks[k].lower())) {
			a = k + 1
		}
	}
	for a < j && lexicon.Connectors().Has(toks[a].text) {
		a++
	}
	return a
}

// titleStart returns where lower-case title words before the run at
// toks[i] start ("foreign ministry spokesman").
func titleStart(toks []token, i int) int {
	// title words preceding in lower case ("foreign ministry spokesman")
	ts := i
	for ts > 0 && toks[ts-1].word && !toks[ts-1].quoted && !toks[ts-1].capitalized() && !lexicon.StopWords().Has(toks[ts-1].lower()) && !lexicon.Determiners().Has(toks[ts-1].lower()) && !lexicon.Subordinators().Has(toks[ts-1].low) && toks[ts-1].low != "whether" && i-ts < maxLowerTitleWords {
		ts--
	}
	if ts < i {
		// "Lib Dem leader", "US Treasury secretary": capitalised words
		// that qualify the title belong to it
		k := ts
		for k > 0 && ts-k < maxCapitalTitleWords && toks[k-1].word && !toks[k-1].quoted && toks[k-1].capitalized() && !isPossessive(toks[k-1].text) && !lexicon.SentenceStarters().Has(toks[k-1].low) && !isTitleWord(toks[k-1]) {
			k--
		}
		if k < ts && (k == 0 || !toks[k-1].capitalized() || lexicon.SentenceStarters().Has(toks[k-1].low)) {
			ts = k
		}
	}
	return ts
}

// recordName records the name toks[a:j] of the run toks[i:j] with the
// title words from toks[ts] before it: a mention, a one-word person
// introduced as such ("Roman, a resident of the area"), an outlet.
func (es *entities) recordName(text string, toks []token, i, j, a, ts int, first, prepStart, caption bool) {
	name := text[toks[a].start:toks[j-1].end]
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	title := ""
	for ts < a && (lexicon.Determiners().Has(toks[ts].low) || lexicon.SentenceStarters().Has(toks[ts].low) || lexicon.Connectors().Has(toks[ts].text)) {
		ts++
	}
	if ts < a {
		title = strings.TrimSpace(text[toks[ts].start:toks[a-1].end])
	}
	subject := nameIsSubject(toks, i, j, ts, first, prepStart, caption)
	name = cutOfPlace(stripDescriptor(name))
	if len(strings.Fields(name)) == 1 && j+2 < len(toks) && toks[j].text == "," && (toks[j+1].low == "a" || toks[j+1].low == "an") && !looksOrg(name) {
		// "Roman, a resident of the area": a person known by one name
		e := es.entity(name)
		e.introduced = true
		es.addSalient(toks[a].start, e)
	}
	if len(strings.Fields(name)) >= 2 || subject {
		subject = subject && !isPossessive(toks[j-1].text)
		es.addMention(nameMention{pos: toks[a].start, name: name, title: title, subject: subject})
		if subject {
			es.learnSubjectGender(name, toks, j)
		}
	}
	if c, ok := CanonicalOutlet(name); ok {
		f := strings.Fields(strings.ToLower(c))
		es.outlets[f[len(f)-1]] = c
	}
}

// nameIsSubject reports whether the name run toks[i:j], titled from
// toks[ts], is its sentence's subject: the sentence's first words, a name
// after a few role words ("Union leader Grace Obi addressed ..."), or a
// name after an intro clause that a verb follows ("Down the street, Mike
// McFadden also rejoiced"). People in a photo caption and the subject of
// an opening subordinate clause are not in focus.
func nameIsSubject(toks []token, i, j, ts int, first, prepStart, caption bool) bool {
	subject := first && !prepStart
	if !subject && !prepStart {
		// "Union leader Grace Obi addressed ...": a few role words
		// at the sentence start
		before := 0
		ok := true
		for k := range i {
			if !toks[k].word {
				ok = false
				break
			}
			before++
			l := toks[k].lower()
			if cue := lexicon.ReportingVerbs().Has(l); cue || lexicon.StopWords().Has(l) || lexicon.FiniteVerbs().Has(l) || lexicon.PrepStarters().Has(l) {
				ok = false
				break
			}
		}
		subject = ok && before <= maxRoleWordsBeforeSubject
	}
	if !subject && ts > 0 && (toks[ts-1].text == "," || toks[ts-1].text == "—" || toks[ts-1].text == "–") {
		n := j
		for pass := 0; pass < maxAppositives && n < len(toks) && toks[n].text == ","; pass++ {
			// skip an appositive: "Donald Tusk, the president of the
			// European Council, which represents EU leaders, urged"
			for m := n + 1; m < len(toks) && m < n+maxAppositiveSkipTokens; m++ {
				if toks[m].text == "," {
					n = m + 1
					break
				}
				if toks[m].text == "." || toks[m].quoted {
					break
				}
			}
		}
		for n < len(toks) && toks[n].word && lexicon.Auxiliaries().Has(toks[n].lower()) {
			n++
		}
		if n < len(toks) && toks[n].word && !toks[n].capitalized() {
			l := toks[n].lower()
			cue := lexicon.ReportingVerbs().Has(l)
			if cue || lexicon.FiniteVerbs().Has(l) || strings.HasSuffix(l, "ed") {
				subject = true
			}
		}
	}
	if caption {
		// people in a photo caption are named, not in focus
		subject = false
	}
	if subject && i <= maxSubordinateSubjectStart && lexicon.Subordinators().Has(toks[0].low) {
		// "Although Trump has tweeted ..., its inclusion ...": the
		// subject of a subordinate clause is not in focus
		subject = false
	}
	return subject
}

// surnameTitle reports whether toks[k], the last word of the name run
// toks[i:j], is a surname that is also a title word: it follows a
// capitalised word that is no title ("Damon Green", not "Chief Judge").
func surnameTitle(toks []token, i, j, k int) bool {
	return k == j-1 && k > i && lexicon.SurnameWords().Has(toks[k].low) && !isTitleWord(toks[k-1]) && !lexicon.SentenceStarters().Has(toks[k-1].low) && !lexicon.Determiners().Has(toks[k-1].low)
}

// expandAcronym returns the entity named before pos whose initials spell
// the all-capital word acr ("PBO" -> "Parliamentary Budget Officer",
// "RCMP" -> "Royal Canadian Mounted Police"), or nil.
//
// An acronym written as a word ("Hefce", "Nato", as some outlets do) is
// expanded only from a run of words in the text, never from a single
// name's initials: a one-word name is far likelier a name.
func (es *entities) expandAcronym(acr string, pos int) *entity {
	if len(acr) >= minWordAcronym && len(acr) <= maxAcronym && isUpperStart(acr) && strings.ToLower(acr[1:]) == acr[1:] {
		if pos > len(es.text) {
			return nil
		}
		if es.findByWord(strings.ToLower(acr), pos, true) != nil {
			// "Hunt" after "Jeremy Hunt" is the person
			return nil
		}
		up := strings.ToUpper(acr)
		words := strings.Fields(es.text[:pos])
		for i := range words {
			if name := initialsRun(words[i:], up); name != "" && len(strings.Fields(name)) >= minWordAcronym && looksOrg(name) {
				// only an organisation's name ("Higher Education Funding
				// Council for England"), never a headline's words
				e := es.entity(name)
				e.org = true
				return e
			}
		}
		return nil
	}
	if len(acr) < 2 || len(acr) > maxAcronym || strings.ToUpper(acr) != acr || strings.ToLower(acr) == acr {
		return nil
	}
	for k := len(es.mentions) - 1; k >= 0; k-- {
		m := es.mentions[k]
		if m.pos >= pos {
			continue
		}
		var ini strings.Builder
		for w := range strings.FieldsSeq(m.name) {
			if lexicon.Connectors().Has(w) || w == "of" || w == "the" || w == "and" || w == "for" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			ini.WriteRune(r)
		}
		if ini.String() == acr {
			if e := es.byName[strings.ToLower(m.name)]; e != nil {
				return e
			}
		}
	}
	// a name left out of the table (its last word is a title word: "The
	// Parliamentary Budget Officer", or it has an "and": "Food and Drug
	// Administration"): the first capitalised run before pos whose
	// initials spell acr, function words inside it not counting
	if pos > len(es.text) {
		return nil
	}
	words := strings.Fields(es.text[:pos])
	for i := range words {
		if name := initialsRun(words[i:], acr); name != "" {
			e := es.entity(name)
			e.org = true
			return e
		}
	}
	return nil
}

// initialsRun returns the name at the start of words whose capitalised
// words' initials spell acr, with filler words allowed inside, or "".
func initialsRun(words []string, acr string) string {
	var name []string
	n := 0
	for _, raw := range words {
		if n == len(acr) {
			break
		}
		w := strings.Trim(raw, ",.;:()\"“”")
		if len(name) > 0 && lexicon.AcronymFillers().Has(w) {
			name = append(name, w)
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if w == "" || r > unicode.MaxASCII || byte(r) != acr[n] || strings.ToUpper(w) == w {
			return ""
		}
		name = append(name, w)
		n++
		if n < len(acr) && strings.ContainsAny(raw, ",.;:()") {
			return ""
		}
	}
	if n != len(acr) {
		return ""
	}
	return strings.Join(name, " ")
}

// cutOfPlace turns "Richard Shelby of Alabama" into "Richard Shelby" (a
// person's name of two or more words followed by "of" and a place), but
// keeps organisations ("Bank of Canada").
func cutOfPlace(name string) string {
	before, after, ok := strings.Cut(name, " of ")
	if !ok {
		return name
	}
	head := before
	if len(strings.Fields(head)) >= 2 && !looksOrg(head) && !looksOrg(after) {
		return head
	}
	return name
}

// learnSubjectGender sets a subject's gender from the first gendered pronoun
// after it in the same sentence ("Lonechild was elected to her position").
func (es *entities) learnSubjectGender(name string, toks []token, from int) {
	e := es.byName[strings.ToLower(name)]
	if len(strings.Fields(name)) < 2 {
		e = es.findByWord(strings.ToLower(name), toks[from-1].start, true)
	}
	if e == nil || e.gender != genderUnknown || e.org {
		return
	}
	for k := from; k < len(toks) && k < from+maxSubjectVerbTokens; k++ {
		t := toks[k]
		if t.quoted {
			continue
		}
		if g, ok := pronounGender(t.lower()); ok {
			e.gender = g
			return
		}
	}
}

// properName reports a name of capitalised words that is no plural role
// or description ("Facebook", "Winn-Dixie"; not "Analysts", "The firms").
func properName(name string) bool {
	f := strings.Fields(name)
	if len(f) == 0 || lexicon.Determiners().Has(strings.ToLower(f[0])) || lexicon.DayWords().Has(strings.ToLower(f[0])) || isDemonym(name) {
		return false
	}
	for _, w := range f {
		if !isUpperStart(w) && !lexicon.Connectors().Has(w) {
			return false
		}
	}
	return !isPluralRole(strings.ToLower(f[len(f)-1]))
}

// stripDescriptor drops a leading compound adjective from a name: "San
// Francisco-based I-DEV International" is "I-DEV International",
// "Al-Qaeda-linked al-Shabaab" is "al-Shabaab".
func stripDescriptor(name string) string {
	f := strings.Fields(name)
	for k := len(f) - 2; k >= 0; k-- {
		l := strings.ToLower(f[k])
		for _, suf := range []string{"-based", "-linked", "-backed", "-owned", "-led", "-run", "-born"} {
			if strings.HasSuffix(l, suf) {
				return strings.Join(f[k+1:], " ")
			}
		}
	}
	return name
}

// capitalisedMidSentence reports whether word occurs in the article
// capitalised after another word of its sentence: a proper name, where a
// sentence's capitalised first word ("Higher oil prices") may be any word.
func (es *entities) capitalisedMidSentence(word string) bool {
	if mid, ok := es.midCaps[word]; ok {
		return mid
	}
	mid := false
	for k := range wordStarts(es.text, word) {
		if r, spaced := runeBeforeSpaces(es.text, k); spaced && (unicode.IsLetter(r) || r == ',') {
			mid = true
			break
		}
	}
	es.midCaps[word] = mid
	return mid
}

// stripPostNominal drops post-nominal letters from the end of a name of
// three or more words, so the canonical name is the person's ("Ian Roe
// QC" is "Ian Roe"); a two-word name keeps them ("Roe QC" says little).
func stripPostNominal(name string) string {
	f := strings.Fields(name)
	for len(f) > 2 && lexicon.PostNominals().Has(strings.ToLower(strings.Trim(f[len(f)-1], ","))) {
		f = f[:len(f)-1]
	}
	if len(f) == len(strings.Fields(name)) {
		return name
	}
	return strings.Join(f, " ")
}

const (
	// maxLowerTitleWords is the most lower-case title words before a name
	// ("foreign ministry spokesman"). Introduced in b88abdc. Measured at
	// b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9
	// and 93.0/97.6 at 3, 4 (chosen), 5 and 8 alike (no extracted quote
	// differs).
	maxLowerTitleWords = 4
	// maxCapitalTitleWords is the most capitalised words kept before the
	// lower-case words of a title ("Lib Dem leader"). Hand-set to the
	// longest party or country qualifiers seen in made-up examples;
	// measured with the change that introduced it (see its commit).
	maxCapitalTitleWords = 2
	// maxRoleWordsBeforeSubject is the most role words before a name that is
	// still the sentence's subject ("Union leader Grace Obi addressed").
	// Introduced in 3906f61. Measured at b75dbd0 on bbc-train and ggt-dev
	// (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 5, 6 (chosen),
	// 7 and 12 alike (no extracted quote differs).
	maxRoleWordsBeforeSubject = 6
	// maxAppositives is the most appositives skipped after a name to find its
	// verb. Introduced in 664cfed. Measured at b75dbd0 on bbc-train and ggt-dev
	// (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 2, 3 (chosen),
	// 4 and 6 alike (no extracted quote differs).
	maxAppositives = 3
	// maxSubordinateSubjectStart is how far (tokens) from a sentence-opening
	// subordinator its clause's subject may start ("Although Trump has ...").
	// Introduced in b88abdc. Measured at b75dbd0 on bbc-train and ggt-dev
	// (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 2, 3 (chosen),
	// 4 and 6 alike (no extracted quote differs).
	maxSubordinateSubjectStart = 3
	// minWordAcronym is the shortest acronym written as a word ("Hefce"), and
	// the fewest words of the name it expands to. Introduced in a20e650.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): at 3: 91.0/89.9 and 93.0/97.6; at 4 (chosen): 91.0/89.9 and
	// 93.0/97.6; at 5: 91.0/89.9 and 93.0/97.6; at 8: 91.0/89.7 and 93.0/97.6.
	minWordAcronym = 4
	// maxAcronym is the longest acronym expanded to a name. Introduced in
	// a20e650. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 5, 6 (chosen), 7 and 12 alike (no
	// extracted quote differs).
	maxAcronym = 6
	// maxSubjectVerbTokens is how far (tokens) after a subject its pronoun is
	// looked for to learn its gender. Introduced in 7615f7b. Measured at
	// b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker accuracy): at 12:
	// 91.0/89.9 and 93.0/97.6; at 18: 91.0/89.9 and 93.0/97.6; at 25 (chosen):
	// 91.0/89.9 and 93.0/97.6; at 50: 91.0/89.9 and 93.0/97.4.
	maxSubjectVerbTokens = 25
)

// maxAppositiveSkipTokens is the longest appositive (tokens) skipped after a
// name to find its verb ("Donald Tusk, the president of the European Council,
// ..., urged"). Introduced in 3906f61. Measured at b75dbd0 on bbc-train and
// ggt-dev (quote F1 / speaker accuracy): at 15: 91.0/89.9 and 93.0/97.4; at 22:
// 91.0/89.9 and 93.0/97.4; at 30 (chosen): 91.0/89.9 and 93.0/97.6; at 60:
// 91.0/89.9 and 93.0/97.6.
const maxAppositiveSkipTokens = 30
