package quote

import (
	"strings"

	"newsbot/lexicon"
	"newsbot/news"
)

// indirectScan is the state of the indirect-speech stage over one
// sentence: where the next clause may start and who spoke so far.
type indirectScan struct {
	ex       *extractor
	s        *sentence
	toks     []token
	consumed []bool // quotes of the sentence already attributed
	outlet   string // outlet cited anywhere in the sentence
	// floor is the first token a clause may start at: clauses start after
	// earlier material of the sentence.
	floor int
	// speaker is the sentence's speaker so far, for ", adding that ...".
	speaker np
}

// clauseOpts say how emit takes a clause.
type clauseOpts struct {
	// outlet cited for this clause; "" means the sentence's outlet.
	outlet string
	// inherit: the speaker is the sentence's attributed speaker (", adding
	// that ..."), resolved from the quote of the same sentence.
	inherit bool
	// anyClause takes the words even without a finite verb (a charge after
	// "derides X for", a name after "called it", "according to experts,
	// include ...").
	anyClause bool
	// outletOnly: the clause's only source is an outlet ("according to
	// CNN"), so a clause without a speaker inherits none.
	outletOnly bool
}

// indirect finds reported speech around the cues not used by direct quotes:
// "X said (that) CLAUSE", "CLAUSE, X said", "According to X, CLAUSE",
// "CLAUSE, according to X", ", adding that CLAUSE". Quotes inside a clause
// make it mixed and are consumed.
func (ex *extractor) indirect(s *sentence, usedCue map[int]bool, consumed []bool, outlet string) {
	toks := s.toks
	if len(toks) == 0 {
		return
	}
	sc := &indirectScan{ex: ex, s: s, toks: toks, consumed: consumed, outlet: outlet}
	for c := 0; c < len(toks); c++ {
		t := toks[c]
		if !t.word || t.quoted || usedCue[c] {
			continue
		}
		l := t.lower()
		if l == "according" && c+1 < len(toks) && toks[c+1].lower() == "to" {
			c = sc.accordingTo(c)
			continue
		}
		if lexicon.ParticipleCues().Has(l) && c > 0 && (toks[c-1].text == "," || toks[c-1].lower() == "and") {
			// ", adding that CLAUSE"
			c = sc.participle(c, l)
			continue
		}
		if next, ok := sc.criticism(c); ok {
			c = next
			continue
		}
		if next, ok := sc.callFor(c); ok {
			c = next
			continue
		}
		if k := ex.namingCue(toks, c, sc.floor); k > 0 {
			c = sc.naming(c, k)
			continue
		}
		if !isCueToken(toks, c) && !stanceCue(toks, c) || negatedCue(toks, c) {
			continue
		}
		c = sc.cue(c, l)
	}
}

// emit adds the clause of tokens [a, b) as a quote of sp, unless it is too
// short, no clause, in a headline, or holds a quote already attributed.
func (sc *indirectScan) emit(a, b int, sp np, cue string, o clauseOpts) {
	text, toks, s := sc.ex.text, sc.toks, sc.s
	for a < b && (toks[a].text == "," || toks[a].text == "—" || toks[a].text == "–" || toks[a].text == ":") {
		a++
	}
	for b > a && !toks[b-1].word && !toks[b-1].quoted && toks[b-1].text != "%" {
		b--
	}
	if b-a < minClauseTokens {
		return
	}
	st, en := toks[a].start, toks[b-1].end
	// extend over a closing quote mark that ends the clause
	if b < len(toks) && toks[b].quoted {
		en = toks[b].end
	}
	words := wordCount(text, st, en)
	if words < minClauseWords || (!o.anyClause && !hasFiniteVerb(toks, a, b)) || s.headline {
		return
	}
	kind := news.Indirect
	for qi, q := range s.quotes {
		o := q.outer()
		if o.start < en && o.end > st {
			if sc.consumed[qi] && o.start >= st && o.end <= en {
				// a quote already attributed inside: not a clause of this cue
				return
			}
		}
	}
	for qi, q := range s.quotes {
		o := q.outer()
		if o.start >= st && o.start < en {
			sc.consumed[qi] = true
			kind = news.Mixed
			if o.end > en {
				en = o.end
			}
		}
	}
	clauseOutlet := o.outlet
	if clauseOutlet == "" {
		clauseOutlet = sc.outlet
	}
	var ante np
	if sp.pronoun == "they" {
		ante = pluralSubject(text, toks, tokenAt(toks, sp.start))
	}
	if sp.pronoun == "it" {
		ante = itAntecedent(text, toks, tokenAt(toks, sp.start))
	}
	c := cand{s: st, e: en, kind: kind, sp: sp, cue: cue, outlet: clauseOutlet, para: s.para, sent: s.serial, conf: confIndirect, sentS: s.sp.start, sentE: s.sp.end, antecedent: ante, inherit: o.inherit || sp.empty() && !o.outletOnly, fromSentence: o.inherit}
	sc.ex.cands = append(sc.ex.cands, c)
}

