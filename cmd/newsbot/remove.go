package main

import (
	"context"
	"fmt"

	"newsbot/handlers"
	"newsbot/news"
)

func (a *app) remove(ctx context.Context, args []string) error {
	fs := newFlags("remove")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"remove needs an article id or URL (see 'newsbot list')"}
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	for _, target := range fs.Args() {
		ref, err := h.Remove(ctx, handlers.ChangeRequest{Target: target, By: news.Operator})
		if err != nil {
			return fmt.Errorf("remove %s: %w", target, err)
		}
		fmt.Fprintf(a.stdout, "removed %s %s (in the trash for 30 days: 'newsbot restore-article %s' brings it back)\n", ref.ID, ref.Title, ref.ID)
	}
	return nil
}
