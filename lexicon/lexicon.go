// Package lexicon is newsbot's one home for word lists: reporting verbs,
// honorifics, title and role words, stop words, outlets, first names and
// the rest. Each list is an embedded .txt file whose first line names its
// source; the accessors build a read-only set or table from it once, on
// first use, and every package that needs a list reads it from here.
//
// File format: one entry a line, lower case unless the list says
// otherwise; lines starting with "#" are comments; blank lines are
// skipped. Tables put a value after the first space of a line
// ("mrs f"); tagged lists put tags after the word ("told object say").
// Each word has one home: a list that shares words with another takes
// them from the other's file by a tag ("said" is a stop word through the
// tag np in reporting_verbs.txt).
package lexicon

import (
	"embed"
	"iter"
	"maps"
	"slices"
	"strings"
	"sync"
)

//go:embed *.txt
var files embed.FS

// Set is a read-only set of words.
type Set struct{ m map[string]struct{} }

// Has reports whether w is in the set (an exact, case-sensitive match).
func (s Set) Has(w string) bool {
	_, ok := s.m[w]
	return ok
}

// Len is the number of words in the set.
func (s Set) Len() int { return len(s.m) }

// All yields the words of the set in sorted order.
func (s Set) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		ws := make([]string, 0, len(s.m))
		for w := range s.m {
			ws = append(ws, w)
		}
		slices.Sort(ws)
		for _, w := range ws {
			if !yield(w) {
				return
			}
		}
	}
}

// Table is a read-only map from a word to a short value.
type Table struct{ m map[string]string }

// Get returns the value of w and whether w is in the table.
func (t Table) Get(w string) (string, bool) {
	v, ok := t.m[w]
	return v, ok
}

// Len is the number of words in the table.
func (t Table) Len() int { return len(t.m) }

// List is a read-only list of words in file order.
type List struct{ s []string }

// All yields the words of the list in file order.
func (l List) All() iter.Seq[string] { return slices.Values(l.s) }

// Len is the number of words in the list.
func (l List) Len() int { return len(l.s) }

// lines returns the entries of an embedded file: its lines without
// comments and blank lines, trimmed. The files are part of the binary, so
// a missing one is a programming error caught by the package's tests.
func lines(name string) []string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	var out []string
	for line := range strings.Lines(string(b)) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if l := strings.TrimSpace(line); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// newSet returns the set of the entries of file name.
func newSet(name string) Set {
	ls := lines(name)
	m := make(map[string]struct{}, len(ls))
	for _, l := range ls {
		m[l] = struct{}{}
	}
	return Set{m}
}

// set returns an accessor that builds the set of file name once.
func set(name string) func() Set {
	return sync.OnceValue(func() Set { return newSet(name) })
}

// table returns an accessor that builds the table of file name once:
// each entry is a word, a space and its value; entries without a value
// are skipped.
func table(name string) func() Table {
	return sync.OnceValue(func() Table {
		ls := lines(name)
		m := make(map[string]string, len(ls))
		for _, l := range ls {
			if k, v, ok := strings.Cut(l, " "); ok {
				m[k] = v
			}
		}
		return Table{m}
	})
}

// tagged returns an accessor that builds, once, the set of the words of
// file name whose entry carries tag after the word ("told object say"),
// or every word when tag is "".
func tagged(name, tag string) func() Set { return taggedExcept(name, tag, "") }

// taggedExcept is tagged, leaving out the words whose entry carries except
// (none when except is ""): one file can hold two lists that share most of
// their words ("shouted say article-only").
func taggedExcept(name, tag, except string) func() Set {
	return sync.OnceValue(func() Set {
		m := map[string]struct{}{}
		for _, l := range lines(name) {
			f := strings.Fields(l)
			if (tag == "" || slices.Contains(f[1:], tag)) && (except == "" || !slices.Contains(f[1:], except)) {
				m[f[0]] = struct{}{}
			}
		}
		return Set{m}
	})
}

// union returns an accessor that builds, once, the union of the sets of
// the accessors sets: a list whose words live in several files, each word
// in one of them.
func union(sets ...func() Set) func() Set {
	return sync.OnceValue(func() Set {
		m := map[string]struct{}{}
		for _, s := range sets {
			maps.Copy(m, s().m)
		}
		return Set{m}
	})
}

// Thesaurus is a read-only map from a word to the other words of the
// groups it sits in.
type Thesaurus struct{ m map[string][]string }

// Of returns the other words of w's groups, in the order of the groups and
// of the words in each (nil when w is in none). The caller must not change
// the slice.
func (t Thesaurus) Of(w string) []string { return t.m[w] }

// newThesaurus builds the thesaurus of the groups of files names, read in
// order: each entry is a group of words separated by spaces.
func newThesaurus(names ...string) Thesaurus {
	m := map[string][]string{}
	for _, name := range names {
		for _, l := range lines(name) {
			words := strings.Fields(l)
			for _, w := range words {
				for _, o := range words {
					if o != w && !slices.Contains(m[w], o) {
						m[w] = append(m[w], o)
					}
				}
			}
		}
	}
	for w, os := range m {
		m[w] = slices.Clip(os)
	}
	return Thesaurus{m}
}
