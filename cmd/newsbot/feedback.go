package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"newsbot/news"
)

// feedback prints the votes cast on answers in Slack (👍 Right, 👎 Wrong
// speaker): corrections that were applied and suggestions left for whoever
// added the article and the admins to review.
func (a *app) feedback(ctx context.Context, args []string) error {
	fs := newFlags("feedback")
	asJSON := fs.Bool("json", false, "print one JSON object per vote")
	suggestions := fs.Bool("suggestions", false, "only the corrected speakers not yet applied (suggestions to review)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"feedback takes no arguments"}
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	votes, err := h.Feedback(ctx, news.Everything)
	if err != nil {
		return err
	}
	if *suggestions {
		kept := votes[:0]
		for _, v := range votes {
			if v.Suggested != "" && !v.Applied {
				kept = append(kept, v)
			}
		}
		votes = kept
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		for _, v := range votes {
			v.Time = v.Time.UTC()
			if err := enc.Encode(v); err != nil {
				return err
			}
		}
		return nil
	}
	if len(votes) == 0 {
		fmt.Fprintln(a.stdout, "No feedback yet.")
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tVOTE\tARTICLE\tQUOTE\tSPEAKER SHOWN\tSUGGESTED\tSTATUS\tBY\tVISIBILITY\tNOTE")
	for _, v := range votes {
		status := ""
		switch {
		case v.Applied:
			status = "corrected"
		case v.Suggested != "":
			status = "suggestion"
		}
		// Typed in Slack: one line, no control characters, before a terminal.
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v.Time.Local().Format("2006-01-02 15:04:05"), v.Vote, v.ArticleID,
			clip(news.OneLine(v.Quote), 40), clip(news.OneLine(v.Speaker), 30), clip(news.OneLine(v.Suggested), 30), status,
			actorText(v.By), visibility(v.PrivateTo), clip(news.OneLine(v.Note), 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, plural(len(votes), "vote", "votes"))
	return nil
}
