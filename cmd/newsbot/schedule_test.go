package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"

	"newsbot/bot"
	"newsbot/handlers"
	"newsbot/index"
	"newsbot/schedule"
)

// TestScheduledSummaryReachesChannel wires what `serve` wires (on-disk index,
// handlers, the bot with the real slack-go client, the scheduler) on a fake
// clock: at the configured slot the day's digest is posted to the channel,
// once, with the seed's speakers.
func TestScheduledSummaryReachesChannel(t *testing.T) {
	srv := newFakeSlack(t)

	data := t.TempDir()
	ix, err := index.Open(data, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	clock := clockwork.NewFakeClockAt(time.Now().UTC().Truncate(time.Minute))
	h, err := handlers.New(handlers.Deps{Store: ix, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.AddArticle(context.Background(), demoArticle()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	b, err := bot.New(bot.Config{BotToken: "xoxb-test", SigningSecret: "s", APIURL: srv.GetAPIURL(), Listen: "127.0.0.1:0", Service: h, State: ix, Logger: log, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	slot := clock.Now().Add(2 * time.Minute)
	sched, err := schedule.New(schedule.Config{
		StatePath: filepath.Join(data, "summary-schedule.json"),
		Default:   schedule.Default{Channel: "C9", Time: slot.Format("15:04"), Zone: "UTC"},
		Digest:    channelDigest(h),
		Post:      b.PostDigest,
		Clock:     clock,
		Logger:    log,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if err := sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer sched.Stop()

	wait, stop := context.WithTimeout(ctx, 10*time.Second)
	defer stop()
	if err := clock.BlockUntilContext(wait, 1); err != nil {
		t.Fatalf("the schedule set no timer: %v", err)
	}
	clock.Advance(slot.Add(time.Millisecond).Sub(clock.Now()))

	posts := srv.waitPosts()
	if len(posts) == 0 {
		t.Fatal("no summary was posted at the slot")
	}
	p := posts[0]
	if p.Get("channel") != "C9" {
		t.Errorf("posted to %q, want C9", p.Get("channel"))
	}
	blocks := p.Get("blocks")
	for _, want := range []string{"Kamala Harris", "Wang Wenbin", "Yun Sun"} {
		if !strings.Contains(blocks, want) {
			t.Errorf("the summary does not name %s: %s", want, blocks)
		}
	}
}

// TestFailedSummaryIsReportedToTheSetter wires the failure report as
// `serve` does: a summary set up with /newsbot summary here in a channel
// newsbot has since left is given up, and whoever set it up gets a direct
// message saying to invite newsbot again.
func TestFailedSummaryIsReportedToTheSetter(t *testing.T) {
	srv := newFakeSlack(t)
	srv.notIn = map[string]bool{"C9": true}

	data := t.TempDir()
	ix, err := index.Open(data, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	clock := clockwork.NewFakeClockAt(time.Now().UTC().Truncate(time.Minute))
	h, err := handlers.New(handlers.Deps{Store: ix, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.AddArticle(context.Background(), demoArticle()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	b, err := bot.New(bot.Config{BotToken: "xoxb-test", SigningSecret: "s", APIURL: srv.GetAPIURL(), Listen: "127.0.0.1:0", Service: h, State: ix, Logger: log, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	sched, err := schedule.New(schedule.Config{
		StatePath: filepath.Join(data, "summary-schedule.json"),
		Digest:    channelDigest(h),
		Post:      b.PostDigest,
		Failed:    reportFailure(b, log),
		Attempts:  1,
		Clock:     clock,
		Logger:    log,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if err := sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer sched.Stop()
	slot := clock.Now().Add(2 * time.Minute)
	if err := (lateScheduler{&sched}).Set("C9", slot.Format("15:04"), "UTC", "U42"); err != nil {
		t.Fatal(err)
	}

	wait, stop := context.WithTimeout(ctx, 10*time.Second)
	defer stop()
	if err := clock.BlockUntilContext(wait, 1); err != nil {
		t.Fatalf("the schedule set no timer: %v", err)
	}
	clock.Advance(slot.Add(time.Millisecond).Sub(clock.Now()))

	posts := srv.waitPosts()
	if len(posts) != 1 {
		t.Fatalf("%d posts, want the one DM", len(posts))
	}
	dm := posts[0]
	if dm.Get("channel") != "D-U42" || !strings.Contains(dm.Get("text"), "I am not a member of <#C9>. Invite me with `/invite @newsbot`") {
		t.Errorf("DM to %s: %q", dm.Get("channel"), dm.Get("text"))
	}
}
