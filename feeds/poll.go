package feeds

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"newsbot/news"
)

// Result is the outcome of polling one feed: its report, or why it failed.
type Result struct {
	Report news.FeedReport
	Err    error
}

// PollOptions say which feeds a poll fetches and who hears of it.
type PollOptions struct {
	// All fetches every feed now; otherwise only those that are due.
	All bool
	// Notify announces new articles and broken feeds in their channels;
	// nil tells nobody (a broken feed is then told by the next poll that
	// has a Notifier).
	Notify Notifier
	// OnResult, when set, is called with each feed's result as it
	// completes (from several goroutines, one at a time).
	OnResult func(Result)
}

// Poll fetches the due feeds (every feed with opts.All) and adds their new
// entries, a few feeds at a time and one request at a time per host. It
// returns the results in the order of Feeds; err is a failure to read the
// feeds at all. One poll runs at a time.
func (p *Poller) Poll(ctx context.Context, opts PollOptions) ([]Result, error) {
	p.polling.Lock()
	defer p.polling.Unlock()
	fs, err := p.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	if opts.Notify != nil {
		for i, f := range fs {
			if f.Broken && !f.BrokenTold && p.tellBroken(ctx, f, opts.Notify) {
				fs[i].BrokenTold = true
			}
		}
	}
	now := p.now()
	var todo []news.Feed
	for _, f := range fs {
		if opts.All || p.sched.due(f, now) {
			todo = append(todo, f)
		}
	}
	results := make([]Result, len(todo))
	var (
		wg    sync.WaitGroup
		outMu sync.Mutex
		sem   = make(chan struct{}, p.parallel)
	)
	for i, f := range todo {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return results[:i], ctx.Err()
		}
		wg.Go(func() {
			defer func() { <-sem }()
			r := p.pollOne(ctx, f, opts.Notify)
			results[i] = r
			if opts.OnResult != nil {
				outMu.Lock()
				opts.OnResult(r)
				outMu.Unlock()
			}
		})
	}
	wg.Wait()
	return results, nil
}

// pollOne fetches one feed, adds its new entries and records its state.
func (p *Poller) pollOne(ctx context.Context, f news.Feed, n Notifier) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			p.log.Error("panic while polling a feed", "feed", f.ID, "url", f.URL, "panic", fmt.Sprint(r))
			res = Result{Report: news.FeedReport{Feed: f}, Err: fmt.Errorf("polling %s failed: internal error (logged)", f.URL)}
		}
	}()
	now := p.now()
	doc, err := p.getDoc(ctx, f.URL, f.ETag, f.LastModified)
	if err == nil && doc.NotModified {
		p.sched.succeeded(&f, now, max(doc.MaxAge, f.MinInterval))
		if err := p.save(ctx, &f, nil, n); err != nil {
			return Result{Report: news.FeedReport{Feed: f}, Err: err}
		}
		p.log.Debug("feed not modified", "feed", f.ID)
		return Result{Report: news.FeedReport{Feed: f, NotModified: true}}
	}
	var d document
	if err == nil {
		d, err = parse(doc.Body, doc.ContentType, f.URL)
		if errors.Is(err, errHTML) {
			err = refuse(news.ErrInvalid, err, "%s served an HTML page instead of its feed", f.URL)
		}
	}
	if ctx.Err() != nil {
		return Result{Report: news.FeedReport{Feed: f}, Err: ctx.Err()} // interrupted: not the feed's fault
	}
	if err != nil {
		return p.fail(ctx, f, now, err, n)
	}
	p.sched.succeeded(&f, now, max(d.TTL, doc.MaxAge))
	f.ETag, f.LastModified = doc.ETag, doc.LastModified
	if d.Title != "" {
		f.Title = d.Title
	}
	if d.Site != "" {
		f.Site = d.Site
	}
	rep, entries, complete, err := p.importEntries(ctx, &f, newestFirst(d.Entries), MaxPerPoll, false)
	if err != nil {
		return p.fail(ctx, f, now, fmt.Errorf("could not store the entries of %s: %w", f.URL, err), n)
	}
	if !complete {
		f.ETag, f.LastModified = "", ""
	}
	rep.Feed = f
	if err := p.save(ctx, &f, entries, n); err != nil {
		return Result{Report: rep, Err: err}
	}
	for _, pr := range rep.Problems {
		p.log.Warn("feed entry not added", "feed", f.ID, "problem", pr)
	}
	if len(rep.Added) > 0 {
		p.log.Info("feed polled", "feed", f.ID, "added", len(rep.Added), "from_feed", rep.FromFeed)
		if f.Announce && n != nil && f.Channel != "" {
			if err := n.AnnounceArticles(ctx, f, rep.Added); err != nil {
				p.log.Error("could not announce new articles", "feed", f.ID, "channel", f.Channel, "err", err)
			}
		}
	}
	return Result{Report: rep}
}

// fail records a failed fetch of f and tells its channel once it is broken.
func (p *Poller) fail(ctx context.Context, f news.Feed, now time.Time, cause error, n Notifier) Result {
	p.sched.failed(&f, now, cause.Error())
	p.log.Warn("feed fetch failed", "feed", f.ID, "url", f.URL, "failures", f.Failures, "next", f.NextFetch, "err", cause)
	if err := p.save(ctx, &f, nil, n); err != nil {
		p.log.Error("could not record the failure of a feed", "feed", f.ID, "err", err)
	}
	return Result{Report: news.FeedReport{Feed: f}, Err: cause}
}

// save records f's state and the entries read; a broken feed's channel is
// told once.
func (p *Poller) save(ctx context.Context, f *news.Feed, entries []news.FeedEntry, n Notifier) error {
	if err := p.store.UpdateFeed(ctx, *f, entries); err != nil {
		if errors.Is(err, news.ErrNotFound) {
			return nil // unfollowed while it was polled
		}
		return fmt.Errorf("record the state of feed %s: %w", f.URL, err)
	}
	if f.Broken && !f.BrokenTold && n != nil {
		if p.tellBroken(ctx, *f, n) {
			f.BrokenTold = true
		}
	}
	return nil
}

// tellBroken tells f's channel that f is broken and records that it was
// told; false when it could not be told.
func (p *Poller) tellBroken(ctx context.Context, f news.Feed, n Notifier) bool {
	if f.Channel == "" {
		p.log.Warn("feed broken: it has failed for a week; nobody to tell (followed from the command line)", "feed", f.ID, "url", f.URL, "err", f.LastError)
	} else if err := n.ReportBrokenFeed(ctx, f); err != nil {
		p.log.Error("could not tell a channel its feed is broken", "feed", f.ID, "channel", f.Channel, "err", err)
		return false
	}
	f.BrokenTold = true
	if err := p.store.UpdateFeed(ctx, f, nil); err != nil && !errors.Is(err, news.ErrNotFound) {
		p.log.Error("could not record that a broken feed was reported", "feed", f.ID, "err", err)
	}
	return true
}

// Run polls the due feeds at once and then on every tick until ctx ends.
// The ticks should come a good deal more often than the interval (serve
// ticks every interval/10, at most every 30 s), so that each feed is
// fetched close to its own time.
func (p *Poller) Run(ctx context.Context, ticks <-chan time.Time, n Notifier) {
	for {
		if _, err := p.Poll(ctx, PollOptions{Notify: n}); err != nil && ctx.Err() == nil {
			p.log.Error("feed poll failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticks:
		}
	}
}
