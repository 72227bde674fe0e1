package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"text/tabwriter"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

// trashJSON is one line of `trash --json`.
type trashJSON struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	URL        string     `json:"url,omitempty"`
	Visibility string     `json:"visibility"`
	AddedBy    string     `json:"added_by,omitempty"`
	AddedIn    string     `json:"added_in,omitempty"`
	RemovedBy  news.Actor `json:"removed_by"`
	RemovedAt  string     `json:"removed_at"`
	PurgeAfter string     `json:"purge_after"`
}

// trash lists the removed articles still kept (TrashRetention).
func (a *app) trash(ctx context.Context, args []string) error {
	fs := newFlags("trash")
	asJSON := fs.Bool("json", false, "print one JSON object per article")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"trash takes no arguments (restore-article ID brings one back)"}
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	items, err := h.Trash(ctx, news.Everything)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		for _, it := range items {
			j := trashJSON{ID: it.ID, Title: it.Title, URL: it.URL, Visibility: visibility(it.PrivateTo), AddedBy: it.AddedBy, AddedIn: it.AddedIn,
				RemovedBy: it.RemovedBy, RemovedAt: it.RemovedAt.UTC().Format(time.RFC3339),
				PurgeAfter: it.RemovedAt.Add(handlers.TrashRetention).UTC().Format(time.RFC3339)}
			if err := enc.Encode(j); err != nil {
				return err
			}
		}
		return nil
	}
	if len(items) == 0 {
		fmt.Fprintln(a.stdout, "The trash is empty.")
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tREMOVED\tBY\tVISIBILITY\tTITLE")
	for _, it := range items {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", it.ID, it.RemovedAt.Local().Format("2006-01-02 15:04"), actorText(it.RemovedBy),
			visibility(it.PrivateTo), clip(it.Title, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s; each is purged %d days after its removal. 'newsbot restore-article ID' brings one back.\n",
		plural(len(items), "article", "articles"), int(handlers.TrashRetention/(24*time.Hour)))
	return nil
}

// restoreArticle brings trashed articles back.
func (a *app) restoreArticle(ctx context.Context, args []string) error {
	fs := newFlags("restore-article")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"restore-article needs the id of a trashed article (see 'newsbot trash')"}
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	for _, id := range fs.Args() {
		ref, err := h.Restore(ctx, handlers.ChangeRequest{Target: id, By: news.Operator})
		if err != nil {
			return fmt.Errorf("restore-article %s: %w", id, err)
		}
		fmt.Fprintf(a.stdout, "restored %s %s\n", ref.ID, ref.Title)
	}
	return nil
}

// purgeCheck is how often serve purges the trash of articles removed more
// than handlers.TrashRetention ago (removals and restores purge too).
const purgeCheck = time.Hour

// purgeTrash purges the trash now and at every tick until ctx ends.
func purgeTrash(ctx context.Context, h *handlers.Handlers, tick <-chan time.Time, log *slog.Logger) {
	for {
		if n, err := h.PurgeTrash(ctx); err != nil {
			log.Error("could not purge the trash", "err", err)
		} else if n > 0 {
			log.Info("purged articles removed more than 30 days ago", "articles", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
	}
}

// visibility words who may see an article.
func visibility(privateTo string) string {
	if privateTo == "" {
		return "workspace"
	}
	return "private to " + privateTo
}

// actorText words who did something, and where.
func actorText(by news.Actor) string {
	switch {
	case by.User != "" && by.Conversation != "":
		return by.User + " in " + by.Conversation
	case by.User != "":
		return by.User
	case by.Via == news.ViaFeed && by.Conversation != "":
		return "feed in " + by.Conversation
	case by.Via != "":
		return by.Via
	}
	return "-"
}
