package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	stdlog "log"
	"log/slog"
	"strings"
	"time"

	"newsbot/handlers"
	"newsbot/index"
	"newsbot/pdftext"
)

const usage = `newsbot answers "who said ...?" about your news articles, in Slack and in the terminal.

usage: newsbot [--data DIR] COMMAND [ARGS]     DIR defaults to $NEWSBOT_DATA, else ./data

commands:
  chat                     terminal conversation (the default without Slack tokens)
  serve                    the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP Events API)
  ingest PATH|URL|- ...    add articles: files (.txt .md .html), directories, URLs, stdin
  list [--json]            the stored articles, newest first, with who may see them and who added them
  remove ID|URL            move an article to the trash (kept 30 days)
  trash [--json]           the removed articles still kept; restore-article ID brings one back
  restore-article ID       bring a trashed article back
  audit [--json] [--since 7d]  who added, removed, restored which article, from where, when
  feedback [--json] [--suggestions]  votes on answers in Slack: corrections and suggested speakers
  ask [--json] QUESTION|-  answer one question, or one per input line with '-'
  quotes [--json] FILE ... extract quotes from files without indexing them
  summary [--since 24h] [--json]  print the digest that would be posted
  eval [--json] DIR        score extraction and answers on an annotated set (GGT format)
  reindex                  rebuild the index from the stored articles
  bench [--json] [FLAGS]   benchmark ingest and answers (see 'newsbot bench -h')
  follow URL [--max N]     follow a feed (RSS, Atom, JSON Feed, or a page advertising one) and
                           import its newest entries (20 unless --max); --channel ID [--announce]
  unfollow URL|ID          stop following a feed (its articles stay)
  feeds [--json]           followed feeds: title, articles added, last/next fetch, last error
  poll                     fetch every feed once now, as serve does every NEWSBOT_FEED_INTERVAL
  check                    verify the store and the index: exit 0 when sound, 1 with findings
  backup FILE              a consistent copy of the store (works while serve runs)
  restore FILE             replace the store with a verified backup (the old one kept aside), reindex
`

// app is what every command gets: configuration, streams, a logger.
type app struct {
	cfg    Config
	data   string
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
	now    func() time.Time
	// pdf reads shared PDFs; PDFium starts on the first one.
	pdf *pdftext.Extractor
}

// run is the whole program: main only adds the process around it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	fs := flag.NewFlagSet("newsbot", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	data := fs.String("data", cfg.Data, "data directory")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return nil
		}
		return usageError{err.Error()}
	}
	level, err := cfg.logLevel()
	if err != nil {
		return err
	}
	a := &app{
		cfg:    cfg,
		data:   *data,
		getenv: getenv,
		stdin:  stdin,
		stdout: stdout,
		stderr: stderr,
		log:    slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level})),
		now:    time.Now,
		pdf:    pdftext.New(),
	}
	defer a.pdf.Close()
	// bleve reports what it skips while opening an index with the standard
	// logger; the index package handles the cause and tells the user.
	stdlog.SetFlags(0)
	stdlog.SetOutput(slogWriter{a.log.With("component", "bleve")})
	rest := fs.Args()
	cmd := ""
	if len(rest) > 0 {
		cmd, rest = rest[0], rest[1:]
	} else if cfg.HasSlack() {
		cmd = "serve"
	} else {
		cmd = "chat"
	}
	switch cmd {
	case "chat":
		return a.chat(ctx, rest)
	case "serve":
		return a.serve(ctx, rest)
	case "ingest", "add":
		return a.ingest(ctx, rest)
	case "list", "ls":
		return a.list(ctx, rest)
	case "remove", "rm":
		return a.remove(ctx, rest)
	case "trash":
		return a.trash(ctx, rest)
	case "restore-article":
		return a.restoreArticle(ctx, rest)
	case "audit":
		return a.audit(ctx, rest)
	case "feedback":
		return a.feedback(ctx, rest)
	case "ask":
		return a.ask(ctx, rest)
	case "quotes":
		return a.quotes(ctx, rest)
	case "summary":
		return a.summary(ctx, rest)
	case "eval":
		return a.eval(ctx, rest)
	case "reindex":
		return a.reindex(ctx, rest)
	case "bench":
		return a.bench(ctx, rest)
	case "follow":
		return a.follow(ctx, rest)
	case "unfollow":
		return a.unfollow(ctx, rest)
	case "feeds":
		return a.feedsCmd(ctx, rest)
	case "poll":
		return a.poll(ctx, rest)
	case "check":
		return a.check(ctx, rest)
	case "backup":
		return a.backup(ctx, rest)
	case "restore":
		return a.restore(ctx, rest)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}

// open opens the index of the data directory and the handlers on it. The
// caller closes the returned index.
func (a *app) open(ctx context.Context) (*index.Index, *handlers.Handlers, error) {
	return a.openDir(a.data, a.fetcher())
}

// openDir opens the index in dir and the handlers on it, with fetcher (nil:
// no URL fetching). The caller closes the returned index.
func (a *app) openDir(dir string, fetcher handlers.Fetcher) (*index.Index, *handlers.Handlers, error) {
	ix, err := index.Open(dir, a.indexOptions())
	if err != nil {
		return nil, nil, err
	}
	deps := handlers.Deps{
		Store:     ix,
		Fetcher:   fetcher,
		ParseHTML: a.htmlParser(),
		Now:       a.now,
		Log:       a.log.With("component", "handlers"),
	}
	if a.pdf != nil {
		deps.ParsePDF = a.pdf.Text
	}
	h, err := handlers.New(deps)
	if err != nil {
		ix.Close()
		return nil, nil, err
	}
	return ix, h, nil
}

// indexOptions are the options of every index the commands open: the
// user is told in one line on standard error when a damaged search index
// was rebuilt (serve logs it instead, as a warning).
func (a *app) indexOptions() index.Options {
	return index.Options{
		Logger: a.log.With("component", "index"),
		Notify: func(msg string) { fmt.Fprintf(a.stderr, "newsbot: %s\n", msg) },
	}
}

// newFlags returns a flag set for a subcommand whose errors become usage
// errors instead of exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("newsbot "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		return usageError{fmt.Sprintf("%s: %v\n%s", fs.Name(), err, b.String())}
	}
	return nil
}

// slogWriter passes the standard logger's lines to slog at debug level.
type slogWriter struct{ log *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	w.log.Debug(strings.TrimSpace(string(p)))
	return len(p), nil
}
