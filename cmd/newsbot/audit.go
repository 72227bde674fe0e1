package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// audit prints the audit log: who added, removed and restored which
// article, from where, and when.
func (a *app) audit(ctx context.Context, args []string) error {
	fs := newFlags("audit")
	asJSON := fs.Bool("json", false, "print one JSON object per event")
	sinceText := fs.String("since", "", "only the events of this last period, e.g. 7d, 36h or 90m (default: all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"audit takes no arguments"}
	}
	var since time.Time
	if *sinceText != "" {
		d, err := parsePeriod(*sinceText)
		if err != nil {
			return usageError{"audit --since: " + err.Error()}
		}
		since = a.now().Add(-d)
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	events, err := h.Audit(ctx, since)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		for _, ev := range events {
			ev.Time = ev.Time.UTC()
			if err := enc.Encode(ev); err != nil {
				return err
			}
		}
		return nil
	}
	if len(events) == 0 {
		fmt.Fprintln(a.stdout, "No events in the audit log for that period.")
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tACTION\tARTICLE\tBY\tVISIBILITY\tTITLE")
	for _, ev := range events {
		title := clip(ev.Title, 50)
		if ev.Detail != "" {
			title += " (" + ev.Detail + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", ev.Time.Local().Format("2006-01-02 15:04:05"), ev.Action, ev.ArticleID,
			actorText(ev.By), visibility(ev.PrivateTo), title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, plural(len(events), "event", "events"))
	return nil
}

// parsePeriod reads a period such as 7d, 36h or 90m (Go durations, plus d
// for days).
func parsePeriod(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("%q is not a period; use a number of days such as 7d, or hours such as 36h", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a period; use 7d, 36h or 90m", s)
	}
	return d, nil
}
