// Package schedule posts the daily summary: once a day per channel, at the
// channel's time in its time zone, the digest of what was added since the
// previous post. It remembers per channel the settings and the date of the
// last post in a JSON file, so that a restart never posts twice in a day and
// a bot that was down at the slot posts once when it comes back that day.
//
// Timing is gocron's (one daily job per channel, in a gocron scheduler per
// time zone); what is due is decided here, from the stored date of the last
// post, so gocron's edge cases cannot double-post.
//
// Daylight saving (see TimeOfDay.On): on the spring-forward day a slot
// inside the missing hour (02:30 in Europe/Paris) posts at 03:30 CEST, an
// hour late on the clock but 24 hours after the day before's post; on the
// fall-back day a slot that happens twice posts once, at the second (02:30
// CET). The summary is neither skipped nor doubled on either day.
package schedule

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/jonboulle/clockwork"

	"newsbot/news"
)

// Defaults of Config.
const (
	// DefaultAttempts is how many times a failed summary is tried in a day.
	DefaultAttempts = 3
	// DefaultRetryDelay is the wait before the first retry; it doubles.
	DefaultRetryDelay = time.Minute
	// MaxPeriod bounds the period of a digest after a long outage: a bot
	// back after two weeks posts the last week, not a fortnight.
	MaxPeriod = 7 * 24 * time.Hour
)

// stopTimeout bounds how long Stop waits for a run in progress.
const stopTimeout = 30 * time.Second

// Config is what New needs.
type Config struct {
	// StatePath is the JSON file, in the data directory, that holds the
	// per-channel settings and the date of the last post per channel.
	StatePath string
	// Default is the summary configured by the environment.
	Default Default
	// Digest returns the digest, for channel, of the articles added in
	// [from, to) that channel may see (the workspace's and its own private
	// ones).
	Digest func(ctx context.Context, channel string, from, to time.Time) (news.Digest, error)
	// Post posts a digest to a channel.
	Post func(ctx context.Context, channel string, d news.Digest) error
	// Clock is the time source and timer of the schedule (nil: the real
	// clock); tests pass clockwork.NewFakeClock().
	Clock clockwork.Clock
	// Logger receives what the scheduler does and why it did not post (nil:
	// discarded); the caller names the component.
	Logger *slog.Logger
	// Attempts is how many times a summary whose digest or post fails is
	// tried before the day is given up (0: DefaultAttempts). A day given up
	// is tried again if the bot restarts that day.
	Attempts int
	// RetryDelay is the wait before the first retry, doubled after each
	// (0: DefaultRetryDelay).
	RetryDelay time.Duration
	// Failed, when set, is told about a day given up after every attempt
	// failed, so that the person who set the summary up learns why (the log
	// alone reaches nobody).
	Failed func(ctx context.Context, f Failure)
}

// Failure is a daily summary given up for the day.
type Failure struct {
	// Channel is where the summary should have been posted.
	Channel string
	// SetBy is the Slack user id of who set the summary up (SetBy); empty
	// for the default channel of the environment.
	SetBy string
	// Attempts is how many times it was tried.
	Attempts int
	// Err is the last attempt's error.
	Err error
}

// Default is the summary set by the environment; a channel's own setting
// (Set, Off) overrides it.
type Default struct {
	// Channel is NEWSBOT_SUMMARY_CHANNEL, a channel id; empty: no default.
	Channel string
	// Time is NEWSBOT_SUMMARY_TIME, "HH:MM"; empty: DefaultTime.
	Time string
	// Zone is NEWSBOT_TIMEZONE, an IANA name; empty: UTC. It is also the
	// zone of a Set without a zone.
	Zone string
}

// Setting is one channel's daily summary.
type Setting struct {
	Channel string `json:"channel"`
	Time    string `json:"time"` // HH:MM
	Zone    string `json:"zone"` // IANA name
}

// Scheduler posts the daily summaries. Its methods are safe for concurrent
// use.
type Scheduler struct {
	path       string
	def        Setting // Channel empty: no default
	defZone    string
	digest     func(ctx context.Context, channel string, from, to time.Time) (news.Digest, error)
	post       func(ctx context.Context, channel string, d news.Digest) error
	failed     func(ctx context.Context, f Failure)
	clock      clockwork.Clock
	log        *slog.Logger
	attempts   int
	retryDelay time.Duration

	mu      sync.Mutex
	st      state
	running bool
	// runCtx lives from Start to Stop: scheduled runs outlive the request
	// that set them, and Stop cancels a post in flight.
	runCtx context.Context
	cancel context.CancelFunc
	crons  map[string]gocron.Scheduler // by zone name
	jobs   map[string]job              // by channel
	locks  map[string]*sync.Mutex      // by channel: one run at a time
	wg     sync.WaitGroup              // catch-up runs

	// afterRun, when set (by tests), is called at the end of every run with
	// what it did: posted, empty, done, early, off, failed, canceled.
	afterRun func(channel, outcome string)
}

