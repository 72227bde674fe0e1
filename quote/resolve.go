package quote

import (
	"strings"

	"newsbot/lexicon"
)

// inSubordinate reports whether the speaker phrase sp of c lies in a
// subordinate clause that opens its sentence ("Although Trump has tweeted
// that ..., ..."): right after the subordinator.
func (ex *extractor) inSubordinate(c *cand, sp np) bool {
	if c.sent < 0 || c.sent >= len(ex.sents) {
		return false
	}
	toks := ex.sents[c.sent].toks
	if len(toks) == 0 || !lexicon.Subordinators().Has(toks[0].low) {
		return false
	}
	// the speaker opens the clause, right after the subordinator
	for k := 1; k < len(toks) && k <= maxSubordinateSubjectStart; k++ {
		if toks[k].start == sp.start {
			return true
		}
		if !toks[k].word {
			return false
		}
	}
	return false
}

// resolve assigns canonical speakers in text order.
func (ex *extractor) resolve() {
	var prev *cand
	for i := range ex.cands {
		c := &ex.cands[i]
		if c.sp.empty() && !c.inherit {
			// an outlet alone is the source ("..., according to CNN")
			prev = c
			continue
		}
		if c.inherit && !c.fromSentence {
			ex.takeBareAttribution(i)
		}
		if c.inherit {
			ex.inheritSpeaker(i)
			prev = c
			continue
		}
		sp := c.sp
		if sp.name == "" && sp.pronoun == "" && lexicon.SurnameWords().Has(strings.ToLower(sp.text)) && isUpperStart(sp.text) {
			// "Green said": a surname that is also a title word
			sp.name, sp.role = sp.text, ""
		}
		if e := ex.speakerEntity(i, sp, prev); e != nil {
			e.spoke = true
			c.ent = e
			c.speaker = e.name
			c.title = e.title
			if sp.title != "" && sp.name != "" {
				c.title = sp.title
			}
			ex.ents.addSalientMinor(sp.start, e, ex.inSubordinate(c, sp))
			ex.learnGender(c, e)
		}
		prev = c
	}
}

// takeBareAttribution gives the floating quote ex.cands[i] the speaker of
// a bare attribution in the next sentence ("X said in a statement."), when
// no other quote comes before it.
func (ex *extractor) takeBareAttribution(i int) {
	c := &ex.cands[i]
	for _, b := range ex.bare {
		if b.sent == c.sent+1 && (i+1 >= len(ex.cands) || ex.cands[i+1].sent > b.sent) {
			c.sp, c.cue, c.inherit = b.sp, b.cue, false
			if c.outlet == "" {
				c.outlet = b.outlet
			}
		}
	}
}

// inheritSpeaker gives ex.cands[i] the speaker, title and outlet of the
// quote it inherits from (see inheritSource).
func (ex *extractor) inheritSpeaker(i int) {
	c := &ex.cands[i]
	src := ex.inheritSource(i)
	if src == nil {
		return
	}
	c.speaker, c.title, c.ent = src.speaker, src.title, src.ent
	if c.outlet == "" {
		c.outlet = src.outlet
	}
}

// speakerEntity resolves the speaker phrase sp of ex.cands[i] to an
// entity, or nil; prev is the quote before.
func (ex *extractor) speakerEntity(i int, sp np, prev *cand) *entity {
	c := &ex.cands[i]
	switch {
	case sp.pronoun == "" && unitName(sp.text) != "":
		// "Cisco System's Talos cybersecurity unit" is Talos
		e := ex.ents.entity(unitName(sp.text))
		e.org = true
		return e
	case sp.pronoun != "":
		return ex.pronounSpeaker(c, sp, prev)
	case sp.name != "":
		return ex.namedSpeaker(c, sp)
	case sp.role != "" && (lexicon.OrgRoles().Has(sp.role) || lexicon.DocumentNouns().Has(sp.role) || sp.role == "statement"):
		return ex.orgSpeaker(i, sp, prev)
	case sp.role != "" && sp.affiliated:
		// "the lawyer for X", "An official with X": a nameless person
		// of that organisation, not an earlier person with the role
		e := ex.ents.entity(strings.TrimSpace(sp.text))
		e.introduced, e.anonymous, e.org = true, true, false
		return e
	case sp.role != "" && anonymousSources(sp):
		// "sources familiar with the negotiations", later "people
		// familiar with the bid" and "sources": one pool of unnamed
		// sources, named as first introduced
		if ex.anonSources == nil {
			ex.anonSources = ex.ents.entity(strings.TrimSpace(sp.text))
			ex.anonSources.org = false
		}
		return ex.anonSources
	case sp.role != "":
		return ex.roleSpeaker(c, sp)
	}
	return nil
}

