package quote

import (
	"strings"

	"newsbot/lexicon"
)

// skipAdverbials moves k past adverbials after a cue ("on Monday", "in a
// statement", "Thursday", ", however,") and, for verbs with an object
// ("told reporters", "told CTV News"), past the object. It returns the new
// index and an outlet named as the object.
func (ex *extractor) skipAdverbials(toks []token, k int, object bool) (int, string) {
	outlet := ""
	for step := 0; step < maxAdverbials && k < len(toks); step++ {
		t := toks[k]
		l := t.lower()
		switch {
		case t.quoted:
			return k, outlet
		case step == 0 && l == "out" && k+1 < len(toks) && (toks[k+1].low == "that" || toks[k+1].quoted):
			// "pointed out that", "tweeted out that"
			k++
			continue
		case (lexicon.DayWords().Has(l) || looksLikeDate(toks[k:min(k+1, len(toks))])) && !(k+1 < len(toks) && (lexicon.FiniteVerbs().Has(toks[k+1].low) || lexicon.Auxiliaries().Has(toks[k+1].low) && toks[k+1].low != "last")):
			// not "said May will likely try": a name before its verb
			k++
			for k < len(toks) && (isNumber(toks[k].text) || lexicon.DayWords().Has(toks[k].lower())) {
				k++
			}
			continue
		case l == "," && k+2 < len(toks) && toks[k+1].lower() == "however" && toks[k+2].text == ",":
			k += 3
			continue
		case lexicon.AdverbialPreps().Has(l) || l == "to" && !object || l == "for" && k+1 < len(toks) && (lexicon.AdverbialNouns().Has(toks[k+1].low) || k+2 < len(toks) && lexicon.Determiners().Has(toks[k+1].low) && lexicon.AdverbialNouns().Has(toks[k+2].low)):
			// "in a statement", "on Twitter", "at a news conference"
			end := -1
			for j := k + 1; j < len(toks) && j <= k+maxAdverbialTokens; j++ {
				if !toks[j].word || toks[j].quoted {
					break
				}
				jl := toks[j].lower()
				if lexicon.AdverbialNouns().Has(jl) || lexicon.DayWords().Has(jl) {
					end = j
				}
				if (jl == "that" || lexicon.Pronouns().Has(jl)) && !(j == k+1 && j+1 < len(toks) && lexicon.AdverbialNouns().Has(toks[j+1].low)) {
					// "said in that speech": "that" is a determiner there
					break
				}
			}
			if end >= 0 {
				// "said in a statement to the stock exchange that ...":
				// the adverbial runs on up to "that"
				end = thatAfterAdverbial(toks, end)
			}
			if end < 0 && k+1 < len(toks) && toks[k+1].capitalized() && l == "on" {
				end = k + 1
				for end+1 < len(toks) && toks[end+1].capitalized() {
					end++
				}
			}
			if end < 0 {
				// "admits in this instance, there were ...": a short
				// adverbial closed by a comma
				for j := k + 1; j < len(toks) && j <= k+maxCommaAdverbialTokens; j++ {
					if toks[j].text == "," && j > k+1 {
						end = j
						break
					}
					if !toks[j].word || toks[j].quoted || toks[j].low == "that" || lexicon.FiniteVerbs().Has(toks[j].low) {
						break
					}
				}
			}
			if end < 0 {
				return k, outlet
			}
			// "in this instance, ...": the adverbial runs to its comma
			for j := end + 1; j < len(toks) && j <= end+maxAdverbialTailTokens && toks[j].word && !toks[j].quoted && !lexicon.Determiners().Has(toks[j].low) && !lexicon.Pronouns().Has(toks[j].low) && !lexicon.FiniteVerbs().Has(toks[j].low) && toks[j].low != "that"; j++ {
				if j+1 < len(toks) && toks[j+1].text == "," {
					end = j + 1
					break
				}
			}
			k = end + 1
			continue
		case object && t.word:
			// the object of told/asked: a name, an outlet, "reporters"
			if name, n := ex.outletAt(toks, k); n > 0 {
				outlet = name
				k += n
				object = false
				continue
			}
			j := k
			if lexicon.Determiners().Has(l) {
				j++
			}
			for j < len(toks) && toks[j].word && !toks[j].quoted && (toks[j].capitalized() || lexicon.AudienceWords().Has(toks[j].lower()) || lexicon.Connectors().Has(toks[j].lower()) && j+1 < len(toks) && toks[j+1].capitalized()) && j-k < maxObjectNameTokens {
				if lexicon.Pronouns().Has(toks[j].lower()) || lexicon.SentenceStarters().Has(toks[j].lower()) && toks[j].lower() != "the" {
					break
				}
				j++
			}
			// possessive outlet object: "told CBC's The Current"
			if j == k {
				return k, outlet
			}
			if name, ok := CanonicalOutlet(ex.text[toks[k].start:toks[j-1].end]); ok {
				outlet = name
			}
			k = j
			object = false
			continue
		}
		return k, outlet
	}
	return k, outlet
}

