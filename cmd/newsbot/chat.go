package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

const chatHelp = `Ask me about the articles, for example:
  who said calling for peace is cheap?
  what did Blinken say about Russia?
  quotes by Harris
  who was quoted in <article title>?
  when did Wang Yi arrive in Moscow?
Commands:
  /add PATH|URL     add an article from a file, a folder or a web page
  /paste            add pasted text: title on the first line, end with a line holding only "."
  /list             the articles I know
  /remove ID|URL    forget an article
  /summary          what was added in the last 24 hours
  /help             this help
  /quit             leave (Ctrl-D works too)
`

// chatKeys is the help's last part on a terminal.
const chatKeys = "Keys: arrows move and edit, Up/Down recall earlier lines (kept in the data directory), Ctrl-R searches them, Ctrl-C clears the line.\n"

// chat is the terminal conversation: the same questions and answers as
// Slack, on the local data directory.
func (a *app) chat(ctx context.Context, args []string) error {
	fs := newFlags("chat")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	interactive := isTerminal(a.stdin)
	out := a.stdout
	if interactive {
		fmt.Fprintln(out, "newsbot: ask me who said what in your news. /help for commands, /quit to leave.")
	}
	if err := loadDemo(ctx, a.data, ix, h, out); err != nil {
		return err
	}
	var src lineSource
	if interactive {
		src = newTerminalLines(a.data, a.log)
	} else {
		src = newPipedLines(a.stdin)
	}
	defer src.close()
	return a.converse(ctx, h, src, interactive)
}

// converse runs the conversation on the lines of src.
func (a *app) converse(ctx context.Context, h *handlers.Handlers, src lineSource, interactive bool) error {
	out := a.stdout
	prompt := ""
	if interactive {
		prompt = "> "
	}
	for {
		line, ok := src.line(ctx, prompt, true)
		if !ok {
			break
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !interactive {
			fmt.Fprintf(out, "> %s\n", line)
		}
		cmd, arg, _ := strings.Cut(line, " ")
		arg = strings.TrimSpace(arg)
		switch strings.ToLower(cmd) {
		case "/quit", "/exit", "quit", "exit":
			return nil
		case "/help", "help", "/?":
			fmt.Fprint(out, chatHelp)
			if interactive {
				fmt.Fprint(out, chatKeys)
			}
		case "/list":
			a.chatList(ctx, h, out)
		case "/add":
			if arg == "" {
				fmt.Fprintln(out, "Give me a file, a folder or a URL: /add PATH|URL (or /paste to paste text).")
				continue
			}
			a.chatAdd(ctx, h, arg, out)
		case "/paste":
			fmt.Fprintln(out, `Paste the article: title on the first line, then the text; end with a line holding only "."`)
			var b strings.Builder
			for {
				l, ok := src.line(ctx, "", false)
				if !ok || strings.TrimSpace(l) == "." {
					break
				}
				b.WriteString(l)
				b.WriteByte('\n')
			}
			res, err := h.AddPasted(ctx, b.String(), news.Origin{By: news.Operator})
			a.reportAdd(out, "pasted text", res, err)
		case "/remove", "/rm":
			if arg == "" {
				fmt.Fprintln(out, "Which one? /remove ID|URL (see /list)")
				continue
			}
			ref, err := h.Remove(ctx, handlers.ChangeRequest{Target: arg, By: news.Operator})
			if err != nil {
				fmt.Fprintf(out, "Could not remove %s: %s\n", arg, a.userError(err))
				continue
			}
			fmt.Fprintf(out, "Removed %s %s\n", ref.ID, ref.Title)
		case "/summary":
			now := a.now()
			d, err := h.Summary(ctx, news.Everything, now.Add(-24*time.Hour), now)
			if err != nil {
				fmt.Fprintln(out, a.userError(err))
				continue
			}
			writeDigest(out, d)
		default:
			if strings.HasPrefix(cmd, "/") {
				fmt.Fprintf(out, "I don't know %s. /help lists what I can do.\n", cmd)
				continue
			}
			ans, err := h.Ask(ctx, handlers.AskRequest{Question: line, Scope: news.Everything})
			if err != nil {
				fmt.Fprintln(out, a.userError(err))
				continue
			}
			writeAnswer(out, ans)
		}
	}
	if interactive {
		fmt.Fprintln(out)
	}
	return src.err()
}

func (a *app) chatList(ctx context.Context, h *handlers.Handlers, out io.Writer) {
	items, err := h.List(ctx, news.Everything, 20)
	if err != nil {
		fmt.Fprintln(out, a.userError(err))
		return
	}
	if len(items) == 0 {
		fmt.Fprintln(out, "No articles yet: /add one.")
		return
	}
	for _, s := range items {
		src := plural(s.Quotes, "quote", "quotes")
		if s.Outlet != "" {
			src = s.Outlet + ", " + src
		}
		fmt.Fprintf(out, "%s  %s (%s)\n", s.ID, s.Title, src)
	}
}

func (a *app) chatAdd(ctx context.Context, h *handlers.Handlers, arg string, out io.Writer) {
	if isURL(arg) {
		fmt.Fprintf(out, "Fetching %s …\n", arg)
		res, err := h.AddURL(ctx, arg, news.Origin{By: news.Operator})
		a.reportAdd(out, arg, res, err)
		return
	}
	files, skipped, err := walkArticles(arg)
	if err != nil {
		fmt.Fprintf(out, "Could not add %s: %s\n", arg, reason(err))
		return
	}
	names := make([]string, 0, len(skipped))
	for p := range skipped {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		fmt.Fprintf(out, "Skipped %s: %s\n", p, skipped[p])
	}
	parse := a.htmlParser()
	for _, p := range files {
		art, err := readArticleFile(p, parse)
		if err != nil {
			fmt.Fprintf(out, "Skipped %s: %s\n", p, reason(err))
			continue
		}
		res, err := h.AddArticle(ctx, art)
		a.reportAdd(out, p, res, err)
	}
}

func (a *app) reportAdd(out io.Writer, from string, res handlers.AddResult, err error) {
	if err != nil {
		fmt.Fprintf(out, "Could not add %s: %s\n", from, a.userError(err))
		return
	}
	outlet := ""
	if res.Article.Outlet != "" {
		outlet = " (" + res.Article.Outlet + ")"
	}
	fmt.Fprintf(out, "Added %s%s: %s from %s [%s]\n", res.Article.Title, outlet, plural(res.Quotes, "quote", "quotes"), plural(res.Speakers, "person", "people"), res.Article.ID)
}

// userError words an error for the person at the terminal: the specific
// reasons of the news sentinels as they are, anything else as a failure to
// look up in the log.
func (a *app) userError(err error) string {
	for _, s := range []error{news.ErrInvalid, news.ErrNotFound, news.ErrDuplicate, news.ErrForbidden, news.ErrUnavailable} {
		if errors.Is(err, s) {
			return reason(err)
		}
	}
	a.log.Error("chat", "err", err)
	return "Sorry, something went wrong (details in the log)."
}

// plural says "1 quote" or "3 quotes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