// participle takes ", adding that CLAUSE" at toks[c] (participle l) and
// returns the token to go on after.
func (sc *indirectScan) participle(c int, l string) int {
	toks := sc.toks
	k, ol := sc.ex.skipAdverbials(toks, c+1, l == "telling" || l == "asking")
	if k >= len(toks) || !clauseStartOK(toks, k) {
		return c
	}
	e := clauseEnd(toks, k)
	if ol == "" {
		ol = sc.outlet
	}
	ssp := sc.speaker
	inh := true
	if ssp.empty() && sc.floor == 0 {
		// "Roy Graf protested the two bills, saying ...": the sentence
		// subject speaks
		if first := subjectNP(sc.ex.text, toks, c); !first.empty() {
			ssp, inh = first, false
		}
	}
	sc.emit(k, e, ssp, l, clauseOpts{outlet: ol, inherit: inh})
	return e
}

// criticism takes "Sinclair derides the board for a lack of leadership" at
// toks[c]: the charge is what the critic says. ok is false when there is
// no such charge with a named or he/she critic.
func (sc *indirectScan) criticism(c int) (next int, ok bool) {
	a, b := criticismCue(sc.toks, c)
	if b <= a {
		return c, false
	}
	sp := backNP(sc.ex.text, sc.toks, c, sc.floor)
	if sp.name == "" && sp.pronoun != "he" && sp.pronoun != "she" {
		return c, false
	}
	sc.emit(a, b, sp, sc.toks[c].text, clauseOpts{anyClause: true})
	sc.floor = b
	return b, true
}

// naming takes "X called it CLAUSE", "what X calls CLAUSE" at toks[c], the
// words reported starting at toks[k], and returns the token to go on
// after.
func (sc *indirectScan) naming(c, k int) int {
	text, toks := sc.ex.text, sc.toks
	sp := backNP(text, toks, c, sc.floor)
	if sp.empty() && c > 1 && (toks[c-1].low == "he" || toks[c-1].low == "she" || toks[c-1].low == "they") {
		sp = np{start: toks[c-1].start, end: toks[c-1].end, text: toks[c-1].text, pronoun: toks[c-1].low}
	}
	if (sp.pronoun == "he" || sp.pronoun == "she") && c >= 2 && (toks[c-2].low == "who" || toks[c-2].low == "whom") {
		// "Green was excited about looping for Roe, who he calls
		// a great kid": he is the sentence's subject, not Roe
		if first := introSubject(text, toks, c-2); first.name != "" {
			sp = first
		} else if t0 := toks[0]; t0.word && !t0.quoted && t0.capitalized() && !lexicon.SentenceStarters().Has(t0.low) && !lexicon.Determiners().Has(t0.low) && !lexicon.Pronouns().Has(t0.low) && len(toks) > 1 && toks[1].word && !toks[1].capitalized() {
			// a one-word name that is also a title word ("Green")
			sp = np{start: t0.start, end: t0.end, text: t0.text, name: t0.text}
		}
	}
	if sp.empty() {
		return c
	}
	e := clauseEnd(toks, k)
	sc.emit(k, e, sp, toks[c].text, clauseOpts{anyClause: true})
	sc.floor = e
	return e
}

