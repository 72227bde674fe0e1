package main

import (
	"context"
	"fmt"
	"path/filepath"

	"newsbot/index"
)

// check verifies the store and the index without changing them: exit 0
// when both are sound, 1 with the findings otherwise.
func (a *app) check(ctx context.Context, args []string) error {
	fs := newFlags("check")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"check takes no arguments"}
	}
	r, err := index.Check(ctx, a.data, a.indexOptions())
	if err != nil {
		return err
	}
	store := filepath.Join(a.data, "articles.db")
	if len(r.Store) == 0 {
		fmt.Fprintf(a.stdout, "%s: sound (%s, %s, %s)\n", store,
			plural(r.Articles, "article", "articles"), plural(r.Quotes, "quote", "quotes"), plural(r.Sentences, "sentence", "sentences"))
	} else {
		fmt.Fprintf(a.stdout, "%s: DAMAGED\n", store)
		for _, f := range r.Store {
			fmt.Fprintf(a.stdout, "  %s\n", f)
		}
		fmt.Fprintf(a.stdout, "  restore a backup: newsbot restore %s\n", filepath.Join(a.data, index.BackupDir, "articles-YYYY-MM-DD.db"))
	}
	idx := filepath.Join(a.data, "index.bleve")
	switch {
	case len(r.Index) == 0 && len(r.Store) == 0:
		fmt.Fprintf(a.stdout, "%s: sound (%d documents)\n", idx, r.Documents)
	case len(r.Index) == 0:
		fmt.Fprintf(a.stdout, "%s: not compared (the store is damaged)\n", idx)
	default:
		fmt.Fprintf(a.stdout, "%s: needs a rebuild (newsbot reindex, or any command, does it)\n", idx)
		for _, f := range r.Index {
			fmt.Fprintf(a.stdout, "  %s\n", f)
		}
	}
	if r.Pending > 0 {
		fmt.Fprintf(a.stdout, "%s await indexing; the next start indexes them\n", plural(r.Pending, "article", "articles"))
	}
	if !r.Sound() {
		return errSilent
	}
	return nil
}
