package schedule

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jonboulle/clockwork"

	"newsbot/news"
)

// paris is Europe/Paris; the tests use its 2026 daylight-saving changes:
// Sunday 29 March 02:00 CET -> 03:00 CEST, Sunday 25 October 03:00 CEST ->
// 02:00 CET.
var paris = mustZone("Europe/Paris")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// patience bounds every wait for the scheduler's goroutines; it is a guard
// against a hang, never an assertion about time.
const patience = 10 * time.Second

type post struct {
	Channel  string
	At       time.Time // the clock when posted
	From, To time.Time // the digest's period
}

// harness is a fake world for a Scheduler: a fake clock, a digest that has
// one article unless told the day is empty, and a Slack that records posts
// or fails when told to.
type harness struct {
	t     *testing.T
	clock *clockwork.FakeClock
	path  string

	mu       sync.Mutex
	posts    []post
	attempts int  // calls of Post
	empty    bool // the digest has no article
	failures int  // the next Post calls that fail
	logs     bytes.Buffer

	events chan string // "channel outcome" after every run
}

func newHarness(t *testing.T, start time.Time) *harness {
	t.Helper()
	return &harness{
		t:      t,
		clock:  clockwork.NewFakeClockAt(start),
		path:   filepath.Join(t.TempDir(), "data", "summary.json"),
		events: make(chan string, 100),
	}
}

// Write makes the harness the log's destination (safe for the scheduler's
// goroutines).
func (h *harness) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.logs.Write(p)
}

func (h *harness) log() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.logs.String()
}

func (h *harness) config(def Default) Config {
	return Config{
		StatePath: h.path,
		Default:   def,
		Clock:     h.clock,
		Logger:    slog.New(slog.NewTextHandler(h, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Digest: func(ctx context.Context, channel string, from, to time.Time) (news.Digest, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			d := news.Digest{From: from, To: to}
			if !h.empty {
				d.Articles = []news.DigestArticle{{ID: "a1", Title: "An article"}}
			}
			return d, nil
		},
		Post: func(ctx context.Context, channel string, d news.Digest) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.attempts++
			if h.failures > 0 {
				h.failures--
				return errors.New("slack is down")
			}
			h.posts = append(h.posts, post{Channel: channel, At: h.clock.Now(), From: d.From, To: d.To})
			return nil
		},
	}
}

// start makes and starts a scheduler on the harness's state file.
func (h *harness) start(def Default) *Scheduler {
	h.t.Helper()
	s, err := New(h.config(def))
	if err != nil {
		h.t.Fatal(err)
	}
	s.afterRun = func(channel, outcome string) { h.events <- channel + " " + outcome }
	if err := s.Start(context.Background()); err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { s.Stop() })
	return s
}

// advanceTo moves the clock to t once the scheduler has set its timers
// (waiters: the number of timers expected, one per scheduled channel, plus
// one per retry being waited for).
func (h *harness) advanceTo(t time.Time, waiters int) {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	if err := h.clock.BlockUntilContext(ctx, waiters); err != nil {
		h.t.Fatalf("waiting for %d timers before moving to %v: %v", waiters, t, err)
	}
	if d := t.Sub(h.clock.Now()); d > 0 {
		h.clock.Advance(d)
	}
}

// wait waits for a run to end and checks what it did. A run that found the
// day done is skipped when waiting for something else: should gocron fire a
// job twice, the stored date makes the second run a no-op, which is what
// matters; the tests check the posts themselves.
func (h *harness) wait(want string) {
	h.t.Helper()
	timeout := time.After(patience)
	for {
		select {
		case got := <-h.events:
			if got == want {
				return
			}
			if strings.HasSuffix(got, " "+outcomeDone) {
				continue
			}
			h.t.Fatalf("run: got %q, want %q", got, want)
		case <-timeout:
			h.t.Fatalf("no run ended; wanted %q; log:\n%s", want, h.log())
		}
	}
}

// noRun checks that no run did anything (call after Stop, which waits for
// runs): a second firing of a job by gocron finds the day done, or the
// scheduler stopping.
func (h *harness) noRun() {
	h.t.Helper()
	for {
		select {
		case got := <-h.events:
			if !strings.HasSuffix(got, " "+outcomeDone) && !strings.HasSuffix(got, " "+outcomeCanceled) {
				h.t.Fatalf("unexpected run: %q", got)
			}
		default:
			return
		}
	}
}

