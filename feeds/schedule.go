package feeds

import (
	"time"

	"newsbot/news"
)

// Schedule limits, and where they come from.
const (
	// DefaultInterval is how often a feed is polled (NEWSBOT_FEED_INTERVAL's
	// default): the usual cadence of feed readers, and what most news
	// sites' ttl asks for.
	DefaultInterval = 15 * time.Minute
	// MaxBackoff bounds the wait after failures (the 24 h), and
	// the interval a feed's ttl or max-age may ask for: a feed polled less
	// than daily would miss a day's news.
	MaxBackoff = 24 * time.Hour
	// BrokenAfter is how long a feed must fail, without a success, to be
	// marked broken and its channel told.
	BrokenAfter = 7 * 24 * time.Hour
	// jitterFraction spreads polls of feeds followed together: each wait
	// is moved by up to this share of itself, either way.
	jitterFraction = 0.1
)

// schedule decides when a feed is fetched next.
type schedule struct {
	interval time.Duration
	rand     func() float64 // in [0, 1)
}

// jitter moves d by up to jitterFraction of itself, either way.
func (s schedule) jitter(d time.Duration) time.Duration {
	return d + time.Duration((s.rand()*2-1)*jitterFraction*float64(d))
}

// succeeded records a fetch that worked at now (a 304 included); minWait
// is what the feed or its server asks for.
func (s schedule) succeeded(f *news.Feed, now time.Time, minWait time.Duration) {
	f.LastFetch, f.LastSuccess = now, now
	f.LastError, f.Failures, f.FailingSince = "", 0, time.Time{}
	f.Broken, f.BrokenTold = false, false
	f.MinInterval = min(minWait, MaxBackoff)
	f.NextFetch = now.Add(s.jitter(max(s.interval, f.MinInterval)))
}

// failed records a fetch that failed at now with msg: the wait doubles
// from the interval with each failure in a row, up to MaxBackoff, and a
// feed failing for BrokenAfter is marked broken.
func (s schedule) failed(f *news.Feed, now time.Time, msg string) {
	f.LastFetch, f.LastError = now, msg
	if f.Failures == 0 || f.FailingSince.IsZero() {
		f.FailingSince = now
	}
	f.Failures++
	wait := s.interval
	for i := 1; i < f.Failures && wait < MaxBackoff; i++ {
		wait *= 2
	}
	f.NextFetch = now.Add(min(s.jitter(wait), MaxBackoff))
	if now.Sub(f.FailingSince) >= BrokenAfter {
		f.Broken = true
	}
}

// due reports whether f should be fetched at now: its time has come, or
// (for a feed that works) the interval has been shortened since its time
// was set and the new one has passed.
func (s schedule) due(f news.Feed, now time.Time) bool {
	if !f.NextFetch.After(now) {
		return true
	}
	if f.Failures > 0 || f.LastFetch.IsZero() {
		return false
	}
	wait := max(s.interval, f.MinInterval)
	wait += time.Duration(jitterFraction * float64(wait))
	return !f.LastFetch.Add(wait).After(now)
}
