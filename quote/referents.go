package quote

import (
	"strings"
	"unicode"

	"newsbot/lexicon"
)

// prevSentenceActor returns the last one-word proper name in the sentence
// before c's (same or previous paragraph) that the article names again and
// that is no person or outlet ("... confirmed by TransLink. The agency told
// CTV News ..."): what "the agency" refers to when nothing spoke.
func (ex *extractor) prevSentenceActor(c *cand) *entity {
	p := c.sent - 1
	if p < 0 || p >= len(ex.sents) || ex.sents[p].para < ex.sents[c.sent].para-1 {
		return nil
	}
	toks := ex.sents[p].toks
	for k := len(toks) - 1; k >= 1; k-- {
		t := toks[k]
		if !t.word || t.quoted || !t.capitalized() || toks[k-1].capitalized() || k+1 < len(toks) && toks[k+1].word && toks[k+1].capitalized() {
			continue
		}
		l := t.low
		if isTitleWord(t) || lexicon.DayWords().Has(l) || lexicon.SentenceStarters().Has(l) || lexicon.Pronouns().Has(l) || strings.ToUpper(t.text) == t.text && len(t.text) <= maxInitialismBytes {
			continue
		}
		if _, outlet := CanonicalOutlet(t.text); outlet {
			continue
		}
		if strings.Count(ex.text, t.text) < 2 {
			continue
		}
		if e := ex.ents.findByWord(l, t.start, false); e != nil && e.personLike() {
			continue
		}
		e := ex.ents.entity(t.text)
		if e.personLike() {
			continue
		}
		e.org = true
		return e
	}
	return nil
}

// pluralGroup returns the named group ("the Liberals", "the Raptors'")
// last mentioned before pos in c's sentence or the one before it in the
// same paragraph, or nil.
func (ex *extractor) pluralGroup(c *cand, pos int) *entity {
	for n := c.sent; n >= 0 && n >= c.sent-1; n-- {
		if n >= len(ex.sents) || ex.sents[n].para != c.para {
			break
		}
		toks := ex.sents[n].toks
		for k := len(toks) - 1; k >= 1; k-- {
			t := toks[k]
			if t.start >= pos || t.quoted || !t.word || toks[k-1].low != "the" || !t.capitalized() {
				continue
			}
			w := strings.TrimSuffix(strings.TrimSuffix(t.text, "’"), "'")
			if len(w) < minGroupNameBytes || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.ToUpper(w) == w {
				continue
			}
			if k+1 < len(toks) && toks[k+1].word && toks[k+1].capitalized() {
				// "the Rolling Stones", "the United States": part of a name
				continue
			}
			e := ex.ents.entity(w)
			e.org = true
			return e
		}
	}
	return nil
}

// docAuthor returns the organisation named as the author of a document in
// the sentences before c ("a study by X", "a report from X"), or nil.
func (ex *extractor) docAuthor(c *cand) *entity {
	for n := c.sent - 1; n >= 0 && n >= c.sent-maxDocAuthorSentences; n-- {
		if ex.sents[n].para < ex.sents[c.sent].para-maxDocAuthorParagraphs {
			break
		}
		toks := ex.sents[n].toks
		for k := 0; k+2 < len(toks); k++ {
			if !lexicon.DocumentNouns().Has(toks[k].low) || toks[k].quoted || toks[k+1].low != "by" && toks[k+1].low != "from" {
				continue
			}
			a := k + 2
			if toks[a].low == "the" {
				a++
			}
			b := a
			for b < len(toks) && b < a+maxDocAuthorTokens && toks[b].word && !toks[b].quoted && (toks[b].capitalized() || (lexicon.Connectors().Has(toks[b].text) || toks[b].low == "for" || toks[b].low == "of" || toks[b].low == "on") && b+1 < len(toks) && toks[b+1].capitalized() || isPossessive(toks[b].text)) {
				b++
			}
			if b == a || !toks[b-1].capitalized() {
				continue
			}
			name := ex.text[toks[a].start:toks[b-1].end]
			if _, outlet := CanonicalOutlet(name); outlet {
				continue
			}
			e := ex.ents.entity(name)
			if e.personLike() && !looksOrg(name) {
				// "a study by Jane Roe": a person
				return e
			}
			e.org = true
			return e
		}
	}
	return nil
}

