package main

import "context"

func (a *app) bench(ctx context.Context, args []string) error {
	return usageError{"bench: use 'go test -bench . ./index/ ./quote/' (see README)"}
}
