package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/lexicon"
)

// gender of an entity, learned from honorifics, role words and pronouns.
type gender uint8

const (
	genderUnknown gender = iota
	male
	female
)

// entity is one person or organisation of the article.
type entity struct {
	name   string // canonical (longest) name
	title  string // first role seen ("foreign ministry spokesman")
	gender gender
	org    bool
	// spoke: the entity is the speaker of a quote (surely a source).
	spoke bool
	// introduced: a one-word name introduced as a person ("Roman, a
	// resident of the area").
	introduced bool
	// anonymous: a nameless person ("a private security professional");
	// he/she refers to it only until another person takes the focus.
	anonymous bool
	// single: a one-word proper name seen only as a sentence subject
	// ("Nintendo"); "it" may refer to it, he/she/they do not.
	single bool
}

// personLike reports whether he/she may refer to the entity.
func (e *entity) personLike() bool {
	if e.org || isDemonym(e.name) {
		return false
	}
	if e.gender != genderUnknown || e.introduced {
		return true
	}
	f := strings.Fields(e.name)
	if len(f) < 2 || len(f) > 4 || lexicon.Determiners().Has(strings.ToLower(f[0])) {
		// "The U.S." is no person
		return false
	}
	for _, w := range f {
		if !isUpperStart(w) && !lexicon.Connectors().Has(w) {
			return false
		}
	}
	return true
}

func isUpperStart(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// nameMention is an occurrence of a capitalised name run in the text.
type nameMention struct {
	pos     int
	name    string // the run without title words ("Wang Wenbin")
	title   string // title words before it ("foreign ministry spokesman")
	subject bool   // at the start of its sentence: a likely subject
}

// salient is a mention that pronouns may refer to: a speaker or a sentence
// subject, in text order.
type salient struct {
	pos int
	ent *entity
	// minor: the speaker of a subordinate clause ("Although Trump has
	// tweeted that ..., its inclusion ..., he said"): he/she refers to
	// it only when no other person fits.
	minor bool
}

// entities is the per-article entity table: it maps every mention ("Wenbin",
// "Mr. Wang", "the minister", "he") to a canonical entity.
type entities struct {
	byName   map[string]*entity // canonical name (lower) -> entity
	mentions []nameMention      // multi-word names in text order
	salient  []salient
	// focus: starts of sentences whose subject is a person ("The mayor
	// said", "Jane Roe, 50, ..."), in text order; a nameless speaker
	// before one of them loses the pronoun's focus.
	focus   []int
	outlets map[string]string // lower last word -> outlet named in full in the article
	text    string            // the article (for counting mentions)
}

func newEntities() *entities {
	return &entities{byName: map[string]*entity{}, outlets: map[string]string{}}
}

// looksOrg reports whether a name looks like an organisation.
func looksOrg(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return false
	}
	for _, w := range f {
		if lexicon.OrgWords().Has(w) {
			return true
		}
	}
	// all-caps acronyms ("FSIN", "AFN")
	if len(f) == 1 && strings.ToUpper(name) == name && len(name) >= 2 {
		return true
	}
	return false
}

// entity returns (creating) the entity for a canonical name.
func (es *entities) entity(name string) *entity {
	name = stripPostNominal(name)
	k := strings.ToLower(name)
	e := es.byName[k]
	if e == nil {
		e = &entity{name: name, org: looksOrg(name)}
		es.byName[k] = e
	}
	return e
}

// addMention records a capitalised name run.
func (es *entities) addMention(m nameMention) {
	m.name = stripPostNominal(m.name)
	var e *entity
	if len(strings.Fields(m.name)) < 2 {
		// a single word is salient only as a known person's short name
		e = es.findByWord(strings.ToLower(m.name), m.pos, true)
		if e == nil {
			// "Market leader Nintendo is releasing a console that it says
			// ...": a one-word proper subject that names no known person
			// is something "it" may refer to
			if w := strings.ToLower(m.name); m.subject && len(w) > 2 && firstNameGender(w) == genderUnknown && !isDemonym(w) && !lexicon.DayWords().Has(w) && !lexicon.SentenceStarters().Has(w) && !lexicon.Pronouns().Has(w) && !isTitleWord(token{text: m.name, low: w, word: true}) && (m.title != "" || es.capitalisedMidSentence(m.name)) {
				e = es.entity(m.name)
				e.single = true
				es.salient = append(es.salient, salient{pos: m.pos, ent: e})
			}
			return
		}
	} else {
		es.mentions = append(es.mentions, m)
		e = es.entity(m.name)
	}
	if e.title == "" && m.title != "" {
		e.title = m.title
	}
	if titleIsOrg(m.title) {
		e.org = true
	}
	for _, w := range strings.Fields(strings.ToLower(m.title)) {
		if g, ok := honorificGender(w); ok {
			e.gender = g
		}
		if g, ok := wordGender(w); ok {
			e.gender = g
		}
	}
	if m.subject {
		es.salient = append(es.salient, salient{pos: m.pos, ent: e})
	}
}