// namedNext returns the person that the sentence after c's opens with,
// when that sentence reports speech (a cue) and sits in the same
// paragraph: a nameless speaker named right after.
func (ex *extractor) namedNext(c *cand) *entity {
	n := c.sent + 1
	if n >= len(ex.sents) || ex.sents[n].para != c.para {
		return nil
	}
	toks := ex.sents[n].toks
	sub := subjectNP(ex.text, toks, len(toks))
	if sub.name == "" || !strings.Contains(sub.name, " ") || looksOrg(sub.name) {
		return nil
	}
	k := tokenAt(toks, sub.end)
	for k < len(toks) && toks[k].word && lexicon.Auxiliaries().Has(toks[k].low) {
		k++
	}
	if k >= len(toks) || !isCueToken(toks, k) {
		return nil
	}
	e := ex.ents.resolveName(sub.name, sub.start)
	if e == nil || !e.personLike() {
		return nil
	}
	return e
}

// prevSentencePerson resolves a he/she from the sentences around it, or
// returns nil to leave it to the salience list:
//   - a pronoun that opens its sentence (after the quote: `"...," he says.`,
//     or `He added that ...`) right after a sentence that names exactly one
//     known person and no pronoun of that gender is that person, even when
//     named as an object ("... for accountant Jane Roe, 50. "I had a
//     membership," she says.");
//   - after a sentence opened by the same pronoun, it keeps that pronoun's
//     referent;
//   - a pronoun inside its sentence is the one known person named before it
//     there, outside the reported words.
func (ex *extractor) prevSentencePerson(c *cand, sp np) *entity {
	if c.sent <= 0 || c.sent >= len(ex.sents) {
		return nil
	}
	s := &ex.sents[c.sent]
	want := male
	if sp.pronoun == "she" {
		want = female
	}
	k := tokenAt(s.toks, sp.start)
	first := true
	for j := 0; j < k && j < len(s.toks); j++ {
		if s.toks[j].word && !s.toks[j].quoted {
			first = false
			break
		}
	}
	if !first {
		// "These are generous assumptions and Morneau was clutching at
		// straws when he said ...": the one person named before the
		// pronoun in its own sentence, outside the reported words
		return ex.onePerson(s.toks[:k], want, span{c.s, c.e})
	}
	p := c.sent - 1
	skipped := 0 // paragraphs of headlines and captions in between
	for p >= 0 && (ex.sents[p].headline || ex.sents[p].caption || isLabelLine(ex.sents[p].toks)) && c.sent-p < maxSkippedLayoutSentences {
		if p+1 >= len(ex.sents) || ex.sents[p+1].para != ex.sents[p].para {
			skipped++
		}
		p--
	}
	if p < 0 || ex.sents[p].headline || ex.sents[p].caption || isLabelLine(ex.sents[p].toks) || ex.sents[p].para < s.para-1-skipped {
		return nil
	}
	if pt := ex.sents[p].toks; len(pt) > 0 && pt[0].low == sp.pronoun {
		// "She cited the Starlight Tours. "...," she said.": the same
		// person as the sentence before, whatever it names after its
		// pronoun
		return ex.ents.resolvePronoun(sp.pronoun, pt[0].start, pronounWindow)
	}
	return ex.onePerson(ex.sents[p].toks, want, span{})
}

// onePerson returns the only known person (of gender want or unknown)
// named in toks outside skip, when no pronoun of that gender appears there
// and the person shows as one (a gender, a title, a quote, an age).
func (ex *extractor) onePerson(toks []token, want gender, skip span) *entity {
	var found *entity
	aged := false // the name comes with an age or a role
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.start >= skip.start && t.start < skip.end {
			i++
			continue
		}
		if t.word && !t.quoted {
			if g, ok := pronounGender(t.low); ok && g == want {
				return nil
			}
		}
		if !t.word || t.quoted || !t.capitalized() {
			i++
			continue
		}
		j := i
		for j < len(toks) && (isNameToken(toks[j]) || lexicon.Connectors().Has(toks[j].text) && j > i && j+1 < len(toks) && toks[j+1].capitalized()) {
			j++
			if isPossessive(toks[j-1].text) {
				break
			}
		}
		a := i
		for x := i; x < j; x++ {
			if isTitleWord(toks[x]) || x == i && lexicon.SentenceStarters().Has(toks[x].low) {
				a = x + 1
			}
		}
		i = j
		if a >= j {
			continue
		}
		name := strings.TrimSuffix(strings.TrimSuffix(ex.text[toks[a].start:toks[j-1].end], "'s"), "’s")
		name = cutOfPlace(stripDescriptor(name))
		var e *entity
		if f := strings.Fields(name); len(f) >= 2 {
			e = ex.ents.byName[strings.ToLower(name)]
		} else if len(f) == 1 {
			e = ex.ents.findByWord(strings.ToLower(f[0]), toks[a].start, true)
		}
		if e == nil || e.org || !e.personLike() {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
		// "Jane Roe, 50,": an age marks a person
		if j+1 < len(toks) && toks[j].text == "," && isNumber(toks[j+1].text) {
			aged = true
		}
		// "Director of X, Kevin Haley, agreed": a full name set off by
		// commas after a role
		if a > 1 && toks[a-1].text == "," && j < len(toks) && toks[j].text == "," && len(strings.Fields(name)) >= 2 {
			aged = true
		}
		// "Donald Tusk, the president of ...": a role marks a person
		if j+2 < len(toks) && toks[j].text == "," && lexicon.Determiners().Has(toks[j+1].low) {
			for x := j + 2; x < len(toks) && x < j+maxApposRoleTokens && toks[x].word; x++ {
				if isTitleWord(toks[x]) || lexicon.PersonNouns().Has(toks[x].low) {
					aged = true
					break
				}
			}
		}
	}
	if found == nil || found.gender != genderUnknown && found.gender != want {
		return nil
	}
	// two capitalised words may be a place or a company ("Kinder Morgan"):
	// only a known person (gender, a title, a quote of theirs, an age) counts
	if found.gender != want && !found.spoke && !hasTitleWord(found.title) && !aged {
		return nil
	}
	return found
}

