package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"newsbot/news"
)

// PolNeAR is one split of the PolNeAR attribution corpus.
type PolNeAR struct {
	Dir  string
	Docs []PolDoc
}

// PolDoc is one PolNeAR article with its attributions (one annotator).
type PolDoc struct {
	ID           string
	Text         string
	Attributions []Attribution
}

// Attribution is one annotated attribution relation; spans are BYTE
// offsets into PolDoc.Text (converted from the corpus' code point offsets).
type Attribution struct {
	Source  []news.Span
	Cue     []news.Span
	Content []news.Span
	// SourceText and ContentText are the annotated strings (pieces joined
	// with a space).
	SourceText  string
	ContentText string
	// Direct reports whether the content begins and ends with quotation
	// marks or holds some (direct or mixed speech).
	Direct bool
}

type annSpan struct {
	typ   string
	spans []news.Span
	text  string
}

// LoadPolNeAR reads one split of PolNeAR: dir holds text/ and
// attributions/ (for example corpus/polnear/raw/dev). Given
// corpus/polnear/dev it looks in corpus/polnear/raw/dev. Articles with
// several annotators keep the alphabetically first annotator file.
func LoadPolNeAR(dir string) (*PolNeAR, error) {
	if _, err := os.Stat(filepath.Join(dir, "attributions")); err != nil {
		alt := filepath.Join(filepath.Dir(dir), "raw", filepath.Base(dir))
		if _, err2 := os.Stat(filepath.Join(alt, "attributions")); err2 != nil {
			return nil, fmt.Errorf("load polnear %q: no attributions folder", dir)
		}
		dir = alt
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("load polnear: %w", err)
	}
	sort.Strings(anns)
	chosen := map[string]string{}
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			continue
		}
		id := base[:i]
		if _, ok := chosen[id]; !ok {
			chosen[id] = a
		}
	}
	p := &PolNeAR{Dir: dir}
	for _, id := range sortedKeys(chosen) {
		raw, err := os.ReadFile(filepath.Join(dir, "text", id+".txt"))
		if err != nil {
			return nil, fmt.Errorf("load polnear article %s: %w", id, err)
		}
		doc := PolDoc{ID: id, Text: string(raw)}
		attrs, err := parseAnn(chosen[id], runeOffsets(doc.Text))
		if err != nil {
			return nil, err
		}
		doc.Attributions = attrs
		p.Docs = append(p.Docs, doc)
	}
	return p, nil
}