// thatAfterAdverbial extends an adverbial ending at toks[end] to just before
// a "that" a few plain words on ("in a statement to the stock exchange
// that"); it returns end unchanged when a verb, a pronoun, punctuation or a
// quote comes first.
func thatAfterAdverbial(toks []token, end int) int {
	for j := end + 1; j < len(toks) && j <= end+maxAdverbialTokens; j++ {
		t := toks[j]
		if t.low == "that" {
			if j == end+1 {
				return end
			}
			return j - 1
		}
		if !t.word || t.quoted || lexicon.FiniteVerbs().Has(t.low) || lexicon.Auxiliaries().Has(t.low) || lexicon.Pronouns().Has(t.low) {
			return end
		}
	}
	return end
}

// subjectStart reports whether toks[k] can open a clause with its subject:
// "that", a pronoun, a determiner or a capitalised word.
func subjectStart(toks []token, k int) bool {
	if k >= len(toks) || !toks[k].word {
		return false
	}
	l := toks[k].low
	return l == "that" || lexicon.Pronouns().Has(l) || lexicon.Determiners().Has(l) || toks[k].capitalized()
}

// clauseStartOK reports whether toks[k] can begin a reported clause.
func clauseStartOK(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	t := toks[k]
	if !t.word {
		return t.quoted && isQuoteRune([]rune(t.text)[0])
	}
	if lexicon.NonClauseStarts().Has(t.lower()) {
		return false
	}
	return true
}

// clauseEnd returns where a reported clause starting at token k ends: the
// sentence end, or before a trailing ", according to X" / ", per X".
func clauseEnd(toks []token, k int) int {
	for j := k; j < len(toks); j++ {
		if toks[j].quoted {
			continue
		}
		if j > k+2 && (toks[j].low == "but" || toks[j].low == "while" || toks[j].low == "and") {
			// "... but Chapman says ...": another attribution starts
			for c := j + 1; c < len(toks) && c <= j+maxNewAttributionTokens; c++ {
				if (isCueToken(toks, c) || criticismVerb(toks[c].low)) && !toks[c-1].quoted {
					subj := c > j+1
					onlyAux := toks[j].low != "while"
					for x := j + 1; x < c; x++ {
						if !(toks[x].capitalized() || lexicon.Pronouns().Has(toks[x].low) || lexicon.Determiners().Has(toks[x].low) || lexicon.Auxiliaries().Has(toks[x].low)) {
							subj = false
						}
						onlyAux = onlyAux && lexicon.Auxiliaries().Has(toks[x].low)
					}
					if criticismVerb(toks[c].low) && !isCueToken(toks, c) {
						// "... and she accused X of Y": only a new subject
						// starts a charge of its own
						subj = subj && !onlyAux
						onlyAux = false
					}
					if subj || onlyAux && secondCue(toks, j, c) {
						// "... and says B", "..., but added B": the same
						// speaker's second statement starts
						return j
					}
					break
				}
				if !toks[c].word {
					break
				}
			}
		}
		if (toks[j].text == ":" || toks[j].text == ";") && j+2 < len(toks) && (toks[j+1].low == "he" || toks[j+1].low == "she" || toks[j+1].low == "they") && isCueToken(toks, j+2) {
			// "she says A: she notes that B": a new attribution
			return j
		}
		if toks[j].text == "," && j+1 < len(toks) {
			n := toks[j+1].lower()
			if n == "according" || n == "per" || lexicon.ParticipleCues().Has(n) {
				return j
			}
			// "While critics say A, Roe says B": a new speaker's clause
			x := j + 1
			for x < len(toks) && x <= j+maxNewSpeakerTokens && toks[x].word && !toks[x].quoted && toks[x].capitalized() && !lexicon.SentenceStarters().Has(toks[x].low) {
				x++
			}
			if x > j+1 && x+1 < len(toks) && isCueToken(toks, x) && toks[x+1].word {
				return j
			}
		}
	}
	return len(toks)
}

