package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsbot/answer"
	"newsbot/handlers"
	"newsbot/index"
	"newsbot/news"
)

// runCLI runs the whole program in-process with no environment but env.
func runCLI(t *testing.T, stdin string, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	err = run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestChatDemo(t *testing.T) {
	data := t.TempDir()
	out, _, err := runCLI(t, "who said calling for peace is cheap?\n/list\n/nonsense\n", nil, "--data", data)
	if err != nil {
		t.Fatalf("chat: %v\n%s", err, out)
	}
	for _, want := range []string{
		"loaded a demo article",
		"Yun Sun, director of the Stimson Center’s China program (per The Wall Street Journal)",
		"Calling for peace is cheap and easy",
		"The Dallas Express",
		"I don't know /nonsense",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("chat output lacks %q:\n%s", want, out)
		}
	}
	// The demo is loaded once: a second conversation does not announce it.
	out, _, err = runCLI(t, "/list\n", nil, "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "loaded a demo article") {
		t.Errorf("demo announced twice:\n%s", out)
	}
}

func TestIngestAskJSON(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	seed := writeFile(t, files, "china-russia-peace-talks.txt", demoText)
	out, _, err := runCLI(t, "", nil, "--data", data, "ingest", seed)
	if err != nil || !strings.HasPrefix(out, "added ") {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	// Questions in a second process-like run: nothing lost on reopen.
	questions := []struct{ q, speaker, outlet string }{
		{"who said Chinese firms are already delivering non-lethal support to Russia?", "Antony Blinken", "BBC"},
		{"who said Beijing does not accept the United States' finger-pointing?", "Wang Wenbin", "BBC"},
		{"who claimed Russia is guilty of numerous atrocities?", "Kamala Harris", ""},
		{"Who argued that evidence is growing that lethal support is making its way into the conflict?", "Antony Blinken", "*"},
		{"who is not confident Beijing is prepared to mediate the conflict?", "Yun Sun", "The Wall Street Journal"},
		{"who said penguins can fly?", "", ""},
	}
	var in strings.Builder
	for _, q := range questions {
		in.WriteString(q.q + "\n")
	}
	out, _, err = runCLI(t, in.String(), nil, "--data", data, "ask", "--json", "-")
	if err != nil {
		t.Fatalf("ask: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	for _, q := range questions {
		var a jsonAnswer
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("decode answer to %q: %v\n%s", q.q, err, out)
		}
		if q.speaker == "" {
			if a.Kind != "none" {
				t.Errorf("%q: kind %q speaker %q, want none", q.q, a.Kind, a.Speaker)
			}
			continue
		}
		if a.Kind != "quote" || a.Speaker != q.speaker || (q.outlet != "*" && a.Outlet != q.outlet) {
			t.Errorf("%q: got kind %q speaker %q outlet %q, want %q per %q", q.q, a.Kind, a.Speaker, a.Outlet, q.speaker, q.outlet)
		}
		if a.Article.ID == "" || a.Quote == "" {
			t.Errorf("%q: answer without quote or article: %+v", q.q, a)
		}
	}

	// The same file again is a duplicate, named with the stored id.
	out, errOut, err := runCLI(t, "", nil, "--data", data, "ingest", seed)
	if !errors.Is(err, errSilent) || !strings.Contains(out, "skipped "+seed+": already added as ") {
		t.Errorf("duplicate ingest: err %v\n%s%s", err, out, errOut)
	}

	out, _, err = runCLI(t, "", nil, "--data", data, "list", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var item listJSON
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &item); err != nil || item.Quotes == 0 || item.Title == "" {
		t.Fatalf("list --json: %v %+v\n%s", err, item, out)
	}
	out, _, err = runCLI(t, "", nil, "--data", data, "remove", item.ID)
	if err != nil || !strings.Contains(out, "removed "+item.ID) {
		t.Fatalf("remove: %v %s", err, out)
	}
	out, _, _ = runCLI(t, "", nil, "--data", data, "list")
	if !strings.Contains(out, "No articles yet") {
		t.Errorf("list after remove:\n%s", out)
	}
}

func TestQuotesJSON(t *testing.T) {
	seed := writeFile(t, t.TempDir(), "seed.txt", demoText)
	out, _, err := runCLI(t, "", nil, "quotes", "--json", seed)
	if err != nil {
		t.Fatal(err)
	}
	speakers := map[string]bool{}
	n := 0
	for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		var q quoteJSON
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		n++
		if demoText[q.Start:q.End] != q.Text {
			t.Errorf("offsets [%d,%d) do not hold %q", q.Start, q.End, q.Text)
		}
		if q.Speaker == "" && q.Outlet == "" {
			t.Errorf("quote %q has neither speaker nor outlet", q.Text)
		}
		switch strings.ToLower(q.Speaker) {
		case "she", "he", "wenbin", "fox news", "bbc", "the wsj":
			t.Errorf("quote %q has speaker %q", q.Text, q.Speaker)
		}
		speakers[q.Speaker] = true
		if strings.Contains(q.Text, "cheap and easy") && (q.Speaker != "Yun Sun" || q.Outlet != "The Wall Street Journal") {
			t.Errorf("Yun Sun's quote attributed to %q per %q", q.Speaker, q.Outlet)
		}
		if strings.Contains(q.Text, "steady growth") && (q.Speaker != "Wang Wenbin" || q.Outlet != "Fox News") {
			t.Errorf("Wang Wenbin's quote attributed to %q per %q", q.Speaker, q.Outlet)
		}
	}
	for _, want := range []string{"Yun Sun", "Wang Wenbin", "Antony Blinken", "Kamala Harris"} {
		if !speakers[want] {
			t.Errorf("no quote by %s in %d quotes", want, n)
		}
	}
}

