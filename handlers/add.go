package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"newsbot/news"
	"newsbot/quote"
)

// MaxTextBytes is the largest article text accepted (5 MB). A resource
// limit, not a quality knob: set in 38143ad (the skeleton), the same as
// fetch/'s default body limit, and far above any article of the corpora (the
// longest of ggt-dev is 15 KB, of bbc-train 9 KB, of PolNeAR 34 KB).
const MaxTextBytes = 5 << 20

// maxControlPercent is the most control characters (other than line
// breaks, tabs and form feeds), as a percentage of the text's bytes, of a
// text taken as an article; more is binary data. Set in 38143ad (the
// skeleton); the most in an article of ggt-dev, bbc-train or PolNeAR is
// 0.24%.
const maxControlPercent = 1

// CheckText refuses text that cannot be an article: empty, not UTF-8,
// binary, or larger than MaxTextBytes. The error wraps news.ErrInvalid and
// says what is wrong in words a user understands.
func CheckText(text string) error {
	switch {
	case len(text) > MaxTextBytes:
		return fmt.Errorf("%w: text is %.1f MB, more than the %d MB limit", news.ErrInvalid, float64(len(text))/(1<<20), MaxTextBytes>>20)
	case strings.IndexByte(text, 0) >= 0:
		return fmt.Errorf("%w: binary data, not text", news.ErrInvalid)
	case !utf8.ValidString(text):
		return fmt.Errorf("%w: text is not valid UTF-8 (convert it to UTF-8 first)", news.ErrInvalid)
	case strings.TrimSpace(text) == "":
		return fmt.Errorf("%w: no text", news.ErrInvalid)
	}
	control := 0
	for _, r := range text {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			control++
		}
	}
	if control*100 > maxControlPercent*len(text) {
		return fmt.Errorf("%w: binary data, not text", news.ErrInvalid)
	}
	return nil
}

// SplitPasted splits pasted text into a title (its first non-empty line) and
// a body (the rest).
func SplitPasted(pasted string) (title, body string) {
	pasted = strings.TrimLeft(strings.ReplaceAll(pasted, "\r\n", "\n"), " \t\n")
	title, body, _ = strings.Cut(pasted, "\n")
	return strings.TrimSpace(title), strings.TrimSpace(body)
}

// Prepare validates an article, normalises its text, extracts its quotes and
// sentences and returns the document to store. The article's ID, Hash and
// Added are set here.
func (h *Handlers) Prepare(a news.Article) (news.Document, error) {
	if err := CheckText(a.Text); err != nil {
		return news.Document{}, err
	}
	a.Text = normalizeText(a.Text)
	if strings.TrimSpace(a.Text) == "" {
		return news.Document{}, fmt.Errorf("%w: no text", news.ErrInvalid)
	}
	a.Title, a.Outlet, a.Byline = news.OneLine(a.Title), news.OneLine(a.Outlet), news.OneLine(a.Byline)
	if a.Title == "" {
		a.Title = firstWords(a.Text, 12)
	}
	a.Hash = news.ContentHash(a.Text)
	a.ID = news.NewID(a.Hash)
	if a.Added.IsZero() {
		a.Added = h.now().UTC()
	}
	quotes := quote.Extract(a.Text)
	for i := range quotes {
		quotes[i].ArticleID = a.ID
	}
	return news.Document{Article: a, Quotes: quotes, Sentences: quote.Sentences(a.Text)}, nil
}

// AddArticle prepares and stores one article.
func (h *Handlers) AddArticle(ctx context.Context, a news.Article) (AddResult, error) {
	res, errs, err := h.AddArticles(ctx, []news.Article{a})
	if err != nil {
		return AddResult{}, err
	}
	if errs[0] != nil {
		return AddResult{}, errs[0]
	}
	return res[0], nil
}

// AddArticles prepares and stores several articles in one durable batch.
// errs[i] is why articles[i] was refused (nil when added); err is a failure
// of the whole batch. An article that says nothing of where it comes from
// is the operator's: added from the command line, visible to all.
func (h *Handlers) AddArticles(ctx context.Context, articles []news.Article) (res []AddResult, errs []error, err error) {
	res = make([]AddResult, len(articles))
	errs = make([]error, len(articles))
	docs := make([]news.Document, 0, len(articles))
	pos := make([]int, 0, len(articles))
	for i, a := range articles {
		if a.AddedVia == "" && a.AddedBy == "" && a.AddedIn == "" {
			a.AddedVia = news.ViaCLI
		}
		doc, err := h.Prepare(a)
		if err != nil {
			errs[i] = err
			continue
		}
		docs = append(docs, doc)
		pos = append(pos, i)
	}
	if len(docs) == 0 {
		return res, errs, nil
	}
	storeErrs, err := h.store.Add(ctx, docs)
	if err != nil {
		return nil, nil, fmt.Errorf("store articles: %w", err)
	}
	for j, doc := range docs {
		i := pos[j]
		if j < len(storeErrs) && storeErrs[j] != nil {
			errs[i] = storeErrs[j]
			continue
		}
		res[i] = AddResult{Article: doc.Article.Ref(), Quotes: len(doc.Quotes), Speakers: countSpeakers(doc.Quotes), PrivateTo: doc.Article.PrivateTo}
	}
	return res, errs, nil
}

