package index

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"newsbot/news"
)

// mappingVersion changes whenever the mapping below does; an index built
// with another version is rebuilt from the store on Open.
// Version 2 added the visibility fields (a_vis, q_vis, s_vis).
const mappingVersion = 2

// Field names are distinct per document type, so that BM25 statistics of
// quotes and sentences do not mix and a query on a field only ever matches
// one type.
const (
	fArticleTitle     = "a_title"
	fArticleURL       = "a_url"
	fArticleOutlet    = "a_outlet"
	fArticleByline    = "a_byline"
	fArticleAdded     = "a_added"
	fArticlePublished = "a_published"
	fArticleVis       = "a_vis"

	fQuoteText    = "q_text"
	fQuoteSpeaker = "q_speaker" // canonical name, lower-cased keyword
	fQuoteWho     = "q_who"     // the speaker's name as words (surname matching)
	fQuoteRole    = "q_role"
	fQuoteOutlet  = "q_outlet"
	fQuoteArticle = "q_article"
	fQuoteAdded   = "q_added"
	fQuoteVis     = "q_vis"

	fSentenceText    = "s_text"
	fSentenceArticle = "s_article"
	fSentenceAdded   = "s_added"
	fSentenceVis     = "s_vis"
)

// visWorkspace is the visibility term of an article visible across the
// workspace; a private article's term is its conversation id (Slack ids
// are upper-case letters and digits, so they never equal it).
const visWorkspace = "workspace"

// visTerm is the visibility term indexed for an article private to
// privateTo ("" for the workspace).
func visTerm(privateTo string) string {
	if privateTo == "" {
		return visWorkspace
	}
	return privateTo
}

// Analyzer names.
const (
	analyzerText  = en.AnalyzerName // stemming, stop words, possessives
	analyzerLower = "nb_lower"      // whole value, lower-cased
	analyzerName  = "nb_name"       // words, lower-cased, no stop words
)

// Bleve documents. Their json tags are the field names.
type articleDoc struct {
	Title     string     `json:"a_title"`
	URL       string     `json:"a_url,omitempty"`
	Outlet    string     `json:"a_outlet,omitempty"`
	Byline    string     `json:"a_byline,omitempty"`
	Added     time.Time  `json:"a_added"`
	Published *time.Time `json:"a_published,omitempty"`
	Vis       string     `json:"a_vis"`
}

func (articleDoc) BleveType() string { return "article" }

type quoteDoc struct {
	Text    string    `json:"q_text"`
	Speaker string    `json:"q_speaker,omitempty"`
	Who     string    `json:"q_who,omitempty"`
	Role    string    `json:"q_role,omitempty"`
	Outlet  string    `json:"q_outlet,omitempty"`
	Article string    `json:"q_article"`
	Added   time.Time `json:"q_added"`
	Vis     string    `json:"q_vis"`
}

func (quoteDoc) BleveType() string { return "quote" }

type sentenceDoc struct {
	Text    string    `json:"s_text"`
	Article string    `json:"s_article"`
	Added   time.Time `json:"s_added"`
	Vis     string    `json:"s_vis"`
}

func (sentenceDoc) BleveType() string { return "sentence" }

// Bleve document ids: the article id, then "/q<n>" for its n-th quote and
// "/s<n>" for its n-th sentence (zero-padded so that sorting by id keeps
// text order).
func quoteDocID(id string, n int) string    { return fmt.Sprintf("%s/q%05d", id, n) }
func sentenceDocID(id string, n int) string { return fmt.Sprintf("%s/s%05d", id, n) }

// parseDocID splits a bleve document id into article id, kind ('a', 'q' or
// 's') and number.
func parseDocID(docID string) (id string, kind byte, n int, ok bool) {
	slash := strings.LastIndexByte(docID, '/')
	if slash < 0 {
		return docID, 'a', 0, true
	}
	rest := docID[slash+1:]
	if len(rest) < 2 || (rest[0] != 'q' && rest[0] != 's') {
		return "", 0, 0, false
	}
	n, err := strconv.Atoi(rest[1:])
	if err != nil {
		return "", 0, 0, false
	}
	return docID[:slash], rest[0], n, true
}

