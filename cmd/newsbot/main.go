// Command newsbot answers questions about news articles in Slack and in the
// terminal. See README.md for the command line.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// errSilent is returned by commands that already told the user what went
// wrong (ingest with skipped files) and only need a non-zero exit.
var errSilent = errors.New("exit 1")

// usageError is a mistake on the command line: exit 2 with the usage hint.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, errSilent) {
		return 1
	}
	fmt.Fprintf(stderr, "newsbot: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "run 'newsbot help' for the commands")
		return 2
	}
	return 1
}
