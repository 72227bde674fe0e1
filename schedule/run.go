package schedule

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// The outcomes of a run, for logs and tests.
const (
	outcomePosted   = "posted"   // the digest was posted
	outcomeEmpty    = "empty"    // nothing was added: nothing posted, the day is done
	outcomeDone     = "done"     // already posted (or found empty) today
	outcomeEarly    = "early"    // today's slot has not come yet
	outcomeOff      = "off"      // no summary in this channel any more
	outcomeFailed   = "failed"   // every attempt failed; a restart today tries again
	outcomeCanceled = "canceled" // stopped while running
)

// dueLocked reports whether the channel's summary should be posted now, and
// if not, why: it is due once today's slot (in the channel's zone) has come,
// unless today is already done or the setting is newer than the slot.
func (s *Scheduler) dueLocked(set Setting, now time.Time) (bool, string) {
	t, err := parseTime(set.Time)
	if err != nil {
		return false, outcomeOff
	}
	loc, err := loadZone(set.Zone)
	if err != nil {
		return false, outcomeOff
	}
	local := now.In(loc)
	e := s.st.Channels[set.Channel]
	if e.LastDate == local.Format(dateLayout) {
		return false, outcomeDone
	}
	slot := t.On(local)
	if now.Before(slot) || slot.Before(e.Since) {
		return false, outcomeEarly
	}
	return true, ""
}

// lock returns the channel's run lock.
func (s *Scheduler) lock(channel string) *sync.Mutex {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.locks[channel]
	if !ok {
		l = &sync.Mutex{}
		s.locks[channel] = l
	}
	return l
}

// run posts the channel's summary if it is due: the digest of the period
// since the previous post (at most MaxPeriod; the last 24 hours when there
// was none), retried with a doubling delay when the digest or the post
// fails. A day with nothing added posts nothing and is done.
func (s *Scheduler) run(ctx context.Context, channel string) {
	outcome := s.runOnce(ctx, channel)
	if s.afterRun != nil {
		s.afterRun(channel, outcome)
	}
}

func (s *Scheduler) runOnce(ctx context.Context, channel string) string {
	l := s.lock(channel)
	l.Lock()
	defer l.Unlock()
	if ctx.Err() != nil {
		return outcomeCanceled
	}

	now := s.clock.Now()
	s.mu.Lock()
	set, ok := s.settingLocked(channel)
	if !ok {
		s.mu.Unlock()
		s.log.Info("summary not posted: no summary in this channel any more", "channel", channel)
		return outcomeOff
	}
	due, why := s.dueLocked(set, now)
	last := s.st.Channels[channel].LastTo
	s.mu.Unlock()
	log := s.log.With("channel", channel, "slot", set.Time, "zone", set.Zone)
	if !due {
		switch why {
		case outcomeDone:
			log.Info("summary not posted: already done today")
		default:
			log.Info("summary not posted: not due", "why", why)
		}
		return why
	}

	from := now.Add(-24 * time.Hour)
	if !last.IsZero() && last.Before(now) {
		from = last
		if oldest := now.Add(-MaxPeriod); from.Before(oldest) {
			from = oldest
		}
	}
	log = log.With("from", from.UTC().Format(time.RFC3339), "to", now.UTC().Format(time.RFC3339))
	delay := s.retryDelay
	for attempt := 1; ; attempt++ {
		d, err := s.digest(ctx, channel, from, now)
		if err == nil && len(d.Articles) == 0 {
			log.Info("summary not posted: no articles were added in the period")
			s.markDone(channel, set, now, log)
			return outcomeEmpty
		}
		if err == nil {
			if err = s.post(ctx, channel, d); err == nil {
				log.Info("summary posted", "articles", len(d.Articles), "quotes", len(d.Quotes))
				s.markDone(channel, set, now, log)
				return outcomePosted
			}
		}
		if ctx.Err() != nil {
			log.Warn("summary not posted: stopped", "err", err)
			return outcomeCanceled
		}
		if attempt >= s.attempts {
			log.Error("summary not posted: giving up for today (a restart today tries again)", "attempts", attempt, "err", err)
			if s.failed != nil {
				s.mu.Lock()
				by := s.st.Channels[channel].SetBy
				s.mu.Unlock()
				s.failed(ctx, Failure{Channel: channel, SetBy: by, Attempts: attempt, Err: err})
			}
			return outcomeFailed
		}
		log.Warn("summary failed, will retry", "attempt", attempt, "retry_in", delay.String(), "err", err)
		select {
		case <-ctx.Done():
			log.Warn("summary not posted: stopped while waiting to retry")
			return outcomeCanceled
		case <-s.clock.After(delay):
		}
		delay *= 2
	}
}

// markDone records that the channel's day is done and where the next
// digest starts.
func (s *Scheduler) markDone(channel string, set Setting, now time.Time, log *slog.Logger) {
	loc, err := loadZone(set.Zone)
	if err != nil {
		loc = time.UTC
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	next := s.st.clone()
	e := next.Channels[channel]
	e.LastDate = now.In(loc).Format(dateLayout)
	e.LastTo = now
	next.Channels[channel] = e
	if err := saveState(s.path, next); err != nil {
		// Keep it in memory: no double post until the next restart.
		log.Error("summary state not saved: a restart today may post again", "err", err)
	}
	s.st = next
}