// pronounSpeaker resolves a pronoun speaker (he, she, they, it).
func (ex *extractor) pronounSpeaker(c *cand, sp np, prev *cand) *entity {
	var e *entity
	switch sp.pronoun {
	case "he", "she":
		e = ex.ents.resolvePronounExcept(sp.pronoun, sp.start, pronounWindow, span{c.s, c.e})
		if alt := ex.prevSentencePerson(c, sp); alt != nil {
			e = alt
		}
		if alt := ex.mainSubject(c, sp); alt != nil {
			e = alt
		}
		if e == nil && prev != nil && prev.ent != nil && !prev.ent.org {
			e = prev.ent
		}
		if e == nil {
			// no speaker or subject fits: the nearest person named
			// before ("For Jane Roe and other refugees, ...")
			e = ex.ents.nearestPerson(sp.pronoun, sp.start, pronounWindow, span{c.s, c.e})
		}
		if e != nil && ex.contrasted(c, e, sp.pronoun) {
			// "Unlike Al Mnajer, he has been unable to find work":
			// he is someone other than the person contrasted
			alt := ex.ents.resolvePronounAvoid(sp.pronoun, sp.start, pronounWindow, span{c.s, c.e}, e)
			if alt == nil || lastWord(alt.name) == lastWord(e.name) {
				alt = ex.ents.nearestPersonAvoid(sp.pronoun, sp.start, pronounWindow, span{c.s, c.e}, e)
			}
			e = alt
		}
		if e != nil && ex.sentenceOpensWith(c, e) {
			// "Macharia hid under desks, he said": he is not
			// Macharia but the person in focus before
			if alt := ex.ents.resolvePronounAvoid(sp.pronoun, sp.start, pronounWindow, span{c.s, c.e}, e); alt != nil {
				e = alt
			}
		}
	case "they", "it":
		if !c.antecedent.empty() {
			// "The Conservatives believe ...; they say"
			e = ex.ents.entity(strings.TrimSpace(c.antecedent.text))
			e.org = true
			return e
		}
		if sp.pronoun == "they" {
			// "Key to the Liberals' hopes is ... . Almost all
			// revenues, they promise, ...": a named group just
			// before
			e = ex.pluralGroup(c, sp.start)
		}
		if e == nil {
			e = ex.ents.resolvePronoun(sp.pronoun, sp.start, pronounWindow)
		}
		if e != nil && sp.pronoun == "they" && e.personLike() {
			e = nil
		}
	}
	return e
}

// namedSpeaker resolves a named speaker; an outlet's name becomes c's
// outlet instead (an outlet is a source, not a speaker).
func (ex *extractor) namedSpeaker(c *cand, sp np) *entity {
	if name, ok := CanonicalOutlet(sp.name); ok {
		if c.outlet == "" {
			c.outlet = name
		}
		return nil
	}
	var e *entity
	if sp.exact && !strings.Contains(sp.name, " ") {
		e = ex.ents.entity(sp.name)
		e.introduced = true
		if e.title == "" {
			e.title = sp.title
		}
	} else {
		e = ex.ents.resolveName(sp.name, sp.start)
		if sp.title != "" && e.title == "" {
			e.title = sp.title
		}
		if titleIsOrg(sp.title) {
			e.org = true
		}
	}
	for w := range strings.FieldsSeq(strings.ToLower(sp.title)) {
		if g, ok := wordGender(w); ok && e.gender == genderUnknown {
			e.gender = g
		}
	}
	return e
}