func (h *harness) postsSoFar() []post {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]post(nil), h.posts...)
}

func (h *harness) state() state {
	h.t.Helper()
	st, err := loadState(h.path)
	if err != nil {
		h.t.Fatal(err)
	}
	return st
}

func at(loc *time.Location, y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, loc)
}

func nextRuns(t *testing.T, s *Scheduler, channel string, n int) []time.Time {
	t.Helper()
	s.mu.Lock()
	j, ok := s.jobs[channel]
	s.mu.Unlock()
	if !ok {
		t.Fatalf("%s not scheduled", channel)
	}
	runs, err := j.NextRuns(n)
	if err != nil {
		t.Fatal(err)
	}
	for i := range runs {
		runs[i] = runs[i].UTC()
	}
	return runs
}

// nudge is how far past a slot the tests move the clock: gocron, like any
// timer, fires at the slot, and the run sees the clock just after it. (A
// fake clock standing exactly on the slot makes gocron fire the job again
// and again at the same instant, something real time never does.)
const nudge = time.Millisecond

func past(t time.Time) time.Time { return t.Add(nudge) }

func utc(ts ...time.Time) []time.Time {
	for i := range ts {
		ts[i] = ts[i].UTC()
	}
	return ts
}

var parisDefault = Default{Channel: "C1", Time: "08:30", Zone: "Europe/Paris"}

func TestFiresAtSlotOnce(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	s := h.start(parisDefault)
	slot1, slot2 := at(paris, 2026, 11, 27, 8, 30), at(paris, 2026, 11, 28, 8, 30)
	if diff := cmp.Diff(utc(slot1, slot2), nextRuns(t, s, "C1", 2)); diff != "" {
		t.Errorf("next runs (-want +got):\n%s", diff)
	}

	h.advanceTo(slot1.Add(-time.Second), 1)
	h.advanceTo(past(slot1), 1)
	h.wait("C1 posted")
	h.advanceTo(at(paris, 2026, 11, 27, 23, 59), 1)
	h.advanceTo(past(slot2), 1)
	h.wait("C1 posted")
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	h.noRun()

	want := []post{
		{Channel: "C1", At: past(slot1), From: past(slot1).Add(-24 * time.Hour), To: past(slot1)},
		{Channel: "C1", At: past(slot2), From: past(slot1), To: past(slot2)}, // since the previous post
	}
	if diff := cmp.Diff(want, h.postsSoFar()); diff != "" {
		t.Errorf("posts (-want +got):\n%s", diff)
	}
	if got := h.state().Channels["C1"].LastDate; got != "2026-11-28" {
		t.Errorf("last post date stored = %q, want 2026-11-28", got)
	}
}

