package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"newsbot/bot"
	"newsbot/fetch"
	"newsbot/handlers"
	"newsbot/news"
	"newsbot/schedule"
)

// serve runs the Slack bot until interrupted: Socket Mode when
// SLACK_APP_TOKEN is set, else the HTTP Events API; the daily summary
// scheduler alongside.
func (a *app) serve(ctx context.Context, args []string) error {
	fs := newFlags("serve")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := a.cfg.ValidateSlack(); err != nil {
		return err
	}
	zone, err := schedule.LoadZone(a.cfg.Timezone)
	if err != nil {
		return err
	}
	if _, err := schedule.ParseTime(a.cfg.SummaryTime); err != nil {
		return err
	}
	if _, err := fetch.ParseAllow(a.cfg.FetchAllow); err != nil {
		return fmt.Errorf("NEWSBOT_FETCH_ALLOW: %w", err)
	}
	if _, err := a.cfg.feedInterval(); err != nil {
		return err
	}
	admins, err := a.cfg.admins()
	if err != nil {
		return err
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	poller, err := a.newPoller(ix, h)
	if err != nil {
		return err
	}

	// Backups: on request through the control socket (the store's lock
	// keeps other processes out), and one a day kept for a week.
	stopControl, err := serveControl(ctx, a.data, ix, a.log.With("component", "backup"))
	if err != nil {
		return err
	}
	defer stopControl()
	backupCtx, stopBackups := context.WithCancel(ctx)
	backupsDone := make(chan struct{})
	ticker := time.NewTicker(backupCheck)
	go func() {
		defer close(backupsDone)
		runDailyBackups(backupCtx, a.data, ix, a.now, zone, ticker.C, a.log.With("component", "backup"))
	}()
	defer func() { stopBackups(); ticker.Stop(); <-backupsDone }()
	purgeTicker := time.NewTicker(purgeCheck)
	purgeDone := make(chan struct{})
	go func() {
		defer close(purgeDone)
		purgeTrash(backupCtx, h, purgeTicker.C, a.log.With("component", "trash"))
	}()
	defer func() { stopBackups(); purgeTicker.Stop(); <-purgeDone }()

	// The bot posts digests and the scheduler tells it when: the bot is
	// built first with a scheduler that is set right after.
	var sched *schedule.Scheduler
	b, err := bot.New(bot.Config{
		BotToken:      a.cfg.BotToken,
		AppToken:      a.cfg.AppToken,
		SigningSecret: a.cfg.SigningSecret,
		APIURL:        a.cfg.APIURL,
		Listen:        a.cfg.Listen,
		Service:       h,
		State:         ix,
		Schedule:      lateScheduler{&sched},
		Admins:        admins,
		Feeds:         poller,
		Logger:        a.log, // the bot names its own component
		Now:           a.now,
	})
	if err != nil {
		return err
	}
	sched, err = schedule.New(schedule.Config{
		StatePath: filepath.Join(a.data, "summary-schedule.json"),
		Default:   schedule.Default{Channel: a.cfg.SummaryChannel, Time: a.cfg.SummaryTime, Zone: a.cfg.Timezone},
		Digest:    channelDigest(h),
		Post:      b.PostDigest,
		Failed:    reportFailure(b, a.log),
		Logger:    a.log.With("component", "schedule"),
	})
	if err != nil {
		return err
	}
	if err := sched.Start(ctx); err != nil {
		return fmt.Errorf("start the summary schedule: %w", err)
	}
	defer sched.Stop()
	b.CheckSummaryChannel(a.cfg.SummaryChannel)
	defer a.runFeeds(ctx, poller, b)()
	mode := "HTTP Events API on " + a.cfg.Listen
	if a.cfg.AppToken != "" {
		mode = "Socket Mode (health check on " + a.cfg.Listen + ")"
	}
	a.log.Info("newsbot serving", "mode", mode, "data", a.data)
	if err := b.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// channelDigest is the daily summary of a channel: what was added that the
// channel may see (the workspace's articles and its own private ones).
func channelDigest(h *handlers.Handlers) func(ctx context.Context, channel string, from, to time.Time) (news.Digest, error) {
	return func(ctx context.Context, channel string, from, to time.Time) (news.Digest, error) {
		return h.Summary(ctx, news.In(channel), from, to)
	}
}

// reportFailure tells whoever set up a daily summary that it was given up
// for the day, and why.
func reportFailure(b *bot.Bot, log *slog.Logger) func(ctx context.Context, f schedule.Failure) {
	return func(ctx context.Context, f schedule.Failure) {
		if err := b.ReportSummaryFailure(ctx, f.Channel, f.SetBy, f.Attempts, f.Err); err != nil {
			log.Error("could not report a failed daily summary", "channel", f.Channel, "err", err)
		}
	}
}

// backupCheck is how often serve checks whether the day's backup is due.
const backupCheck = time.Hour

// lateScheduler lets the bot reach a scheduler created after it.
type lateScheduler struct{ s **schedule.Scheduler }

func (l lateScheduler) get() (*schedule.Scheduler, error) {
	if *l.s == nil {
		return nil, errors.New("the summary schedule is starting; try again in a moment")
	}
	return *l.s, nil
}

func (l lateScheduler) Set(channel, hhmm, zone, user string) error {
	s, err := l.get()
	if err != nil {
		return err
	}
	return s.SetBy(channel, hhmm, zone, user)
}

func (l lateScheduler) Off(channel string) error {
	s, err := l.get()
	if err != nil {
		return err
	}
	return s.Off(channel)
}

func (l lateScheduler) Describe(channel string) string {
	s, err := l.get()
	if err != nil {
		return err.Error()
	}
	return s.Describe(channel)
}