func TestIngestBadFiles(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	writeFile(t, dir, "empty.txt", "  \n")
	writeFile(t, dir, "binary.txt", "PK\x03\x04\x00\x00binary")
	writeFile(t, dir, "latin1.txt", "Titre\n\nLe caf\xe9 est \xe0 nous, a dit le ma\xeetre.")
	writeFile(t, dir, "image.png", "\x89PNG")
	big := writeFile(t, dir, "huge.txt", "")
	if err := os.Truncate(big, 6<<20); err != nil {
		t.Fatal(err)
	}
	good := writeFile(t, dir, "good.txt", "Mayor opens bridge\n\n\"It is a great day,\" said Mayor Ann Lee. The bridge cost $2 million.")
	out, _, err := runCLI(t, "", nil, "--data", data, "ingest", dir)
	if !errors.Is(err, errSilent) {
		t.Errorf("ingest with bad files: err %v, want exit 1", err)
	}
	for name, want := range map[string]string{
		"empty.txt":  "no text",
		"binary.txt": "binary",
		"latin1.txt": "not valid UTF-8",
		"image.png":  "not a .txt, .md or .html file",
		"huge.txt":   "more than the 5 MB limit",
	} {
		line := "skipped " + filepath.Join(dir, name) + ": "
		i := strings.Index(out, line)
		if i < 0 || !strings.Contains(out[i:strings.IndexByte(out[i:], '\n')+i], want) {
			t.Errorf("no %q line saying %q:\n%s", line, want, out)
		}
	}
	empty := t.TempDir()
	if out, _, err := runCLI(t, "", nil, "--data", data, "ingest", empty); !errors.Is(err, errSilent) || !strings.Contains(out, "skipped "+empty+": no article files") {
		t.Errorf("ingest of an empty folder: err %v\n%s", err, out)
	}
	if !strings.Contains(out, "added ") || !strings.Contains(out, "Mayor opens bridge") {
		t.Errorf("the good file %s was not added:\n%s", good, out)
	}
}

func TestDataDirectoryInUse(t *testing.T) {
	data := t.TempDir()
	ix, err := index.Open(data, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	_, _, err = runCLI(t, "", nil, "--data", data, "list")
	if !errors.Is(err, news.ErrLocked) || !strings.Contains(err.Error(), "is in use by another newsbot process") {
		t.Fatalf("second open: %v", err)
	}
}

func TestUsageAndConfigErrors(t *testing.T) {
	_, _, err := runCLI(t, "", nil, "--data", t.TempDir(), "frobnicate")
	var ue usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %v", err)
	}
	_, _, err = runCLI(t, "", nil, "--data", t.TempDir(), "serve")
	if err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") || !strings.Contains(err.Error(), "SLACK_SIGNING_SECRET") {
		t.Errorf("serve without tokens: %v", err)
	}
	_, _, err = runCLI(t, "", map[string]string{"SLACK_BOT_TOKEN": "xoxp-user", "SLACK_APP_TOKEN": "xapp-1"}, "--data", t.TempDir(), "serve")
	if err == nil || !strings.Contains(err.Error(), "must start with xoxb-") || strings.Contains(err.Error(), "xoxp-user") {
		t.Errorf("serve with a user token: %v", err)
	}
	_, _, err = runCLI(t, "", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "NEWSBOT_TIMEZONE": "Mars/Base"}, "--data", t.TempDir(), "serve")
	if err == nil || !strings.Contains(err.Error(), "NEWSBOT_TIMEZONE") {
		t.Errorf("serve with a bad zone: %v", err)
	}
}

func TestSummaryJSON(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	seed := writeFile(t, files, "seed.txt", demoText)
	if _, _, err := runCLI(t, "", nil, "--data", data, "ingest", seed); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "", nil, "--data", data, "summary", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var d news.Digest
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("summary --json: %v\n%s", err, out)
	}
	if len(d.Articles) != 1 || len(d.Quotes) == 0 || len(d.Speakers) == 0 {
		t.Fatalf("digest: %+v", d)
	}
	names := map[string]bool{}
	for _, q := range d.Quotes {
		names[q.Speaker] = true
	}
	for _, want := range []string{"Yun Sun", "Kamala Harris"} {
		if !names[want] {
			t.Errorf("digest quotes lack %s: %+v", want, d.Quotes)
		}
	}
}

// The index is what the handlers and the answering engine need.
var (
	_ handlers.Store = (*index.Index)(nil)
	_ answer.Store   = (*index.Index)(nil)
)
