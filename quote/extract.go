package quote

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/lexicon"
	"newsbot/news"
)

// cand is a quote found by the detection stages, before speakers are
// resolved to canonical names.
type cand struct {
	s, e   int // span of the quote text
	kind   news.QuoteKind
	sp     np // speaker phrase at the cue (may be empty)
	cue    string
	outlet string
	para   int
	sent   int // sentence serial number in the article
	// sentS, sentE: the sentence span, for looking back at what it says
	sentS, sentE int
	// antecedent: the plural subject of the sentence, for "they"
	antecedent np
	// inherit: the speaker comes from the previous attributed quote
	// (floating quotes, ", adding that ...").
	inherit bool
	// fromSentence: inherit from the attributed quote of the same sentence.
	fromSentence bool
	conf         float64
	// resolved
	speaker, title string
	ent            *entity
}

// Extract returns the quotes of an article text in text order, with byte
// spans into text (text[q.Start:q.End] == q.Text). Direct quotes exclude
// their quotation marks; indirect quotes are the reported clause.
func Extract(text string) []news.Quote {
	if !utf8.ValidString(text) {
		// Spans must index the caller's text: give up on invalid input
		// rather than return offsets into a different string.
		return nil
	}
	ex := &extractor{text: text, ents: newEntities()}
	ex.ents.text = text
	ex.run()
	return ex.output()
}

type extractor struct {
	text  string
	ents  *entities
	cands []cand
	bare  []bareAttr
	sents []sentence
	// anonSources is the article's pool of unnamed sources ("sources
	// familiar with the matter"), once one has spoken.
	anonSources *entity
}

// bareAttr is a sentence that only says who spoke ("X said in a
// statement."), attributing the quote right before it.
type bareAttr struct {
	sent   int
	sp     np
	cue    string
	outlet string
}

// sentence is one sentence with its tokens and quotes.
type sentence struct {
	sp     span
	para   int
	toks   []token
	quotes []qspan
	serial int
	// headline: a short line without final punctuation (a title or
	// subheading), where "X says Y" is not annotated speech.
	headline bool
	// caption: a photo caption (the paragraph ends with a credit such as
	// "(Jane Doe/Reuters)"); its people are not in the story's focus.
	caption bool
}

func (ex *extractor) run() {
	text := ex.text
	var sents []sentence
	for _, p := range paragraphs(text) {
		qs := findQuotes(text, p.start, p.end)
		for _, ss := range splitSentences(text, p.start, p.end, qs) {
			s := sentence{sp: ss, para: p.index, serial: len(sents)}
			s.headline = isHeadline(text, p.start, p.end)
			s.caption = isCaption(text, p.start, p.end)
			s.toks = tokenize(text, ss.start, ss.end)
			for _, q := range qs {
				o := q.outer()
				if o.start >= ss.start && o.start < ss.end {
					s.quotes = append(s.quotes, q)
				}
			}
			markQuoted(s.toks, s.quotes)
			sents = append(sents, s)
		}
	}
	// Stage 1: names of the article (for short names and pronouns).
	for _, s := range sents {
		ex.ents.collectNames(text, s.toks, s.headline, s.caption)
		if personSubject(s.toks) {
			ex.ents.focus = append(ex.ents.focus, s.sp.start)
		}
	}
	ex.sents = sents
	// Stage 2: quotes and cues per sentence.
	for i := range sents {
		ex.sentenceQuotes(&sents[i])
	}
	ex.pullQuotes(sents)
	ex.tweetQuotes(sents)
	// Stage 3: speakers, in text order.
	sort.SliceStable(ex.cands, func(i, j int) bool { return ex.cands[i].s < ex.cands[j].s })
	ex.resolve()
	ex.paragraphOutlets()
}