// cue takes the speech around the reporting verb toks[c] (lower case l):
// "X said (that) CLAUSE", `X said that "..."`, "CLAUSE, X said[, CLAUSE2]",
// "CLAUSE, said X". It returns the token to go on after.
func (sc *indirectScan) cue(c int, l string) int {
	toks := sc.toks
	object := lexicon.ObjectVerbs().Has(l)
	sp, ok := sc.cueSpeaker(c, object)
	if !ok {
		return c
	}
	if lexicon.WeakCues().Has(l) && sp.name == "" && sp.pronoun == "" && sp.role == "" {
		return c
	}
	k, ol := sc.clauseAfterCue(c, object)
	if ol == "" {
		ol = sc.outlet
	}
	spTok := tokenAt(toks, sp.start)
	if spTok > 0 && toks[spTok-1].low == "than" && k+1 < len(toks) && lexicon.Pronouns().Has(toks[k].low) {
		// "higher than city reports say it is": a comparison, no
		// reported clause
		return c
	}
	if k+1 < len(toks) && toks[k].low == "that" && lexicon.RelativeVerbs().Has(toks[k+1].low) {
		// "50 member states that have French as a common language":
		// a relative clause, not a reported one
		return c
	}
	if object && spTok > sc.floor+1 && toks[spTok-1].text == "," && shortObject(toks, k) {
		// "CLAUSE, a resident told the local radio station."
		k = len(toks) - 1
	}
	cue := toks[c].text
	if lexicon.StanceAdjectives().Has(l) && !subjectStart(toks, k) {
		// "was sure about the job": a stance adjective reports only a
		// clause ("sure that ...", "sure the plan works")
		return c
	}
	if expectObject(toks, l, c, k, sp) {
		// "Analysts expect interest rates to rise": the expectation
		e := clauseEnd(toks, k)
		sc.emit(k, e, sp, cue, clauseOpts{outlet: ol, anyClause: true})
		sc.speaker = sp
		sc.floor = e
		return e
	}
	if lexicon.CommitmentVerbs().Has(l) && commitmentObject(toks, c+1, sp) {
		// "X has pledged to write off the debt": what was promised, read
		// right after the verb (the adverbial skip would take "to ...
		// next year" for a time phrase)
		e := clauseEnd(toks, c+1)
		sc.emit(c+1, e, sp, cue, clauseOpts{outlet: ol, anyClause: true})
		sc.speaker = sp
		sc.floor = e
		return e
	}
	if k < len(toks) && toks[k].word && clauseStartOK(toks, k) && !(toks[k].text == "," || toks[k].text == ".") {
		// X said (that) CLAUSE
		e := clauseEnd(toks, k)
		if !lexicon.SayVerbs().Has(l) && toks[k].lower() != "that" && !lexicon.Pronouns().Has(toks[k].lower()) && toks[k].lower() != "there" && !(k > c+2 && toks[k-1].text == ",") && !urgeObject(toks, l, k, sp) && !zeroThatClause(toks, k) {
			// "announced these intentions": an object, not a clause
			return c
		}
		sc.emit(k, e, sp, cue, clauseOpts{outlet: ol, anyClause: urgeObject(toks, l, k, sp)})
		sc.speaker = sp
		sc.floor = e
		return e
	}
	if k < len(toks) && toks[k].quoted {
		// X said that "..." : mixed, the clause starts at the quote
		if !clauseStartOK(toks, k) {
			return c
		}
		e := clauseEnd(toks, k)
		sc.emit(k, e, sp, cue, clauseOpts{outlet: ol})
		sc.speaker = sp
		sc.floor = e
		return e
	}
	if k >= len(toks) || toks[k].text == "." {
		// a bare attribution: "Harry J. Kazianis, director of ...,
		// said in an e-mailed statement." (the quote came before)
		if sc.floor == 0 && spTok <= 1 && len(sc.s.quotes) == 0 {
			sc.ex.bare = append(sc.ex.bare, bareAttr{sent: sc.s.serial, sp: sp, cue: cue, outlet: ol})
		}
	}
	return sc.clauseBefore(c, k, spTok, sp, l, ol)
}