func TestDaylightSaving(t *testing.T) {
	tests := []struct {
		name  string
		start time.Time // the day before, after its slot
		hhmm  string
		want  []time.Time // the posts of the next days
	}{
		{
			// 02:30 does not exist on 29 March: the summary posts at 03:30
			// CEST, 24 hours after the day before's 02:30 CET.
			name: "spring forward, slot in the gap", start: at(paris, 2026, 3, 27, 12, 0), hhmm: "02:30",
			want: []time.Time{
				at(paris, 2026, 3, 28, 2, 30),
				time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC), // 03:30 CEST
				at(paris, 2026, 3, 30, 2, 30),
			},
		},
		{
			name: "spring forward, ordinary slot", start: at(paris, 2026, 3, 27, 12, 0), hhmm: "08:30",
			want: []time.Time{
				at(paris, 2026, 3, 28, 8, 30), // 07:30 UTC
				at(paris, 2026, 3, 29, 8, 30), // 06:30 UTC
				at(paris, 2026, 3, 30, 8, 30),
			},
		},
		{
			// 02:30 happens twice on 25 October: the summary posts once, at
			// the second (CET).
			name: "fall back, slot happening twice", start: at(paris, 2026, 10, 23, 12, 0), hhmm: "02:30",
			want: []time.Time{
				at(paris, 2026, 10, 24, 2, 30),
				time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), // 02:30 CET
				at(paris, 2026, 10, 26, 2, 30),
			},
		},
		{
			name: "fall back, ordinary slot", start: at(paris, 2026, 10, 23, 12, 0), hhmm: "08:30",
			want: []time.Time{
				at(paris, 2026, 10, 24, 8, 30), // 06:30 UTC
				at(paris, 2026, 10, 25, 8, 30), // 07:30 UTC
				at(paris, 2026, 10, 26, 8, 30),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.start)
			s := h.start(Default{Channel: "C1", Time: tt.hhmm, Zone: "Europe/Paris"})
			if diff := cmp.Diff(utc(tt.want...), nextRuns(t, s, "C1", len(tt.want))); diff != "" {
				t.Errorf("next runs (-want +got):\n%s", diff)
			}
			// Walk the clock hour by hour (each hour boundary, in UTC), then
			// onto each slot: a post at any other instant would show.
			end := tt.want[len(tt.want)-1]
			for next := tt.start.Truncate(time.Hour).Add(time.Hour); next.Before(end.Add(time.Hour)); next = next.Add(time.Hour) {
				for _, w := range tt.want {
					if w.After(h.clock.Now()) && !w.After(next) {
						h.advanceTo(past(w), 1)
						h.wait("C1 posted")
					}
				}
				h.advanceTo(next, 1)
			}
			if err := s.Stop(); err != nil {
				t.Fatal(err)
			}
			h.noRun()
			var got []time.Time
			for _, p := range h.postsSoFar() {
				got = append(got, p.At.Add(-nudge).UTC())
			}
			if diff := cmp.Diff(utc(tt.want...), got); diff != "" {
				t.Errorf("posts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRestartAfterPostingDoesNotPostAgain(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	s := h.start(parisDefault)
	h.advanceTo(past(at(paris, 2026, 11, 27, 8, 30)), 1)
	h.wait("C1 posted")
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}

	h.clock.Advance(3 * time.Hour)
	s = h.start(parisDefault)
	// Even if the job fired again today, the stored date stops it.
	s.run(context.Background(), "C1")
	h.wait("C1 done")
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	h.noRun()
	if n := len(h.postsSoFar()); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
	if !strings.Contains(h.log(), "already done today") {
		t.Errorf("log does not say why nothing was posted:\n%s", h.log())
	}
}

func TestDownAtSlotPostsOnceWhenBack(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 26, 7, 0))
	s := h.start(parisDefault)
	day1 := past(at(paris, 2026, 11, 26, 8, 30))
	h.advanceTo(day1, 1)
	h.wait("C1 posted")
	s.Stop()

	// Down over the next day's 08:30; back at 15:00.
	back := at(paris, 2026, 11, 27, 15, 0)
	h.clock.Advance(back.Sub(h.clock.Now()))
	s = h.start(parisDefault)
	h.wait("C1 posted")
	s.Stop()

	// Restarted again the same day: nothing.
	h.clock.Advance(time.Hour)
	s = h.start(parisDefault)
	day3 := past(at(paris, 2026, 11, 28, 8, 30))
	h.advanceTo(day3, 1)
	h.wait("C1 posted")
	s.Stop()
	h.noRun()

	want := []post{
		{Channel: "C1", At: day1, From: day1.Add(-24 * time.Hour), To: day1},
		{Channel: "C1", At: back, From: day1, To: back},
		{Channel: "C1", At: day3, From: back, To: day3},
	}
	if diff := cmp.Diff(want, h.postsSoFar()); diff != "" {
		t.Errorf("posts (-want +got):\n%s", diff)
	}
	if !strings.Contains(h.log(), "missed today while down") {
		t.Errorf("log does not explain the catch-up:\n%s", h.log())
	}
}

func TestLongOutagePostsAtMostMaxPeriod(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 10, 7, 0))
	s := h.start(parisDefault)
	h.advanceTo(past(at(paris, 2026, 11, 10, 8, 30)), 1)
	h.wait("C1 posted")
	s.Stop()

	back := at(paris, 2026, 11, 27, 12, 0) // 17 days later
	h.clock.Advance(back.Sub(h.clock.Now()))
	s = h.start(parisDefault)
	h.wait("C1 posted")
	s.Stop()
	posts := h.postsSoFar()
	if got := posts[len(posts)-1]; !got.From.Equal(back.Add(-MaxPeriod)) || !got.To.Equal(back) {
		t.Errorf("period after a long outage: %v..%v, want the last %v", got.From, got.To, MaxPeriod)
	}
}

