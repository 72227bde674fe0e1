package index_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"newsbot/index"
	"newsbot/news"
)

// childEnv names the data directory of the child process of TestKill9.
const childEnv = "NEWSBOT_INDEX_KILL_CHILD"

// TestKill9 adds articles in a child process, kills it with SIGKILL while it
// is still adding, and checks that every article it reported as added is
// stored and searchable after reopening.
func TestKill9(t *testing.T) {
	if dir := os.Getenv(childEnv); dir != "" {
		runChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKill9$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var added []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if id, ok := strings.CutPrefix(sc.Text(), "added "); ok {
			added = append(added, id)
			if len(added) == 12 {
				break
			}
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if len(added) < 12 {
		t.Fatalf("the child reported only %d articles", len(added))
	}

	x := mustOpen(t, dir)
	ctx := context.Background()
	for _, id := range added {
		if _, err := x.Get(ctx, id); err != nil {
			t.Errorf("article %s reported added is lost: %v", id, err)
			continue
		}
		hits := searchQuotes(t, x, news.QuoteQuery{ArticleIDs: []string{id}})
		if len(hits) != 1 {
			t.Errorf("article %s: %d quotes found, want 1", id, len(hits))
		}
	}
	n, _ := x.Count(ctx)
	hits := searchQuotes(t, x, news.QuoteQuery{Text: "kill test", Limit: 1000})
	if len(hits) != n {
		t.Errorf("%d articles stored but %d quotes searchable", n, len(hits))
	}
}

// runChild adds articles one at a time forever, reporting each.
func runChild(dir string) {
	x, err := index.Open(dir, index.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for i := 0; ; i++ {
		d := makeDoc(fmt.Sprintf("Kill %d", i), "", t0.Add(time.Duration(i)*time.Second),
			[]quoteSpec{{"Ann Lee", "", "", fmt.Sprintf("The kill test number %d", i)}},
			fmt.Sprintf("Sentence %d of the kill test.", i))
		errs, err := x.Add(context.Background(), []news.Document{d})
		if err != nil || errs[0] != nil {
			fmt.Fprintln(os.Stderr, err, errs)
			os.Exit(2)
		}
		fmt.Printf("added %s\n", d.Article.ID)
	}
}
