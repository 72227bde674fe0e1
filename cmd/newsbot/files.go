package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"newsbot/handlers"
	"newsbot/news"
)

// articleExts are the file types ingest reads.
var articleExts = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".text": true, ".html": true, ".htm": true}

// readArticleFile reads one file into an article. It refuses (with an error
// wrapping news.ErrInvalid) what cannot be an article before reading more
// than the size limit.
func readArticleFile(path string, parseHTML func(data []byte, path string) (news.Article, error)) (news.Article, error) {
	st, err := os.Stat(path)
	if err != nil {
		return news.Article{}, err
	}
	if st.IsDir() {
		return news.Article{}, fmt.Errorf("%w: is a directory", news.ErrInvalid)
	}
	if st.Size() > handlers.MaxTextBytes {
		return news.Article{}, fmt.Errorf("%w: file is %.1f MB, more than the %d MB limit", news.ErrInvalid, float64(st.Size())/(1<<20), handlers.MaxTextBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return news.Article{}, err
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".html" || ext == ".htm" {
		if parseHTML == nil {
			return news.Article{}, fmt.Errorf("%w: HTML files are not supported in this build", news.ErrInvalid)
		}
		return parseHTML(data, path)
	}
	text := string(data)
	if err := handlers.CheckText(text); err != nil {
		return news.Article{}, err
	}
	title, body := handlers.SplitTitle(text, ext == ".md" || ext == ".markdown")
	if title == "" {
		title = handlers.TitleFromName(path)
	}
	return news.Article{Title: title, Text: body}, nil
}

// walkArticles lists the article files under root (a file or a directory,
// recursively, in lexical order); skipped names files it will not read.
func walkArticles(root string) (files []string, skipped map[string]string, err error) {
	skipped = map[string]string{}
	st, err := os.Stat(root)
	if err != nil {
		return nil, nil, err
	}
	if !st.IsDir() {
		return []string{root}, skipped, nil
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			skipped[p] = err.Error()
			return nil
		}
		name := d.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !articleExts[strings.ToLower(filepath.Ext(name))] {
			skipped[p] = "not a .txt, .md or .html file"
			return nil
		}
		files = append(files, p)
		return nil
	})
	return files, skipped, err
}

// reason words an error for a "skipped" line: the sentinel's generic prefix
// is dropped when a specific explanation follows.
func reason(err error) string {
	msg := err.Error()
	for _, s := range []error{news.ErrInvalid, news.ErrNotFound, news.ErrForbidden, news.ErrUnavailable} {
		if errors.Is(err, s) {
			msg = strings.TrimPrefix(msg, s.Error()+": ")
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	return msg
}