func TestFirstStartAfterSlotWaitsForTomorrow(t *testing.T) {
	// A new installation (or a new setting) is not "down at the slot".
	h := newHarness(t, at(paris, 2026, 11, 27, 10, 0))
	s := h.start(parisDefault)
	if err := s.Set("C2", "09:00", ""); err != nil {
		t.Fatal(err)
	}
	s.Stop()
	h.clock.Advance(time.Hour)
	s = h.start(parisDefault)
	s.Stop()
	h.noRun()
	if n := len(h.postsSoFar()); n != 0 {
		t.Errorf("%d posts, want 0", n)
	}
}

func TestEmptyDayPostsNothing(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	h.empty = true
	s := h.start(parisDefault)
	slot := past(at(paris, 2026, 11, 27, 8, 30))
	h.advanceTo(slot, 1)
	h.wait("C1 empty")
	s.Stop()
	if !strings.Contains(h.log(), "no articles were added") {
		t.Errorf("log does not say why nothing was posted:\n%s", h.log())
	}
	if got := h.state().Channels["C1"].LastDate; got != "2026-11-27" {
		t.Errorf("an empty day is done too: last date = %q", got)
	}

	// Restart the same day: no new attempt. Next day: a post from the
	// empty day's end.
	h.clock.Advance(time.Hour)
	h.mu.Lock()
	h.empty = false
	h.mu.Unlock()
	s = h.start(parisDefault)
	next := past(at(paris, 2026, 11, 28, 8, 30))
	h.advanceTo(next, 1)
	h.wait("C1 posted")
	s.Stop()
	h.noRun()
	want := []post{{Channel: "C1", At: next, From: slot, To: next}}
	if diff := cmp.Diff(want, h.postsSoFar()); diff != "" {
		t.Errorf("posts (-want +got):\n%s", diff)
	}
	if h.attempts != 1 {
		t.Errorf("Post called %d times, want 1", h.attempts)
	}
}

func TestFailedPostIsRetried(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	h.failures = 2
	s := h.start(parisDefault)
	slot := past(at(paris, 2026, 11, 27, 8, 30))
	h.advanceTo(slot, 1)
	// Each failure waits on the clock: the job's next-day timer + the retry.
	h.advanceTo(slot.Add(DefaultRetryDelay), 2)
	h.advanceTo(slot.Add(3*DefaultRetryDelay), 2)
	h.wait("C1 posted")
	s.Stop()
	if h.attempts != 3 || len(h.postsSoFar()) != 1 {
		t.Errorf("%d attempts, %d posts; want 3 and 1", h.attempts, len(h.postsSoFar()))
	}
	if got := strings.Count(h.log(), "will retry"); got != 2 {
		t.Errorf("%d retries logged, want 2:\n%s", got, h.log())
	}
}

func TestFailingPostGivesUpLoudlyAndRetriesOnRestart(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	h.failures = 100
	s := h.start(parisDefault)
	slot := past(at(paris, 2026, 11, 27, 8, 30))
	h.advanceTo(slot, 1)
	h.advanceTo(slot.Add(DefaultRetryDelay), 2)
	h.advanceTo(slot.Add(3*DefaultRetryDelay), 2)
	h.wait("C1 failed")
	s.Stop()
	if h.attempts != DefaultAttempts {
		t.Errorf("%d attempts, want %d", h.attempts, DefaultAttempts)
	}
	if !strings.Contains(h.log(), "level=ERROR") || !strings.Contains(h.log(), "slack is down") {
		t.Errorf("the failure is not logged as an error with its cause:\n%s", h.log())
	}
	if got := h.state().Channels["C1"].LastDate; got != "" {
		t.Errorf("a failed day is marked done: %q", got)
	}

	// Slack is back; so is the bot, later that day: it posts once.
	h.mu.Lock()
	h.failures = 0
	h.mu.Unlock()
	h.clock.Advance(time.Hour)
	s = h.start(parisDefault)
	h.wait("C1 posted")
	s.Stop()
	if n := len(h.postsSoFar()); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
}