// orgSpeaker resolves "the company", "the city", "a statement": an
// organisation named earlier, else the phrase itself.
func (ex *extractor) orgSpeaker(i int, sp np, prev *cand) *entity {
	c := &ex.cands[i]
	var e *entity
	orgRole := lexicon.OrgRoles().Has(sp.role)
	if orgRole && strings.EqualFold(firstWord(sp.text), "the") {
		e = ex.theOrg(c, sp)
	}
	det := strings.ToLower(firstWord(sp.text))
	if e == nil && (det == "his" || det == "her") {
		e = ex.ents.resolvePronoun(possessorPronoun(det), sp.start, pronounWindow)
	}
	if e == nil && lexicon.DocumentNouns().Has(sp.role) {
		// "the Civic Action study", "the NAO report": the
		// organisation the phrase names behind the document, in
		// full when it was named before ("National Audit Office")
		if n := documentOwner(sp.text, sp.role); n != "" {
			e = ex.ents.resolveName(n, sp.start)
			if e != nil {
				e.org = true
			}
		}
	}
	if e == nil && det == "the" && !orgRole {
		// "the report said": whoever was said to have written it
		e = ex.authorOf(i, sp.role)
	}
	if e == nil && det == "the" && lexicon.DocumentNouns().Has(sp.role) {
		// "A study by the University of Calgary's School of Public
		// Policy analyzed ... “...,” the report said."
		e = ex.docAuthor(c)
	}
	if e == nil && !orgRole && (det == "a" || det == "an" || det == "the" || det == "its") && prev != nil && prev.para == c.para && prev.ent != nil {
		// "Gatsby said ... A statement said": the same source
		e = prev.ent
	}
	if e == nil {
		e = ex.ents.entity(strings.TrimSpace(sp.text))
		e.org = true
	}
	return e
}

// theOrg resolves "the <organisation role>" ("the city", "the company") to
// an organisation named before, or nil.
func (ex *extractor) theOrg(c *cand, sp np) *entity {
	e := ex.ents.orgNamed(sp.role, sp.start, pronounWindow)
	if e == nil {
		// "the city" is the City of Surrey named further back
		e = ex.ents.orgNamedMost(sp.role, sp.start)
	}
	if e == nil && lexicon.GenericOrgNouns().Has(sp.role) {
		e = ex.ents.lastOrgSpeaker(sp.start, pronounWindow)
		// an organisation that opened a sentence since then
		// is the nearer referent
		if o, at := ex.ents.lastOrgSubject(sp.start, orgSubjectWindow); o != nil && (e == nil || at > ex.ents.lastSalientPos(e, sp.start)) {
			e = o
		}
		if e == nil {
			e = ex.prevSentenceActor(c)
		}
		if e == nil {
			// "Standard Life has 2.4 million policyholders. Last year,
			// the company announced ...": a proper name that is no
			// person's, though it holds no organisation word
			e, _ = ex.ents.lastProperOrg(sp.start, pronounWindow)
		}
	}
	if e == nil && lexicon.CompanyKindNouns().Has(sp.role) {
		// "Vantor Air carried more passengers. The airline said"
		e, _ = ex.ents.lastProperOrg(sp.start, pronounWindow)
	}
	return e
}

// possessorPronoun is the pronoun of a possessive determiner: "he" for
// "his", "she" for "her".
func possessorPronoun(det string) string {
	if det == "her" {
		return "she"
	}
	return "he"
}

