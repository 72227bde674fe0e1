package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"newsbot/eval"
	"newsbot/handlers"
	"newsbot/news"
	"newsbot/quote"
)

// evalReport is the `eval --json` output.
type evalReport struct {
	Dir         string               `json:"dir"`
	Extraction  eval.Extraction      `json:"extraction"`
	WhoSaid     *eval.QuestionScores `json:"who_said,omitempty"`
	Paraphrases *eval.QuestionScores `json:"paraphrases,omitempty"`
	// Unanswerable scores the --unanswerable questions (declined is right).
	Unanswerable *eval.QuestionScores `json:"unanswerable,omitempty"`
	// Questions scores the --questions file.
	Questions *eval.QuestionScores `json:"questions,omitempty"`
}

// eval scores extraction and answers on an annotated set (GGT format): the
// extractor on every article, then "who said" and paraphrase questions
// against a fresh index of the set's articles in a temporary directory.
func (a *app) eval(ctx context.Context, args []string) error {
	fs := newFlags("eval")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	misses := fs.Bool("misses", false, "also list the misses (for reading errors)")
	unanswerable := fs.String("unanswerable", "", "a file of who-said questions, one per line, that no article answers: count how many are declined")
	questions := fs.String("questions", "", "a file of questions with the expected speaker, one per line: question, a tab, the speaker (- when no article answers)")
	distractors := fs.String("distractors", "", "also index the article files of this directory, so answers must be found among more articles")
	corpus := fs.String("corpus", "../shared/corpus", "for a set given as one JSON file of spans (eval/annotations/*.json): the folder its rawtext_file paths are relative to")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"eval needs one directory in GGT format (e.g. ../shared/corpus/ggt-dev) or one JSON file of spans (e.g. eval/annotations/bbc-train.json)"}
	}
	var set *eval.Set
	var err error
	if strings.HasSuffix(fs.Arg(0), ".json") {
		set, err = eval.LoadGGTFile(fs.Arg(0), *corpus)
	} else {
		set, err = eval.LoadGGT(fs.Arg(0))
	}
	if err != nil {
		return err
	}
	rep := evalReport{Dir: fs.Arg(0), Extraction: eval.ScoreExtraction(set, quote.Extract)}

	tmp, err := os.MkdirTemp("", "newsbot-eval-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	ix, h, err := a.openDir(tmp, nil)
	if err != nil {
		return err
	}
	defer ix.Close()
	arts := make([]news.Article, 0, len(set.Docs))
	for _, d := range set.Docs {
		arts = append(arts, news.Article{Title: d.ID, Outlet: d.Outlet, URL: "ggt:" + d.ID, Text: d.Text})
	}
	if *distractors != "" {
		files, _, err := walkArticles(*distractors)
		if err != nil {
			return err
		}
		for _, p := range files {
			if art, err := readArticleFile(p, nil); err == nil {
				arts = append(arts, art)
			}
		}
	}
	_, errs, err := h.AddArticles(ctx, arts)
	if err != nil {
		return err
	}
	for i, e := range errs {
		if e != nil && i < len(set.Docs) {
			fmt.Fprintf(a.stderr, "eval: article %s not indexed: %v\n", set.Docs[i].ID, e)
		}
	}
	ask := func(q string) (string, bool) {
		ans, err := h.Ask(ctx, handlers.AskRequest{Question: q, Scope: news.Everything})
		if err != nil {
			fmt.Fprintf(a.stderr, "eval: %v\n", err)
			return "", true
		}
		return ans.Speaker, ans.Kind == news.AnswerNone
	}
	ws := eval.ScoreQuestions(eval.WhoSaidQuestions(set), ask)
	rep.WhoSaid = &ws
	if *unanswerable != "" {
		qs, err := readQuestions(*unanswerable, false)
		if err != nil {
			return err
		}
		us := eval.ScoreQuestions(qs, ask)
		rep.Unanswerable = &us
	}
	if *questions != "" {
		qs, err := readQuestions(*questions, true)
		if err != nil {
			return err
		}
		us := eval.ScoreQuestions(qs, ask)
		rep.Questions = &us
	}
	if len(set.Paraphrases) > 0 {
		ps := eval.ScoreQuestions(set.Paraphrases, ask)
		rep.Paraphrases = &ps
	}
	// The optional question sets, in the order they are listed and printed.
	sections := []struct {
		title  string
		scores *eval.QuestionScores
	}{
		{"paraphrased questions", rep.Paraphrases},
		{"questions no article answers (" + *unanswerable + ")", rep.Unanswerable},
		{"questions of " + *questions, rep.Questions},
	}
	if *asJSON {
		if !*misses {
			rep.Extraction.Misses = nil
			rep.WhoSaid.Wrong = nil
			for _, sec := range sections {
				if sec.scores != nil {
					sec.scores.Wrong = nil
				}
			}
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if *misses {
		fmt.Fprintln(a.stdout, rep.Extraction.MissesText())
		wrong := rep.WhoSaid.Wrong
		for _, sec := range sections {
			wrong = append(wrong, wrongOf(sec.scores)...)
		}
		for _, w := range wrong {
			fmt.Fprintf(a.stdout, "WRONG %q expected %q got %q\n", w.Question, w.Expected, w.Got)
		}
	}
	fmt.Fprintf(a.stdout, "newsbot eval %s (%d articles)\n\n", rep.Dir, len(set.Docs))
	fmt.Fprintln(a.stdout, strings.TrimRight(rep.Extraction.Table(), "\n"))
	fmt.Fprintln(a.stdout)
	fmt.Fprintln(a.stdout, "who said <6 words of a quote>?")
	fmt.Fprintln(a.stdout, strings.TrimRight(rep.WhoSaid.Table(), "\n"))
	for _, sec := range sections {
		if sec.scores != nil {
			fmt.Fprintln(a.stdout)
			fmt.Fprintln(a.stdout, sec.title)
			fmt.Fprintln(a.stdout, strings.TrimRight(sec.scores.Table(), "\n"))
		}
	}
	return nil
}

// readQuestions reads a file of questions, one per line; blank lines and
// lines starting with # are skipped. With speakers, a tab follows each
// question and then the expected speaker, "-" when no article answers it;
// without, no article answers any of them.
func readQuestions(path string, speakers bool) ([]eval.Question, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var qs []eval.Question
	for n, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q := eval.Question{Text: line, Expected: "-"}
		if speakers {
			text, speaker, ok := strings.Cut(line, "\t")
			if !ok || strings.TrimSpace(speaker) == "" {
				return nil, fmt.Errorf("%s:%d: a question, a tab and the expected speaker (- for none) expected", path, n+1)
			}
			q = eval.Question{Text: strings.TrimSpace(text), Expected: strings.TrimSpace(speaker)}
		}
		qs = append(qs, q)
	}
	return qs, nil
}

func wrongOf(s *eval.QuestionScores) []eval.WrongAnswer {
	if s == nil {
		return nil
	}
	return s.Wrong
}