// cueSpeaker finds the speaker of the cue toks[c]: the phrase before it,
// or the sentence subject in "X praised China and said ...". For an
// inverted "CLAUSE, said X." it emits the clause itself and returns ok
// false, as it does when no speaker is found.
func (sc *indirectScan) cueSpeaker(c int, object bool) (np, bool) {
	text, toks := sc.ex.text, sc.toks
	sp := backNP(text, toks, c, sc.floor)
	if sp.empty() && c > 0 && toks[c-1].lower() == "and" && sc.floor == 0 {
		// "Pompeo praised China and said ...": the sentence subject
		if first := introSubject(text, toks, c); !first.empty() {
			sp = first
		}
	}
	if j := c - 1; sp.empty() && !sc.speaker.empty() {
		for j > sc.floor && lexicon.Auxiliaries().Has(toks[j].low) {
			j--
		}
		if j >= sc.floor && j >= 0 && (toks[j].low == "and" || toks[j].low == "but") && secondCue(toks, j, c) {
			// "Labour says A and says B", "Roe said A, but added B": the
			// speaker of the sentence's first clause goes on
			sp = sc.speaker
		}
	}
	if c > 0 && toks[c-1].text == "," && c-1 > sc.floor && !sp.empty() {
		// inverted "CLAUSE, adds Al Basha.": the speaker follows
		if fsp := forwardNP(text, toks, c+1, len(toks)); !object && !fsp.empty() && fsp.name != "" {
			if _, isOutlet := CanonicalOutlet(fsp.name); !isOutlet {
				end := tokenAt(toks, fsp.end)
				if end >= len(toks) || toks[end].text == "." || toks[end].text == "!" ||
					toks[end].text == "," && !hasFiniteVerb(toks, end+1, len(toks)) {
					// "..., said Sutopo Purwo Nugroho, a spokesman for X."
					sp = np{}
				}
			}
		}
	}
	if !sp.empty() {
		return sp, true
	}
	// inverted: "CLAUSE, said X."
	if c > 0 && toks[c-1].text == "," && c-1 > sc.floor {
		fsp := forwardNP(text, toks, c+1, len(toks))
		if !fsp.empty() {
			// "CLAUSE, said he." but not "X, ..., said he heard" or
			// "X, who ..., says the program changed his life":
			// there the phrase opens the reported clause
			if pe := tokenAt(toks, fsp.end); pe < len(toks) && toks[pe].word || fsp.name == "" && fsp.pronoun == "" && hasFiniteVerb(toks, c+1, pe) {
				fsp = np{}
			}
		}
		if !fsp.empty() && fsp.pronoun == "" || fsp.pronoun == "he" || fsp.pronoun == "she" {
			if !fsp.empty() {
				sc.emit(sc.floor, c-1, fsp, toks[c].text, clauseOpts{})
				sc.speaker = fsp
				sc.floor = len(toks)
			}
		}
	}
	return np{}, false
}

// clauseAfterCue returns where a clause after the cue toks[c] would start,
// past adverbials, an object ("told X that ..."), a pseudo-cleft ("is
// that") and a noun of saying ("the caveat that"), and the outlet named on
// the way ("told CNN").
func (sc *indirectScan) clauseAfterCue(c int, object bool) (int, string) {
	toks := sc.toks
	k, ol := sc.ex.skipAdverbials(toks, c+1, object)
	if object {
		// "told X that ...": find "that" or a pronoun subject shortly
		// after the object
		for j := k; j < len(toks) && j <= k+maxObjectTokens; j++ {
			jl := toks[j].lower()
			if jl == "that" || (j > k && (lexicon.Pronouns().Has(jl) || jl == "there") && jl != "it" && jl != "you") || j == k && k > c+1 && (jl == "it" || jl == "there" || jl == "he" || jl == "she" || jl == "they" || jl == "we") {
				// "reminded the crowd it was ...": the object came first
				k = j
				break
			}
			if !toks[j].word || toks[j].quoted {
				break
			}
		}
	}
	if k+1 < len(toks) && (toks[k].low == "is" || toks[k].low == "was") && toks[k+1].low == "that" {
		// "What he would say is that ...": a pseudo-cleft
		k++
	}
	if t := contentNounThat(toks, k); t > 0 {
		// "added the weighty caveat that ...": the clause completes a
		// noun of saying
		k = t
	}
	return k, ol
}

// clauseBefore takes "CLAUSE, X said[, CLAUSE2]." for the cue toks[c]
// (lower case l) with speaker sp at token spTok, the words after the cue
// starting at toks[k]; it returns the token to go on after. A weak cue
// counts here when a person or pronoun says it and the sentence or a
// parenthesis closes after it (", he adds.", ", they promise,").
func (sc *indirectScan) clauseBefore(c, k, spTok int, sp np, l, ol string) int {
	toks := sc.toks
	closes := k >= len(toks) || toks[k].text == "." || toks[k].text == "," || toks[k].text == ";"
	weakOK := closes && (sp.name != "" || sp.pronoun == "he" || sp.pronoun == "she" || sp.pronoun == "they")
	if !(spTok > sc.floor+1 && spTok > 0 && toks[spTok-1].text == "," && (!lexicon.WeakCues().Has(l) || weakOK)) {
		return c
	}
	cue := toks[c].text
	sc.emit(sc.floor, spTok-1, sp, cue, clauseOpts{outlet: ol})
	sc.speaker = sp
	if k < len(toks) && toks[k].text == ";" && k+1 < len(toks) {
		// "..., Foster writes; such accusations ...": the clause
		// after the semicolon is the same speaker's
		e := clauseEnd(toks, k+1)
		if clauseStartOK(toks, k+1) {
			sc.emit(k+1, e, sp, cue, clauseOpts{outlet: ol})
		}
		c = e
	}
	if k < len(toks) && toks[k].text == "," {
		e := clauseEnd(toks, k+1)
		if clauseStartOK(toks, k+1) || k+1 < len(toks) && toks[k+1].lower() == "but" {
			sc.emit(k+1, e, sp, cue, clauseOpts{outlet: ol, anyClause: true})
		}
		c = e
	}
	sc.floor = max(c, k)
	return c
}

