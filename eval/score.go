package eval

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"newsbot/news"
)

// PRF is precision, recall and F1 (percentages) with the counts behind them.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Matched   int     `json:"matched"`
	Predicted int     `json:"predicted"`
	Gold      int     `json:"gold"`
}

func newPRF(matched, predicted, gold int) PRF {
	p := PRF{Matched: matched, Predicted: predicted, Gold: gold}
	if predicted > 0 {
		p.Precision = 100 * float64(matched) / float64(predicted)
	}
	if gold > 0 {
		p.Recall = 100 * float64(matched) / float64(gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Extraction is the score of an extractor on a GGT set.
type Extraction struct {
	Docs int `json:"docs"`
	// Lenient and Strict are quote P/R/F1 with a gold quote found when the
	// matched prediction covers more than 30% / 80% of its characters.
	Lenient PRF `json:"lenient_0_3"`
	Strict  PRF `json:"strict_0_8"`
	// SpeakerAccuracy is the percentage of quotes found at 0.3 whose
	// predicted speaker names the gold reference (SameSpeaker).
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	SpeakerCorrect  int     `json:"speaker_correct"`
	// SpeakerScored is the number of found quotes whose gold names a
	// source (a reference of "-" means none and is not scored).
	SpeakerScored int `json:"speaker_scored"`
	// DirectRecall is the percentage of gold quotes of type "direct"
	// found at 0.3, when the set gives types (0 with DirectGold 0).
	DirectRecall float64 `json:"direct_recall,omitempty"`
	DirectFound  int     `json:"direct_found,omitempty"`
	DirectGold   int     `json:"direct_gold,omitempty"`
	// Roles scores the speakers' roles where the set gives them (see
	// scoreRoles); nil otherwise.
	Roles *RoleScore `json:"roles,omitempty"`
	// Outlets scores the outlets cited for found quotes where the set
	// annotates them (same counts as Roles, per quote); nil otherwise.
	Outlets *RoleScore `json:"outlets,omitempty"`
	// Misses lists every gold quote not found at 0.3, every spurious
	// prediction and every wrong speaker, for reading (not printed by Table).
	Misses []Miss `json:"misses,omitempty"`
}

// Miss is one error of the extractor: kind "missed" (gold quote not found),
// "spurious" (prediction matching no gold quote), "speaker" (found with the
// wrong speaker), "partial" (found at 0.3 but not at 0.8) or "role" (a
// rightly named speaker shown with a wrong or no role: Gold and Predicted
// hold the roles).
type Miss struct {
	Kind      string  `json:"kind"`
	DocID     string  `json:"doc_id"`
	Gold      string  `json:"gold,omitempty"`
	Reference string  `json:"reference,omitempty"`
	Predicted string  `json:"predicted,omitempty"`
	Speaker   string  `json:"speaker,omitempty"`
	Mention   string  `json:"mention,omitempty"`
	Overlap   float64 `json:"overlap,omitempty"`
}

// isQuoteMark reports whether r is a quotation mark the extractor leaves out
// of a quote's Text.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‹', '›':
		return true
	}
	return false
}

// widen extends a predicted span over the quotation marks right around it:
// news.Quote.Text excludes the marks while GGT gold spans include them, and
// the protocol measures coverage of the gold characters.
func widen(text string, start, end int) (int, int) {
	if start > 0 {
		if r, n := utf8.DecodeLastRuneInString(text[:start]); isQuoteMark(r) {
			start -= n
		}
	}
	if end < len(text) {
		if r, n := utf8.DecodeRuneInString(text[end:]); isQuoteMark(r) {
			end += n
		}
	}
	return start, end
}

type pair struct {
	g, p    int
	overlap float64
}

// match pairs gold and predicted spans one to one, greedily by largest
// overlap (measured on the gold characters). It returns, per gold quote, the
// index of its prediction (-1 if none) and the overlap ratio.
func match(text string, gold []GoldQuote, pred []news.Quote) (gp []int, ratio []float64, pg []int) {
	gp = make([]int, len(gold))
	ratio = make([]float64, len(gold))
	pg = make([]int, len(pred))
	for i := range gp {
		gp[i] = -1
	}
	for i := range pg {
		pg[i] = -1
	}
	var pairs []pair
	for gi, g := range gold {
		glen := utf8.RuneCountInString(text[g.Start:g.End])
		if glen == 0 {
			continue
		}
		for pi, p := range pred {
			ps, pe := widen(text, p.Start, p.End)
			s, e := max(ps, g.Start), min(pe, g.End)
			if s >= e {
				continue
			}
			ov := float64(utf8.RuneCountInString(text[s:e])) / float64(glen)
			pairs = append(pairs, pair{gi, pi, ov})
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].overlap > pairs[j].overlap })
	for _, pr := range pairs {
		if gp[pr.g] >= 0 || pg[pr.p] >= 0 {
			continue
		}
		gp[pr.g], pg[pr.p], ratio[pr.g] = pr.p, pr.g, pr.overlap
	}
	return gp, ratio, pg
}

