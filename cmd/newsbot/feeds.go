package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"newsbot/feeds"
	"newsbot/fetch"
	"newsbot/handlers"
	"newsbot/index"
)

// minFeedInterval is the shortest NEWSBOT_FEED_INTERVAL accepted (tests
// and local trials; a real feed should be polled every few minutes at
// most).
const minFeedInterval = time.Second

// feedInterval is NEWSBOT_FEED_INTERVAL, checked.
func (c Config) feedInterval() (time.Duration, error) {
	d, err := time.ParseDuration(c.FeedInterval)
	if err != nil {
		return 0, fmt.Errorf("NEWSBOT_FEED_INTERVAL %q is not a duration; write e.g. 15m, 1h or 90s", c.FeedInterval)
	}
	if d < minFeedInterval {
		return 0, fmt.Errorf("NEWSBOT_FEED_INTERVAL %q is too short; write at least %s (15m is usual)", c.FeedInterval, minFeedInterval)
	}
	return d, nil
}

// newPoller builds the feed poller on an open index and its handlers, with
// the SSRF-safe fetcher of NEWSBOT_FETCH_ALLOW for feeds and pages.
func (a *app) newPoller(ix *index.Index, h *handlers.Handlers) (*feeds.Poller, error) {
	interval, err := a.cfg.feedInterval()
	if err != nil {
		return nil, err
	}
	allow, err := fetch.ParseAllow(a.cfg.FetchAllow)
	if err != nil {
		return nil, fmt.Errorf("NEWSBOT_FETCH_ALLOW: %w", err)
	}
	c, err := fetch.New(fetch.Config{Allow: allow, Logger: a.log})
	if err != nil {
		return nil, err
	}
	return feeds.New(feeds.Config{
		Store:    ix,
		Docs:     c,
		Pages:    c,
		Add:      h,
		Interval: interval,
		Now:      a.now,
		Log:      a.log.With("component", "feeds"),
	})
}

// openFeeds opens the index, the handlers and the feed poller for a
// command. The caller closes the index. The poller logs warnings and
// errors only (its info lines are for serve's log): the command prints
// what happened itself.
func (a *app) openFeeds(ctx context.Context) (*index.Index, *feeds.Poller, error) {
	if _, err := a.cfg.feedInterval(); err != nil {
		return nil, nil, err
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return nil, nil, err
	}
	level, _ := a.cfg.logLevel() // checked by run
	quiet := *a
	quiet.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: max(level, slog.LevelWarn)}))
	p, err := quiet.newPoller(ix, h)
	if err != nil {
		ix.Close()
		return nil, nil, err
	}
	return ix, p, nil
}

// feedTick is how often serve looks for due feeds: a tenth of the
// interval, so a feed is fetched within 10% of its time, and at least
// every 30 s.
func feedTick(interval time.Duration) time.Duration {
	return min(max(interval/10, 50*time.Millisecond), 30*time.Second)
}

// runFeeds polls the feeds in the background until ctx ends or stop is
// called; n hears of new articles and broken feeds.
func (a *app) runFeeds(ctx context.Context, p *feeds.Poller, n feeds.Notifier) (stop func()) {
	interval, _ := a.cfg.feedInterval() // checked by newPoller
	if interval < time.Minute {
		a.log.Warn("NEWSBOT_FEED_INTERVAL is under a minute: fine for a trial, impolite to real news sites", "interval", interval)
	}
	ctx, cancel := context.WithCancel(ctx)
	ticker := time.NewTicker(feedTick(interval))
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Run(ctx, ticker.C, n)
	}()
	return func() { cancel(); ticker.Stop(); <-done }
}