// nameListEnd returns where a capitalised name that holds a list ends
// ("Meteorology, Climatology and Geophysics Agency"), when toks[srcA:srcB]
// is its first item and toks[srcB] the comma after it; else srcB.
func nameListEnd(toks []token, srcA, srcB int) int {
	if srcB >= len(toks) || toks[srcB].text != "," || srcB == srcA || !toks[srcB-1].capitalized() {
		return srcB
	}
	x := srcB
	for x < len(toks) && toks[x].text == "," {
		y := x + 1
		for y < len(toks) && toks[y].word && !toks[y].quoted && toks[y].capitalized() {
			y++
		}
		if y == x+1 {
			return srcB
		}
		x = y
	}
	if x+1 >= len(toks) || toks[x].low != "and" || !toks[x+1].capitalized() {
		return srcB
	}
	y := x + 1
	for y < len(toks) && toks[y].word && !toks[y].quoted && toks[y].capitalized() {
		y++
	}
	if y < len(toks) && toks[y].word {
		// the list goes on into lower-case words: not one name
		return srcB
	}
	// the last item must name an organisation ("Agency", "Department")
	if !lexicon.OrgWords().Has(toks[y-1].low) && !lexicon.OrgRoles().Has(toks[y-1].low) {
		return srcB
	}
	return y
}

// introSubject is subjectNP after an opening adverbial: "In an interview
// with CNBC on Monday, U.S. Secretary of State Mike Pompeo praised ...".
func introSubject(text string, toks []token, stop int) np {
	if n := subjectNP(text, toks, stop); !n.empty() {
		return n
	}
	if len(toks) == 0 || !lexicon.PrepStarters().Has(toks[0].low) {
		return np{}
	}
	for k := 1; k < stop && k < maxIntroSubjectTokens; k++ {
		if toks[k].quoted {
			return np{}
		}
		if toks[k].text == "," {
			if k+1 < stop {
				return subjectNP(text, toks[k+1:], stop-k-1)
			}
			return np{}
		}
	}
	return np{}
}

// contentNounThat returns the index of "that" when toks[k:] is "the
// (adjectives) <content noun> that", else 0.
func contentNounThat(toks []token, k int) int {
	if k >= len(toks) || !lexicon.Determiners().Has(toks[k].low) {
		return 0
	}
	for j := k + 1; j < len(toks) && j <= k+maxContentNounTokens; j++ {
		t := toks[j]
		if !t.word || t.quoted {
			return 0
		}
		if lexicon.ContentNouns().Has(t.low) {
			if j+1 < len(toks) && toks[j+1].low == "that" {
				return j + 1
			}
			return 0
		}
	}
	return 0
}