// validSpan reports whether a predicted quote's span can be scored.
func validSpan(text string, q news.Quote) bool {
	return q.Start >= 0 && q.End <= len(text) && q.Start < q.End
}

// ScoreExtraction runs extract over every article of set and scores it with
// the GGT protocol (see /work/shared/corpus/README.md): greedy one-to-one
// matching by largest overlap, quote P/R/F1 at 0.3 and 0.8 overlap, and
// speaker accuracy by name on the quotes found at 0.3.
func ScoreExtraction(set *Set, extract func(text string) []news.Quote) Extraction {
	var res Extraction
	var nPred, nGold, found3, found8, spk, scored int
	var roles, outlets RoleScore
	hasRoles, hasOutlets := false, false
	for _, d := range set.Docs {
		res.Docs++
		var pred []news.Quote
		for _, q := range extract(d.Text) {
			if validSpan(d.Text, q) {
				pred = append(pred, q)
			}
		}
		nPred += len(pred)
		nGold += len(d.Quotes)
		gp, ratio, pg := match(d.Text, d.Quotes, pred)
		for _, g := range d.Quotes {
			hasRoles = hasRoles || g.Role != ""
			hasOutlets = hasOutlets || g.Outlet != ""
		}
		rs, rm := scoreRoles(d, pred, gp, ratio)
		roles.add(rs)
		outlets.add(scoreOutlets(d, pred, gp, ratio))
		res.Misses = append(res.Misses, rm...)
		for gi, g := range d.Quotes {
			pi := gp[gi]
			if g.Type == "direct" {
				res.DirectGold++
				if pi >= 0 && ratio[gi] > 0.3 {
					res.DirectFound++
				}
			}
			if pi < 0 || ratio[gi] <= 0.3 {
				res.Misses = append(res.Misses, Miss{Kind: "missed", DocID: d.ID, Gold: g.Text, Reference: g.Reference, Overlap: ratio[gi]})
				continue
			}
			found3++
			p := pred[pi]
			if ratio[gi] > 0.8 {
				found8++
			} else {
				res.Misses = append(res.Misses, Miss{Kind: "partial", DocID: d.ID, Gold: g.Text, Reference: g.Reference, Predicted: d.Text[p.Start:p.End], Speaker: p.Speaker, Overlap: ratio[gi]})
			}
			if g.Reference == NoSource {
				continue
			}
			scored++
			if SameSpeaker(p.Speaker, g.Reference) {
				spk++
			} else {
				res.Misses = append(res.Misses, Miss{Kind: "speaker", DocID: d.ID, Gold: g.Text, Reference: g.Reference, Predicted: d.Text[p.Start:p.End], Speaker: p.Speaker, Mention: p.Mention, Overlap: ratio[gi]})
			}
		}
		for pi, p := range pred {
			gi := pg[pi]
			if gi >= 0 && ratio[gi] > 0.3 {
				continue
			}
			res.Misses = append(res.Misses, Miss{Kind: "spurious", DocID: d.ID, Predicted: d.Text[p.Start:p.End], Speaker: p.Speaker})
		}
	}
	// A prediction counts as correct when its gold quote is found; with a
	// one-to-one matching the matched count is the same for P and R.
	res.Lenient = newPRF(found3, nPred, nGold)
	res.Strict = newPRF(found8, nPred, nGold)
	res.SpeakerCorrect = spk
	res.SpeakerScored = scored
	if scored > 0 {
		res.SpeakerAccuracy = 100 * float64(spk) / float64(scored)
	}
	if res.DirectGold > 0 {
		res.DirectRecall = 100 * float64(res.DirectFound) / float64(res.DirectGold)
	}
	if hasRoles {
		res.Roles = &roles
	} else {
		// a set without roles has no role misses to read
		res.Misses = slices.DeleteFunc(res.Misses, func(m Miss) bool { return m.Kind == "role" })
	}
	if hasOutlets {
		res.Outlets = &outlets
	}
	return res
}