// withOrigin records on a where it comes from and who may see it.
func withOrigin(a news.Article, o news.Origin) (news.Article, error) {
	if o.Private && o.By.Conversation == "" {
		return a, fmt.Errorf("%w: a private article needs the conversation it is private to", news.ErrInvalid)
	}
	a.AddedBy, a.AddedIn, a.AddedVia = o.By.User, o.By.Conversation, o.By.Via
	a.PrivateTo = ""
	if o.Private {
		a.PrivateTo = o.By.Conversation
	}
	return a, nil
}

// addFrom adds one article from origin. A duplicate that origin's
// conversation may not see is reported without its id or title.
func (h *Handlers) addFrom(ctx context.Context, a news.Article, o news.Origin) (AddResult, error) {
	a, err := withOrigin(a, o)
	if err != nil {
		return AddResult{}, err
	}
	res, err := h.AddArticle(ctx, a)
	return res, h.hideDuplicate(ctx, err, scopeOf(o.By))
}

// hideDuplicate keeps a duplicate's id and title from a conversation that
// may not see it.
func (h *Handlers) hideDuplicate(ctx context.Context, err error, scope news.Scope) error {
	var de *news.DuplicateError
	if !errors.As(err, &de) || de.Elsewhere {
		return err
	}
	old, gerr := h.store.Get(ctx, de.ID)
	if gerr == nil && scope.Allows(old.PrivateTo) {
		return err
	}
	return &news.DuplicateError{Elsewhere: true}
}

// scopeOf is what an actor may see: the operator everything, a Slack user
// what the conversation they act in may see.
func scopeOf(by news.Actor) news.Scope {
	if by.IsOperator() {
		return news.Everything
	}
	return news.In(by.Conversation)
}

// AddPasted adds text pasted by a user (the first line is the title) from
// origin.
func (h *Handlers) AddPasted(ctx context.Context, pasted string, o news.Origin) (AddResult, error) {
	title, body := SplitPasted(pasted)
	if body == "" {
		return AddResult{}, fmt.Errorf("%w: paste the article with its title on the first line and the text below it", news.ErrInvalid)
	}
	return h.addFrom(ctx, news.Article{Title: title, Text: body}, o)
}

// AddURL fetches a page and adds its article from origin.
func (h *Handlers) AddURL(ctx context.Context, url string, o news.Origin) (AddResult, error) {
	if h.fetcher == nil {
		return AddResult{}, fmt.Errorf("%w: adding by URL is not available here; paste the text instead", news.ErrInvalid)
	}
	a, err := h.fetcher.Fetch(ctx, url)
	if err != nil {
		return AddResult{}, err
	}
	if a.URL != "" {
		if old, err := h.store.Lookup(ctx, a.URL); err == nil {
			return AddResult{}, h.hideDuplicate(ctx, &news.DuplicateError{ID: old.ID, Title: old.Title}, scopeOf(o.By))
		} else if !errors.Is(err, news.ErrNotFound) {
			return AddResult{}, err
		}
	}
	return h.addFrom(ctx, a, o)
}

func countSpeakers(qs []news.Quote) int {
	seen := map[string]bool{}
	for _, q := range qs {
		if q.Speaker != "" {
			seen[news.NormalizeName(q.Speaker)] = true
		}
	}
	return len(seen)
}

// normalizeText makes line endings \n, trims trailing spaces of lines and
// collapses runs of blank lines, so offsets are stable and paragraphs are
// separated by exactly one blank line.
func normalizeText(s string) string {
	// One Unicode form (é as one letter, not e + accent), so a question
	// typed either way matches; no control characters but tab and newline,
	// so article text cannot drive a terminal.
	s = norm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		if r != '\n' && r != '\r' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimPrefix(s, "\ufeff")
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	started := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\f\v")
		if strings.TrimSpace(l) == "" {
			blank++
			continue
		}
		if started {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		started = true
		blank = 0
		b.WriteString(l)
	}
	return b.String()
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + "…"
	}
	return strings.Join(f, " ")
}