// roleSpeaker resolves a role phrase ("the minister", "a resident", "his
// spokesman") to the person it refers to, else to the phrase itself.
func (ex *extractor) roleSpeaker(c *cand, sp np) *entity {
	var e *entity
	det := strings.ToLower(firstWord(sp.text))
	indefinite := det == "a" || det == "an" || det == "one" || det == "another"
	if pre := strings.Fields(ex.text[max(0, sp.start-determinerLookback):sp.start]); len(pre) > 0 {
		// "One former director": the phrase may leave out its
		// sentence-initial determiner
		switch strings.ToLower(pre[len(pre)-1]) {
		case "one", "a", "an", "another":
			indefinite = true
		}
	}
	orgRole, personNoun := lexicon.OrgRoles().Has(sp.role), lexicon.PersonNouns().Has(sp.role)
	if !isPluralRole(sp.role) && !indefinite && !sp.affiliated {
		// "traders" are not the one person titled "trader"; "one
		// former director" is someone new
		e = ex.ents.resolveRole(sp.role, sp.start)
	}
	if indefinite && personNoun {
		// "One former director indicated ... . Joseph Manzoli told
		// the Globe ...": the person named right after
		e = ex.namedNext(c)
	}
	if e == nil && (det == "his" || det == "her") && !orgRole {
		// "her statement read", "his spokesman said": the owner
		if lexicon.OwnedMessages().Has(sp.role) {
			e = ex.ents.resolvePronoun(possessorPronoun(det), sp.start, pronounWindow)
		}
	}
	if e == nil && !lexicon.Determiners().Has(det) && !orgRole && !strings.HasSuffix(sp.role, "s") && personNoun {
		// "the lanky, bespectacled professor said"
		e = ex.ents.lastPerson(sp.start, pronounWindow)
	}
	if e == nil && orgRole && lexicon.Determiners().Has(det) {
		e = ex.ents.lastOrgSpeaker(sp.start, pronounWindow)
	}
	if e == nil && det == "the" && !orgRole && (!strings.HasSuffix(sp.role, "s") || strings.Contains(sp.role, "-")) {
		// a definite description ("the 26-year-old right wing")
		// refers back to the last person in focus
		e = ex.ents.lastPerson(sp.start, pronounWindow)
	}
	if e == nil {
		e = ex.ents.entity(strings.TrimSpace(sp.text))
		if g, ok := wordGender(sp.role); ok {
			e.gender = g
		}
		if (det == "a" || det == "an") && personNoun {
			// "a private security professional told Reuters ...
			// he said": a nameless person he/she may refer to
			e.introduced, e.anonymous = true, true
			// "An official with X Services" is a person
			e.org = false
		}
	}
	return e
}

const (
	// pronounWindow is how far back (bytes) a pronoun or a description ("the
	// company", "the professor") may reach for its referent. Introduced in
	// cffae27 (first staged extractor), where it was a bare literal twice.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): at 1500: 91.0/89.9 and 93.0/97.6; at 2250: 91.0/89.9 and
	// 93.0/97.6; at 3000 (chosen): 91.0/89.9 and 93.0/97.6; at 6000: 91.0/89.9
	// and 93.0/97.3.
	pronounWindow = 3000
	// orgSubjectWindow is how far back (bytes) an organisation that opened a
	// sentence counts as the nearer referent of "the company". Introduced in
	// d32f6c6. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 500, 750, 1000 (chosen) and 2000
	// alike (no extracted quote differs).
	orgSubjectWindow = 1000
	// determinerLookback is how many bytes before a role phrase are read for a
	// determiner it left out ("One former director"). Introduced in a0d5d0b.
	// Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 6, 9, 12 (chosen) and 24 alike (no
	// extracted quote differs).
	determinerLookback = 12
)

// learnGender: "X said she ..." tells X's gender.
func (ex *extractor) learnGender(c *cand, e *entity) {
	if e.gender != genderUnknown || e.org {
		return
	}
	w := firstWord(ex.text[c.s:c.e])
	switch strings.ToLower(w) {
	case "she", "her":
		e.gender = female
	case "he", "his":
		e.gender = male
	}
}

