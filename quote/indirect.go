package quote

import (
	"newsbot/lexicon"
	"newsbot/news"
)

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