// shortObject reports whether toks[k:] is a short object phrase that ends
// the sentence ("the local radio station."): a few words, no quote, no
// verb.
func shortObject(toks []token, k int) bool {
	n := 0
	for j := k; j < len(toks); j++ {
		t := toks[j]
		if t.quoted {
			return false
		}
		if !t.word {
			if t.text == "." && j == len(toks)-1 && n > 0 {
				return true
			}
			if t.text != "'s" && t.text != "’s" {
				return false
			}
			continue
		}
		n++
		if n > maxShortObjectWords || lexicon.FiniteVerbs().Has(t.low) || cueVerbsHas(t.low) || t.low == "that" || lexicon.Pronouns().Has(t.low) {
			return false
		}
	}
	return n > 0 && n <= maxShortObjectWords
}

// evaluativeComplement reports whether toks[j:] is a judgement that ends
// the sentence after "called the X": "one of the worst ...", or "a/an"
// with an adjective and a noun, with no verb and no count ("a few times").
func evaluativeComplement(toks []token, j int) bool {
	if j+2 >= len(toks) {
		return false
	}
	start := j
	switch {
	case toks[j].low == "one" && toks[j+1].low == "of" && toks[j+2].low == "the":
		start = j + 3
	case toks[j].low == "a" || toks[j].low == "an":
		if lexicon.QuantityNouns().Has(toks[j+1].low) {
			return false
		}
		start = j + 1
	default:
		return false
	}
	n := 0
	for x := start; x < len(toks); x++ {
		t := toks[x]
		if t.quoted {
			return false
		}
		if !t.word {
			if t.text == "." && x == len(toks)-1 {
				break
			}
			if t.text == "-" || t.text == "’" || t.text == "'" {
				continue
			}
			return false
		}
		if lexicon.FiniteVerbs().Has(t.low) || lexicon.Pronouns().Has(t.low) || t.low == "that" || t.low == "because" || isNumber(t.text) {
			return false
		}
		n++
	}
	return n >= minEvaluativeWords && n <= maxEvaluativeWords
}

func onlyPunctToks(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if toks[k].word {
			return false
		}
	}
	return true
}

// hasFiniteVerb reports whether tokens [a, b) look like a clause: a
// pronoun subject, an auxiliary or a past-tense verb among the first words.
func hasFiniteVerb(toks []token, a, b int) bool {
	n := 0
	for k := a; k < b && n < maxClauseVerbWords; k++ {
		t := toks[k]
		if !t.word {
			continue
		}
		n++
		l := t.lower()
		if n == 1 && lexicon.Complementizers().Has(l) {
			continue
		}
		if lexicon.FiniteVerbs().Has(l) {
			return true
		}
		if (n <= maxPronounSubjectWord) && (lexicon.Pronouns().Has(l) || l == "there") {
			return true
		}
		if len(l) >= minEdVerbBytes && strings.HasSuffix(l, "ed") && !t.capitalized() {
			return true
		}
		// present tense after a noun: "the party needs", "Ottawa holds"
		if n >= 2 && len(l) > shortSVerbBytes && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "us") && !t.capitalized() && k > a {
			p := toks[k-1]
			pl := p.lower()
			if lexicon.PreVerbAdverbs().Has(pl) && k-2 >= a {
				// "the idea only emboldens": look past the adverb
				p = toks[k-2]
				pl = p.lower()
			}
			if p.word && !lexicon.Determiners().Has(pl) && !lexicon.StopWords().Has(pl) && !isNumber(p.text) && pl != "more" && pl != "few" && pl != "unanswered" {
				return true
			}
		}
	}
	return false
}

// pluralSubject returns the plural noun phrase opening the sentence before
// token stop ("Republican senators are eager ..., and they say"), or an
// empty phrase.
func pluralSubject(text string, toks []token, stop int) np {
	j := 0
	for j < stop && j < maxPluralSubjectTokens && toks[j].word && !toks[j].quoted {
		l := toks[j].low
		if cue := lexicon.ReportingVerbs().Has(l); cue || lexicon.FiniteVerbs().Has(l) || lexicon.Auxiliaries().Has(l) || (lexicon.StopWords().Has(l) && !lexicon.Determiners().Has(l)) {
			break
		}
		j++
	}
	if j == 0 || j >= stop {
		return np{}
	}
	last := toks[j-1].low
	if !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss") || isPossessive(toks[j-1].text) {
		return np{}
	}
	a := 0
	for a < j-1 && lexicon.SentenceStarters().Has(toks[a].low) && !lexicon.Determiners().Has(toks[a].low) {
		a++
	}
	return np{start: toks[a].start, end: toks[j-1].end, text: text[toks[a].start:toks[j-1].end], role: last}
}