// New checks the configuration and loads the state file. Errors in the
// default name the environment key.
func New(cfg Config) (*Scheduler, error) {
	switch {
	case cfg.StatePath == "":
		return nil, errors.New("schedule: Config.StatePath is required")
	case cfg.Digest == nil:
		return nil, errors.New("schedule: Config.Digest is required")
	case cfg.Post == nil:
		return nil, errors.New("schedule: Config.Post is required")
	}
	s := &Scheduler{
		path:       cfg.StatePath,
		digest:     cfg.Digest,
		post:       cfg.Post,
		failed:     cfg.Failed,
		clock:      cfg.Clock,
		log:        cfg.Logger,
		attempts:   cfg.Attempts,
		retryDelay: cfg.RetryDelay,
		crons:      map[string]gocron.Scheduler{},
		jobs:       map[string]job{},
		locks:      map[string]*sync.Mutex{},
	}
	if s.clock == nil {
		s.clock = clockwork.NewRealClock()
	}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.attempts <= 0 {
		s.attempts = DefaultAttempts
	}
	if s.retryDelay <= 0 {
		s.retryDelay = DefaultRetryDelay
	}
	loc, err := LoadZone(cfg.Default.Zone)
	if err != nil {
		return nil, err
	}
	s.defZone = loc.String()
	if cfg.Default.Channel != "" {
		hhmm := cfg.Default.Time
		if hhmm == "" {
			hhmm = DefaultTime
		}
		t, err := ParseTime(hhmm)
		if err != nil {
			return nil, err
		}
		s.def = Setting{Channel: cfg.Default.Channel, Time: t.String(), Zone: s.defZone}
	} else if cfg.Default.Time != "" {
		if _, err := ParseTime(cfg.Default.Time); err != nil {
			return nil, err
		}
	}
	if s.st, err = loadState(s.path); err != nil {
		return nil, err
	}
	return s, nil
}

// Start schedules every channel's summary and posts, once, the summaries
// whose slot passed today while the bot was down. It returns at once; the
// summaries are posted until Stop (or until ctx is canceled).
func (s *Scheduler) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		return errors.New("schedule: already started")
	}
	now := s.clock.Now()
	if c := s.def.Channel; c != "" {
		if e := s.st.Channels[c]; e.Since.IsZero() {
			// The default's first day: its slot counts from now on.
			next := s.st.clone()
			e.Since = now
			next.Channels[c] = e
			if err := saveState(s.path, next); err != nil {
				return err
			}
			s.st = next
		}
	}
	s.runCtx, s.cancel = context.WithCancel(ctx)
	s.running = true
	for _, set := range s.settingsLocked() {
		if err := s.scheduleLocked(set); err != nil {
			crons := s.detachLocked()
			s.mu.Unlock()
			shutdown(crons)
			s.mu.Lock()
			return err
		}
	}
	runCtx := s.runCtx
	for _, set := range s.settingsLocked() {
		if due, _ := s.dueLocked(set, now); due {
			s.log.Info("summary missed today while down: posting now", "channel", set.Channel, "slot", set.Time, "zone", set.Zone)
			s.wg.Go(func() {
				s.run(runCtx, set.Channel)
			})
		}
	}
	return nil
}

// Stop cancels the summaries in progress and stops the schedule. A stopped
// scheduler can be started again.
func (s *Scheduler) Stop() error {
	s.mu.Lock()
	if !s.running {
		s.mu.Unlock()
		return nil
	}
	crons := s.detachLocked()
	s.mu.Unlock()
	err := shutdown(crons)
	s.wg.Wait()
	return err
}

// detachLocked cancels the runs and forgets the gocron schedulers, which
// the caller shuts down without holding s.mu (a run in progress needs it to
// finish).
func (s *Scheduler) detachLocked() map[string]gocron.Scheduler {
	s.cancel()
	crons := s.crons
	s.crons = map[string]gocron.Scheduler{}
	s.jobs = map[string]job{}
	s.running = false
	return crons
}

func shutdown(crons map[string]gocron.Scheduler) error {
	var errs []error
	for _, zone := range slices.Sorted(maps.Keys(crons)) {
		if err := crons[zone].Shutdown(); err != nil {
			errs = append(errs, fmt.Errorf("stop summary schedule %s: %w", zone, err))
		}
	}
	return errors.Join(errs...)
}

// Set posts the daily summary in channel at hhmm ("08:30") in zone (an IANA
// name; empty: the default zone), from the next such time on: setting a time
// already past today does not post now. It validates, persists and
// reschedules. Errors about the time or zone wrap news.ErrInvalid.
func (s *Scheduler) Set(channel, hhmm, zone string) error {
	return s.SetBy(channel, hhmm, zone, "")
}