// authorOf finds, for the quote at index i whose source is "the <noun>",
// the speaker of an earlier quote (within two paragraphs) whose sentence
// mentions that noun ("Philip Cross wrote in a recent report").
func (ex *extractor) authorOf(i int, noun string) *entity {
	c := &ex.cands[i]
	for k := i - 1; k >= 0; k-- {
		p := &ex.cands[k]
		if p.para < c.para-maxAuthorParagraphs {
			break
		}
		if p.ent == nil || p.sentE <= p.sentS {
			continue
		}
		if strings.Contains(strings.ToLower(ex.text[p.sentS:p.sentE]), noun) {
			return p.ent
		}
	}
	return nil
}

const (
	// minGroupNameBytes is the shortest plural group name ("the Liberals") that
	// "they" may refer to, in bytes. Introduced in e54bdf0. Measured at b75dbd0
	// on bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
	// 93.0/97.6 at 3, 4 (chosen), 5 and 8 alike (some quotes differ, no score
	// does).
	minGroupNameBytes = 4
	// maxDocAuthorSentences is how many sentences back the author of a document
	// ("a study by X") is looked for. Introduced in 06418d0. Measured at
	// b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker accuracy): at 2:
	// 91.0/89.9 and 93.0/97.4; at 3 (chosen): 91.0/89.9 and 93.0/97.6; at 4:
	// 91.0/89.9 and 93.0/97.6; at 6: 91.0/89.9 and 93.0/97.6.
	maxDocAuthorSentences = 3
	// maxDocAuthorTokens is the longest author name after "a study by", in
	// tokens. Introduced in 06418d0. Measured at b75dbd0 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): at 5: 91.0/89.9 and 93.0/97.4; at
	// 7: 91.0/89.9 and 93.0/97.6; at 10 (chosen): 91.0/89.9 and 93.0/97.6; at
	// 20: 91.0/89.9 and 93.0/97.6.
	maxDocAuthorTokens = 10
	// maxSkippedLayoutSentences is how many headline, caption and label
	// sentences a he/she looks past to the sentence before. Introduced in
	// 1632eac. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 3, 4 (chosen), 5 and 8 alike (no
	// extracted quote differs).
	maxSkippedLayoutSentences = 4
	// maxApposRoleTokens is how far (tokens) after "Name, the" a role word
	// marks the name as a person's. Introduced in 1632eac. Measured at b75dbd0
	// on bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
	// 93.0/97.6 at 5, 6 (chosen), 7 and 12 alike (no extracted quote differs).
	maxApposRoleTokens = 6
	// maxDocAuthorParagraphs is how many paragraphs back (within
	// maxDocAuthorSentences) the author of a document ("a study by X") is
	// looked for. A bare literal until 0e315c7. Measured at 0e315c7 on
	// bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.1/90.1 and
	// 93.0/97.6 at 1, 2 (chosen), 3 and 4 alike (as many quotes predicted,
	// matched and rightly attributed).
	maxDocAuthorParagraphs = 2
	// maxAuthorParagraphs is how many paragraphs back an earlier quote's
	// speaker is looked for as the author of a document noun ("Philip Cross
	// wrote in a recent report"). A bare literal until 0e315c7. Measured at
	// 0e315c7 on bbc-train and ggt-dev (quote F1 / speaker accuracy): at 1:
	// 91.1/90.1 and 93.0/97.6; at 2 (chosen): 91.1/90.1 and 93.0/97.6; at 3:
	// 91.1/90.1 and 93.0/97.4; at 4: 91.1/90.1 and 93.0/97.4.
	maxAuthorParagraphs = 2
	// maxInitialismBytes is the longest all-capital word ("US", "EU") that
	// prevSentenceActor passes over as no actor. A bare literal until 0e315c7.
	// Measured at 0e315c7 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.1/90.1 and 93.0/97.6 at 1, 2 (chosen), 3 and 4 alike (as
	// many quotes predicted, matched and rightly attributed).
	maxInitialismBytes = 2
)

