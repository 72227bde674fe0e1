package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsbot/fetch"
	"newsbot/news"
)

// Document sends the validators it is given, reports 304, passes any
// content type through, reads max-age and refuses what is too big or
// private.
func TestDocument(t *testing.T) {
	var got http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		switch r.URL.Path {
		case "/big":
			w.Write([]byte(strings.Repeat("x", 2048)))
		case "/feed":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Mon, 09 Mar 2026 12:00:00 GMT")
			w.Header().Set("Cache-Control", "public, max-age=3600")
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte("<rss/>"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	c, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.1"}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Document(ctx, news.DocRequest{URL: srv.URL + "/feed", Accept: "application/rss+xml"})
	if err != nil || string(d.Body) != "<rss/>" || d.ETag != `"v1"` || d.MaxAge != time.Hour || d.ContentType != "application/rss+xml" || d.NotModified {
		t.Fatalf("first fetch: %+v %v", d, err)
	}
	if got.Get("Accept") != "application/rss+xml" || got.Get("If-None-Match") != "" {
		t.Errorf("first request headers: %v", got)
	}
	d, err = c.Document(ctx, news.DocRequest{URL: srv.URL + "/feed", ETag: d.ETag, LastModified: d.LastModified})
	if err != nil || !d.NotModified || d.ETag != `"v1"` || len(d.Body) != 0 {
		t.Fatalf("conditional fetch: %+v %v", d, err)
	}
	if got.Get("If-None-Match") != `"v1"` || got.Get("If-Modified-Since") != "Mon, 09 Mar 2026 12:00:00 GMT" {
		t.Errorf("conditional request headers: %v", got)
	}
	if _, err := c.Document(ctx, news.DocRequest{URL: srv.URL + "/big", MaxBytes: 1024}); !errors.Is(err, news.ErrInvalid) || !strings.Contains(err.Error(), "larger than 1 KB") {
		t.Errorf("too big: %v", err)
	}
	if _, err := c.Document(ctx, news.DocRequest{URL: srv.URL + "/gone"}); !errors.Is(err, news.ErrNotFound) || !strings.Contains(err.Error(), srv.URL+"/gone") {
		t.Errorf("missing: %v", err)
	}
	strict, _ := fetch.New(fetch.Config{})
	if _, err := strict.Document(ctx, news.DocRequest{URL: srv.URL + "/feed"}); !errors.Is(err, news.ErrForbidden) {
		t.Errorf("loopback without NEWSBOT_FETCH_ALLOW: %v", err)
	}
}
