package quote

import (
	"strings"

	"newsbot/lexicon"
	"newsbot/news"
)

// skipAdverbials moves k past adverbials after a cue ("on Monday", "in a
// statement", "Thursday", ", however,") and, for verbs with an object
// ("told reporters", "told CTV News"), past the object. It returns the new
// index and an outlet named as the object.
func (ex *extractor) skipAdverbials(toks []token, k int, object bool) (int, string) {
	outlet := ""
	for step := 0; step < 6 && k < len(toks); step++ {
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
		case l == "in" || l == "on" || l == "at" || l == "during" || l == "via" || l == "through" || l == "over" || l == "by" || l == "before" || l == "to" && !object || l == "for" && k+1 < len(toks) && (lexicon.AdverbialNouns().Has(toks[k+1].low) || k+2 < len(toks) && lexicon.Determiners().Has(toks[k+1].low) && lexicon.AdverbialNouns().Has(toks[k+2].low)):
			// "in a statement", "on Twitter", "at a news conference"
			end := -1
			for j := k + 1; j < len(toks) && j <= k+7; j++ {
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
			if end < 0 && k+1 < len(toks) && toks[k+1].capitalized() && l == "on" {
				end = k + 1
				for end+1 < len(toks) && toks[end+1].capitalized() {
					end++
				}
			}
			if end < 0 {
				// "admits in this instance, there were ...": a short
				// adverbial closed by a comma
				for j := k + 1; j < len(toks) && j <= k+5; j++ {
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
			for j := end + 1; j < len(toks) && j <= end+3 && toks[j].word && !toks[j].quoted && !lexicon.Determiners().Has(toks[j].low) && !lexicon.Pronouns().Has(toks[j].low) && !lexicon.FiniteVerbs().Has(toks[j].low) && toks[j].low != "that"; j++ {
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
			for j < len(toks) && toks[j].word && !toks[j].quoted && (toks[j].capitalized() || lexicon.AudienceWords().Has(toks[j].lower()) || lexicon.Connectors().Has(toks[j].lower()) && j+1 < len(toks) && toks[j+1].capitalized()) && j-k < 8 {
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

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return true
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
	switch t.lower() {
	case "to", "for", "of", "by", "with", "in", "on", "at", "from", "into", "so", "as", "than", "and",
		"or", "but", "nothing", "anything", "something", "goodbye", "hello", "yes", "no", "sorry", "thanks",
		"earlier", "later", "before", "after", "publicly", "last", "though", "although":
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
			for c := j + 1; c < len(toks) && c <= j+5; c++ {
				if isCueToken(toks, c) && !toks[c-1].quoted {
					subj := c > j+1
					for x := j + 1; x < c; x++ {
						if !(toks[x].capitalized() || lexicon.Pronouns().Has(toks[x].low) || lexicon.Determiners().Has(toks[x].low) || lexicon.Auxiliaries().Has(toks[x].low)) {
							subj = false
						}
					}
					if subj {
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
			for x < len(toks) && x <= j+3 && toks[x].word && !toks[x].quoted && toks[x].capitalized() && !lexicon.SentenceStarters().Has(toks[x].low) {
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

// urgeObject reports "X urged people to send a message": an urging verb,
// a person or pronoun urging, and a short object followed by "to".
func urgeObject(toks []token, cue string, k int, sp np) bool {
	if cue != "urged" && cue != "urges" && cue != "urge" {
		return false
	}
	if sp.name == "" && sp.pronoun == "" {
		return false
	}
	for j := k; j < len(toks) && j <= k+5; j++ {
		if toks[j].low == "to" && j > k {
			return true
		}
		if !toks[j].word && toks[j].quoted {
			// `urged the government “to clarify ...”`
			continue
		}
		if !toks[j].word || lexicon.StopWords().Has(toks[j].low) && !lexicon.Determiners().Has(toks[j].low) {
			return false
		}
	}
	return false
}

// negatedCue reports a cue that says nobody spoke: "won’t say what",
// "did not say", "declined to say".
func negatedCue(toks []token, c int) bool {
	if c == 0 {
		return false
	}
	p := toks[c-1].low
	if p == "not" || p == "never" || strings.HasSuffix(strings.ReplaceAll(p, "’", "'"), "n't") {
		return true
	}
	return p == "to" && c >= 2 && (toks[c-2].low == "declined" || toks[c-2].low == "refused" || toks[c-2].low == "unwilling")
}

// namingCue matches a naming verb used as speech at toks[c] and returns
// where the words it reports start (0 when it is no cue): "X called it a
// bandage solution", "X called the plan “a failure”", "what he calls the
// end of free speech", "who he calls “the best caddie”".
func (ex *extractor) namingCue(toks []token, c, floor int) int {
	t := toks[c]
	if !t.word || t.quoted || !lexicon.NamingVerbs().Has(t.low) || t.capitalized() || c+2 >= len(toks) {
		return 0
	}
	// "what he calls X": the complement follows the verb
	if c-2 >= floor && (toks[c-2].low == "what" || toks[c-2].low == "who" || toks[c-2].low == "whom") && (lexicon.Pronouns().Has(toks[c-1].low) || toks[c-1].capitalized()) {
		if toks[c-2].low == "what" && (c-3 < 0 || !lexicon.WhatCallsBefore().Has(toks[c-3].low)) {
			// "they were asked what they called the mill": a question
			return 0
		}
		k := c + 1
		if toks[k].quoted || toks[k].word && !lexicon.StopWords().Has(toks[k].low) && clauseStartOK(toks, k) {
			return k
		}
		return 0
	}
	if c == floor {
		return 0
	}
	k := c + 1
	switch toks[k].low {
	case "it", "them", "this", "that":
		k++
		// "called it a bandage solution", "called it “theft”"
		if k < len(toks) && (toks[k].quoted || toks[k].low == "a" || toks[k].low == "an" || toks[k].low == "the") {
			return k
		}
		return 0
	case "the", "his", "her", "their", "its":
		// "called the program “a boondoggle”": a short object, then a quote
		for j := k + 1; j < len(toks) && j <= k+4; j++ {
			if toks[j].quoted {
				return j
			}
			if j > k+1 && evaluativeComplement(toks, j) {
				// "called the program one of the biggest commitments in
				// Canadian history", "called the deal a historic mistake"
				return j
			}
			if !toks[j].word || lexicon.StopWords().Has(toks[j].low) || toks[j].low == "a" || toks[j].low == "an" {
				// "called the plan a “quick fix”": a scare quote
				return 0
			}
		}
	}
	return 0
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
	for k := 1; k < stop && k < 15; k++ {
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

// indirect finds reported speech around the cues not used by direct quotes:
// "X said (that) CLAUSE", "CLAUSE, X said", "According to X, CLAUSE",
// "CLAUSE, according to X", ", adding that CLAUSE". Quotes inside a clause
// make it mixed and are consumed.
func (ex *extractor) indirect(s *sentence, usedCue map[int]bool, consumed []bool, outlet string) {
	text := ex.text
	toks := s.toks
	if len(toks) == 0 {
		return
	}
	floorTok := 0 // clauses start after earlier material of the sentence
	var sentSpeaker np
	noVerbCheck := false
	outletSource := false // the clause's only source is an outlet
	emit := func(a, b int, sp np, cue string, inherit bool, clauseOutlet string) {
		// a, b: token range [a, b)
		for a < b && (toks[a].text == "," || toks[a].text == "—" || toks[a].text == "–" || toks[a].text == ":") {
			a++
		}
		for b > a && !toks[b-1].word && !toks[b-1].quoted {
			b--
		}
		if b-a < 2 {
			return
		}
		st, en := toks[a].start, toks[b-1].end
		// extend over a closing quote mark that ends the clause
		if b < len(toks) && toks[b].quoted {
			en = toks[b].end
		}
		words := wordCount(text, st, en)
		if words < 3 || (!noVerbCheck && !hasFiniteVerb(toks, a, b)) || s.headline {
			return
		}
		kind := news.Indirect
		for qi, q := range s.quotes {
			o := q.outer()
			if o.start < en && o.end > st {
				if consumed[qi] && o.start >= st && o.end <= en {
					// a quote already attributed inside: not a clause of this cue
					return
				}
			}
		}
		for qi, q := range s.quotes {
			o := q.outer()
			if o.start >= st && o.start < en {
				consumed[qi] = true
				kind = news.Mixed
				if o.end > en {
					en = o.end
				}
			}
		}
		if clauseOutlet == "" {
			clauseOutlet = outlet
		}
		var ante np
		if sp.pronoun == "they" {
			ante = pluralSubject(text, toks, tokenAt(toks, sp.start))
		}
		if sp.pronoun == "it" {
			ante = itAntecedent(text, toks, tokenAt(toks, sp.start))
		}
		c := cand{s: st, e: en, kind: kind, sp: sp, cue: cue, outlet: clauseOutlet, para: s.para, sent: s.serial, conf: 0.7, sentS: s.sp.start, sentE: s.sp.end, antecedent: ante, inherit: inherit || sp.empty() && !outletSource, fromSentence: inherit}
		ex.cands = append(ex.cands, c)
	}
	for c := 0; c < len(toks); c++ {
		t := toks[c]
		if !t.word || t.quoted || usedCue[c] {
			continue
		}
		l := t.lower()
		// according to X
		if l == "according" && c+1 < len(toks) && toks[c+1].lower() == "to" {
			srcA := c + 2
			srcB := srcA
			for srcB < len(toks) && !toks[srcB].quoted && toks[srcB].text != "," && toks[srcB].text != "." && toks[srcB].text != ";" && !isDash(toks[srcB].text) {
				srcB++
			}
			if srcB == srcA {
				continue
			}
			// "according to the study — which used data from X — CLAUSE":
			// the clause starts after the parenthetical
			after := srcB
			if srcB < len(toks) && isDash(toks[srcB].text) {
				for d := srcB + 1; d < len(toks) && d < srcB+30 && !toks[d].quoted && toks[d].text != "."; d++ {
					if isDash(toks[d].text) {
						after = d
						break
					}
				}
			}
			src := np{}
			listEnd := nameListEnd(toks, srcA, srcB)
			if listEnd > srcB {
				// "according to the Meteorology, Climatology and
				// Geophysics Agency": a name with a list in it
				a := srcA
				if toks[a].low == "the" {
					a++
				}
				src = np{start: toks[a].start, end: toks[listEnd-1].end, text: text[toks[a].start:toks[listEnd-1].end]}
				src.name = src.text
				srcB = listEnd
			}
			srcOutlet := ""
			if name, n := ex.outletAt(toks, srcA); n > 0 && srcA+n >= srcB-0 {
				srcOutlet = name
			} else {
				// "reporting by The Wall Street Journal"
				for k := srcA; k < srcB; k++ {
					if name, n := ex.outletAt(toks, k); n > 0 && k+n == srcB {
						srcOutlet = name
					}
				}
				if srcOutlet == "" && src.empty() {
					// "according to sources familiar with the situation who
					// were not authorized to speak about the bid": the
					// source ends before its relative clause
					rel := srcB
					for k := srcA + 1; k < srcB; k++ {
						if lexicon.SourceCut().Has(toks[k].low) {
							rel = k
							break
						}
					}
					if t := timeAdverbialStart(toks, rel-1, srcA+1); t > srcA {
						// "according to figures released by the
						// commission on Wednesday": the time is no source
						rel = t
					}
					src = backPhrase(text, toks, rel-1, srcA)
					if !src.empty() && src.name == "" && src.pronoun == "" {
						// "according to people familiar with the bid"
						src = postModified(text, toks, src, srcA)
					}
					if !src.empty() && src.pronoun == "" {
						// "according to the lawyer for Animal Protection
						// Services": the lawyer speaks
						src = affiliated(text, toks, src, srcA)
					}
				}
			}
			outletSource = srcOutlet != ""
			if c == floorTok || (c > floorTok && onlyPunctToks(toks, floorTok, c)) {
				// According to X, CLAUSE.
				if srcB < len(toks) && toks[srcB].text == "," {
					emit(srcB+1, clauseEnd(toks, srcB+1), src, "according to", false, srcOutlet)
				} else if after > srcB {
					emit(after+1, clauseEnd(toks, after+1), src, "according to", false, srcOutlet)
				}
			} else if c > 0 && toks[c-1].text == "," {
				// CLAUSE, according to X[, CLAUSE2].
				emit(floorTok, c-1, src, "according to", false, srcOutlet)
				if srcB < len(toks) && toks[srcB].text == "," {
					// "Some of those concerns, according to experts,
					// include ...": the rest of the sentence is theirs
					noVerbCheck = true
					emit(srcB+1, clauseEnd(toks, srcB+1), src, "according to", false, srcOutlet)
					noVerbCheck = false
				}
			}
			outletSource = false
			if !src.empty() && sentSpeaker.empty() {
				sentSpeaker = src
			}
			c = srcB
			floorTok = srcB
			continue
		}
		// ", adding that CLAUSE"
		if lexicon.ParticipleCues().Has(l) && c > 0 && (toks[c-1].text == "," || toks[c-1].lower() == "and") {
			k, ol := ex.skipAdverbials(toks, c+1, l == "telling" || l == "asking")
			if k < len(toks) && clauseStartOK(toks, k) {
				e := clauseEnd(toks, k)
				if ol == "" {
					ol = outlet
				}
				ssp := sentSpeaker
				inh := true
				if ssp.empty() && floorTok == 0 {
					// "Roy Graf protested the two bills, saying ...": the
					// sentence subject speaks
					if first := subjectNP(text, toks, c); !first.empty() {
						ssp, inh = first, false
					}
				}
				emit(k, e, ssp, l, inh, ol)
				c = e
			}
			continue
		}
		if a, b := criticismCue(toks, c); b > a {
			// "Sinclair derides the board for a lack of leadership": the
			// charge is what the critic says
			if sp := backNP(text, toks, c, floorTok); sp.name != "" || sp.pronoun == "he" || sp.pronoun == "she" {
				noVerbCheck = true
				emit(a, b, sp, t.text, false, outlet)
				noVerbCheck = false
				c = b
				floorTok = b
				continue
			}
		}
		if k := ex.namingCue(toks, c, floorTok); k > 0 {
			// "X called it CLAUSE", "what X calls CLAUSE"
			sp := backNP(text, toks, c, floorTok)
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
			if !sp.empty() {
				e := clauseEnd(toks, k)
				noVerbCheck = true
				emit(k, e, sp, t.text, false, outlet)
				noVerbCheck = false
				c = e
				floorTok = e
			}
			continue
		}
		if !isCueToken(toks, c) || negatedCue(toks, c) {
			continue
		}
		object := lexicon.ObjectVerbs().Has(l)
		sp := backNP(text, toks, c, floorTok)
		if sp.empty() && c > 0 && toks[c-1].lower() == "and" && floorTok == 0 {
			// "Pompeo praised China and said ...": the sentence subject
			if first := introSubject(text, toks, c); !first.empty() {
				sp = first
			}
		}
		if c > 0 && toks[c-1].text == "," && c-1 > floorTok && !sp.empty() {
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
		if sp.empty() {
			// inverted: "CLAUSE, said X."
			if c > 0 && toks[c-1].text == "," && c-1 > floorTok {
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
						emit(floorTok, c-1, fsp, t.text, false, "")
						sentSpeaker = fsp
						floorTok = len(toks)
					}
				}
			}
			continue
		}
		if lexicon.WeakCues().Has(l) && sp.name == "" && sp.pronoun == "" && sp.role == "" {
			continue
		}
		k, ol := ex.skipAdverbials(toks, c+1, object)
		if object {
			// "told X that ...": find "that" or a pronoun subject shortly
			// after the object
			for j := k; j < len(toks) && j <= k+6; j++ {
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
		if ol == "" {
			ol = outlet
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
		spTok := tokenAt(toks, sp.start)
		if spTok > 0 && toks[spTok-1].low == "than" && k+1 < len(toks) && lexicon.Pronouns().Has(toks[k].low) {
			// "higher than city reports say it is": a comparison, no
			// reported clause
			continue
		}
		if k+1 < len(toks) && toks[k].low == "that" && lexicon.RelativeVerbs().Has(toks[k+1].low) {
			// "50 member states that have French as a common language":
			// a relative clause, not a reported one
			continue
		}
		if object && spTok > floorTok+1 && toks[spTok-1].text == "," && shortObject(toks, k) {
			// "CLAUSE, a resident told the local radio station."
			k = len(toks) - 1
		}
		if k < len(toks) && toks[k].word && clauseStartOK(toks, k) && !(toks[k].text == "," || toks[k].text == ".") {
			// X said (that) CLAUSE
			e := clauseEnd(toks, k)
			if (!lexicon.SayVerbs().Has(l) || l == "added" || l == "adds") && toks[k].lower() != "that" && !lexicon.Pronouns().Has(toks[k].lower()) && toks[k].lower() != "there" && !(k > c+2 && toks[k-1].text == ",") && !urgeObject(toks, l, k, sp) && !zeroThatClause(toks, k) {
				// "announced these intentions": an object, not a clause
				continue
			}
			noVerbCheck = urgeObject(toks, l, k, sp)
			emit(k, e, sp, t.text, false, ol)
			noVerbCheck = false
			sentSpeaker = sp
			c = e
			floorTok = e
			continue
		}
		if k < len(toks) && toks[k].quoted {
			// X said that "..." : mixed, the clause starts at the quote
			if clauseStartOK(toks, k) {
				e := clauseEnd(toks, k)
				emit(k, e, sp, t.text, false, ol)
				sentSpeaker = sp
				c = e
				floorTok = e
			}
			continue
		}
		if k >= len(toks) || toks[k].text == "." {
			// a bare attribution: "Harry J. Kazianis, director of ...,
			// said in an e-mailed statement." (the quote came before)
			if floorTok == 0 && tokenAt(toks, sp.start) <= 1 && len(s.quotes) == 0 {
				ex.bare = append(ex.bare, bareAttr{sent: s.serial, sp: sp, cue: t.text, outlet: ol})
			}
		}
		// CLAUSE, X said[, CLAUSE2].
		// A weak cue counts here when a person or pronoun says it and the
		// sentence or a parenthesis closes after it (", he adds.",
		// ", they promise,").
		closes := k >= len(toks) || toks[k].text == "." || toks[k].text == "," || toks[k].text == ";"
		weakOK := closes && (sp.name != "" || sp.pronoun == "he" || sp.pronoun == "she" || sp.pronoun == "they")
		if spTok > floorTok+1 && spTok > 0 && toks[spTok-1].text == "," && (!lexicon.WeakCues().Has(l) || weakOK) {
			emit(floorTok, spTok-1, sp, t.text, false, ol)
			sentSpeaker = sp
			if k < len(toks) && toks[k].text == ";" && k+1 < len(toks) {
				// "..., Foster writes; such accusations ...": the clause
				// after the semicolon is the same speaker's
				e := clauseEnd(toks, k+1)
				if clauseStartOK(toks, k+1) {
					emit(k+1, e, sp, t.text, false, ol)
				}
				c = e
			}
			if k < len(toks) && toks[k].text == "," {
				e := clauseEnd(toks, k+1)
				if clauseStartOK(toks, k+1) || k+1 < len(toks) && toks[k+1].lower() == "but" {
					noVerbCheck = true
					emit(k+1, e, sp, t.text, false, ol)
					noVerbCheck = false
				}
				c = e
			}
			floorTok = max(c, k)
		}
	}
}

// criticismCue returns the token range [a, b) of the charge after a
// criticism verb at c and its object ("derides the board for a lack of
// leadership he says has left ..." -> "a lack of leadership"), or a == b.
func criticismCue(toks []token, c int) (int, int) {
	prep, ok := lexicon.CriticismVerbs().Get(toks[c].low)
	if !ok || c == 0 || lexicon.PassiveMarkers().Has(toks[c-1].low) {
		return 0, 0
	}
	j := c + 1
	for j < len(toks) && j <= c+6 && toks[j].word && !toks[j].quoted && toks[j].low != prep {
		j++
	}
	if j >= len(toks) || toks[j].low != prep || j == c+1 {
		return 0, 0
	}
	a := j + 1
	b := a
	for b < len(toks) && b < a+15 && (toks[b].word || toks[b].quoted || toks[b].text == "-") {
		l := toks[b].low
		if !toks[b].quoted && (lexicon.Pronouns().Has(l) && b+1 < len(toks) && isCueToken(toks, b+1) || l == "that" || l == "which" || l == "who" || l == "and" || l == "but") {
			break
		}
		b++
	}
	if b-a < 2 || b-a >= 15 || a < len(toks) && strings.HasSuffix(toks[a].low, "ing") {
		// "accused him of lying": a verb, not a charge worth quoting
		return 0, 0
	}
	return a, b
}

// contentNounThat returns the index of "that" when toks[k:] is "the
// (adjectives) <content noun> that", else 0.
func contentNounThat(toks []token, k int) int {
	if k >= len(toks) || !lexicon.Determiners().Has(toks[k].low) {
		return 0
	}
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
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

// isDash reports a dash that sets off a parenthetical.
func isDash(s string) bool { return s == "—" || s == "–" || s == "--" || s == "-" }

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
		if n > 5 || lexicon.FiniteVerbs().Has(t.low) || cueVerbsHas(t.low) || t.low == "that" || lexicon.Pronouns().Has(t.low) {
			return false
		}
	}
	return n > 0 && n <= 5
}

// cueVerbsHas reports whether w is a reporting verb.
func cueVerbsHas(w string) bool {
	ok := lexicon.ReportingVerbs().Has(w)
	return ok
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
		switch toks[j+1].low {
		case "few", "dozen", "couple", "number", "lot", "total", "second", "third", "fourth", "day", "week", "month", "year", "bit", "while":
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
	return n >= 2 && n <= 12
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
	for k := a; k < b && n < 16; k++ {
		t := toks[k]
		if !t.word {
			continue
		}
		n++
		l := t.lower()
		if n == 1 && (l == "that" || l == "if" || l == "whether" || l == "why" || l == "how" || l == "what") {
			continue
		}
		if lexicon.FiniteVerbs().Has(l) {
			return true
		}
		if (n <= 2) && (lexicon.Pronouns().Has(l) || l == "there") {
			return true
		}
		if len(l) > 4 && strings.HasSuffix(l, "ed") && !t.capitalized() {
			return true
		}
		// present tense after a noun: "the party needs", "Ottawa holds"
		if n >= 2 && len(l) > 3 && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "us") && !t.capitalized() && k > a {
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
	for j < stop && j < 6 && toks[j].word && !toks[j].quoted {
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
	for j := k; j < len(toks) && j <= k+6; j++ {
		t := toks[j]
		if !t.word || t.quoted {
			return false
		}
		l := t.lower()
		if j > k && lexicon.ClauseVerbs().Has(l) {
			return true
		}
		switch l {
		case "that", "which", "who", "whom", "whose", "where", "when", "and", "or", "but", "to":
			return false
		}
	}
	return false
}
