package lexicon

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestSourceLine: every list opens with a comment line that names its
// source, as the project's style asks.
func TestSourceLine(t *testing.T) {
	names, err := fs.Glob(files, "*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no lists embedded: %v", err)
	}
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		if !strings.HasPrefix(first, "# ") || !strings.Contains(first, "Source") {
			t.Errorf("%s: first line %q names no source", n, first)
		}
		if len(lines(n)) == 0 {
			t.Errorf("%s: no entries", n)
		}
	}
}

func TestSets(t *testing.T) {
	tests := []struct {
		name string
		set  func() Set
		in   []string
		out  []string
	}{
		{"reporting verbs", ReportingVerbs, []string{"say", "said", "told", "emphasised", "worried"}, []string{"saying", "Said", ""}},
		{"object verbs", ObjectVerbs, []string{"told", "asked", "warn"}, []string{"said", "add"}},
		{"weak cues", WeakCues, []string{"post", "report", "say"}, []string{"said", "told"}},
		{"say verbs", SayVerbs, []string{"said", "told", "replies"}, []string{"post", "reported", "added"}},
		{"participle cues", ParticipleCues, []string{"saying", "calling"}, []string{"said"}},
		{"document nouns", DocumentNouns, []string{"report", "study"}, []string{"statement", "letter"}},
		{"describers", Describers, []string{"republican", "mp"}, []string{"democrats"}},
		{"what calls before", WhatCallsBefore, []string{",", "—", "in"}, []string{"the"}},
		{"ambiguous outlets", AmbiguousOutlets, []string{"the current", "post"}, []string{"bbc"}},
		{"title words", TitleWords, []string{"sgt.", "ex-", "prime"}, []string{"john"}},
		{"demonyms", Demonyms, []string{"chinese", "north korean"}, []string{"china"}},
		{"question cue verbs", QuestionCueVerbs, []string{"said", "thinks", "blamed"}, []string{"said echo", "shouted"}},
		{"echo words", EchoWords, []string{"said", "thinks"}, []string{"warned", "blamed"}},
		{"other honorifics", OtherHonorifics, []string{"dr", "prof", "herr"}, []string{"mr", "mrs", "dr."}},
		{"reporting verbs, not question cues", ReportingVerbs, []string{"shouted", "posts"}, []string{"blamed", "wants"}},
		{"question cues, not reporting verbs", QuestionCueVerbs, []string{"blamed", "wants"}, []string{"shouted", "posts"}},
		{"stop words", StopWords, []string{"about", "would", "can", "said", "told", "ago"}, []string{"the", "shall", "saying"}},
		{"modal words", ModalWords, []string{"would", "cannot", "shall", "will"}, []string{"not"}},
		{"function words", FunctionWords, []string{"the", "would"}, []string{"np", "will"}},
		{"echo test stops", EchoTestStops, []string{"s", "also", "whose"}, []string{"ago"}},
		{"honorific title words", TitleWords, []string{"mr", "mr.", "dr.", "professor", "sir"}, []string{"prof", "mister"}},
		{"abbreviations", Abbreviations, []string{"dr", "sr", "gen"}, []string{"dr.", "sir"}},
		{"title abbreviations", TitleAbbreviations, []string{"prof", "mrs", "sen"}, []string{"sr", "mrs."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.set()
			for _, w := range tc.in {
				if !s.Has(w) {
					t.Errorf("%q missing", w)
				}
			}
			for _, w := range tc.out {
				if s.Has(w) {
					t.Errorf("%q listed", w)
				}
			}
		})
	}
}

func TestTables(t *testing.T) {
	tests := []struct {
		name      string
		table     func() Table
		key, want string
		ok        bool
	}{
		{"honorific", Honorifics, "mrs.", "f", true},
		{"honorific missing", Honorifics, "dr", "", false},
		{"honorific whose sex is not read", Honorifics, "mister", "", false},
		{"honorific spelling", Honorifics, "dr.", "", false},
		{"gender word", GenderWords, "spokesman", "m", true},
		{"criticism verb", CriticismVerbs, "accused", "of", true},
		{"first name", FirstNames, "margaret", "f", true},
		{"first name of both sexes", FirstNames, "jean", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.table().Get(tc.key)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Get(%q) = %q, %v, want %q, %v", tc.key, got, ok, tc.want, tc.ok)
			}
		})
	}
	if n := FirstNames().Len(); n < 30000 {
		t.Errorf("first-name table has %d names, want tens of thousands", n)
	}
}

