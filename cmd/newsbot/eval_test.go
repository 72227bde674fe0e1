package main

import (
	"strings"
	"testing"

	"newsbot/eval"
)

func TestReadQuestions(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "q.tsv", "# a comment\nwho said the bridge is safe?\tPriya Nair\n\nwho said penguins can fly?\t-\n")
	qs, err := readQuestions(p, true)
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.Question{{Text: "who said the bridge is safe?", Expected: "Priya Nair"}, {Text: "who said penguins can fly?", Expected: "-"}}
	if len(qs) != len(want) || qs[0] != want[0] || qs[1] != want[1] || qs[1].Answerable() {
		t.Errorf("questions = %+v, want %+v", qs, want)
	}
	// Without a speaker column every question is one no article answers.
	qs, err = readQuestions(p, false)
	if err != nil || len(qs) != 2 || qs[0].Answerable() {
		t.Errorf("unanswerable file: %+v, %v", qs, err)
	}
	bad := writeFile(t, dir, "bad.tsv", "who said the bridge is safe?\tPriya Nair\nwho said penguins can fly?\n")
	if _, err := readQuestions(bad, true); err == nil || !strings.Contains(err.Error(), "bad.tsv:2") {
		t.Errorf("a line without a speaker: err %v, want one naming bad.tsv:2", err)
	}
}