// parseAnn reads a BRAT standoff file into attributions.
func parseAnn(path string, byteAt []int) ([]Attribution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load polnear: %w", err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		l := sc.Text()
		if len(lines) > 0 && !isAnnLine(l) {
			// a text with a newline inside continues the previous line
			lines[len(lines)-1] += "\n" + l
			continue
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load polnear %s: %w", path, err)
	}
	ts := map[string]annSpan{}
	var events []string
	for _, l := range lines {
		parts := strings.SplitN(l, "\t", 3)
		if len(parts) < 2 {
			continue
		}
		switch l[0] {
		case 'T':
			head := strings.Fields(parts[1])
			if len(head) < 3 {
				continue
			}
			a := annSpan{typ: head[0]}
			if len(parts) > 2 {
				a.text = parts[2]
			}
			for piece := range strings.SplitSeq(strings.Join(head[1:], " "), ";") {
				se := strings.Fields(piece)
				if len(se) != 2 {
					continue
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil || s < 0 || e > len(byteAt)-1 || s > e {
					continue
				}
				a.spans = append(a.spans, news.Span{Start: byteAt[s], End: byteAt[e]})
			}
			sort.Slice(a.spans, func(i, j int) bool { return a.spans[i].Start < a.spans[j].Start })
			ts[parts[0]] = a
		case 'E':
			events = append(events, parts[1])
		}
	}
	var out []Attribution
	for _, ev := range events {
		var at Attribution
		for role := range strings.FieldsSeq(ev) {
			before, after, ok := strings.Cut(role, ":")
			if !ok {
				continue
			}
			t, ok := ts[after]
			if !ok {
				continue
			}
			switch before {
			case "Source":
				at.Source, at.SourceText = t.spans, t.text
			case "Cue":
				at.Cue = t.spans
			case "Content":
				at.Content, at.ContentText = t.spans, t.text
			}
		}
		if len(at.Content) == 0 {
			continue
		}
		at.Direct = strings.ContainsAny(at.ContentText, "\"“”")
		out = append(out, at)
	}
	return out, nil
}

func isAnnLine(l string) bool {
	if len(l) < 2 || (l[0] != 'T' && l[0] != 'E' && l[0] != 'A' && l[0] != 'R' && l[0] != '#') {
		return false
	}
	i := 1
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 1 && i < len(l) && l[i] == '\t'
}

// SourceScore is the PolNeAR score: content matching as in GGT (overlap on
// gold content characters > 0.3) and, on matched attributions, whether the
// extractor named the annotated source.
type SourceScore struct {
	Docs int `json:"docs"`
	// All counts every attribution with a source; Quoted only those whose
	// content holds quotation marks (direct and mixed speech).
	All    PRF `json:"all"`
	Quoted PRF `json:"quoted"`
	// SourceAccuracy: percentage of matched attributions whose predicted
	// mention, speaker or outlet names the annotated source span.
	SourceAccuracy       float64 `json:"source_accuracy"`
	SourceCorrect        int     `json:"source_correct"`
	QuotedSourceAccuracy float64 `json:"quoted_source_accuracy"`
	QuotedSourceCorrect  int     `json:"quoted_source_correct"`
}

// ScorePolNeAR runs extract over every article and scores it against the
// attributions that have a source.
func ScorePolNeAR(p *PolNeAR, extract func(text string) []news.Quote) SourceScore {
	var sc SourceScore
	var nPred, nGold, nGoldQ, found, foundQ, src, srcQ, predQ int
	for _, d := range p.Docs {
		sc.Docs++
		var pred []news.Quote
		for _, q := range extract(d.Text) {
			if validSpan(d.Text, q) {
				pred = append(pred, q)
				if q.Kind != news.Indirect {
					predQ++
				}
			}
		}
		nPred += len(pred)
		var gold []GoldQuote
		var attrs []Attribution
		for _, a := range d.Attributions {
			if len(a.Source) == 0 {
				continue
			}
			s, e := a.Content[0].Start, a.Content[len(a.Content)-1].End
			gold = append(gold, GoldQuote{Start: s, End: e, Text: d.Text[s:e], Reference: a.SourceText})
			attrs = append(attrs, a)
		}
		nGold += len(gold)
		gp, ratio, _ := match(d.Text, gold, pred)
		for gi, a := range attrs {
			if a.Direct {
				nGoldQ++
			}
			if gp[gi] < 0 || ratio[gi] <= 0.3 {
				continue
			}
			found++
			q := pred[gp[gi]]
			ok := namesSource(q, a.SourceText)
			if ok {
				src++
			}
			if a.Direct {
				foundQ++
				if ok {
					srcQ++
				}
			}
		}
	}
	sc.All = newPRF(found, nPred, nGold)
	sc.Quoted = newPRF(foundQ, predQ, nGoldQ)
	sc.SourceCorrect, sc.QuotedSourceCorrect = src, srcQ
	if found > 0 {
		sc.SourceAccuracy = 100 * float64(src) / float64(found)
	}
	if foundQ > 0 {
		sc.QuotedSourceAccuracy = 100 * float64(srcQ) / float64(foundQ)
	}
	return sc
}

// namesSource reports whether a predicted quote names the annotated source
// span: the mention at the cue, the canonical speaker or the outlet equals
// it, contains it or shares its last word ("Mr. Clyburn, the third-ranking
// House Democrat" is named by "Clyburn").
func namesSource(q news.Quote, source string) bool {
	g := news.NormalizeName(stripPossessive(source))
	if g == "" {
		return false
	}
	// the head of an appositive source: "Mr. Clyburn, the third-ranking ..."
	head := g
	if i := strings.IndexByte(source, ','); i > 0 {
		head = news.NormalizeName(stripPossessive(source[:i]))
	}
	for _, cand := range []string{q.Mention, q.Speaker, q.Outlet} {
		p := news.NormalizeName(stripPossessive(cand))
		if p == "" {
			continue
		}
		if p == g || p == head || strings.Contains(g, p) && utf8.RuneCountInString(p) > 3 || strings.Contains(p, head) {
			return true
		}
		if lastWord(p) == lastWord(head) {
			return true
		}
	}
	return false
}

// Table prints the PolNeAR score as a readable table.
func (s SourceScore) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "PolNeAR attributions on %d articles (content overlap > 0.3)\n", s.Docs)
	fmt.Fprintf(&b, "%-24s %9s %9s %9s %8s %8s\n", "relations", "precision", "recall", "F1", "matched", "source")
	fmt.Fprintf(&b, "%-24s %9.1f %9.1f %9.1f %8d %7.1f%%\n", "all (with a source)", s.All.Precision, s.All.Recall, s.All.F1, s.All.Matched, s.SourceAccuracy)
	fmt.Fprintf(&b, "%-24s %9.1f %9.1f %9.1f %8d %7.1f%%\n", "quoted (direct+mixed)", s.Quoted.Precision, s.Quoted.Recall, s.Quoted.F1, s.Quoted.Matched, s.QuotedSourceAccuracy)
	b.WriteString("source = matched relations whose predicted mention/speaker/outlet names the annotated source\n")
	return b.String()
}