func TestOutlets(t *testing.T) {
	canon := maps.Collect(Outlets())
	for form, want := range map[string]string{"WSJ": "The Wall Street Journal", "BBC": "BBC", "El Pais": "El País", "Power and Politics": "Power & Politics"} {
		if canon[form] != want {
			t.Errorf("%q is %q, want %q", form, canon[form], want)
		}
	}
}

func TestRoleSuffixes(t *testing.T) {
	var got []string
	for s := range RoleSuffixes().All() {
		got = append(got, s)
	}
	if strings.Join(got, " ") != "er or ist ian man woman person" {
		t.Errorf("role suffixes = %v", got)
	}
}

// TestSynonyms: a word's synonyms are the other words of its groups, in
// file order, with the irregular verb forms after the synonym groups.
func TestSynonyms(t *testing.T) {
	th := Synonyms()
	if got := th.Of("kids"); len(got) == 0 || got[0] != "kid" || slices.Contains(got, "kids") {
		t.Errorf("Of(kids) = %v, want kid first and not kids", got)
	}
	if got := th.Of("felt"); !slices.Contains(got, "feel") {
		t.Errorf("Of(felt) = %v, want feel", got)
	}
	if got := th.Of("zzz"); got != nil {
		t.Errorf("Of(zzz) = %v, want nil", got)
	}
}

// TestOneHome: each reporting verb, honorific and stop word has one home,
// as issue 16 asks. A word is in at most one of the files of these three
// kinds, and at most once in it; a list that needs a word from another
// file takes it by a tag (StopWords takes "said" from reporting_verbs.txt,
// TitleWords takes "mr" from honorifics.txt). The honorifics are in none
// of the title and abbreviation lists either.
func TestOneHome(t *testing.T) {
	homes := []string{
		"reporting_verbs.txt",
		"honorifics.txt",
		"np_stop.txt", "function_words.txt", "modal_words.txt", "echo_test_stops.txt",
	}
	seen := map[string]string{}
	for _, n := range homes {
		for _, l := range lines(n) {
			w := strings.Fields(l)[0]
			if h, ok := seen[w]; ok {
				t.Errorf("%q is in %s and in %s", w, h, n)
			}
			seen[w] = n
		}
	}
	for _, n := range []string{"title_words.txt", "abbrevs.txt", "abbrevs_no_end.txt"} {
		for _, w := range lines(n) {
			if seen[w] == "honorifics.txt" || seen[w+"."] == "honorifics.txt" {
				t.Errorf("honorific %q is in %s: tag it in honorifics.txt instead", w, n)
			}
		}
	}
}

// TestTags: every tag of the files with tags is one the accessors read, so
// a misspelt tag cannot silently drop a word from a list.
func TestTags(t *testing.T) {
	known := map[string][]string{
		"reporting_verbs.txt": {"object", "weak", "say", "echo", "np", "article-only", "question-only"},
		"function_words.txt":  {"np", "modal", "copula"},
		"modal_words.txt":     {"np"},
		"np_stop.txt":         {"echotest"},
		"honorifics.txt":      {"title", "abbrev", "noend", "form"},
	}
	for n, tags := range known {
		for _, l := range lines(n) {
			f := strings.Fields(l)
			if n == "honorifics.txt" {
				if len(f) < 2 || !slices.Contains([]string{"m", "f", "-"}, f[1]) {
					t.Errorf("%s: %q has no sex (m, f or -)", n, l)
					continue
				}
				f = f[1:]
			}
			for _, tag := range f[1:] {
				if !slices.Contains(tags, tag) {
					t.Errorf("%s: %q has unknown tag %q", n, l, tag)
				}
			}
		}
	}
	for _, l := range lines("reporting_verbs.txt") {
		if f := strings.Fields(l); slices.Contains(f, "article-only") && slices.Contains(f, "question-only") {
			t.Errorf("reporting_verbs.txt: %q is in neither list", l)
		}
	}
}