// stripHonorific removes a leading "Mr." and returns the gender it gives.
func stripHonorific(s string) (string, gender) {
	f := strings.Fields(s)
	if len(f) >= 2 {
		if g, ok := honorificGender(strings.ToLower(f[0])); ok {
			return strings.Join(f[1:], " "), g
		}
		if lexicon.TitleWords().Has(strings.ToLower(f[0])) && len(f) >= 2 && !(len(f) == 2 && isPluralRole(strings.ToLower(f[1]))) {
			return strings.Join(f[1:], " "), genderUnknown
		}
	}
	return s, genderUnknown
}

// resolveName maps a name mention at pos to its canonical entity: a full
// name is itself; a single word is the most recent earlier full name ending
// (then starting) with it, else the first later one.
func (es *entities) resolveName(name string, pos int) *entity {
	name, g := stripHonorific(stripDescriptor(strings.TrimSpace(name)))
	if f := strings.Fields(name); (len(f) > 2 || len(f) == 2 && len(f[1]) >= 2 && strings.ToUpper(f[1]) == f[1]) && (f[0] == "The" || f[0] == "the") {
		// and "The RTA" is "RTA"
		// "The World Health Organization" is "World Health Organization"
		name = strings.Join(f[1:], " ")
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	if name == "" {
		return nil
	}
	words := strings.Fields(name)
	var best *entity
	if len(words) == 1 {
		w := strings.ToLower(words[0])
		if e := es.expandAcronym(words[0], pos); e != nil {
			// "the PBO" is the Parliamentary Budget Officer named before
			return e
		}
		best = es.findByWord(w, pos, true)
		if best == nil {
			best = es.findByWord(w, pos, false)
			// "Facebook" is not "Facebook Research" when the word mostly
			// stands alone, unless the full name came with a title
			// ("North Korean leader Kim Jong-un")
			if best != nil && !hasTitleWord(best.title) && es.text != "" && strings.Count(es.text, words[0]) > 2*strings.Count(es.text, best.name)+1 {
				best = nil
			}
		}
	} else {
		// "Montana Sen. Jon Tester" is "Jon Tester": drop everything up to
		// the last title word
		for k := len(words) - 2; k >= 0; k-- {
			if k == len(words)-2 && isPluralRole(strings.ToLower(words[k+1])) {
				// "Liberal Democrats" is a party's name, not a role
				// and a name
				continue
			}
			if isTitleWord(token{text: words[k], low: strings.ToLower(words[k]), word: true}) {
				words = words[k+1:]
				name = strings.Join(words, " ")
				break
			}
		}
		if len(words) == 1 {
			return es.resolveName(name, pos)
		}
		best = es.byName[strings.ToLower(name)]
	}
	if best == nil {
		best = es.entity(name)
	}
	if g != genderUnknown && best.gender == genderUnknown {
		best.gender = g
	}
	return best
}

// findByWord looks for a multi-word name with w as its last word (last
// true) or first word.
func (es *entities) findByWord(w string, pos int, last bool) *entity {
	type score struct {
		count  int
		before bool
		words  int
		first  int
	}
	scores := map[*entity]*score{}
	var order []*entity
	for _, m := range es.mentions {
		f := strings.Fields(strings.ToLower(m.name))
		if len(f) < 2 {
			continue
		}
		k := f[0]
		if last {
			k = strings.TrimSuffix(strings.TrimSuffix(f[len(f)-1], "'s"), "’s")
		}
		if k != w {
			continue
		}
		e := es.byName[strings.ToLower(m.name)]
		sc := scores[e]
		if sc == nil {
			sc = &score{words: len(f), first: m.pos}
			scores[e] = sc
			order = append(order, e)
		}
		sc.count++
		if m.pos <= pos {
			sc.before = true
		}
	}
	var best *entity
	var bs *score
	for _, e := range order {
		sc := scores[e]
		if bs == nil {
			best, bs = e, sc
			continue
		}
		// more mentions win; then names of 2-3 words over longer runs
		// (caption junk such as "Getty Images Kevin Vickers")
		better := false
		switch {
		case (sc.words <= 3) != (bs.words <= 3):
			better = sc.words <= 3
		case sc.count != bs.count:
			better = sc.count > bs.count
		case sc.before != bs.before:
			better = sc.before
		}
		if better {
			best, bs = e, sc
		}
	}
	return best
}

// resolveRole maps "the minister" to the most recent entity whose title has
// the role's head word.
func (es *entities) resolveRole(head string, pos int) *entity {
	if head == "" {
		return nil
	}
	var best *entity
	for _, m := range es.mentions {
		if m.pos > pos {
			break
		}
		e := es.byName[strings.ToLower(m.name)]
		if e == nil {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(e.title + " " + m.title)) {
			if strings.Trim(w, ",.") == head {
				best = e
			}
		}
	}
	for _, s := range es.salient {
		if s.pos > pos {
			break
		}
		for _, w := range strings.Fields(strings.ToLower(s.ent.title)) {
			if strings.Trim(w, ",.") == head {
				best = s.ent
			}
		}
		// "a justice official said ... the official said": the nameless
		// speaker introduced with an indefinite article
		if f := strings.Fields(s.ent.name); len(f) >= 2 && len(f) <= 5 && (f[0] == "a" || f[0] == "an") && f[len(f)-1] == head {
			best = s.ent
		}
	}
	return best
}

// resolvePronoun maps he/she (and they/it for organisations) at pos to the
// most recent salient entity that fits, looking back at most window bytes.
func (es *entities) resolvePronoun(p string, pos int, window int) *entity {
	return es.resolvePronounExcept(p, pos, window, span{})
}

// resolvePronounExcept is resolvePronoun ignoring mentions inside skip (the
// reported clause itself: "Macharia hid under desks, he said").
func (es *entities) resolvePronounExcept(p string, pos int, window int, skip span) *entity {
	return es.resolvePronounAvoid(p, pos, window, skip, nil)
}

// resolvePronounAvoid is resolvePronounExcept passing over the entity avoid
// (a person the reported words name in the third person).
//
// The passes go from the surest to the loosest: first only people whose
// first name agrees with the pronoun by the name table, then anyone the
// article does not contradict (the table is a prior: "Xi Jinping" starts
// with a surname, and a table is never sure of a name).
func (es *entities) resolvePronounAvoid(p string, pos int, window int, skip span, avoid *entity) *entity {
	for _, useTable := range []bool{true, false} {
		for _, withMinor := range []bool{false, true} {
			if e := es.resolvePronounPass(p, pos, window, skip, avoid, withMinor, useTable); e != nil {
				return e
			}
		}
	}
	return nil
}

// resolvePronounPass is one pass of resolvePronounAvoid; withMinor admits
// the speakers of subordinate clauses, useTable asks first names to agree
// by the name table.
func (es *entities) resolvePronounPass(p string, pos int, window int, skip span, avoid *entity, withMinor, useTable bool) *entity {
	want := genderUnknown
	switch p {
	case "he":
		want = male
	case "she":
		want = female
	case "they", "it":
	default:
		return nil
	}
	for k := len(es.salient) - 1; k >= 0; k-- {
		s := es.salient[k]
		if s.pos >= pos || s.pos >= skip.start && s.pos < skip.end {
			continue
		}
		if pos-s.pos > window {
			break
		}
		e := s.ent
		if e == avoid || e.anonymous && es.focusBetween(s.pos, pos) || s.minor && !withMinor {
			continue
		}
		if want == genderUnknown {
			if _, outlet := CanonicalOutlet(e.name); outlet {
				// a news outlet is a source, not what "they" refers to
				continue
			}
			if e.single && p != "it" {
				continue
			}
			if e.org || p == "they" || p == "it" && (e.spoke || e.single) && !e.personLike() && properName(e.name) {
				// "Facebook told employees ... it said": a one-word source
				// that is no person
				return e
			}
			continue
		}
		if !e.personLike() {
			continue
		}
		if e.genderFits(want, useTable) {
			if e.gender == genderUnknown {
				e.gender = want
			}
			return e
		}
	}
	return nil
}

// focusBetween reports whether a sentence with a person subject starts
// in (from, to).
func (es *entities) focusBetween(from, to int) bool {
	i := sort.SearchInts(es.focus, from+1)
	return i < len(es.focus) && es.focus[i] < to
}

// addSalient records an entity as a speaker at pos.
func (es *entities) addSalient(pos int, e *entity) {
	es.addSalientMinor(pos, e, false)
}

// addSalientMinor records an entity as a speaker at pos, minor when it
// speaks in a subordinate clause.
func (es *entities) addSalientMinor(pos int, e *entity, minor bool) {
	// keep text order
	k := len(es.salient)
	es.salient = append(es.salient, salient{pos, e, minor})
	for k > 0 && es.salient[k-1].pos > pos {
		es.salient[k-1], es.salient[k] = es.salient[k], es.salient[k-1]
		k--
	}
}

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
		// run of capitalised words and connectors
		j := i
		for j < len(toks) && (isNameToken(toks[j]) || (lexicon.Connectors().Has(toks[j].text) && j > i && (j+1 < len(toks) && toks[j+1].capitalized() || j+2 < len(toks) && nameParticle(toks[j].text) && nameParticle(toks[j+1].text) && toks[j+2].capitalized()))) {
			if isPossessive(toks[j].text) {
				j++
				break
			}
			j++
		}
		prepStart := first && lexicon.PrepStarters().Has(toks[i].lower())
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
		// title words preceding in lower case ("foreign ministry spokesman")
		ts := i
		for ts > 0 && toks[ts-1].word && !toks[ts-1].quoted && !toks[ts-1].capitalized() && !lexicon.StopWords().Has(toks[ts-1].lower()) && !lexicon.Determiners().Has(toks[ts-1].lower()) && !lexicon.Subordinators().Has(toks[ts-1].low) && toks[ts-1].low != "whether" && i-ts < 4 {
			ts--
		}
		credit := j < len(toks) && (toks[j].text == "/" || j > 0 && toks[j-1].end < len(text) && text[toks[j-1].end] == '/')
		if a < j && !credit && !headline && !allUpper(toks[a:j]) {
			name := text[toks[a].start:toks[j-1].end]
			name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
			title := ""
			for ts < a && (lexicon.Determiners().Has(toks[ts].low) || lexicon.SentenceStarters().Has(toks[ts].low) || lexicon.Connectors().Has(toks[ts].text)) {
				ts++
			}
			if ts < a {
				title = strings.TrimSpace(text[toks[ts].start:toks[a-1].end])
			}
			// a subject: the sentence's first words, or a name after an
			// intro clause that a verb follows ("Down the street, Mike
			// McFadden also rejoiced")
			subject := first && !prepStart
			if !subject && !prepStart {
				// "Union leader Grace Obi addressed ...": a few role words
				// at the sentence start
				before := 0
				ok := true
				for k := 0; k < i; k++ {
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
				subject = ok && before <= 6
			}
			if !subject && ts > 0 && (toks[ts-1].text == "," || toks[ts-1].text == "—" || toks[ts-1].text == "–") {
				n := j
				for pass := 0; pass < 3 && n < len(toks) && toks[n].text == ","; pass++ {
					// skip an appositive: "Donald Tusk, the president of the
					// European Council, which represents EU leaders, urged"
					for m := n + 1; m < len(toks) && m < n+30; m++ {
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
			if subject && i <= 3 && lexicon.Subordinators().Has(toks[0].low) {
				// "Although Trump has tweeted ..., its inclusion ...": the
				// subject of a subordinate clause is not in focus
				subject = false
			}
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
		first = false
		i = j
	}
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
	if len(acr) >= 4 && len(acr) <= 6 && isUpperStart(acr) && strings.ToLower(acr[1:]) == acr[1:] {
		if pos > len(es.text) {
			return nil
		}
		up := strings.ToUpper(acr)
		words := strings.Fields(es.text[:pos])
		for i := range words {
			if name := initialsRun(words[i:], up); name != "" && len(strings.Fields(name)) >= 4 {
				e := es.entity(name)
				e.org = true
				return e
			}
		}
		return nil
	}
	if len(acr) < 2 || len(acr) > 6 || strings.ToUpper(acr) != acr || strings.ToLower(acr) == acr {
		return nil
	}
	for k := len(es.mentions) - 1; k >= 0; k-- {
		m := es.mentions[k]
		if m.pos >= pos {
			continue
		}
		var ini strings.Builder
		for _, w := range strings.Fields(m.name) {
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

// lastOrgSubject is the most recent organisation with a proper name that
// opened a sentence before pos ("The U.S. State Department called for
// ... the agency said"), within window bytes, with its position.
func (es *entities) lastOrgSubject(pos, window int) (*entity, int) {
	for k := len(es.mentions) - 1; k >= 0; k-- {
		m := es.mentions[k]
		if m.pos >= pos {
			continue
		}
		if pos-m.pos > window {
			break
		}
		e := es.byName[strings.ToLower(m.name)]
		if e == nil || !m.subject || !(e.org || looksOrg(e.name)) || e.personLike() {
			continue
		}
		if _, outlet := CanonicalOutlet(e.name); outlet {
			continue
		}
		return e, m.pos
	}
	return nil, -1
}

// lastSalientPos is the last position before pos where e was salient, or
// -1.
func (es *entities) lastSalientPos(e *entity, pos int) int {
	for k := len(es.salient) - 1; k >= 0; k-- {
		if s := es.salient[k]; s.pos < pos && s.ent == e {
			return s.pos
		}
	}
	return -1
}

// lastOrgSpeaker is the most recent organisation that spoke before pos.
func (es *entities) lastOrgSpeaker(pos, window int) *entity {
	return es.lastSalient(pos, window, func(e *entity) bool {
		// "observers say ..." is no organisation for "the agency"
		return e.spoke && !e.personLike() && (properName(e.name) || e.org && isUpperStart(e.name))
	})
}

// lastSalient is the most recent entity in focus before pos, at most window
// bytes back, for which ok holds.
func (es *entities) lastSalient(pos, window int, ok func(*entity) bool) *entity {
	for k := len(es.salient) - 1; k >= 0; k-- {
		s := es.salient[k]
		if s.pos >= pos {
			continue
		}
		if pos-s.pos > window {
			break
		}
		if ok(s.ent) {
			return s.ent
		}
	}
	return nil
}

// subjectBetween returns the last person named as a sentence subject in
// [from, to), if any.
func (es *entities) subjectBetween(from, to int) *entity {
	var best *entity
	for _, m := range es.mentions {
		if m.pos >= to {
			break
		}
		if m.pos < from || !m.subject {
			continue
		}
		e := es.byName[strings.ToLower(m.name)]
		if e != nil && e.personLike() && !e.org {
			best = e
		}
	}
	return best
}

// lastPerson is the most recent person in focus (speaker or subject).
func (es *entities) lastPerson(pos, window int) *entity {
	return es.lastSalient(pos, window, (*entity).personLike)
}

// allUpper reports whether every token is in capitals ("TROUT BROOK",
// "READ MORE"): datelines and subheadings, not names.
func allUpper(ts []token) bool {
	for _, t := range ts {
		if strings.ToUpper(t.text) != t.text || len(t.text) < 2 {
			return false
		}
	}
	return len(ts) > 0
}

// cutOfPlace turns "Richard Shelby of Alabama" into "Richard Shelby" (a
// person's name of two or more words followed by "of" and a place), but
// keeps organisations ("Bank of Canada").
func cutOfPlace(name string) string {
	i := strings.Index(name, " of ")
	if i < 0 {
		return name
	}
	head := name[:i]
	if len(strings.Fields(head)) >= 2 && !looksOrg(head) && !looksOrg(name[i+4:]) {
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
	for k := from; k < len(toks) && k < from+25; k++ {
		t := toks[k]
		if t.quoted {
			continue
		}
		switch t.lower() {
		case "he", "his", "him", "himself":
			e.gender = male
			return
		case "she", "her", "hers", "herself":
			e.gender = female
			return
		}
	}
}

// hasTitleWord reports whether a title holds a real title word
// ("leader", "Vice-President"), not just words before a name.
func hasTitleWord(title string) bool {
	for _, w := range strings.Fields(title) {
		if isTitleWord(token{text: w, low: strings.ToLower(w), word: true}) {
			return true
		}
	}
	return false
}

// titleIsOrg reports whether a title names a kind of organisation ("firm
// Dimension Data", "the British aid group Gatsby").
func titleIsOrg(title string) bool {
	f := strings.Fields(title)
	// the head noun comes before a prepositional phrase ("a nurse at the
	// county hospital" is a person); a capitalised head is part of a
	// name ("International Union of Operating Engineers" is an affiliation)
	for i, w := range f {
		if i > 0 && lexicon.TitlePreps().Has(w) {
			return !isUpperStart(f[i-1]) && lexicon.OrgRoles().Has(strings.ToLower(strings.Trim(f[i-1], ",.")))
		}
	}
	return len(f) > 0 && lexicon.OrgRoles().Has(strings.ToLower(strings.Trim(f[len(f)-1], ",.")))
}

// orgNamed finds the most recent name (before pos, within window bytes)
// that holds the word head: "the commission" is the "Ontario Civilian
// Police Commission" named before.
func (es *entities) orgNamed(head string, pos, window int) *entity {
	var best *entity
	for _, m := range es.mentions {
		if m.pos >= pos {
			break
		}
		if pos-m.pos > window {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(m.name)) {
			if w == head {
				if e := es.byName[strings.ToLower(m.name)]; e != nil && !e.personLike() {
					best = e
				}
			}
		}
	}
	return best
}

// orgNamedMost is orgNamed over the whole text before pos, choosing the
// organisation named most often ("the city" is the City of Surrey named
// five times, not Langley City named once).
func (es *entities) orgNamedMost(head string, pos int) *entity {
	count := map[*entity]int{}
	var best *entity
	for _, m := range es.mentions {
		if m.pos >= pos {
			break
		}
		for _, w := range strings.Fields(strings.ToLower(m.name)) {
			if w != head {
				continue
			}
			if e := es.byName[strings.ToLower(m.name)]; e != nil && !e.personLike() {
				count[e]++
				if best == nil || count[e] > count[best] {
					best = e
				}
			}
		}
	}
	return best
}

// nearestPerson is the closest full name before pos (within window bytes,
// outside skip) of a person whose gender fits the pronoun p.
func (es *entities) nearestPerson(p string, pos, window int, skip span) *entity {
	return es.nearestPersonAvoid(p, pos, window, skip, nil)
}

// nearestPersonAvoid is nearestPerson passing over the entity avoid.
func (es *entities) nearestPersonAvoid(p string, pos, window int, skip span, avoid *entity) *entity {
	if e := es.nearestPersonPass(p, pos, window, skip, avoid, true); e != nil {
		return e
	}
	return es.nearestPersonPass(p, pos, window, skip, avoid, false)
}

// nearestPersonPass is one pass of nearestPersonAvoid; useTable asks first
// names to agree with the pronoun by the name table.
func (es *entities) nearestPersonPass(p string, pos, window int, skip span, avoid *entity, useTable bool) *entity {
	want := male
	if p == "she" {
		want = female
	}
	for k := len(es.mentions) - 1; k >= 0; k-- {
		m := es.mentions[k]
		if m.pos >= pos || m.pos >= skip.start && m.pos < skip.end {
			continue
		}
		if pos-m.pos > window {
			break
		}
		e := es.byName[strings.ToLower(m.name)]
		if e == nil || avoid != nil && (e == avoid || lastWord(e.name) == lastWord(avoid.name)) || e.org || !e.personLike() || !e.genderFits(want, useTable) {
			continue
		}
		return e
	}
	return nil
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

// lastWord is the lower-case last word of a name.
func lastWord(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// capitalisedMidSentence reports whether word occurs in the article
// capitalised after another word of its sentence: a proper name, where a
// sentence's capitalised first word ("Higher oil prices") may be any word.
func (es *entities) capitalisedMidSentence(word string) bool {
	for from := 0; ; {
		k := strings.Index(es.text[from:], word)
		if k < 0 {
			return false
		}
		k += from
		from = k + len(word)
		end := k + len(word)
		if end < len(es.text) {
			if r, _ := utf8.DecodeRuneInString(es.text[end:]); unicode.IsLetter(r) {
				continue
			}
		}
		j := k
		for j > 0 && es.text[j-1] == ' ' {
			j--
		}
		if j > 0 && j < k {
			if r, _ := utf8.DecodeLastRuneInString(es.text[:j]); unicode.IsLetter(r) || r == ',' {
				return true
			}
		}
	}
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
