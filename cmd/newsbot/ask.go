package main

import (
	"bufio"
	"context"
	"encoding/json"
	"strings"

	"newsbot/handlers"
	"newsbot/news"
)

// ask answers one question, or one per line of standard input with "-".
func (a *app) ask(ctx context.Context, args []string) error {
	fs := newFlags("ask")
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if question == "" {
		return usageError{"ask needs a question, or - to read one per line"}
	}
	ix, h, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	if err := loadDemo(ctx, a.data, ix, h, a.stderr); err != nil {
		return err
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	answer := func(q string) error {
		ans, err := h.Ask(ctx, handlers.AskRequest{Question: q, Scope: news.Everything})
		if err != nil {
			return err
		}
		if *asJSON {
			return enc.Encode(toJSONAnswer(ans))
		}
		writeAnswer(a.stdout, ans)
		return nil
	}
	if question != "-" {
		return answer(question)
	}
	sc := bufio.NewScanner(a.stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		q := strings.TrimSpace(sc.Text())
		if q == "" {
			continue
		}
		if err := answer(q); err != nil {
			return err
		}
	}
	return sc.Err()
}
