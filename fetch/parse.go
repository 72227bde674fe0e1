package fetch

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"newsbot/news"
)

// ParseHTML extracts the article of a saved HTML page (a file given to
// `newsbot ingest`): the same cleaning and metadata as Fetch, without the
// network. source (the file's path) names the page in errors.
//
// The page's canonical URL (link rel=canonical or og:url) becomes the
// article's URL, whatever its site; without one the URL is empty, since a
// local file has no URL to link to. The outlet falls back to that URL's
// host. The charset comes from the page's BOM or <meta>, else UTF-8 when
// valid, else windows-1252.
func ParseHTML(data []byte, source string) (a news.Article, err error) {
	if int64(len(data)) > DefaultMaxBytes {
		return news.Article{}, fmt.Errorf("%w: page is %.1f MB, more than the %d MB limit", news.ErrInvalid, float64(len(data))/(1<<20), DefaultMaxBytes>>20)
	}
	defer func() {
		if r := recover(); r != nil {
			a, err = news.Article{}, fail(news.ErrInvalid, fmt.Errorf("extract panic: %v", r), "%s: newsbot could not read that page", source)
		}
	}()
	u := &url.URL{Scheme: "file", Path: "/" + strings.TrimLeft(filepath.ToSlash(source), "/")}
	return extractHTML(toUTF8(data, ""), u, fileName(source))
}
