package feeds

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"newsbot/news"
)

// importEntries reads the entries of f not read before (newest first, at
// most limit of them), adds their articles and returns the report and the
// entries to record. On follow, the entries beyond limit are recorded as
// read (only entries published later are taken); on a poll they wait for
// the next one. complete is false when some entry is left for later: the
// next fetch must then not be conditional.
func (p *Poller) importEntries(ctx context.Context, f *news.Feed, entries []entry, limit int, follow bool) (rep news.FeedReport, seen []news.FeedEntry, complete bool, err error) {
	now := p.now().UTC()
	keys := make([]string, len(entries))
	for i, e := range entries {
		keys[i] = e.Key
	}
	known, err := p.store.FeedEntries(ctx, keys)
	if err != nil {
		return rep, nil, false, fmt.Errorf("read the entries already seen: %w", err)
	}
	record := func(e entry, article string, done bool) {
		r := known[e.Key]
		r.Key, r.Seen, r.Done = e.Key, now, done
		if r.Feed == "" {
			r.Feed = f.ID
		}
		if article != "" {
			r.Article = article
		}
		seen = append(seen, r)
	}
	// Following takes the newest limit entries, counting those read
	// before (from another feed) as known; a poll takes up to limit
	// entries not read before.
	complete = true
	var take []entry
	for i, e := range entries {
		r, ok := known[e.Key]
		done := ok && r.Done
		switch {
		case follow && i >= limit:
			if !done {
				record(e, "", true)
			}
		case done:
			if follow {
				p.countKnown(ctx, *f, &rep, e, r.Article)
			}
		case len(take) < limit:
			take = append(take, e)
		default:
			complete = false
		}
	}

	var pending []news.FeedArticle
	var from []entry
	for _, e := range take {
		if ctx.Err() != nil {
			complete = false
			break
		}
		a, dup, err := p.readEntry(ctx, *f, e)
		switch {
		case dup != "":
			p.countKnown(ctx, *f, &rep, e, dup)
			record(e, dup, true)
		case err != nil:
			r := known[e.Key]
			retry := errors.Is(err, news.ErrUnavailable) && r.Tries+1 < maxTries
			rep.Problems = append(rep.Problems, entryName(e)+": "+err.Error())
			if retry {
				complete = false
				r.Tries++
				known[e.Key] = r
			}
			record(e, "", !retry)
		default:
			pending = append(pending, news.FeedArticle{Article: a, Channel: f.Channel, User: f.User, Private: f.Private})
			from = append(from, e)
		}
	}
	if len(pending) == 0 {
		return rep, seen, complete, nil
	}
	refs, errs, err := p.add.AddFeedArticles(ctx, pending)
	if err != nil {
		return news.FeedReport{}, nil, false, err
	}
	for i, e := range from {
		var de *news.DuplicateError
		switch {
		case i < len(errs) && errors.As(errs[i], &de):
			p.countKnown(ctx, *f, &rep, e, de.ID)
			record(e, de.ID, true)
		case i < len(errs) && errs[i] != nil:
			rep.Problems = append(rep.Problems, entryName(e)+": "+errs[i].Error())
			record(e, "", true)
		default:
			rep.Added = append(rep.Added, refs[i])
			if pending[i].Article.Feed.FromFeed {
				rep.FromFeed++
			}
			f.Articles++
			record(e, refs[i].ID, true)
		}
	}
	return rep, seen, complete, nil
}

// countKnown reports an entry of f that is the stored article id: as
// already here when f's conversation may see that article; otherwise
// (private to another conversation) as a problem that names neither the
// article nor that conversation, as a manual add there would be refused.
func (p *Poller) countKnown(ctx context.Context, f news.Feed, rep *news.FeedReport, e entry, id string) {
	if id != "" {
		if a, err := p.store.Lookup(ctx, id); err == nil && !news.In(f.Channel).Allows(a.PrivateTo) {
			rep.Problems = append(rep.Problems, entryName(e)+": "+(&news.DuplicateError{Elsewhere: true}).Error())
			return
		}
	}
	rep.Known++
}

// readEntry returns the article of one entry: its page, with the outlet,
// byline and date from the feed when the page lacks them; else, when the
// page cannot be fetched, the text the feed carries. dup is the id of the
// stored article it duplicates (by URL), when it does.
func (p *Poller) readEntry(ctx context.Context, f news.Feed, e entry) (a news.Article, dup string, err error) {
	src := &news.FeedSource{ID: f.ID, Title: f.Title, GUID: strings.TrimPrefix(e.Key, "guid:")}
	var fetchErr error
	if e.Link != "" {
		if old, err := p.store.Lookup(ctx, e.Link); err == nil {
			return news.Article{}, old.ID, nil
		} else if !errors.Is(err, news.ErrNotFound) {
			return news.Article{}, "", err
		}
		a, fetchErr = p.fetchPage(ctx, e.Link)
		if fetchErr == nil {
			if a.URL != "" && a.URL != e.Link {
				if old, err := p.store.Lookup(ctx, a.URL); err == nil {
					return news.Article{}, old.ID, nil
				}
			}
			fillFromFeed(&a, f, e)
			a.Feed = src
			return a, "", nil
		}
		p.log.Debug("entry page not fetched; trying the feed's text", "feed", f.ID, "url", e.Link, "err", fetchErr)
	}
	if text := htmlText(e.Content); text != "" {
		a = news.Article{Title: e.Title, URL: e.Link, Text: text}
		fillFromFeed(&a, f, e)
		src.FromFeed = true
		a.Feed = src
		return a, "", nil
	}
	if fetchErr != nil {
		return news.Article{}, "", fetchErr
	}
	return news.Article{}, "", refuse(news.ErrInvalid, nil, "the entry has no link and no text")
}

func (p *Poller) fetchPage(ctx context.Context, link string) (news.Article, error) {
	release, err := p.hosts.acquire(ctx, link)
	if err != nil {
		return news.Article{}, err
	}
	defer release()
	return p.pages.Fetch(ctx, link)
}

// fillFromFeed gives an article what its page lacks and the feed has.
func fillFromFeed(a *news.Article, f news.Feed, e entry) {
	if strings.TrimSpace(a.Title) == "" {
		a.Title = e.Title
	}
	if a.Outlet == "" {
		a.Outlet = f.Title
	}
	if a.Byline == "" {
		a.Byline = e.Author
	}
	if a.Published.IsZero() {
		a.Published = e.Published
	}
}

// entryName names an entry in problems: its title, else its link.
func entryName(e entry) string {
	switch {
	case e.Title != "":
		return e.Title
	case e.Link != "":
		return e.Link
	}
	return "an untitled entry"
}