// bleveDocuments returns the bleve documents of one article, with their ids.
func bleveDocuments(d news.Document, add func(id string, doc any) error) error {
	a := d.Article
	vis := visTerm(a.PrivateTo)
	ad := articleDoc{Title: a.Title, URL: a.URL, Outlet: a.Outlet, Byline: a.Byline, Added: a.Added, Vis: vis}
	// Dates bleve cannot represent (nanoseconds since 1970 in an int64)
	// are not indexed: a bad date must not refuse the article.
	if a.Published.Year() > 1900 && a.Published.Year() < 2200 {
		p := a.Published
		ad.Published = &p
	}
	if err := add(a.ID, ad); err != nil {
		return err
	}
	for n, q := range d.Quotes {
		qd := quoteDoc{Text: q.Text, Speaker: q.Speaker, Who: q.Speaker, Role: q.Title, Outlet: q.Outlet, Article: a.ID, Added: a.Added, Vis: vis}
		if err := add(quoteDocID(a.ID, n), qd); err != nil {
			return err
		}
	}
	for n, s := range d.Sentences {
		if err := add(sentenceDocID(a.ID, n), sentenceDoc{Text: s.Text, Article: a.ID, Added: a.Added, Vis: vis}); err != nil {
			return err
		}
	}
	return nil
}

// newMapping is the explicit index mapping: three document types, no
// default or dynamic mapping, BM25 scoring, nothing stored (hits are built
// from the bbolt store), no _all field.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	im.ScoringModel = bleveindex.BM25Scoring
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.DefaultAnalyzer = analyzerText
	im.DefaultMapping = mapping.NewDocumentDisabledMapping()
	if err := im.AddCustomAnalyzer(analyzerLower, map[string]any{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []any{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	if err := im.AddCustomAnalyzer(analyzerName, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{lowercase.Name},
	}); err != nil {
		return nil, err
	}

	text := func(analyzer string, vectors bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = vectors
		f.DocValues = false
		return f
	}
	date := func(docValues bool) *mapping.FieldMapping {
		f := mapping.NewDateTimeFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	doc := func(fields map[string]*mapping.FieldMapping) *mapping.DocumentMapping {
		dm := mapping.NewDocumentStaticMapping()
		for name, f := range fields {
			dm.AddFieldMappingsAt(name, f)
		}
		// No _all composite field: every query names its field, and
		// building _all costs ~10% of indexing time.
		dm.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
		return dm
	}

	im.AddDocumentMapping("article", doc(map[string]*mapping.FieldMapping{
		fArticleTitle:     text(analyzerText, true),
		fArticleURL:       text(keyword.Name, false),
		fArticleOutlet:    text(analyzerLower, false),
		fArticleByline:    text(analyzerName, false),
		fArticleAdded:     date(true),
		fArticlePublished: date(false),
		fArticleVis:       text(keyword.Name, false),
	}))
	im.AddDocumentMapping("quote", doc(map[string]*mapping.FieldMapping{
		fQuoteText:    text(analyzerText, true),
		fQuoteSpeaker: text(analyzerLower, false),
		fQuoteWho:     text(analyzerName, false),
		fQuoteRole:    text(analyzerText, false),
		fQuoteOutlet:  text(analyzerLower, false),
		fQuoteArticle: text(keyword.Name, false),
		fQuoteAdded:   date(true),
		fQuoteVis:     text(keyword.Name, false),
	}))
	im.AddDocumentMapping("sentence", doc(map[string]*mapping.FieldMapping{
		fSentenceText:    text(analyzerText, true),
		fSentenceArticle: text(keyword.Name, false),
		fSentenceAdded:   date(true),
		fSentenceVis:     text(keyword.Name, false),
	}))
	return im, im.Validate()
}
