package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"newsbot/news"
)

// summary prints the digest that would be posted for the last period.
func (a *app) summary(ctx context.Context, args []string) error {
	fs := newFlags("summary")
	since := fs.Duration("since", 24*time.Hour, "length of the period, ending now")
	asJSON := fs.Bool("json", false, "print the digest as one JSON object")
	channel := fs.String("channel", "", "the digest as posted in this Slack channel `ID` (its own private articles and the workspace's); default: every article")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *since <= 0 {
		return usageError{"--since must be a positive duration such as 24h or 90m"}
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	now := a.now()
	scope := news.Everything
	if *channel != "" {
		scope = news.In(*channel)
	}
	d, err := h.Summary(ctx, scope, now.Add(-*since), now)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		if d.Articles == nil {
			d.Articles = []news.DigestArticle{}
		}
		if d.Quotes == nil {
			d.Quotes = []news.DigestQuote{}
		}
		if d.Speakers == nil {
			d.Speakers = []news.SpeakerCount{}
		}
		return enc.Encode(d)
	}
	writeDigest(a.stdout, d)
	return nil
}

// maxDigestArticles is how many articles a printed digest lists.
const maxDigestArticles = 50

// writeDigest prints a digest for a terminal.
func writeDigest(w io.Writer, d news.Digest) {
	fmt.Fprintf(w, "News summary, %s to %s\n", d.From.Local().Format("Mon 2 Jan 15:04"), d.To.Local().Format("Mon 2 Jan 15:04"))
	if len(d.Articles) == 0 {
		fmt.Fprintln(w, "Nothing was added in this period.")
		return
	}
	if len(d.Quotes) > 0 {
		fmt.Fprintln(w, "\nQuotes of the day:")
		for _, q := range d.Quotes {
			who := q.Speaker
			if q.Title != "" {
				who += ", " + q.Title
			}
			if q.Outlet != "" {
				who += " (per " + q.Outlet + ")"
			}
			fmt.Fprintf(w, "  “%s”\n    — %s\n", q.Quote, who)
		}
	}
	if len(d.Speakers) > 0 {
		fmt.Fprintln(w, "\nMost quoted:")
		for _, s := range d.Speakers {
			fmt.Fprintf(w, "  %s (%d)\n", s.Name, s.Quotes)
		}
	}
	writeFeedCounts(w, d)
	fmt.Fprintf(w, "\nArticles (%d):\n", len(d.Articles))
	for i, art := range d.Articles {
		if i == maxDigestArticles {
			fmt.Fprintf(w, "  …and %d more ('newsbot list' has them all)\n", len(d.Articles)-i)
			break
		}
		line := "  " + art.Title
		if art.Outlet != "" {
			line += " (" + art.Outlet + ")"
		}
		if art.URL != "" {
			line += " " + art.URL
		}
		fmt.Fprintln(w, line)
		if art.Gist != "" {
			fmt.Fprintf(w, "    %s\n", art.Gist)
		}
	}
}