// mainSubject returns the person who opens the sentence of c when c's
// pronoun speaker opens a clause linked inside that sentence ("Mr Roe quit
// after he said ...", "Ms Lind smiled as she said ..."): the pronoun then
// refers to the main clause's subject, if its gender allows.
func (ex *extractor) mainSubject(c *cand, sp np) *entity {
	if c.sent < 0 || c.sent >= len(ex.sents) {
		return nil
	}
	toks := ex.sents[c.sent].toks
	p := tokenAt(toks, sp.start)
	if p < 2 || p >= len(toks) || !lexicon.ClauseLinks().Has(toks[p-1].low) {
		return nil
	}
	first := subjectNP(ex.text, toks, p-1)
	if first.name == "" || first.pronoun != "" {
		return nil
	}
	e := ex.ents.resolveName(first.name, first.start)
	if e == nil {
		return nil
	}
	want := male
	if sp.pronoun == "she" {
		want = female
	}
	if g, ok := honorificGender(strings.ToLower(first.title)); ok {
		// "Mr Roe": the honorific tells
		if g != want {
			return nil
		}
		return e
	}
	if !e.personLike() || !e.genderFits(want, true) {
		return nil
	}
	return e
}

// sentenceOpensWith reports whether the sentence of a pronoun cue opens with
// the last word of person e's name ("Macharia and some colleagues hid under
// desks, he said, ..."): then the pronoun does not refer to e.
func (ex *extractor) sentenceOpensWith(c *cand, e *entity) bool {
	f := strings.Fields(e.name)
	if len(f) < 2 || e.org || c.sent < 0 || c.sent >= len(ex.sents) {
		return false
	}
	toks := ex.sents[c.sent].toks
	k := 0
	for k < len(toks) && !toks[k].word {
		k++
	}
	if k+1 >= len(toks) || toks[k].text != f[len(f)-1] || toks[k].start >= c.sp.start {
		return false
	}
	// the name is the subject of the reported clause, not of the cue
	next := toks[k+1]
	return next.word && !isCueToken(toks, k+1) && next.low != "who" || next.text == ","
}

// contrasted reports whether a sentence shortly before c's cue (in the same
// or the previous paragraph) opens "Unlike E, <pronoun>": the pronoun then
// names someone other than person e.
func (ex *extractor) contrasted(c *cand, e *entity, pronoun string) bool {
	if c.sent < 0 || c.sent >= len(ex.sents) || e.org {
		return false
	}
	f := strings.Fields(strings.ToLower(e.name))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	para := ex.sents[c.sent].para
	for i := c.sent; i >= 0 && c.sent-i < maxContrastSentences && para-ex.sents[i].para <= 1; i-- {
		toks := ex.sents[i].toks
		if len(toks) < 4 || toks[0].low != "unlike" {
			continue
		}
		k := 1
		for k < len(toks) && toks[k].capitalized() && !toks[k].quoted {
			k++
		}
		if k == 1 || k+1 >= len(toks) || toks[k].text != "," || strings.TrimSuffix(strings.TrimSuffix(toks[k-1].low, "’s"), "'s") != last {
			continue
		}
		p := toks[k+1].low
		if p == pronoun || strings.HasPrefix(p, pronoun+"'") || strings.HasPrefix(p, pronoun+"’") {
			return true
		}
	}
	return false
}

// namesInQuote reports whether the quote c names person e in the third
// person ("it was something he (Kerr) looked at"): a speaker does not
// name themselves so, and the quote is likelier someone else's.
func (ex *extractor) namesInQuote(c *cand, e *entity) bool {
	last := strings.Fields(e.name)
	if len(last) == 0 || c.s < 0 || c.e > len(ex.text) || c.s >= c.e {
		return false
	}
	w := last[len(last)-1]
	if lexicon.DateWords().Has(strings.ToLower(w)) {
		// "Theresa May": "In May we will vote" names a month
		return false
	}
	q := ex.text[c.s:c.e]
	for k := range wordStarts(q, w) {
		if unicode.IsLetter(runeBefore(q, k, 0)) {
			continue
		}
		// a capitalised word opening a sentence may be any word
		if p, _ := runeBeforeSpaces(q, k); p != 0 && p != '.' && p != '?' && p != '!' && p != '"' && p != '“' {
			return true
		}
	}
	return false
}
