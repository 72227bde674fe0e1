package quote

import "newsbot/lexicon"

// Boundaries inside a speaker phrase: time adverbials between a subject and
// its cue, "and" inside organisation names, people before "of", lists of
// names.

// timeAdverbialStart returns the first token of a time adverbial ending at
// toks[end] ("on Monday evening", "in November", "yesterday"), or -1. The
// adverbial needs a weekday, a month or a word like "yesterday"; a
// capitalised weekday or month needs its preposition, so that a name
// ending there is never taken for one.
func timeAdverbialStart(toks []token, end, floor int) int {
	i := end
	core := false
	for ; i >= floor && toks[i].word && !toks[i].quoted; i-- {
		isTime, isCore := timeWord(toks[i])
		if !isTime {
			break
		}
		core = core || isCore
	}
	if !core || i == end {
		return -1
	}
	if i >= floor && toks[i].word && lexicon.TimePreps().Has(toks[i].lower()) && !toks[i].capitalized() {
		return i
	}
	if lexicon.DeicticDays().Has(toks[i+1].lower()) {
		return i + 1
	}
	return -1
}

// timeWord reports whether t may stand in a time adverbial, and whether it
// is its core: "yesterday", or a capitalised weekday or month; time nouns
// ("evening") and numbers go with one.
func timeWord(t token) (isTime, core bool) {
	l := t.lower()
	switch {
	case lexicon.DeicticDays().Has(l):
		return true, true
	case lexicon.TimeNouns().Has(l):
		return true, false
	case lexicon.DayWords().Has(l) && t.capitalized():
		return true, true
	case isNumber(t.text):
		return true, false
	}
	return false, false
}

// orgAnd reports whether toks[j], an "and" or "&" between capitalised
// words, belongs to one organisation's name: the capitalised run around
// it (within [floor, end]) holds an organisation word ("Food and Drug
// Administration", "Chartered Institute of Purchasing and Supply"), where
// "Tony Blair and Gordon Brown" are two names.
func orgAnd(toks []token, j, floor, end int) bool {
	if j <= floor || j >= end || toks[j].low != "and" && toks[j].text != "&" || !toks[j-1].capitalized() || !toks[j+1].capitalized() {
		return false
	}
	org := false
	for k := j - 1; k >= floor && toks[k].word && !toks[k].quoted && (toks[k].capitalized() || lexicon.Connectors().Has(toks[k].text)); k-- {
		org = org || lexicon.OrgWords().Has(toks[k].lower())
	}
	for k := j + 1; k <= end && toks[k].word && !toks[k].quoted && (toks[k].capitalized() || lexicon.Connectors().Has(toks[k].text)); k++ {
		org = org || lexicon.OrgWords().Has(toks[k].lower())
	}
	return org
}

// personBeforeOf returns the index of "of" when toks[a:end] opens with a
// person's name of two to four capitalised words followed by "of" ("Jane
// Roe of the Harbour Trust"), or -1. A name with an organisation word
// ("Bank of England") or a title word ("Secretary of State") is no person.
func personBeforeOf(toks []token, a, end int) int {
	p := a
	for p < end && isNameToken(toks[p]) && !isTitleWord(toks[p]) && !lexicon.OrgWords().Has(toks[p].lower()) && !isPossessive(toks[p].text) {
		p++
	}
	if n := p - a; n < 2 || n > maxPersonNameWords || p >= end || toks[p].low != "of" {
		return -1
	}
	if lexicon.Determiners().Has(toks[a].lower()) || lexicon.SentenceStarters().Has(toks[a].low) {
		return -1
	}
	return p
}