// paragraphOutlets carries an outlet that opens a sentence ("As the BBC
// reported,", "According to Reuters,") over to the same speaker's quote
// in the next sentence of the paragraph: in "As the BBC reported, Blinken
// said ... He argued that ...", the report covers both. An outlet the
// speaker talked to ("told the BBC") covers only its own sentence.
func (ex *extractor) paragraphOutlets() {
	for i := 1; i < len(ex.cands); i++ {
		c, p := &ex.cands[i], &ex.cands[i-1]
		if c.outlet == "" && p.outlet != "" && c.para == p.para && c.sent == p.sent+1 && c.ent != nil && c.ent == p.ent && ex.scopeOutlet(p.sent) {
			c.outlet = p.outlet
		}
	}
}

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
		if isTitleWord(t) || lexicon.DayWords().Has(l) || lexicon.SentenceStarters().Has(l) || lexicon.Pronouns().Has(l) || strings.ToUpper(t.text) == t.text && len(t.text) <= 2 {
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
			if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.ToUpper(w) == w {
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
	for n := c.sent - 1; n >= 0 && n >= c.sent-3; n-- {
		if ex.sents[n].para < ex.sents[c.sent].para-2 {
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
			for b < len(toks) && b < a+10 && toks[b].word && !toks[b].quoted && (toks[b].capitalized() || (lexicon.Connectors().Has(toks[b].text) || toks[b].low == "for" || toks[b].low == "of" || toks[b].low == "on") && b+1 < len(toks) && toks[b+1].capitalized() || isPossessive(toks[b].text)) {
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

// noVerbBefore reports whether toks[:b] hold no verb or cue: a bare
// subject ("The Prime Minister").
func noVerbBefore(toks []token, b int) bool {
	for k := 0; k < b; k++ {
		t := toks[k]
		if !t.word {
			if t.text == "," || t.text == ":" {
				return false
			}
			continue
		}
		if lexicon.FiniteVerbs().Has(t.low) || lexicon.Auxiliaries().Has(t.low) || cueVerbsHas(t.low) || strings.HasSuffix(t.low, "ed") {
			return false
		}
	}
	return true
}

// earlierSpeaker reports whether a reporting verb with a named or pronoun
// speaker comes before token c in the sentence, outside quotes.
func (ex *extractor) earlierSpeaker(toks []token, c int) bool {
	for k := 1; k < c; k++ {
		if toks[k].quoted || lexicon.ParticipleCues().Has(toks[k].low) || !isCueToken(toks, k) {
			continue
		}
		if sp := backNP(ex.text, toks, k, 0); sp.name != "" || sp.pronoun == "he" || sp.pronoun == "she" {
			return true
		}
	}
	return false
}

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
	for k := 1; k < len(toks) && k <= 3; k++ {
		if toks[k].start == sp.start {
			return true
		}
		if !toks[k].word {
			return false
		}
	}
	return false
}

// cleanTitle drops a title that is only an honorific ("Mr", "Dr.", "Sir")
// or an age ("41"): neither is a role.
//
// What is left must read as a role: honorifics and name pieces at its
// ends go ("manager Sir" is "manager"), a relative clause is cut ("UK
// investment banker who has held talks ..." is "UK investment banker"),
// and a title with no role noun ("versatile", "stated", "Oxfam's") is
// none.
func cleanTitle(t string) string {
	t = cutClause(t)
	f := strings.Fields(strings.ReplaceAll(t, ",", " "))
	strip := func(w string) bool {
		l := strings.ToLower(w)
		_, h := honorificGender(l)
		return h || l == "dr" || l == "dr." || l == "prof" || isNumber(w) || isPossessive(w) && isUpperStart(w)
	}
	for len(f) > 0 && strip(f[len(f)-1]) {
		f = f[:len(f)-1]
	}
	for len(f) > 0 && strip(f[0]) {
		f = f[1:]
	}
	if len(f) == 0 || !hasRoleNoun(f) {
		return ""
	}
	if i := strings.Index(t, f[0]); i >= 0 {
		if j := strings.LastIndex(t, f[len(f)-1]); j >= i {
			return strings.TrimSpace(t[i : j+len(f[len(f)-1])])
		}
	}
	return strings.Join(f, " ")
}

// speakerKind tells a named person or organisation from a group or a
// nameless description ("Analysts", "a spokesman for the ministry"), which
// are sources but nobody to count among the most quoted.
func speakerKind(c cand) news.SpeakerKind {
	if c.speaker == "" {
		return ""
	}
	f := strings.Fields(c.speaker)
	if !isUpperStart(f[0]) && !isNumber(f[0]) || lexicon.Determiners().Has(strings.ToLower(f[0])) || c.ent != nil && c.ent.anonymous {
		return news.SpeakerGroup
	}
	if len(f) == 1 && isPluralRole(strings.ToLower(f[0])) && (lexicon.PersonNouns().Has(strings.TrimSuffix(strings.ToLower(f[0]), "s")) || lexicon.Quantifiers().Has(strings.ToLower(f[0]))) {
		// "Analysts", "Critics", "Some"
		return news.SpeakerGroup
	}
	if c.ent != nil && c.ent.org && c.ent.gender == genderUnknown && !firstNameKnown(c.speaker) {
		return news.SpeakerOrganisation
	}
	return news.SpeakerPerson
}

// speakerTitle is the role shown with c's speaker: none for an
// organisation or group, as the annotation protocol has it (a role is a
// person's job, title or description).
func speakerTitle(c cand) string {
	if e := c.ent; e != nil && e.org && e.gender == genderUnknown && !firstNameKnown(e.name) {
		return ""
	}
	return cleanTitle(c.title)
}

// firstNameKnown reports whether a name of two or more words starts with a
// first name of the name table, of either sex ("Tom Haldane", not
// "Halvard Lines"): such a name is a person's even when a title made it
// look like an organisation.
func firstNameKnown(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 {
		return false
	}
	_, ok := lexicon.FirstNames().Get(strings.ToLower(f[0]))
	return ok
}

// cutClause ends a title before a relative or participle clause ("banker
// who has held talks", "minister, speaking on Monday").
func cutClause(t string) string {
	f := strings.Fields(t)
	for i, w := range f {
		l := strings.ToLower(strings.Trim(w, ","))
		if i > 0 && (l == "who" || l == "which" || l == "that" || l == "whose" || lexicon.ParticipleCues().Has(l)) {
			return strings.TrimRight(strings.Join(f[:i], " "), ", ")
		}
	}
	return t
}

// hasRoleNoun reports whether title words hold a role: a title word, a
// person noun, an organisation word, or an agent noun.
func hasRoleNoun(f []string) bool {
	caps := 0
	for _, w := range f {
		if isUpperStart(w) {
			caps++
		}
		raw := strings.ToLower(w)
		l := strings.Trim(raw, ",.;:()'’")
		l = strings.TrimSuffix(strings.TrimSuffix(l, "'s"), "’s")
		if strings.HasSuffix(l, "-old") {
			// "the 19-year-old": an age describes a person
			return true
		}
		if k := strings.LastIndexByte(l, '-'); k >= 0 {
			// "ex-wife", "co-founder"
			l = l[k+1:]
		}
		if l == "" || strings.HasSuffix(l, "ed") {
			continue
		}
		if lexicon.TitleWords().Has(raw) || lexicon.TitleWords().Has(l) || lexicon.PersonNouns().Has(l) || lexicon.PersonNouns().Has(strings.TrimSuffix(l, "s")) || lexicon.OrgWords().Has(l) || lexicon.OrgRoles().Has(l) {
			return true
		}
		if _, ok := wordGender(l); ok {
			return true
		}
		for suf := range lexicon.RoleSuffixes().All() {
			if len(l) >= len(suf)+2 && strings.HasSuffix(l, suf) {
				return true
			}
		}
	}
	// an affiliation named as the role ("War on Want", "R-Pa.")
	return caps >= 1
}

// personSubject reports whether a sentence's subject is a definite person
// description ("The mayor said", "On Monday, the former minister ...").
func personSubject(toks []token) bool {
	for i := 0; i < len(toks) && i < 12; i++ {
		if toks[i].low != "the" || toks[i].quoted || i > 0 && toks[i-1].text != "," {
			// the subject opens the sentence or follows an introductory
			// phrase ("On Dec. 13, the mayor brought up ...")
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+3 && toks[k].word && !toks[k].quoted; k++ {
			if lexicon.PersonNouns().Has(toks[k].low) && k+1 < len(toks) && toks[k+1].word && !toks[k+1].capitalized() && toks[k+1].low != "of" {
				return true
			}
		}
	}
	return false
}

// markQuoted flags the tokens inside quotation marks (marks included).
func markQuoted(toks []token, qs []qspan) {
	if len(qs) == 0 {
		return
	}
	k := 0
	for i := range toks {
		for k < len(qs) && qs[k].outer().end <= toks[i].start {
			k++
		}
		if k < len(qs) {
			o := qs[k].outer()
			if toks[i].start >= o.start && toks[i].start < o.end {
				toks[i].quoted = true
			}
		}
	}
}

// tokenAt returns the index of the first token starting at or after pos.
func tokenAt(toks []token, pos int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].start >= pos })
}

// isCueToken reports whether toks[i] is a usable reporting verb.
func isCueToken(toks []token, i int) bool {
	t := toks[i]
	if !t.word || t.quoted {
		return false
	}
	l := t.lower()
	if ok := lexicon.ReportingVerbs().Has(l); !ok {
		return false
	}
	if t.capitalized() {
		// "Secretary of State", "Says" in a headline: not a cue
		return false
	}
	if i > 0 && lexicon.PassiveMarkers().Has(toks[i-1].lower()) {
		return false
	}
	if l == "read" || l == "reads" {
		// "the statement read": only a document reads; "the sign on the
		// door read" quotes no one
		return i > 0 && (lexicon.OwnedDocuments().Has(toks[i-1].low) || lexicon.DocumentNouns().Has(toks[i-1].low) || toks[i-1].low == "message" || toks[i-1].low == "note")
	}
	// "said" used as an adjective or in "so-called": rare enough to ignore.
	return true
}

// sentenceQuotes finds the quotes of one sentence: direct quotes with a cue
// next to them, mixed and indirect speech around cues, floating quotes.
func (ex *extractor) sentenceQuotes(s *sentence) {
	text := ex.text
	toks := s.toks
	usedCue := map[int]bool{}
	// outlet cited anywhere in the sentence (outside quotes)
	outlet := ex.sentenceOutlet(toks)
	consumed := make([]bool, len(s.quotes))

	type attributed struct {
		qi  int
		cue int
		sp  np
	}
	var direct []attributed
	for qi, q := range s.quotes {
		o := q.outer()
		after := tokenAt(toks, o.end)
		before := tokenAt(toks, o.start) - 1
		// Pattern: "...," SPEAKER CUE  /  "...," CUE SPEAKER
		if c, sp, ok := ex.afterAttribution(toks, after, s, qi); ok {
			direct = append(direct, attributed{qi, c, sp})
			usedCue[c] = true
			continue
		}
		// Pattern: SPEAKER CUE: "..."  /  SPEAKER CUE, "..."  /  CUE SPEAKER: "..."
		if c, sp, ok := ex.beforeAttribution(toks, before, s, qi); ok {
			if sp.empty() && lexicon.ParticipleCues().Has(toks[c].low) && ex.earlierSpeaker(toks, c) && !(c > 0 && toks[c-1].text == ",") {
				// "Tester said that Trump ..., but if the president is now
				// saying, “...”": the quote belongs to Tester's clause
				continue
			}
			if sp.empty() && lexicon.ParticipleCues().Has(toks[c].low) && c > 0 && toks[c-1].text == "," && toks[c].low != "calling" {
				// "Lena Park ... wrote to members, saying, “...”": the
				// sentence's subject speaks
				if first := subjectNP(text, toks, c); (first.name != "" || first.pronoun == "he" || first.pronoun == "she") && strings.ToUpper(first.text) != first.text {
					sp = first
				}
			}
			direct = append(direct, attributed{qi, c, sp})
			usedCue[c] = true
			continue
		}
	}
	attributedQ := map[int]bool{}
	for _, d := range direct {
		q := s.quotes[d.qi]
		attributedQ[d.qi] = true
		consumed[d.qi] = true
		c := cand{s: q.start, e: q.end, kind: news.Direct, sp: d.sp, cue: toks[d.cue].text, outlet: outlet, para: s.para, sent: s.serial, conf: 0.9, sentS: s.sp.start, sentE: s.sp.end}
		// words before the quote that are not an attribution: the quote
		// is part of a reported clause ("Her time has been "life-changing,"
		// she said").
		o := q.outer()
		bi := tokenAt(toks, o.start)
		if d.cue > bi && bi > 0 {
			pre := 0
			for k := 0; k < bi; k++ {
				if toks[k].word && !toks[k].quoted {
					pre++
				}
			}
			if pre >= 2 {
				// the quote ends a reported clause: mixed from the
				// sentence start, taking in earlier quoted fragments
				c.s = toks[0].start
				c.e = o.end
				c.kind = news.Mixed
				for k := 0; k < d.qi; k++ {
					if consumed[k] {
						// an earlier quote already attributed: start after it
						c.s = s.quotes[k].outer().end
					}
					consumed[k] = true
				}
			}
		}
		if c.sp.empty() {
			c.inherit = true
		}
		ex.cands = append(ex.cands, c)
	}

	// Indirect and mixed speech around the remaining cues.
	ex.indirect(s, usedCue, consumed, outlet)

	// Remaining quotes: floating (a quoted sentence with no cue) or scare
	// quotes (a few words inside a sentence), which are dropped.
	for qi, q := range s.quotes {
		if consumed[qi] {
			continue
		}
		words := wordCount(text, q.start, q.end)
		o := q.outer()
		bi := tokenAt(toks, o.start)
		preWords := 0
		for k := 0; k < bi; k++ {
			if toks[k].word && !toks[k].quoted {
				preWords++
			}
		}
		ai := tokenAt(toks, o.end)
		postWords := 0
		for k := ai; k < len(toks); k++ {
			if toks[k].word && !toks[k].quoted {
				postWords++
			}
		}
		// "Then, after a pause: “...”": a colon introduces the quote
		colon := bi > 0 && toks[bi-1].text == ":" && postWords == 0 && preWords <= 6
		if preWords+postWords <= 1 && words >= 3 || words >= 8 && (preWords == 0 || q.close < 0) || colon && words >= 5 {
			ex.cands = append(ex.cands, cand{s: q.start, e: q.end, kind: news.Direct, outlet: outlet, para: s.para, sent: s.serial, inherit: true, conf: 0.6})
		} else if words >= 8 && postWords == 0 && preWords >= 2 && preWords <= 4 && bi > 0 && toks[0].capitalized() && !toks[0].quoted && noVerbBefore(toks, bi) {
			// "The Prime Minister “could get a deal if ...”": a subject and
			// a quote that completes it, after an attributed sentence
			ex.cands = append(ex.cands, cand{s: toks[0].start, e: o.end, kind: news.Mixed, outlet: outlet, para: s.para, sent: s.serial, inherit: true, conf: 0.5})
		}
	}
}

// afterAttribution matches a cue right after a quote: `"...," Harris
// alleged`, `"...," said Wenbin of the meeting`, `"...," he was quoted as
// saying`.
func (ex *extractor) afterAttribution(toks []token, after int, s *sentence, qi int) (int, np, bool) {
	i := after
	if i < len(toks) && (toks[i].text == "," || toks[i].text == "—" || toks[i].text == "–") {
		i++
	}
	if i >= len(toks) || toks[i].quoted {
		return 0, np{}, false
	}
	// next quote start bounds the search
	limit := len(toks)
	if qi+1 < len(s.quotes) {
		limit = tokenAt(toks, s.quotes[qi+1].outer().start)
	}
	// CUE SPEAKER
	if i == after && isCueToken(toks, i) {
		// "Critics of what's known as a “backstop” argue ...": a quoted
		// word inside the subject, not a quote before its attribution
		o := s.quotes[qi]
		if r, _ := utf8.DecodeLastRuneInString(ex.text[o.start:o.end]); unicode.IsLetter(r) {
			return 0, np{}, false
		}
	}
	if isCueToken(toks, i) {
		sp := forwardNP(ex.text, toks, i+1, limit)
		if !sp.empty() {
			return i, sp, true
		}
		return i, np{}, true
	}
	// SPEAKER [aux] CUE (the phrase must start at i)
	for c := i + 1; c < limit && c <= i+30; c++ {
		if toks[c].quoted {
			break
		}
		if t := toks[c].text; t == "." || t == ";" || t == "?" || t == "!" {
			break
		}
		if isCueToken(toks, c) || (toks[c].lower() == "saying" && c >= 2 && toks[c-1].lower() == "as" && toks[c-2].lower() == "quoted") {
			sp := backNP(ex.text, toks, cueStart(toks, c), i)
			if sp.empty() {
				return 0, np{}, false
			}
			// the phrase must begin right after the quote
			if st := tokenAt(toks, sp.start); st != i && !(toks[i].lower() == "the" || lexicon.Determiners().Has(toks[i].lower())) {
				// `"...," John Roe, editor of Gamesworld.com told the BBC`:
				// a name and an appositive whose closing comma is missing
				if st-1 > i && toks[st-1].text == "," && sp.pronoun == "" && !toks[st].capitalized() {
					if n := backPhrase(ex.text, toks, st-2, i); n.name != "" && tokenAt(toks, n.start) == i {
						n.title = strings.TrimSpace(sp.text)
						return c, n, true
					}
				}
				return 0, np{}, false
			}
			return c, sp, true
		}
	}
	return 0, np{}, false
}

// cueStart returns the index where the verb group of the cue at c begins
// ("was quoted as saying" starts at "was").
func cueStart(toks []token, c int) int {
	if toks[c].lower() == "saying" && c >= 3 && toks[c-1].lower() == "as" && toks[c-2].lower() == "quoted" {
		k := c - 3
		if k >= 0 && lexicon.PassiveMarkers().Has(toks[k].lower()) {
			return k
		}
		return c - 2
	}
	return c
}

// beforeAttribution matches a cue before a quote: `Harris said: "..."`,
// `Yun Sun told the WSJ, "..."`, `he said "..."`.
func (ex *extractor) beforeAttribution(toks []token, before int, s *sentence, qi int) (int, np, bool) {
	if before < 0 {
		return 0, np{}, false
	}
	floor := 0
	if qi > 0 {
		floor = tokenAt(toks, s.quotes[qi-1].outer().end)
	}
	end := toks[before].text
	maxGap := 2
	switch end {
	case ":":
		maxGap = 30
	case ",", "—", "–":
		maxGap = 10
	}
	for c := before; c >= floor && before-c <= maxGap; c-- {
		if toks[c].quoted {
			break
		}
		if !isCueToken(toks, c) && !lexicon.ParticipleCues().Has(toks[c].lower()) {
			continue
		}
		// "X said that "..."" or "X said he's a "...": a mixed clause,
		// handled by indirect().
		if c+1 <= before && toks[c+1].lower() == "that" || maxGap == 2 && c != before {
			return 0, np{}, false
		}
		if maxGap == 2 {
			// `said "may not work" included ...`: words after the quote
			// make it part of a clause
			ai := tokenAt(toks, s.quotes[qi].outer().end)
			post := 0
			for k := ai; k < len(toks); k++ {
				if toks[k].word && !toks[k].quoted {
					post++
				}
			}
			x := ai
			if x < len(toks) && toks[x].text == "," {
				x++
			}
			andCue := x+1 < len(toks) && toks[x].low == "and" && isCueToken(toks, x+1)
			if post >= 2 && !andCue {
				return 0, np{}, false
			}
		}
		sp := backNP(ex.text, toks, c, floor)
		if sp.empty() {
			sp = forwardNP(ex.text, toks, c+1, before+1)
			if sp.empty() && c > 0 && toks[c-1].low == "and" {
				// `Roe said "...," and added: "..."`: the sentence subject
				sp = introSubject(ex.text, toks, c)
			}
			if sp.empty() && !lexicon.ParticipleCues().Has(toks[c].lower()) {
				return 0, np{}, false
			}
		}
		return c, sp, true
	}
	return 0, np{}, false
}

// sentenceOutlet finds an outlet cited in the sentence: "according to Fox
// News", "per the WSJ", "told the WSJ", "As the BBC reported", "in an
// interview with CNN", "reporting by The Wall Street Journal".
func (ex *extractor) sentenceOutlet(toks []token) string {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.word || t.quoted {
			continue
		}
		name, n := ex.outletAt(toks, i)
		if n == 0 {
			continue
		}
		// trigger before (skipping "the")
		k := i - 1
		if k >= 0 && toks[k].lower() == "the" {
			k--
		}
		trig := ""
		if k >= 0 {
			trig = toks[k].lower()
		}
		next := ""
		if i+n < len(toks) {
			next = toks[i+n].lower()
		}
		switch trig {
		case "to", "per", "told", "with", "by", "tells", "telling", "via", "from":
			return name
		}
		if next == "reported" || next == "reports" || next == "reporting" || next == "said" || next == "says" || next == "has" && i+n+1 < len(toks) && toks[i+n+1].lower() == "reported" {
			return name
		}
		if next == "’" || next == "'" || strings.HasSuffix(toks[i+n-1].text, "’s") || strings.HasSuffix(toks[i+n-1].text, "'s") {
			// "Fox News' Bret Baier", "CNN's Jake Tapper": an outlet's
			// journalist, cited.
			return name
		}
		i += n - 1
	}
	return ""
}

// outletAt matches the longest outlet name starting at toks[i]; it returns
// the canonical name and the number of tokens.
func (ex *extractor) outletAt(toks []token, i int) (string, int) {
	if !toks[i].capitalized() && toks[i].text != "the" {
		return "", 0
	}
	first := strings.TrimSuffix(strings.TrimSuffix(toks[i].lower(), "'s"), "’s")
	if first == "the" && i+1 < len(toks) {
		first = strings.TrimSuffix(strings.TrimSuffix(toks[i+1].lower(), "'s"), "’s")
	}
	if !outletFirst()[first] {
		return "", 0
	}
	for n := maxOutletWords; n >= 1; n-- {
		if i+n > len(toks) {
			continue
		}
		ok := true
		for k := i; k < i+n; k++ {
			if !toks[k].word && toks[k].text != "&" && toks[k].text != "-" {
				ok = false
				break
			}
			if toks[k].quoted {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		s := ex.text[toks[i].start:toks[i+n-1].end]
		if name, ok := CanonicalOutlet(s); ok {
			if n == 1 && !toks[i].capitalized() {
				continue
			}
			return name, n
		}
		ns := normOutlet(s)
		if lexicon.AmbiguousOutlets().Has(ns) && toks[i].capitalized() || (n == 2 && toks[i].lower() == "the" && lexicon.AmbiguousOutlets().Has(ns)) {
			if c, ok := ex.ents.outlets[ns]; ok {
				return c, n
			}
		}
	}
	return "", 0
}

// resolve assigns canonical speakers in text order.
func (ex *extractor) resolve() {
	const window = 3000 // bytes back a pronoun may reach
	var prev *cand
	for i := range ex.cands {
		c := &ex.cands[i]
		if c.sp.empty() && !c.inherit {
			// an outlet alone is the source ("..., according to CNN")
			prev = c
			continue
		}
		if c.inherit && !c.fromSentence {
			for _, b := range ex.bare {
				if b.sent == c.sent+1 && (i+1 >= len(ex.cands) || ex.cands[i+1].sent > b.sent) {
					c.sp, c.cue, c.inherit = b.sp, b.cue, false
					if c.outlet == "" {
						c.outlet = b.outlet
					}
				}
			}
		}
		if c.inherit {
			src := ex.inheritSource(i)
			if src != nil {
				c.speaker, c.title, c.ent = src.speaker, src.title, src.ent
				if c.outlet == "" {
					c.outlet = src.outlet
				}
				if c.cue == "" {
					c.cue = ""
				}
			}
			prev = c
			continue
		}
		var e *entity
		sp := c.sp
		if sp.name == "" && sp.pronoun == "" && lexicon.SurnameWords().Has(strings.ToLower(sp.text)) && isUpperStart(sp.text) {
			// "Green said": a surname that is also a title word
			sp.name, sp.role = sp.text, ""
		}
		switch {
		case sp.pronoun == "" && unitName(sp.text) != "":
			// "Cisco System's Talos cybersecurity unit" is Talos
			e = ex.ents.entity(unitName(sp.text))
			e.org = true
		case sp.pronoun != "":
			switch sp.pronoun {
			case "he", "she":
				e = ex.ents.resolvePronounExcept(sp.pronoun, sp.start, window, span{c.s, c.e})
				if alt := ex.prevSentencePerson(c, sp); alt != nil {
					e = alt
				}
				if e == nil && prev != nil && prev.ent != nil && !prev.ent.org {
					e = prev.ent
				}
				if e == nil {
					// no speaker or subject fits: the nearest person named
					// before ("For Jane Roe and other refugees, ...")
					e = ex.ents.nearestPerson(sp.pronoun, sp.start, window, span{c.s, c.e})
				}
				if e != nil && ex.contrasted(c, e, sp.pronoun) {
					// "Unlike Al Mnajer, he has been unable to find work":
					// he is someone other than the person contrasted
					alt := ex.ents.resolvePronounAvoid(sp.pronoun, sp.start, window, span{c.s, c.e}, e)
					if alt == nil || lastWord(alt.name) == lastWord(e.name) {
						alt = ex.ents.nearestPersonAvoid(sp.pronoun, sp.start, window, span{c.s, c.e}, e)
					}
					e = alt
				}
				if e != nil && ex.sentenceOpensWith(c, e) {
					// "Macharia hid under desks, he said": he is not
					// Macharia but the person in focus before
					if alt := ex.ents.resolvePronounAvoid(sp.pronoun, sp.start, window, span{c.s, c.e}, e); alt != nil {
						e = alt
					}
				}
			case "they", "it":
				if !c.antecedent.empty() {
					// "The Conservatives believe ...; they say"
					e = ex.ents.entity(strings.TrimSpace(c.antecedent.text))
					e.org = true
				} else {
					if sp.pronoun == "they" {
						// "Key to the Liberals' hopes is ... . Almost all
						// revenues, they promise, ...": a named group just
						// before
						e = ex.pluralGroup(c, sp.start)
					}
					if e == nil {
						e = ex.ents.resolvePronoun(sp.pronoun, sp.start, window)
					}
					if e != nil && sp.pronoun == "they" && e.personLike() {
						e = nil
					}
				}
			}
		case sp.name != "":
			if name, ok := CanonicalOutlet(sp.name); ok {
				// an outlet is a source, not a speaker
				if c.outlet == "" {
					c.outlet = name
				}
			} else if sp.exact && !strings.Contains(sp.name, " ") {
				e = ex.ents.entity(sp.name)
				e.introduced = true
				if e.title == "" {
					e.title = sp.title
				}
				for _, w := range strings.Fields(strings.ToLower(sp.title)) {
					if g, ok := wordGender(w); ok && e.gender == genderUnknown {
						e.gender = g
					}
				}
			} else {
				e = ex.ents.resolveName(sp.name, sp.start)
				if sp.title != "" && e.title == "" {
					e.title = sp.title
				}
				if titleIsOrg(sp.title) {
					e.org = true
				}
				for _, w := range strings.Fields(strings.ToLower(sp.title)) {
					if g, ok := wordGender(w); ok && e.gender == genderUnknown {
						e.gender = g
					}
				}
			}
		case sp.role != "" && (lexicon.OrgRoles().Has(sp.role) || lexicon.DocumentNouns().Has(sp.role) || sp.role == "statement"):
			// "the company", "the city", "a statement": an organisation
			// named earlier, else the phrase itself
			if lexicon.OrgRoles().Has(sp.role) && strings.EqualFold(firstWord(sp.text), "the") {
				e = ex.ents.orgNamed(sp.role, sp.start, window)
				if e == nil {
					// "the city" is the City of Surrey named further back
					e = ex.ents.orgNamedMost(sp.role, sp.start)
				}
				if e == nil && (sp.role == "company" || sp.role == "firm" || sp.role == "agency" || sp.role == "group" || sp.role == "organization" || sp.role == "organisation") {
					e = ex.ents.lastOrgSpeaker(sp.start, window)
					// an organisation that opened a sentence since then
					// is the nearer referent
					if o, at := ex.ents.lastOrgSubject(sp.start, 1000); o != nil && (e == nil || at > ex.ents.lastSalientPos(e, sp.start)) {
						e = o
					}
					if e == nil {
						e = ex.prevSentenceActor(c)
					}
				}
			}
			det := strings.ToLower(firstWord(sp.text))
			if e == nil && (det == "his" || det == "her") {
				p := "he"
				if det == "her" {
					p = "she"
				}
				e = ex.ents.resolvePronoun(p, sp.start, window)
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
			if e == nil && det == "the" && !lexicon.OrgRoles().Has(sp.role) {
				// "the report said": whoever was said to have written it
				e = ex.authorOf(i, sp.role)
			}
			if e == nil && det == "the" && lexicon.DocumentNouns().Has(sp.role) {
				// "A study by the University of Calgary's School of Public
				// Policy analyzed ... “...,” the report said."
				e = ex.docAuthor(c)
			}
			if e == nil && !lexicon.OrgRoles().Has(sp.role) && (det == "a" || det == "an" || det == "the" || det == "its") && prev != nil && prev.para == c.para && prev.ent != nil {
				// "Gatsby said ... A statement said": the same source
				e = prev.ent
			}
			if e == nil {
				e = ex.ents.entity(strings.TrimSpace(sp.text))
				e.org = true
			}
		case sp.role != "" && sp.affiliated:
			// "the lawyer for X", "An official with X": a nameless person
			// of that organisation, not an earlier person with the role
			e = ex.ents.entity(strings.TrimSpace(sp.text))
			e.introduced, e.anonymous, e.org = true, true, false
		case sp.role != "" && anonymousSources(sp):
			// "sources familiar with the negotiations", later "people
			// familiar with the bid" and "sources": one pool of unnamed
			// sources, named as first introduced
			if ex.anonSources == nil {
				ex.anonSources = ex.ents.entity(strings.TrimSpace(sp.text))
				ex.anonSources.org = false
			}
			e = ex.anonSources
		case sp.role != "":
			det := strings.ToLower(firstWord(sp.text))
			indefinite := det == "a" || det == "an" || det == "one" || det == "another"
			if pre := strings.Fields(ex.text[max(0, sp.start-12):sp.start]); len(pre) > 0 {
				// "One former director": the phrase may leave out its
				// sentence-initial determiner
				switch strings.ToLower(pre[len(pre)-1]) {
				case "one", "a", "an", "another":
					indefinite = true
				}
			}
			if !isPluralRole(sp.role) && !indefinite && !sp.affiliated {
				// "traders" are not the one person titled "trader"; "one
				// former director" is someone new
				e = ex.ents.resolveRole(sp.role, sp.start)
			}
			if indefinite && lexicon.PersonNouns().Has(sp.role) {
				// "One former director indicated ... . Joseph Manzoli told
				// the Globe ...": the person named right after
				e = ex.namedNext(c)
			}
			if e == nil && (det == "his" || det == "her") && !lexicon.OrgRoles().Has(sp.role) {
				// "her statement read", "his spokesman said": the owner
				p := "he"
				if det == "her" {
					p = "she"
				}
				if sp.role == "statement" || sp.role == "email" || sp.role == "letter" || sp.role == "post" || sp.role == "tweet" {
					e = ex.ents.resolvePronoun(p, sp.start, window)
				}
			}
			if e == nil && !lexicon.Determiners().Has(det) && !lexicon.OrgRoles().Has(sp.role) && !strings.HasSuffix(sp.role, "s") && lexicon.PersonNouns().Has(sp.role) {
				// "the lanky, bespectacled professor said"
				e = ex.ents.lastPerson(sp.start, window)
			}
			if e == nil && lexicon.OrgRoles().Has(sp.role) && lexicon.Determiners().Has(det) {
				e = ex.ents.lastOrgSpeaker(sp.start, window)
			}
			if e == nil && det == "the" && !lexicon.OrgRoles().Has(sp.role) && (!strings.HasSuffix(sp.role, "s") || strings.Contains(sp.role, "-")) {
				// a definite description ("the 26-year-old right wing")
				// refers back to the last person in focus
				e = ex.ents.lastPerson(sp.start, window)
			}
			if e == nil {
				e = ex.ents.entity(strings.TrimSpace(sp.text))
				if g, ok := wordGender(sp.role); ok {
					e.gender = g
				}
				if (det == "a" || det == "an") && lexicon.PersonNouns().Has(sp.role) {
					// "a private security professional told Reuters ...
					// he said": a nameless person he/she may refer to
					e.introduced, e.anonymous = true, true
					// "An official with X Services" is a person
					e.org = false
				}
			}
		}
		if e != nil {
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

func firstWord(s string) string {
	s = strings.TrimLeft(s, " \"“")
	if strings.HasPrefix(strings.ToLower(s), "that ") {
		s = s[5:]
	}
	if i := strings.IndexAny(s, " ,.;:"); i >= 0 {
		return s[:i]
	}
	return s
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
	floor := c.s - 1500
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

// output converts the candidates to news.Quote values.
func (ex *extractor) output() []news.Quote {
	out := make([]news.Quote, 0, len(ex.cands))
	lastEnd := -1
	for _, c := range ex.cands {
		s, e := trimSpan(ex.text, c.s, c.e)
		// strip a final period that ends the sentence of an indirect quote
		if c.kind == news.Indirect {
			for e > s {
				r, n := utf8.DecodeLastRuneInString(ex.text[s:e])
				if r == '.' || r == ',' || r == ';' || r == ':' {
					e -= n
					continue
				}
				break
			}
		}
		if s >= e || s < lastEnd {
			continue
		}
		lastEnd = e
		q := news.Quote{
			Text: ex.text[s:e], Start: s, End: e, Kind: c.kind, Speaker: c.speaker,
			Mention: c.sp.mention(), Title: speakerTitle(c), Cue: c.cue, Outlet: c.outlet,
			Paragraph: c.para, Confidence: c.conf, SpeakerKind: speakerKind(c),
		}
		if q.Speaker == "" {
			q.Confidence = min(q.Confidence, 0.3)
		}
		if _, isOutlet := CanonicalOutlet(q.Speaker); isOutlet {
			if q.Outlet == "" {
				q.Outlet, _ = CanonicalOutlet(q.Speaker)
			}
			q.Speaker = ""
		}
		out = append(out, q)
	}
	return out
}

// pullQuotes finds pull quotes: a paragraph of plain sentences signed
// with the speaker's name at its end ("Governments must act now. Jane Roe,
// Rentals.ca"), the name also appearing elsewhere in the article.
func (ex *extractor) pullQuotes(sents []sentence) {
	text := ex.text
	for i := 0; i < len(sents); i++ {
		last := &sents[i]
		if i+1 < len(sents) && sents[i+1].para == last.para {
			continue
		}
		// the signature: the paragraph's last words after its last
		// sentence-final mark
		pEnd := last.sp.end
		first := i
		for first > 0 && sents[first-1].para == last.para {
			first--
		}
		pStart := sents[first].sp.start
		para := text[pStart:pEnd]
		dot := -1
		for _, m := range []string{". ", "! ", "? "} {
			dot = max(dot, strings.LastIndex(para, m))
		}
		if dot < 0 || dot == len(para)-1 || strings.ContainsAny(para, "\"“”«»") {
			continue
		}
		sig := strings.TrimSpace(para[dot+1:])
		name, _, _ := strings.Cut(sig, ",")
		name = strings.TrimSpace(name)
		f := strings.Fields(name)
		if _, outlet := CanonicalOutlet(name); outlet || strings.HasSuffix(sig, ".") || len(f) > 0 && lexicon.Determiners().Has(strings.ToLower(f[0])) {
			// "... The Canadian Press.": a credit, not a signature
			continue
		}
		if len(f) < 2 || len(f) > 4 || len(sig) > 60 || strings.ContainsAny(sig, "0123456789()/") || last.caption {
			// "(Jane Doe/The Canadian Press)": a photo credit
			continue
		}
		ok := true
		for _, w := range f {
			if !isUpperStart(w) || allUpper([]token{{text: w}}) || lexicon.TitleWords().Has(strings.ToLower(w)) {
				ok = false
			}
		}
		lastWord := f[len(f)-1]
		if !ok || strings.Count(text, lastWord) < 2 || looksOrg(name) {
			continue
		}
		s, e := trimSpan(text, pStart, pStart+dot)
		if wordCount(text, s, e) < 6 {
			continue
		}
		ns := pStart + dot + 1 + strings.Index(para[dot+1:], name)
		sp := np{start: ns, end: ns + len(name), text: name, name: name}
		if org := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(sig, name), ",")); org != "" {
			sp.title = org
		}
		ex.cands = append(ex.cands, cand{s: s, e: e, kind: news.Direct, sp: sp, para: last.para, sent: sents[first].serial, conf: 0.6, sentS: s, sentE: e})
	}
}

// tweetEnd matches the signature of an embedded tweet at a paragraph end:
// "[pic.twitter.com/x] — Jane Roe (@janeroe) January 15, 2019".
var tweetEnd = regexp.MustCompile(`\s*(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)?\s*[—–-]{1,2}\s*([^()—–]{2,60}?)\s*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}$`)

// tweetQuotes finds embedded tweets: the paragraph's text is the quote, the
// account's display name the speaker.
func (ex *extractor) tweetQuotes(sents []sentence) {
	text := ex.text
	for i := 0; i < len(sents); i++ {
		if i+1 < len(sents) && sents[i+1].para == sents[i].para {
			continue
		}
		first := i
		for first > 0 && sents[first-1].para == sents[i].para {
			first--
		}
		pStart, pEnd := sents[first].sp.start, sents[i].sp.end
		para := text[pStart:pEnd]
		if !strings.Contains(para, "(@") {
			continue
		}
		m := tweetEnd.FindStringSubmatchIndex(para)
		if m == nil {
			continue
		}
		s, e := trimSpan(text, pStart, pStart+m[0])
		if wordCount(text, s, e) < 4 {
			continue
		}
		name := para[m[2]:m[3]]
		sp := np{start: pStart + m[2], end: pStart + m[3], text: name, name: name}
		ex.cands = append(ex.cands, cand{s: s, e: e, kind: news.Direct, sp: sp, cue: "tweeted", para: sents[i].para, sent: sents[first].serial, conf: 0.6, sentS: s, sentE: e})
	}
}

// isLabelLine reports a line opened by a capitalised label and a colon
// ("WATCH: ...", "READ MORE: ..."): a link to another story.
func isLabelLine(toks []token) bool {
	for k := 0; k < len(toks) && k < 3; k++ {
		if toks[k].text == ":" {
			return k > 0 && allUpper(toks[:k])
		}
	}
	return false
}

// isCaption reports whether a paragraph is a photo caption: it ends with a
// parenthesised credit that holds a slash ("(Jane Doe/Reuters)"), the word
// photo, or only capitals ("( JANE DOE )").
func isCaption(text string, s, e int) bool {
	p := strings.TrimSpace(text[s:e])
	if !strings.HasSuffix(p, ")") {
		return false
	}
	o := strings.LastIndexByte(p, '(')
	if o < 0 || len(p)-o > 80 {
		return false
	}
	in := strings.TrimSpace(p[o+1 : len(p)-1])
	if strings.Contains(in, "/") || strings.Contains(strings.ToLower(in), "photo") {
		return true
	}
	letters := 0
	for _, r := range in {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 4 && strings.Contains(in, " ")
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
	for p >= 0 && (ex.sents[p].headline || ex.sents[p].caption || isLabelLine(ex.sents[p].toks)) && c.sent-p < 4 {
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
		return ex.ents.resolvePronoun(sp.pronoun, pt[0].start, 3000)
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
			switch t.low {
			case "he", "his", "him", "himself":
				if want == male {
					return nil
				}
			case "she", "her", "hers", "herself":
				if want == female {
					return nil
				}
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
			for x := j + 2; x < len(toks) && x < j+6 && toks[x].word; x++ {
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

// isHeadline reports whether a paragraph is a short line without final
// punctuation.
func isHeadline(text string, s, e int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[s:e])
	switch r {
	case '.', '!', '?', '"', '”', '’', '\'', ')', ':', '…':
		return false
	}
	return wordCount(text, s, e) < 25 && !strings.Contains(text[s:e], ",")
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
	if len(f) == 0 || len(f) > 5 {
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

// authorOf finds, for the quote at index i whose source is "the <noun>",
// the speaker of an earlier quote (within two paragraphs) whose sentence
// mentions that noun ("Philip Cross wrote in a recent report").
func (ex *extractor) authorOf(i int, noun string) *entity {
	c := &ex.cands[i]
	for k := i - 1; k >= 0; k-- {
		p := &ex.cands[k]
		if p.para < c.para-2 {
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

// isPluralRole reports a plural role head ("traders", "officials").
func isPluralRole(r string) bool {
	return strings.HasSuffix(r, "s") && !strings.HasSuffix(r, "ss") && !strings.HasSuffix(r, "us") && !strings.HasSuffix(r, "is")
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
	for i := c.sent; i >= 0 && c.sent-i < 4 && para-ex.sents[i].para <= 1; i-- {
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
	q := ex.text[c.s:c.e]
	for from := 0; ; {
		k := strings.Index(q[from:], w)
		if k < 0 {
			return false
		}
		k += from
		from = k + len(w)
		before, after := runeBefore(q, k, 0), runeAfter(q, k+len(w), len(q))
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
	}
}

// scopeOutlet reports whether sentence serial opens with an outlet phrase
// that reads as covering what follows: "As X reported," or "According to
// X,".
func (ex *extractor) scopeOutlet(serial int) bool {
	if serial < 0 || serial >= len(ex.sents) {
		return false
	}
	toks := ex.sents[serial].toks
	if len(toks) < 3 {
		return false
	}
	if toks[0].low != "as" && !(toks[0].low == "according" && toks[1].low == "to") {
		return false
	}
	for k := 1; k < len(toks) && k < 10 && toks[k].text != ","; k++ {
		if _, n := ex.outletAt(toks, k); n > 0 {
			return true
		}
	}
	return false
}
