package main

import (
	"context"
	"fmt"
)

// reindex rebuilds the search index from the stored articles, extracting
// their quotes again (after an extractor upgrade or a mapping change).
func (a *app) reindex(ctx context.Context, args []string) error {
	fs := newFlags("reindex")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	n, err := ix.Reindex(ctx, h.Prepare)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	fmt.Fprintf(a.stdout, "reindexed %d articles\n", n)
	return nil
}
