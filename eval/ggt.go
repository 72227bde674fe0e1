// Package eval scores quote extraction and "who said" answers against
// annotated news corpora: the SFU Gender Gap Tracker evaluation format (GGT)
// and PolNeAR. It reads files but has no other side effects; the extractor
// and the question answerer are passed in as functions, so eval depends only
// on news.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Set is an annotated evaluation set in GGT format.
type Set struct {
	// Dir is the folder the set's article files are read from (the set's
	// own folder, or the corpus root of a span-only set).
	Dir string
	// Docs are the articles, in file order.
	Docs []Doc
	// Paraphrases are the questions of paraphrase-questions.tsv (empty when
	// the file is absent). Expected "-" means no article answers them.
	Paraphrases []Question
}

// Doc is one annotated article.
type Doc struct {
	ID     string
	Outlet string
	// Text is the raw article text (rawtext/<id>.txt).
	Text string
	// Quotes are the gold quotes that could be located in Text.
	Quotes []GoldQuote
	// Unlocated counts gold quotes whose text was not found in Text; they
	// are left out of scoring.
	Unlocated int
}

// GoldQuote is one annotated quote with BYTE offsets into Doc.Text.
type GoldQuote struct {
	Text      string
	Start     int
	End       int
	Speaker   string // the speaker as written ("he")
	Verb      string // the cue verb, "" for floating quotes
	Reference string // the resolved speaker name ("Lu Kang"); NoSource when none
	Type      string // "direct", "indirect" or "mixed" where the set gives it
	Role      string // the speaker's role as the annotator copied it, if given
	Outlet    string // the outlet the words were given to or reported by, if annotated
}

// NoSource is the reference of a gold quote that has no source at all; it is
// left out of speaker scoring and who-said questions.
const NoSource = "-"

type ggtArticle struct {
	DocID       string     `json:"doc_id"`
	Outlet      string     `json:"outlet"`
	RawtextFile string     `json:"rawtext_file"`
	Quotes      []ggtQuote `json:"quotes"`
}

type ggtQuote struct {
	Quote         string `json:"quote"`
	Speaker       string `json:"speaker"`
	Verb          string `json:"verb"`
	Reference     string `json:"reference"`
	Type          string `json:"type"`
	Role          string `json:"role"`
	CitedOutlet   string `json:"cited_outlet"`
	RawQuoteStart *int   `json:"raw_quote_start"`
	RawQuoteEnd   *int   `json:"raw_quote_end"`
}

// LoadGGT reads a GGT-format set: ggt_dev_49.json (or the single *.json file
// of dir), the rawtext/ folder and, when present, paraphrase-questions.tsv.
// The JSON's raw offsets count code points; they are converted to bytes.
func LoadGGT(dir string) (*Set, error) {
	jsonPath := filepath.Join(dir, "ggt_dev_49.json")
	if _, err := os.Stat(jsonPath); err != nil {
		matches, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		if len(matches) != 1 {
			return nil, fmt.Errorf("load ggt %q: no ggt_dev_49.json and %d other json files", dir, len(matches))
		}
		jsonPath = matches[0]
	}
	set, err := LoadGGTFile(jsonPath, dir)
	if err != nil {
		return nil, err
	}
	qs, err := loadParaphrases(filepath.Join(dir, "paraphrase-questions.tsv"))
	if err != nil {
		return nil, err
	}
	set.Paraphrases = qs
	return set, nil
}

// LoadGGTFile reads a set from one GGT-format JSON file whose articles'
// rawtext_file paths are relative to root. Sets annotated by this project
// (eval/annotations) hold spans only, no article text, and point into the
// shared corpus this way.
func LoadGGTFile(jsonPath, root string) (*Set, error) {
	data, err := os.ReadFile(jsonPath)
	if err != nil {
		return nil, fmt.Errorf("load ggt: %w", err)
	}
	var arts []ggtArticle
	if err := json.Unmarshal(data, &arts); err != nil {
		return nil, fmt.Errorf("load ggt %q: %w", jsonPath, err)
	}
	set := &Set{Dir: root}
	for _, a := range arts {
		file := a.RawtextFile
		if file == "" {
			file = filepath.Join("rawtext", a.DocID+".txt")
		}
		raw, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			return nil, fmt.Errorf("load ggt article %s: %w", a.DocID, err)
		}
		doc := Doc{ID: a.DocID, Outlet: a.Outlet, Text: string(raw)}
		byteAt := runeOffsets(doc.Text)
		for _, q := range a.Quotes {
			g := GoldQuote{Speaker: q.Speaker, Verb: q.Verb, Reference: q.Reference, Type: q.Type, Role: q.Role, Outlet: q.CitedOutlet}
			start, end := -1, -1
			if q.RawQuoteStart != nil && q.RawQuoteEnd != nil {
				s, e := *q.RawQuoteStart, *q.RawQuoteEnd
				if s >= 0 && e <= len(byteAt)-1 && s < e {
					start, end = byteAt[s], byteAt[e]
				}
			}
			if start < 0 {
				// Not anchored by the corpus: fall back to an exact search.
				if i := strings.Index(doc.Text, q.Quote); i >= 0 && q.Quote != "" {
					start, end = i, i+len(q.Quote)
				}
			}
			if start < 0 {
				doc.Unlocated++
				continue
			}
			g.Start, g.End = start, end
			g.Text = doc.Text[start:end]
			doc.Quotes = append(doc.Quotes, g)
		}
		set.Docs = append(set.Docs, doc)
	}
	return set, nil
}

// runeOffsets maps code point index i to its byte offset; the last element
// is len(s).
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

func loadParaphrases(path string) ([]Question, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load paraphrases: %w", err)
	}
	defer f.Close()
	var qs []Question
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) < 2 {
			continue
		}
		q := Question{Text: strings.TrimSpace(parts[0]), Expected: strings.TrimSpace(parts[1])}
		if len(parts) > 2 {
			q.DocID = strings.TrimSpace(parts[2])
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load paraphrases: %w", err)
	}
	return qs, nil
}

// NumQuotes is the number of located gold quotes in the set.
func (s *Set) NumQuotes() int {
	n := 0
	for _, d := range s.Docs {
		n += len(d.Quotes)
	}
	return n
}

// sortedKeys is a small helper for deterministic map iteration.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