// itAntecedent returns the nearest "the <organisation>" before token pi in
// the sentence ("when the government is grappling with what it says").
func itAntecedent(text string, toks []token, pi int) np {
	for k := pi - 1; k >= 1; k-- {
		if toks[k].quoted {
			continue
		}
		if lexicon.OrgRoles().Has(toks[k].low) && (toks[k-1].low == "the" || toks[k-1].low == "its") {
			return np{start: toks[k-1].start, end: toks[k].end, text: text[toks[k-1].start:toks[k].end], role: toks[k].low}
		}
	}
	return np{}
}

// zeroThatClause reports whether toks[k:] opens a reported clause with no
// "that": a subject of one to six words, starting with no preposition and
// holding no punctuation, quote or relative word, then a verb of
// clauseVerbs ("predicted the next election will be close",
// "acknowledged his side needs to improve"). "announced these intentions"
// and "announced a deal that will" are objects.
func zeroThatClause(toks []token, k int) bool {
	if k >= len(toks) || lexicon.PrepStarters().Has(toks[k].low) || lexicon.FiniteVerbs().Has(toks[k].low) || cueVerbsHas(toks[k].low) {
		// "city reports say it is": a verb right after the cue is no
		// subject
		return false
	}
	for j := k; j < len(toks) && j <= k+maxZeroThatSubjectTokens; j++ {
		t := toks[j]
		if !t.word || t.quoted {
			return false
		}
		l := t.lower()
		if j > k && lexicon.ClauseVerbs().Has(l) {
			return true
		}
		if lexicon.SubjectBreakers().Has(l) {
			return false
		}
	}
	return false
}

