package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"newsbot/news"
)

// listJSON is the `list --json` contract of DESIGN.md.
type listJSON struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	Added     string `json:"added"`
	Quotes    int    `json:"quotes"`
	// Visibility is "workspace" or "private to <conversation id>".
	Visibility string `json:"visibility"`
	AddedBy    string `json:"added_by,omitempty"`
	AddedIn    string `json:"added_in,omitempty"`
	AddedVia   string `json:"added_via,omitempty"`
}

func (a *app) list(ctx context.Context, args []string) error {
	fs := newFlags("list")
	asJSON := fs.Bool("json", false, "print one JSON object per article")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"list takes no arguments"}
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	items, err := h.List(ctx, news.Everything, 0)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		for _, s := range items {
			j := listJSON{ID: s.ID, Title: s.Title, URL: s.URL, Outlet: s.Outlet, Byline: s.Byline, Quotes: s.Quotes, Added: s.Added.UTC().Format(time.RFC3339),
				Visibility: visibility(s.PrivateTo), AddedBy: s.AddedBy, AddedIn: s.AddedIn, AddedVia: s.AddedVia}
			if !s.Published.IsZero() {
				j.Published = s.Published.UTC().Format(time.RFC3339)
			}
			if err := enc.Encode(j); err != nil {
				return err
			}
		}
		return nil
	}
	if len(items) == 0 {
		fmt.Fprintln(a.stdout, "No articles yet. Add some with 'newsbot ingest FILE|DIR|URL'.")
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tADDED\tQUOTES\tOUTLET\tVISIBILITY\tADDED BY\tTITLE")
	for _, s := range items {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", s.ID, s.Added.Local().Format("2006-01-02 15:04"), s.Quotes, s.Outlet,
			visibility(s.PrivateTo), actorText(news.Actor{User: s.AddedBy, Conversation: s.AddedIn, Via: s.AddedVia}), clip(s.Title, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, plural(len(items), "article", "articles"))
	return nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
