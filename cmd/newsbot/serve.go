package main

import "context"

func (a *app) serve(ctx context.Context, args []string) error {
	if err := a.cfg.ValidateSlack(); err != nil {
		return err
	}
	return usageError{"serve is not available yet"}
}