// SameSpeaker reports whether a predicted canonical speaker names the gold
// reference: equal ignoring case and punctuation, or with the same surname
// (last word), as the GGT protocol counts it. An empty prediction never
// matches.
func SameSpeaker(pred, gold string) bool {
	p, g := news.NormalizeName(stripPossessive(pred)), news.NormalizeName(stripPossessive(gold))
	if p == "" || g == "" {
		return false
	}
	if p == g {
		return true
	}
	return lastWord(p) == lastWord(g)
}

func stripPossessive(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "'s")
	return strings.TrimSuffix(s, "’s")
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// Table prints the extraction score as a readable table.
func (e Extraction) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "quote extraction on %d articles (%d gold quotes, %d predicted)\n", e.Docs, e.Lenient.Gold, e.Lenient.Predicted)
	fmt.Fprintf(&b, "%-22s %9s %9s %9s %8s\n", "overlap", "precision", "recall", "F1", "matched")
	fmt.Fprintf(&b, "%-22s %9.1f %9.1f %9.1f %8d\n", "lenient (> 0.3)", e.Lenient.Precision, e.Lenient.Recall, e.Lenient.F1, e.Lenient.Matched)
	fmt.Fprintf(&b, "%-22s %9.1f %9.1f %9.1f %8d\n", "strict (> 0.8)", e.Strict.Precision, e.Strict.Recall, e.Strict.F1, e.Strict.Matched)
	fmt.Fprintf(&b, "speaker accuracy by name: %.1f%% (%d of %d found quotes with a source)\n", e.SpeakerAccuracy, e.SpeakerCorrect, e.SpeakerScored)
	if e.DirectGold > 0 {
		fmt.Fprintf(&b, "recall of direct quotes: %.1f%% (%d of %d)\n", e.DirectRecall, e.DirectFound, e.DirectGold)
	}
	if r := e.Roles; r != nil {
		fmt.Fprintf(&b, "roles shown that are right: %.1f%% (%d of %d); roles given that are shown: %.1f%% (%d of %d)\n",
			pct(r.ShownRight, r.Shown), r.ShownRight, r.Shown, pct(r.GivenFound, r.Given), r.GivenFound, r.Given)
	}
	if r := e.Outlets; r != nil {
		fmt.Fprintf(&b, "outlets shown that are right: %.1f%% (%d of %d); outlets cited that are shown: %.1f%% (%d of %d)\n",
			pct(r.ShownRight, r.Shown), r.ShownRight, r.Shown, pct(r.GivenFound, r.Given), r.GivenFound, r.Given)
	}
	return b.String()
}

// MissesText prints the misses, one block per error, for reading.
func (e Extraction) MissesText() string {
	var b strings.Builder
	for _, m := range e.Misses {
		if m.Kind == "role" {
			fmt.Fprintf(&b, "[role] %s %s: shown %q, annotated %q\n", m.DocID, m.Reference, m.Predicted, m.Gold)
			continue
		}
		fmt.Fprintf(&b, "[%s] %s ov=%.2f\n", m.Kind, m.DocID, m.Overlap)
		if m.Gold != "" {
			fmt.Fprintf(&b, "  gold: %q (%s)\n", m.Gold, m.Reference)
		}
		if m.Predicted != "" {
			fmt.Fprintf(&b, "  pred: %q (%s) mention=%q\n", m.Predicted, m.Speaker, m.Mention)
		}
	}
	return b.String()
}

// RoleScore counts, per article and rightly named speaker, the role shown
// with the speaker's quotes against the role the annotators copied from
// the article.
type RoleScore struct {
	// Shown counts speakers shown with a role; ShownRight those whose role
	// matches the annotated one (a role shown where the article gives none
	// is wrong).
	Shown      int `json:"shown"`
	ShownRight int `json:"shown_right"`
	// Given counts speakers the article gives a role; GivenFound those
	// shown with a matching role.
	Given      int `json:"given"`
	GivenFound int `json:"given_found"`
}

// count adds one comparison: a value shown (non-empty shown), one
// annotated (non-empty gold), and whether they match.
func (r *RoleScore) count(shown, gold string, match bool) {
	if shown != "" {
		r.Shown++
		if match {
			r.ShownRight++
		}
	}
	if gold != "" {
		r.Given++
		if match {
			r.GivenFound++
		}
	}
}