// inheritSource finds the quote a floating quote takes its speaker from:
// the attributed quote of the same sentence, else the nearest earlier
// attributed quote in the same or previous paragraph, else a following
// attributed quote in the same paragraph.
func (ex *extractor) inheritSource(i int) *cand {
	c := &ex.cands[i]
	var src *cand
	for k := i - 1; k >= 0; k-- {
		p := &ex.cands[k]
		if p.para < c.para-1 {
			break
		}
		if p.speaker != "" {
			src = p
			break
		}
	}
	if src == nil {
		for k := i + 1; k < len(ex.cands); k++ {
			p := &ex.cands[k]
			if p.para != c.para {
				break
			}
			if !p.inherit && !p.sp.empty() && p.sent == c.sent {
				return p
			}
		}
	}
	// A person introduced as a sentence subject after that quote (and
	// before this one) is the likelier speaker of a quote that follows.
	floor := c.s - inheritWindow
	if src != nil {
		floor = src.e
	}
	if !c.fromSentence {
		if e := ex.ents.subjectBetween(floor, c.s); e != nil && (src == nil || e != src.ent) && !ex.namesInQuote(c, e) {
			return &cand{speaker: e.name, title: e.title, ent: e}
		}
	}
	return src
}

// unitName returns the proper name of an organisation's unit named with
// its owner ("Cisco System's Talos cybersecurity unit" -> "Talos"), or "".
func unitName(name string) string {
	f := strings.Fields(name)
	if len(f) < 3 || !lexicon.UnitHeads().Has(strings.ToLower(f[len(f)-1])) {
		return ""
	}
	p := -1
	for k, w := range f {
		if isPossessive(w) {
			p = k
		}
	}
	if p < 0 || p+1 >= len(f)-1 {
		return ""
	}
	var own []string
	for _, w := range f[p+1 : len(f)-1] {
		if !isUpperStart(w) {
			break
		}
		own = append(own, w)
	}
	if len(own) == 0 {
		return ""
	}
	return strings.Join(own, " ")
}

// documentOwner returns the proper name before a document noun ("the
// Civic Action study" -> "Civic Action", "Statistics Canada's latest
// report" -> "Statistics Canada"), or "".
func documentOwner(phrase, noun string) string {
	f := strings.Fields(phrase)
	if len(f) < 2 || strings.ToLower(f[len(f)-1]) != noun {
		return ""
	}
	f = f[:len(f)-1]
	if lexicon.Determiners().Has(strings.ToLower(f[0])) {
		f = f[1:]
	}
	// lower-case modifiers after the name ("'s latest", "'s new")
	for len(f) > 0 && !isUpperStart(f[len(f)-1]) {
		f = f[:len(f)-1]
	}
	if len(f) == 0 || len(f) > maxOwnerWords {
		return ""
	}
	for _, w := range f {
		if !isUpperStart(w) && !lexicon.Connectors().Has(w) {
			return ""
		}
	}
	name := strings.Join(f, " ")
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	if _, outlet := CanonicalOutlet(name); outlet || len(name) < 2 {
		return ""
	}
	return name
}

// anonymousSources reports a phrase naming unnamed sources: a plural
// "sources" alone, or sources or people "familiar with" something ("people
// familiar with the bid", "sources familiar with the situation").
func anonymousSources(sp np) bool {
	t := strings.ToLower(strings.TrimSpace(sp.text))
	switch sp.role {
	case "sources":
		return t == "sources" || strings.Contains(t, " familiar with ")
	case "people", "persons":
		return strings.HasPrefix(t, sp.role+" familiar with ")
	}
	return false
}

const (
	// inheritWindow is how far back (bytes) a floating quote with no earlier
	// attributed quote looks for a sentence subject to inherit. Introduced in
	// d1f0b83. Measured at b75dbd0 on bbc-train and ggt-dev (quote F1 / speaker
	// accuracy): 91.0/89.9 and 93.0/97.6 at 750, 1125, 1500 (chosen) and 3000
	// alike (no extracted quote differs).
	inheritWindow = 1500
	// maxOwnerWords is the longest proper name before a document noun ("the
	// Civic Action study"). Introduced in d92914e. Measured at b75dbd0 on
	// bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
	// 93.0/97.6 at 4, 5 (chosen), 6 and 10 alike (no extracted quote differs).
	maxOwnerWords = 5
	// maxContrastSentences is how many sentences back "Unlike X, he ..." is
	// looked for. Introduced in 9b26cdf. Measured at b75dbd0 on bbc-train and
	// ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and 93.0/97.6 at 3, 4
	// (chosen), 5 and 8 alike (no extracted quote differs).
	maxContrastSentences = 4
)