const (
	// maxAppositiveTokens is the longest appositive (tokens) between a speaker
	// and its cue (", director of the Stimson Center's China program,").
	// Introduced in 1101fb8. Measured at b75dbd0 on bbc-train and ggt-dev
	// (quote F1 / speaker accuracy): at 7: 90.9/89.9 and 92.6/97.7; at 10:
	// 91.0/89.9 and 92.9/97.6; at 14 (chosen): 91.0/89.9 and 93.0/97.6; at 28:
	// 91.0/89.9 and 93.0/97.6.
	maxAppositiveTokens = 14
	// maxLongAppositiveTokens is the longest appositive (tokens) still passed
	// over to the sentence's named subject, or the longest relative clause.
	// Introduced in 1101fb8. Raised use in dbaa485. Measured at b75dbd0 on
	// bbc-train and ggt-dev (quote F1 / speaker accuracy): at 20: 91.0/89.9 and
	// 92.9/97.6; at 30: 91.0/89.9 and 92.9/97.6; at 40 (chosen): 91.0/89.9 and
	// 93.0/97.6; at 80: 91.0/89.9 and 93.0/97.6.
	maxLongAppositiveTokens = 40
	// maxQuantifiers is the most quantifier words a role phrase is extended
	// back over ("All those involved"). Introduced in bdc6ce1. Measured at
	// b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9
	// and 93.0/97.6 at 2, 3 (chosen), 4 and 6 alike (no extracted quote
	// differs).
	maxQuantifiers = 3
	// maxIntroAdverbialTokens is the longest opening adverbial (tokens) before
	// a sentence's subject ("On Tuesday, Donald Tusk, ..."). Introduced in
	// 5367e36. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 5, 6 (chosen), 7 and 12 alike (no
	// extracted quote differs).
	maxIntroAdverbialTokens = 6
	// maxDatelineTokens is the longest dateline (tokens) skipped before a
	// subject ("MIRAMICHI, N.B. —"). Introduced in 11af2a7. Measured at b75dbd0
	// on bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
	// 93.0/97.6 at 7, 8 (chosen), 9 and 16 alike (no extracted quote differs).
	maxDatelineTokens = 8
	// maxRoleSubjectTokens is the longest lower-case role subject (tokens) for
	// a participle ("The diocese issued a statement, saying"). Introduced in
	// 3f6821e. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 5, 6 (chosen), 7 and 12 alike (no
	// extracted quote differs).
	maxRoleSubjectTokens = 6
	// maxSubjectNameTokens is the longest capitalised subject name run, in
	// tokens. Introduced in 3906f61. Measured at b75dbd0 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 5, 7,
	// 10 (chosen) and 20 alike (some quotes differ, no score does).
	maxSubjectNameTokens = 10
	// maxDescriptorWords is the most descriptor words between a subject's place
	// and its name ("UK advertising giant WPP"). Introduced in 7e08e59.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 2, 3 (chosen), 4 and 6 alike (no
	// extracted quote differs).
	maxDescriptorWords = 3
)

// maxDashedTokens is the longest parenthesis (tokens) between dashes after a
// speaker ("Jane Roe - who was wrongly convicted - said"). Introduced in
// cc225a3. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
// accuracy): 91.0/89.9 and 93.0/97.6 at 15, 22, 30 (chosen) and 60 alike (no
// extracted quote differs).
const maxDashedTokens = 30

// personListEnd returns the end (exclusive token index) of a list of full
// names that continues a name ending before toks[k] (", Tom Poe and Jo
// Ray."), or 0 when no such list follows. Every item is two or more
// capitalised words and the list closes the clause.
func personListEnd(toks []token, k, stop int) int {
	run := func(x int) int {
		y := x
		for y < stop && toks[y].word && !toks[y].quoted && toks[y].capitalized() && !isTitleWord(toks[y]) {
			y++
		}
		if y-x < 2 {
			return -1
		}
		return y
	}
	x := k
	for x < stop && toks[x].text == "," {
		y := run(x + 1)
		if y < 0 {
			break
		}
		x = y
	}
	if x+1 >= stop || toks[x].low != "and" {
		return 0
	}
	y := run(x + 1)
	if y < 0 || y < stop && toks[y].word {
		return 0
	}
	return y
}

// onlyNamesAndCommas reports whether toks[a:b] are capitalised words (no
// title words) and commas, with two or more words: names in a list.
func onlyNamesAndCommas(toks []token, a, b int) bool {
	words := 0
	for k := a; k < b; k++ {
		switch {
		case toks[k].text == ",":
		case toks[k].word && !toks[k].quoted && toks[k].capitalized() && !isTitleWord(toks[k]):
			words++
		default:
			return false
		}
	}
	return words >= 2
}