func (r *RoleScore) add(o RoleScore) {
	r.Shown += o.Shown
	r.ShownRight += o.ShownRight
	r.Given += o.Given
	r.GivenFound += o.GivenFound
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// scoreRoles compares roles for the speakers of one article that the
// extractor names rightly on at least one found quote.
// It also returns a "role" miss for every speaker whose shown role is
// wrong or missing.
func scoreRoles(d Doc, pred []news.Quote, gp []int, ratio []float64) (RoleScore, []Miss) {
	type pair struct{ gold, shown string }
	bySpeaker := map[string]*pair{}
	var order []string
	for gi, g := range d.Quotes {
		pi := gp[gi]
		if g.Reference == NoSource || pi < 0 || ratio[gi] <= 0.3 || !SameSpeaker(pred[pi].Speaker, g.Reference) {
			continue
		}
		k := strings.ToLower(g.Reference)
		p := bySpeaker[k]
		if p == nil {
			p = &pair{}
			bySpeaker[k] = p
			order = append(order, k)
		}
		if p.shown == "" {
			p.shown = pred[pi].Title
		}
	}
	// the role is annotated once per speaker: take it from any quote
	for _, g := range d.Quotes {
		if p := bySpeaker[strings.ToLower(g.Reference)]; p != nil && p.gold == "" {
			p.gold = g.Role
		}
	}
	var r RoleScore
	var misses []Miss
	for _, k := range order {
		p := bySpeaker[k]
		ok := p.gold != "" && p.shown != "" && SameRole(p.shown, p.gold)
		if !ok && (p.gold != "" || p.shown != "") {
			misses = append(misses, Miss{Kind: "role", DocID: d.ID, Reference: k, Gold: p.gold, Predicted: p.shown})
		}
		r.count(p.shown, p.gold, ok)
	}
	return r, misses
}

// roleFillers are left out when roles are compared.
var roleFillers = map[string]bool{"the": true, "a": true, "an": true, "of": true, "at": true, "for": true,
	"in": true, "and": true, "to": true, "with": true, "on": true, "its": true, "his": true, "her": true,
	"their": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true, "lord": true,
	"lady": true}

// SameRole reports whether a shown role matches the annotated one: every
// word of the shown role is in the annotated role (function words and
// honorifics aside, the precision rule of the role issue), and the shown
// role holds the annotated role's head (its last word before "of", "at",
// "for", "in" or "with"). So "manager" matches "manager of the club", but
// "accused Ms", "beat" or "club manager" do not.
func SameRole(shown, gold string) bool {
	sw, gw := roleWords(shown), roleWords(gold)
	if len(sw) == 0 || len(gw) == 0 {
		return false
	}
	head := ""
	for w := range strings.FieldsSeq(strings.ToLower(gold)) {
		w = strings.Trim(w, ",.;:()\"'’")
		if w == "of" || w == "at" || w == "for" || w == "in" || w == "with" {
			if head != "" {
				break
			}
			continue
		}
		if !roleFillers[w] && w != "" {
			head = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		}
	}
	inGold := map[string]bool{}
	for _, w := range gw {
		inGold[w] = true
	}
	hasHead, common := false, 0
	for _, w := range sw {
		if w == head {
			hasHead = true
		}
		if inGold[w] {
			common++
		}
	}
	return hasHead && common == len(sw)
}

func roleWords(s string) []string {
	var out []string
	for w := range strings.FieldsSeq(strings.ToLower(s)) {
		w = strings.Trim(w, ",.;:()\"'’")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w != "" && !roleFillers[w] {
			out = append(out, w)
		}
	}
	return out
}

// scoreOutlets compares, for every found quote, the outlet shown with the
// outlet annotated ("told the BBC" -> "BBC"); names match ignoring case
// and a leading "the", or when one opens the other ("BBC" and "BBC News").
func scoreOutlets(d Doc, pred []news.Quote, gp []int, ratio []float64) RoleScore {
	var r RoleScore
	for gi, g := range d.Quotes {
		pi := gp[gi]
		if pi < 0 || ratio[gi] <= 0.3 {
			continue
		}
		shown := pred[pi].Outlet
		ok := shown != "" && g.Outlet != "" && sameOutlet(shown, g.Outlet)
		r.count(shown, g.Outlet, ok)
	}
	return r
}

func sameOutlet(a, b string) bool {
	norm := func(s string) []string {
		f := strings.Fields(strings.ToLower(s))
		if len(f) > 0 && f[0] == "the" {
			f = f[1:]
		}
		return f
	}
	x, y := norm(a), norm(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	// the shorter name opens the longer one, word for word ("BBC" and
	// "BBC News"; not "Times" and "New York Times")
	return len(x) > 0 && slices.Equal(x, y[:len(x)])
}