func TestStopDuringRetryWait(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	h.failures = 100
	s := h.start(parisDefault)
	h.advanceTo(past(at(paris, 2026, 11, 27, 8, 30)), 1)
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	if err := h.clock.BlockUntilContext(ctx, 2); err != nil { // waiting to retry
		t.Fatal(err)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	h.wait("C1 canceled")
}

func TestSetAndOffPersist(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	s := h.start(parisDefault)
	if got, want := s.Describe("C1"), "Daily summary here at 08:30 Europe/Paris"; got != want {
		t.Errorf("Describe(C1) = %q, want %q", got, want)
	}
	if err := s.Set("C2", "7:15", "America/New_York"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("C3", "18:00", ""); err != nil { // the default zone
		t.Fatal(err)
	}
	if err := s.Off("C1"); err != nil {
		t.Fatal(err)
	}
	ny := mustZone("America/New_York")
	if diff := cmp.Diff(utc(at(ny, 2026, 11, 27, 7, 15)), nextRuns(t, s, "C2", 1)); diff != "" {
		t.Errorf("C2 next run (-want +got):\n%s", diff)
	}
	s.Stop()

	s = h.start(parisDefault) // the environment still names C1
	want := []Setting{
		{Channel: "C2", Time: "07:15", Zone: "America/New_York"},
		{Channel: "C3", Time: "18:00", Zone: "Europe/Paris"},
	}
	if diff := cmp.Diff(want, s.Channels()); diff != "" {
		t.Errorf("channels after restart (-want +got):\n%s", diff)
	}
	for ch, want := range map[string]string{
		"C1": "No daily summary in this channel",
		"C2": "Daily summary here at 07:15 America/New_York",
		"C9": "No daily summary in this channel",
	} {
		if got := s.Describe(ch); got != want {
			t.Errorf("Describe(%s) = %q, want %q", ch, got, want)
		}
	}

	// A new time for a scheduled channel replaces its job.
	if err := s.Set("C2", "06:00", "America/New_York"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(utc(at(ny, 2026, 11, 27, 6, 0)), nextRuns(t, s, "C2", 1)); diff != "" {
		t.Errorf("C2 next run after a new time (-want +got):\n%s", diff)
	}

	// Back on, at another time: rescheduled while running.
	if err := s.Set("C1", "09:45", "Europe/Paris"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(utc(at(paris, 2026, 11, 27, 9, 45)), nextRuns(t, s, "C1", 1)); diff != "" {
		t.Errorf("C1 next run (-want +got):\n%s", diff)
	}
	h.advanceTo(past(at(paris, 2026, 11, 27, 9, 45)), 3)
	h.wait("C1 posted")
	if err := s.Off("C2"); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	_, scheduled := s.jobs["C2"]
	s.mu.Unlock()
	if scheduled {
		t.Error("C2 still scheduled after Off")
	}
	s.Stop()

	// No temporary files left behind by the atomic writes.
	entries, err := os.ReadDir(filepath.Dir(h.path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files in the data directory: %v, want only summary.json", names)
	}
}

func TestConfigErrorsNameTheKey(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	tests := []struct {
		def  Default
		want string
	}{
		{Default{Channel: "C1", Time: "25:00"}, `NEWSBOT_SUMMARY_TIME "25:00" is not a time of day: use HH:MM, 24-hour (e.g. 08:30)`},
		{Default{Channel: "C1", Time: "8h30"}, `NEWSBOT_SUMMARY_TIME "8h30" is not a time of day`},
		{Default{Time: "noon"}, `NEWSBOT_SUMMARY_TIME "noon"`},
		{Default{Channel: "C1", Zone: "Mars/Base"}, `NEWSBOT_TIMEZONE "Mars/Base" is not an IANA time zone (e.g. Europe/Paris)`},
		{Default{Zone: "Local"}, `NEWSBOT_TIMEZONE "Local" is not an IANA time zone`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := New(h.config(tt.def))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("New() error = %v, want %q", err, tt.want)
			}
			if !errors.Is(err, news.ErrInvalid) {
				t.Errorf("error %v is not news.ErrInvalid", err)
			}
		})
	}

	s, err := New(h.config(parisDefault))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ hhmm, zone, want string }{
		{"24:00", "", `summary time "24:00" is not a time of day`},
		{"08:30", "Mars/Base", `time zone "Mars/Base" is not an IANA time zone (e.g. Europe/Paris)`},
	} {
		err := s.Set("C2", tc.hhmm, tc.zone)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || !errors.Is(err, news.ErrInvalid) {
			t.Errorf("Set(%q, %q) error = %v, want %q (news.ErrInvalid)", tc.hhmm, tc.zone, err, tc.want)
		}
	}
	if _, err := os.Stat(h.path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a rejected Set wrote the state file: %v", err)
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string]string{"08:30": "08:30", "8:30": "08:30", "00:00": "00:00", "23:59": "23:59", " 9:05 ": "09:05"} {
		got, err := ParseTime(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseTime(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"", "24:00", "12:60", "0830", "ab:cd", "-1:30", "+1:30", "1:5", "123:00", "08:30:00"} {
		if _, err := ParseTime(in); err == nil {
			t.Errorf("ParseTime(%q) accepted", in)
		}
	}
	if loc, err := LoadZone(""); err != nil || loc != time.UTC {
		t.Errorf(`LoadZone("") = %v, %v; want UTC`, loc, err)
	}
}

func TestNewChecksConfig(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	for _, mutate := range []func(*Config){
		func(c *Config) { c.StatePath = "" },
		func(c *Config) { c.Digest = nil },
		func(c *Config) { c.Post = nil },
	} {
		cfg := h.config(parisDefault)
		mutate(&cfg)
		if _, err := New(cfg); err == nil {
			t.Errorf("New accepted %+v", cfg)
		}
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := New(h.config(parisDefault))
	if err == nil || !strings.Contains(err.Error(), h.path) {
		t.Errorf("a corrupt state file: error %v does not name it", err)
	}
}

func ExampleScheduler_Describe() {
	s, _ := New(Config{
		StatePath: filepath.Join(os.TempDir(), fmt.Sprintf("newsbot-example-%d.json", os.Getpid())),
		Default:   Default{Channel: "C0123", Time: "08:30", Zone: "Europe/Paris"},
		Digest:    func(context.Context, string, time.Time, time.Time) (news.Digest, error) { return news.Digest{}, nil },
		Post:      func(context.Context, string, news.Digest) error { return nil },
	})
	fmt.Println(s.Describe("C0123"))
	fmt.Println(s.Describe("C0456"))
	// Output:
	// Daily summary here at 08:30 Europe/Paris
	// No daily summary in this channel
}

// A day given up is reported, with the cause, for whoever set the summary
// up; the setter is kept in the state file across restarts.
func TestGivenUpDayIsReportedToTheSetter(t *testing.T) {
	h := newHarness(t, at(paris, 2026, 11, 27, 7, 0))
	h.failures = 100
	failures := make(chan Failure, 1)
	cfg := h.config(Default{Zone: "Europe/Paris"})
	cfg.Failed = func(ctx context.Context, f Failure) { failures <- f }
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.afterRun = func(channel, outcome string) { h.events <- channel + " " + outcome }
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	if err := s.SetBy("C2", "08:30", "", "U42"); err != nil {
		t.Fatal(err)
	}
	if got := h.state().Channels["C2"].SetBy; got != "U42" {
		t.Fatalf("set_by stored as %q", got)
	}
	slot := past(at(paris, 2026, 11, 27, 8, 30))
	h.advanceTo(slot, 1)
	h.advanceTo(slot.Add(DefaultRetryDelay), 2)
	h.advanceTo(slot.Add(3*DefaultRetryDelay), 2)
	h.wait("C2 failed")
	select {
	case f := <-failures:
		if f.Channel != "C2" || f.SetBy != "U42" || f.Attempts != DefaultAttempts || f.Err == nil || f.Err.Error() != "slack is down" {
			t.Errorf("failure = %+v", f)
		}
	default:
		t.Fatal("the given-up day was not reported")
	}
}
