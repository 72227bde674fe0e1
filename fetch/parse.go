package fetch

import (
	"fmt"
	"net/url"
	"path/filepath"

	"newsbot/news"
)

// ParseHTML extracts the article of a saved HTML page (a file given to
// `newsbot ingest`): the same cleaning and metadata as Fetch, without the
// network. source names the page in errors and stands in for its URL when
// the page declares no canonical one.
func ParseHTML(data []byte, source string) (news.Article, error) {
	if int64(len(data)) > DefaultMaxBytes {
		return news.Article{}, fmt.Errorf("%w: page is %.1f MB, more than the %d MB limit", news.ErrInvalid, float64(len(data))/(1<<20), DefaultMaxBytes>>20)
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(source)}
	a, err := extract(data, "text/html", u)
	if err != nil {
		return news.Article{}, err
	}
	if a.URL == u.String() {
		a.URL = "" // a local file has no URL to link to
	}
	return a, nil
}