// SetBy is Set on behalf of user (a Slack user id), who is then told when
// the channel's summary fails for a day (Config.Failed).
func (s *Scheduler) SetBy(channel, hhmm, zone, user string) error {
	if channel == "" {
		return fmt.Errorf("summary channel is empty: %w", news.ErrInvalid)
	}
	t, err := parseTime(hhmm)
	if err != nil {
		return fmt.Errorf("summary time %w", err)
	}
	if zone == "" {
		zone = s.defZone
	}
	loc, err := loadZone(zone)
	if err != nil {
		return fmt.Errorf("time zone %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	next := s.st.clone()
	e := next.Channels[channel]
	e.Time, e.Zone, e.Off, e.Since, e.SetBy = t.String(), loc.String(), false, s.clock.Now(), user
	next.Channels[channel] = e
	if err := saveState(s.path, next); err != nil {
		return err
	}
	s.st = next
	s.log.Info("summary set", "channel", channel, "time", e.Time, "zone", e.Zone)
	if s.running {
		return s.scheduleLocked(Setting{Channel: channel, Time: e.Time, Zone: e.Zone})
	}
	return nil
}

// Off stops the daily summary in channel (the default channel included:
// the environment no longer applies to it). It persists and unschedules.
func (s *Scheduler) Off(channel string) error {
	if channel == "" {
		return fmt.Errorf("summary channel is empty: %w", news.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	next := s.st.clone()
	e := next.Channels[channel]
	e.Time, e.Zone, e.Off = "", "", true
	next.Channels[channel] = e
	if err := saveState(s.path, next); err != nil {
		return err
	}
	s.st = next
	s.log.Info("summary off", "channel", channel)
	return s.unscheduleLocked(channel)
}

// Describe says in a sentence what the channel's summary is: "Daily
// summary here at 08:30 Europe/Paris" or "No daily summary in this channel".
func (s *Scheduler) Describe(channel string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	set, ok := s.settingLocked(channel)
	if !ok {
		return "No daily summary in this channel"
	}
	return fmt.Sprintf("Daily summary here at %s %s", set.Time, set.Zone)
}

// Channels returns the channels that have a daily summary, by channel id.
func (s *Scheduler) Channels() []Setting {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settingsLocked()
}

// settingLocked returns the channel's effective setting: its own, else the
// default's when it is the default channel, unless it is off.
func (s *Scheduler) settingLocked(channel string) (Setting, bool) {
	e, ok := s.st.Channels[channel]
	switch {
	case ok && e.Off:
		return Setting{}, false
	case ok && e.Time != "":
		return Setting{Channel: channel, Time: e.Time, Zone: e.Zone}, true
	case channel != "" && channel == s.def.Channel:
		return s.def, true
	}
	return Setting{}, false
}

func (s *Scheduler) settingsLocked() []Setting {
	var out []Setting
	for c := range s.st.Channels {
		if set, ok := s.settingLocked(c); ok {
			out = append(out, set)
		}
	}
	if _, stored := s.st.Channels[s.def.Channel]; s.def.Channel != "" && !stored {
		out = append(out, s.def)
	}
	slices.SortFunc(out, func(a, b Setting) int { return cmp.Compare(a.Channel, b.Channel) })
	return out
}

// scheduleLocked (re)creates the channel's daily job in its zone's gocron
// scheduler.
func (s *Scheduler) scheduleLocked(set Setting) error {
	if err := s.unscheduleLocked(set.Channel); err != nil {
		return err
	}
	t, err := parseTime(set.Time)
	if err != nil {
		return fmt.Errorf("summary time of %s %w", set.Channel, err)
	}
	loc, err := loadZone(set.Zone)
	if err != nil {
		return fmt.Errorf("time zone of %s %w", set.Channel, err)
	}
	c, ok := s.crons[set.Zone]
	if !ok {
		c, err = gocron.NewScheduler(
			gocron.WithLocation(loc),
			gocron.WithClock(s.clock),
			// Runs stop promptly when their context is canceled; the
			// timeout only guards against a starved machine (gocron
			// measures it with the wall clock).
			gocron.WithStopTimeout(stopTimeout),
		)
		if err != nil {
			return fmt.Errorf("summary schedule %s: %w", set.Zone, err)
		}
		s.crons[set.Zone] = c
		c.Start()
	}
	channel := set.Channel
	j, err := c.NewJob(
		gocron.DailyJob(1, gocron.NewAtTimes(gocron.NewAtTime(uint(t.Hour), uint(t.Minute), 0))),
		gocron.NewTask(func(ctx context.Context) { s.run(ctx, channel) }),
		gocron.WithContext(s.runCtx),
		gocron.WithName("summary "+channel),
		// No gocron singleton mode: it would drop a run that starts while
		// the previous one is still returning; runs of a channel are
		// serialised by the channel's lock, and the stored date decides.
	)
	if err != nil {
		return fmt.Errorf("schedule summary of %s: %w", channel, err)
	}
	s.jobs[channel] = job{zone: set.Zone, Job: j}
	return nil
}

func (s *Scheduler) unscheduleLocked(channel string) error {
	j, ok := s.jobs[channel]
	if !ok {
		return nil
	}
	delete(s.jobs, channel)
	if err := s.crons[j.zone].RemoveJob(j.ID()); err != nil {
		return fmt.Errorf("unschedule summary of %s: %w", channel, err)
	}
	return nil
}

// job is a channel's gocron job and the zone of its gocron scheduler.
type job struct {
	gocron.Job
	zone string
}