const (
	// maxAdverbials is the most adverbials (and one object) skipped after a cue
	// before its clause. Introduced in cffae27. Measured at b75dbd0 on
	// bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
	// 93.0/97.6 at 5, 6 (chosen), 7 and 12 alike (no extracted quote differs).
	maxAdverbials = 6
	// maxAdverbialTokens is the longest prepositional adverbial after a cue, in
	// tokens ("at a news conference in Ottawa"). Introduced in cffae27.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 6, 7 (chosen), 8 and 14 alike (no
	// extracted quote differs).
	maxAdverbialTokens = 7
	// maxCommaAdverbialTokens is the longest adverbial closed by a comma after
	// a cue, in tokens ("admits in this instance, ..."). Introduced in d2c7ca5.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): at 4: 91.0/89.9 and 93.0/97.6; at 5 (chosen): 91.0/89.9 and
	// 93.0/97.6; at 6: 91.0/89.9 and 92.9/97.6; at 10: 91.0/89.9 and 92.8/97.6.
	maxCommaAdverbialTokens = 5
	// maxAdverbialTailTokens is how many words may follow an adverbial's noun
	// before its comma ("in this instance, ..."). Introduced in d2c7ca5.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 2, 3 (chosen), 4 and 6 alike (no
	// extracted quote differs).
	maxAdverbialTailTokens = 3
	// maxNewAttributionTokens is how far (tokens) after "but", "while" or "and"
	// a new attribution's cue may come, ending the clause. Introduced in
	// 07d631e. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 4, 5 (chosen), 6 and 10 alike (no
	// extracted quote differs).
	maxNewAttributionTokens = 5
	// maxNewSpeakerTokens is the longest name (tokens) of a second speaker that
	// ends a clause ("While critics say A, Roe says B"). Introduced in c8e9cd4.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 2, 3 (chosen), 4 and 6 alike (no
	// extracted quote differs).
	maxNewSpeakerTokens = 3
	// maxIntroSubjectTokens is how far (tokens) into the sentence its subject
	// is looked for before "and said". Introduced in 182e2a8. Measured at
	// b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker accuracy): at 7:
	// 91.0/89.9 and 92.9/97.6; at 11: 91.0/89.9 and 93.0/97.6; at 15 (chosen):
	// 91.0/89.9 and 93.0/97.6; at 30: 91.0/89.9 and 93.0/97.6.
	maxIntroSubjectTokens = 15
	// maxContentNounTokens is how far (tokens) a noun of saying may stand from
	// its determiner ("the weighty caveat that"). Introduced in 182e2a8.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 3, 4 (chosen), 5 and 8 alike (no
	// extracted quote differs).
	maxContentNounTokens = 4
	// maxShortObjectWords is the most words of a short object that ends the
	// sentence ("told the local radio station."). Introduced in 4a6a917.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 4, 5 (chosen), 6 and 10 alike (no
	// extracted quote differs).
	maxShortObjectWords = 5
	// maxEvaluativeWords is the most words of an evaluative complement taken as
	// a quote. Introduced in 2bc3b33. Measured at b75dbd0 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 6, 9,
	// 12 (chosen) and 24 alike (no extracted quote differs).
	maxEvaluativeWords = 12
	// maxClauseVerbWords is how many words of a clause are searched for a
	// finite verb. Introduced in 1101fb8. Measured at b75dbd0 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): at 8: 90.1/90.1 and 92.1/97.4; at
	// 12: 90.9/89.9 and 92.7/97.6; at 16 (chosen): 91.0/89.9 and 93.0/97.6; at
	// 32: 91.0/89.9 and 93.0/97.6.
	maxClauseVerbWords = 16
	// maxPluralSubjectTokens is the longest plural subject (tokens) that "they"
	// may refer to. Introduced in 2527b99. Measured at b75dbd0 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 5, 6
	// (chosen), 7 and 12 alike (no extracted quote differs).
	maxPluralSubjectTokens = 6
	// maxZeroThatSubjectTokens is the longest subject (tokens) of a reported
	// clause without "that". Introduced in cffae27. Measured at b75dbd0 on
	// bbc-train and ggt-dev (quote F1 / speaker accuracy): at 5: 91.0/89.9 and
	// 93.0/97.6; at 6 (chosen): 91.0/89.9 and 93.0/97.6; at 7: 91.0/89.9 and
	// 93.0/97.6; at 12: 91.1/89.9 and 93.0/97.6. At 12 bbc-train gains one
	// quote and ggt-dev nothing, so 6 stays (a value changes only when both
	// sets gain).
	maxZeroThatSubjectTokens = 6
)

// maxObjectNameTokens is the longest object of "told" skipped before its clause
// ("told CTV News Vancouver"), in tokens. Introduced in cffae27. Measured at
// b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
// 93.0/97.6 at 7, 8 (chosen), 9 and 16 alike (no extracted quote differs).
const maxObjectNameTokens = 8

// minEdVerbBytes is the shortest "-ed" word taken for a past-tense verb that
// shows a clause ("used", not "red"). Introduced in 1101fb8. Measured at
// b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker accuracy): at 4:
// 91.0/89.9 and 93.0/97.6; at 5 (chosen): 91.0/89.9 and 93.0/97.6; at 6:
// 91.0/89.9 and 92.9/97.6; at 10: 90.7/89.7 and 92.5/97.7.
const minEdVerbBytes = 5

// secondCue reports whether the cue toks[c], after the "and" or "but" at
// toks[j] with nothing but auxiliaries between, starts the same speaker's
// second statement: a saying verb ("says A and says B", "said A and said
// B") or any strong cue after a comma (", but added B"). "Police said the
// driver stopped the car and admitted he had been drinking" keeps the
// driver's verb in the police's clause.
func secondCue(toks []token, j, c int) bool {
	l := toks[c].low
	if lexicon.WeakCues().Has(l) {
		return false
	}
	return lexicon.SayVerbs().Has(l) || j > 0 && toks[j-1].text == ","
}
