package quote

import "newsbot/lexicon"

// accordingTo takes "According to X, CLAUSE" and "CLAUSE, according to
// X[, CLAUSE2]" at toks[c] ("according") and returns the token to go on
// after.
func (sc *indirectScan) accordingTo(c int) int {
	toks := sc.toks
	srcA := c + 2
	srcB := srcA
	for srcB < len(toks) && !toks[srcB].quoted && toks[srcB].text != "," && toks[srcB].text != "." && toks[srcB].text != ";" && !isDash(toks[srcB].text) {
		srcB++
	}
	if srcB == srcA {
		return c
	}
	// "according to the study — which used data from X — CLAUSE":
	// the clause starts after the parenthetical
	after := srcB
	if srcB < len(toks) && isDash(toks[srcB].text) {
		for d := srcB + 1; d < len(toks) && d < srcB+maxParentheticalTokens && !toks[d].quoted && toks[d].text != "."; d++ {
			if isDash(toks[d].text) {
				after = d
				break
			}
		}
	}
	src, srcB, srcOutlet := sc.accordingSource(srcA, srcB)
	opts := clauseOpts{outlet: srcOutlet, outletOnly: srcOutlet != ""}
	if c == sc.floor || (c > sc.floor && onlyPunctToks(toks, sc.floor, c)) {
		// According to X, CLAUSE.
		if srcB < len(toks) && toks[srcB].text == "," && innerCue(toks, srcB+1) {
			// "According to the Financial Times, chief executive Jane
			// Roe said that ...": the outlet reported her; she speaks
			if srcOutlet != "" {
				sc.outlet = srcOutlet
			}
			sc.floor = srcB + 1
			return srcB
		}
		if srcB < len(toks) && toks[srcB].text == "," {
			sc.emit(srcB+1, clauseEnd(toks, srcB+1), src, "according to", opts)
		} else if after > srcB {
			sc.emit(after+1, clauseEnd(toks, after+1), src, "according to", opts)
		}
	} else if c > 0 && toks[c-1].text == "," {
		// CLAUSE, according to X[, CLAUSE2].
		sc.emit(sc.floor, c-1, src, "according to", opts)
		if srcB < len(toks) && toks[srcB].text == "," {
			// "Some of those concerns, according to experts,
			// include ...": the rest of the sentence is theirs
			rest := opts
			rest.anyClause = true
			sc.emit(srcB+1, clauseEnd(toks, srcB+1), src, "according to", rest)
		}
	}
	if !src.empty() && sc.speaker.empty() {
		sc.speaker = src
	}
	sc.floor = srcB
	return srcB
}

// innerCue reports whether the clause starting at toks[a] is itself a
// report, its reporting verb close after its start ("Jane Roe said that
// ...") and before any reported words.
func innerCue(toks []token, a int) bool {
	for k := a; k < len(toks) && k < a+maxInnerCueTokens; k++ {
		if toks[k].quoted || toks[k].low == "that" || toks[k].text == "," && k > a+1 {
			return false
		}
		if k > a && isCueToken(toks, k) {
			return true
		}
	}
	return false
}

// accordingSource reads the source of "according to" in tokens [srcA,
// srcB): a name with a list in it, an outlet, or a speaker phrase. It
// returns the phrase, the (possibly longer) end of the source, and the
// outlet when an outlet is the source.
func (sc *indirectScan) accordingSource(srcA, srcB int) (np, int, string) {
	text, toks := sc.ex.text, sc.toks
	src := np{}
	if listEnd := nameListEnd(toks, srcA, srcB); listEnd > srcB {
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
	if name, n := sc.ex.outletAt(toks, srcA); n > 0 && srcA+n >= srcB-0 {
		return src, srcB, name
	}
	srcOutlet := ""
	// "reporting by The Wall Street Journal"
	for k := srcA; k < srcB; k++ {
		if name, n := sc.ex.outletAt(toks, k); n > 0 && k+n == srcB {
			srcOutlet = name
		}
	}
	if srcOutlet != "" || !src.empty() {
		return src, srcB, srcOutlet
	}
	// "according to sources familiar with the situation who were not
	// authorized to speak about the bid": the source ends before its
	// relative clause
	rel := srcB
	for k := srcA + 1; k < srcB; k++ {
		if lexicon.SourceCut().Has(toks[k].low) {
			rel = k
			break
		}
	}
	if t := timeAdverbialStart(toks, rel-1, srcA+1); t > srcA {
		// "according to figures released by the commission on
		// Wednesday": the time is no source
		rel = t
	}
	src = backPhrase(text, toks, rel-1, srcA)
	if !src.empty() && src.name == "" && src.pronoun == "" {
		// "according to people familiar with the bid"
		src = postModified(text, toks, src, srcA)
	}
	if !src.empty() && src.pronoun == "" {
		// "according to the lawyer for Animal Protection Services": the
		// lawyer speaks
		src = affiliated(text, toks, src, srcA)
	}
	return src, srcB, ""
}

const (
	// maxParentheticalTokens is how far (in tokens) a dash after "according to
	// X" may be closed by a second dash ("according to the study — which used
	// data from X — CLAUSE"). Introduced in 5367e36. Measured at b75dbd0 on
	// bbc-train and ggt-dev (quote F1 / speaker accuracy): 91.0/89.9 and
	// 93.0/97.6 at 15, 22, 30 (chosen) and 60 alike (no extracted quote
	// differs).
	maxParentheticalTokens = 30
	// maxInnerCueTokens is how far (in tokens) into the clause after "According
	// to OUTLET," its own reporting verb may stand ("chief operating officer
	// Jane Roe said"). Set to cover a long title and name. Measured at b75dbd0
	// on bbc-train and ggt-dev (quote F1 / speaker accuracy): at 6: 91.0/89.9
	// and 93.0/97.4; at 9: 91.0/89.9 and 93.0/97.6; at 12 (chosen): 91.0/89.9
	// and 93.0/97.6; at 24: 91.0/89.9 and 93.0/97.6.
	maxInnerCueTokens = 12
)
