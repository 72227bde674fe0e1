package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"newsbot/handlers"
	"newsbot/news"
)

// Ingest batches: an article is reported "added" once its batch is durable,
// so batches stay small enough to report progress often.
const (
	batchArticles = 64
	batchBytes    = 4 << 20
)

// ingest adds articles from files, directories, URLs and standard input.
func (a *app) ingest(ctx context.Context, args []string) error {
	fs := newFlags("ingest")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"ingest needs files, directories, URLs, or - for standard input"}
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()

	var (
		refused      int
		added        int
		pending      []news.Article
		pendingFrom  []string
		pendingBytes int
	)
	skip := func(from, why string) {
		refused++
		why = strings.TrimPrefix(why, from+": ")
		fmt.Fprintf(a.stdout, "skipped %s: %s\n", from, why)
	}
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		res, errs, err := h.AddArticles(ctx, pending)
		if err != nil {
			return err
		}
		for i := range pending {
			if errs[i] != nil {
				skip(pendingFrom[i], reason(errs[i]))
				continue
			}
			added++
			fmt.Fprintf(a.stdout, "added %s %s\n", res[i].Article.ID, res[i].Article.Title)
		}
		pending, pendingFrom, pendingBytes = pending[:0], pendingFrom[:0], 0
		return nil
	}
	queue := func(from string, art news.Article) error {
		pending = append(pending, art)
		pendingFrom = append(pendingFrom, from)
		pendingBytes += len(art.Text)
		if len(pending) >= batchArticles || pendingBytes >= batchBytes {
			return flush()
		}
		return nil
	}
	parseHTML := a.htmlParser()

	for _, arg := range fs.Args() {
		if err := ctx.Err(); err != nil {
			break
		}
		switch {
		case arg == "-":
			data, err := io.ReadAll(io.LimitReader(a.stdin, handlers.MaxTextBytes+1))
			if err != nil {
				return fmt.Errorf("read standard input: %w", err)
			}
			text := string(data)
			if err := handlers.CheckText(text); err != nil {
				skip("-", reason(err))
				continue
			}
			title, body := handlers.SplitPasted(text)
			if err := queue("-", news.Article{Title: title, Text: body}); err != nil {
				return err
			}
		case isURL(arg):
			if err := flush(); err != nil {
				return err
			}
			res, err := h.AddURL(ctx, arg, news.Origin{By: news.Operator})
			if err != nil {
				skip(arg, reason(err))
				continue
			}
			added++
			fmt.Fprintf(a.stdout, "added %s %s\n", res.Article.ID, res.Article.Title)
		default:
			files, skipped, err := walkArticles(arg)
			if err != nil {
				skip(arg, reason(err))
				continue
			}
			names := make([]string, 0, len(skipped))
			for p := range skipped {
				names = append(names, p)
			}
			sort.Strings(names)
			for _, p := range names {
				skip(p, skipped[p])
			}
			if len(files) == 0 && len(names) == 0 {
				skip(arg, "no article files in it (.txt, .md or .html)")
				continue
			}
			for _, p := range files {
				if err := ctx.Err(); err != nil {
					break
				}
				art, err := readArticleFile(p, parseHTML)
				if err != nil {
					skip(p, reason(err))
					continue
				}
				if err := queue(p, art); err != nil {
					return err
				}
			}
		}
	}
	if err := ctx.Err(); err != nil {
		// Interrupted: what was read but not stored is said, not dropped.
		for _, from := range pendingFrom {
			fmt.Fprintf(a.stdout, "skipped %s: interrupted before it was stored\n", from)
		}
		return fmt.Errorf("interrupted after adding %d articles: %w", added, err)
	}
	if err := flush(); err != nil {
		return err
	}
	if refused > 0 {
		fmt.Fprintf(a.stderr, "%d added, %d skipped\n", added, refused)
		return errSilent
	}
	return nil
}

// isURL reports whether an argument is a URL (any scheme, so that ftp: or
// file: get the fetcher's "only http and https" rather than "no such file").
func isURL(s string) bool {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || scheme == "" || rest == "" {
		return false
	}
	for _, r := range scheme {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}
