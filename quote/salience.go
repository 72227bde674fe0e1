package quote

import (
	"sort"
	"strings"

	"newsbot/lexicon"
)

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

// lastOrgSubject is the most recent organisation with a proper name that
// opened a sentence before pos ("The U.S. State Department called for
// ... the agency said"), within window bytes, with its position.
func (es *entities) lastOrgSubject(pos, window int) (*entity, int) {
	return es.lastMention(pos, window, func(m nameMention, e *entity) bool {
		if !m.subject || !(e.org || looksOrg(e.name)) || e.personLike() {
			return false
		}
		_, outlet := CanonicalOutlet(e.name)
		return !outlet
	})
}

// lastMention is the entity of the most recent multi-word name mentioned
// before pos, at most window bytes back, for which ok holds, with the
// mention's position; nil and -1 when there is none.
func (es *entities) lastMention(pos, window int, ok func(nameMention, *entity) bool) (*entity, int) {
	for k := len(es.mentions) - 1; k >= 0; k-- {
		m := es.mentions[k]
		if m.pos >= pos {
			continue
		}
		if pos-m.pos > window {
			break
		}
		if e := es.byName[strings.ToLower(m.name)]; e != nil && ok(m, e) {
			return e, m.pos
		}
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
		for w := range strings.FieldsSeq(strings.ToLower(m.name)) {
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
		for w := range strings.FieldsSeq(strings.ToLower(m.name)) {
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

// lastProperOrg is the most recent proper name before pos (within window
// bytes) that reads as an organisation's: no gender, no person's title, no
// first name from the name table, no outlet, no date ("Standard Life", or
// a one-word subject such as "Nintendo"), with where it was named; nil and
// -1 when there is none.
func (es *entities) lastProperOrg(pos, window int) (*entity, int) {
	best, bestPos := es.lastMention(pos, window, func(_ nameMention, e *entity) bool {
		if e.gender != genderUnknown || e.introduced || personNamed(e.name) || hasTitleWord(e.title) && !titleIsOrg(e.title) ||
			!properName(e.name) || isDemonym(e.name) || hasDateWord(e.name) {
			return false
		}
		_, outlet := CanonicalOutlet(e.name)
		return !outlet
	})
	// a one-word subject named after that name is the nearer referent
	nearer := window
	if bestPos >= 0 {
		nearer = min(window, pos-bestPos-1)
	}
	if e := es.lastSalient(pos, nearer, func(e *entity) bool { return e.single && e.gender == genderUnknown }); e != nil {
		return e, es.lastSalientPos(e, pos)
	}
	return best, bestPos
}

// hasDateWord reports whether a name holds a weekday, month or holiday
// word ("Black Friday", "Easter Monday"): a day, no organisation.
func hasDateWord(name string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(name)) {
		if lexicon.DateWords().Has(w) || lexicon.DayWords().Has(w) {
			return true
		}
	}
	return false
}