const (
	// maxObjectTokens is how far (in tokens) after the object of "told" its
	// clause may start ("told the crowd gathered there that ..."). Introduced
	// in cffae27. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 /
	// speaker accuracy): 91.0/89.9 and 93.0/97.6 at 5, 6 (chosen), 7 and 12
	// alike (no extracted quote differs).
	maxObjectTokens = 6
)

const (
	// minClauseWords is the fewest words of a reported clause. Introduced in
	// 1101fb8. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): at 2: 91.0/89.9 and 93.0/97.5; at 3 (chosen): 91.0/89.9 and
	// 93.0/97.6; at 4: 91.1/89.9 and 92.9/97.4; at 6: 90.1/90.1 and 92.0/97.5.
	minClauseWords = 3
	// minClauseTokens is the fewest tokens of a reported clause once the
	// punctuation at its ends is trimmed. A bare literal until 0e315c7.
	// Measured at 0e315c7 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): at 1: 91.1/90.1 and 93.0/97.6; at 2 (chosen): 91.1/90.1 and
	// 93.0/97.6; at 3: 91.1/90.1 and 93.0/97.6; at 4: 91.3/90.1 and 92.9/97.4.
	minClauseTokens = 2
)

// callFor takes "X has called for urgent action to fight poverty" at
// toks[c]: what a named or he/she speaker calls for is reported speech,
// as the protocol counts it. ok is false for anything else.
func (sc *indirectScan) callFor(c int) (next int, ok bool) {
	toks := sc.toks
	switch toks[c].low {
	case "call", "calls", "called", "calling":
	default:
		return c, false
	}
	if c+2 >= len(toks) || toks[c+1].low != "for" || !toks[c+2].word || c == 0 || lexicon.PassiveMarkers().Has(toks[c-1].low) {
		return c, false
	}
	sp := backNP(sc.ex.text, toks, c, sc.floor)
	if sp.name == "" && sp.pronoun != "he" && sp.pronoun != "she" {
		return c, false
	}
	e := clauseEnd(toks, c+2)
	for j := c + 3; j+1 < e; j++ {
		n := toks[j+1]
		if (toks[j].low == "and" || toks[j].low == "but") && n.word && !n.capitalized() && (strings.HasSuffix(n.low, "ed") || lexicon.FiniteVerbs().Has(n.low) || isCueToken(toks, j+1)) {
			// "called for their release and expressed concern": what
			// was called for ends before the next verb
			e = j
			break
		}
	}
	sc.emit(c+2, e, sp, toks[c].text+" for", clauseOpts{anyClause: true, outlet: sc.outlet})
	sc.speaker = sp
	sc.floor = e
	return e, true
}

// expectObject reports "X expect(s) NP to VERB" at the cue toks[c] with its
// object starting at toks[k]: an active "expect" (not "is expected to"), a
// speaker, and an object of at most a few words followed by "to" and a
// verb ("Analysts expect interest rates to rise").
func expectObject(toks []token, l string, c, k int, sp np) bool {
	if l != "expect" && l != "expects" && l != "expected" || sp.empty() || c > 0 && lexicon.PassiveMarkers().Has(toks[c-1].low) {
		return false
	}
	if lexicon.IndefinitePronouns().Has(strings.ToLower(strings.TrimSpace(sp.text))) || sp.name == "" && sp.pronoun != "he" && sp.pronoun != "she" && sp.pronoun != "they" && !hasRoleNoun([]string{sp.role}) {
		// "Nobody expected him to win", "Few expected ...": no source
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+maxExpectObjectTokens; j++ {
		if !toks[j].word || toks[j].quoted {
			return false
		}
		if toks[j].low == "to" {
			return j+1 < len(toks) && toks[j+1].word && !toks[j+1].capitalized()
		}
	}
	return false
}

// maxExpectObjectTokens bounds the object of "expect NP to" ("interest rates in
// the eurozone" is five words). Measured at b75dbd0 on bbc-train and ggt-dev
// (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 5, 6 (chosen), 7
// and 12 alike (no extracted quote differs).
const maxExpectObjectTokens = 6
