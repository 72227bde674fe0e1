package fetch

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsbot/news"
)

// Document fetches a raw document (a feed) through the same guarded client
// as Fetch: private addresses refused unless allowed, bounded time, size and
// redirects. It sends the request's validators (If-None-Match,
// If-Modified-Since) and reports a 304 as Doc.NotModified. It does not look
// at the content: the caller decides what the bytes are. Errors match
// news.ErrForbidden, ErrNotFound, ErrUnavailable or ErrInvalid and are
// worded for the user.
func (c *Client) Document(ctx context.Context, r news.DocRequest) (news.Doc, error) {
	u, err := checkURL(r.URL)
	if err != nil {
		return news.Doc{}, err
	}
	maxBytes := c.maxBytes
	if r.MaxBytes > 0 {
		maxBytes = r.MaxBytes
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return news.Doc{}, fail(news.ErrInvalid, err, "%s is not a valid URL", u)
	}
	req.Header.Set("User-Agent", c.ua)
	accept := r.Accept
	if accept == "" {
		accept = "*/*"
	}
	req.Header.Set("Accept", accept)
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return news.Doc{}, c.classify(ctx, u, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	doc := news.Doc{
		URL:          final.String(),
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		MaxAge:       maxAge(resp.Header),
	}
	if resp.StatusCode == http.StatusNotModified {
		// A 304 may omit the validators; the ones sent still hold.
		if doc.ETag == "" {
			doc.ETag = r.ETag
		}
		if doc.LastModified == "" {
			doc.LastModified = r.LastModified
		}
		doc.NotModified = true
		c.log.Debug("not modified", "url", u.Redacted(), "took", time.Since(start))
		return doc, nil
	}
	if err := statusError(final, resp.StatusCode, "newsbot only reads feeds that need no login"); err != nil {
		return news.Doc{}, err
	}
	if resp.ContentLength > maxBytes {
		return news.Doc{}, fail(news.ErrInvalid, nil, "%s is larger than %s; newsbot does not read documents that big", final, sizeString(maxBytes))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return news.Doc{}, c.classify(ctx, final, err)
	}
	if int64(len(body)) > maxBytes {
		return news.Doc{}, fail(news.ErrInvalid, nil, "%s is larger than %s; newsbot does not read documents that big", final, sizeString(maxBytes))
	}
	doc.Body = body
	c.log.Debug("fetched document", "url", u.Redacted(), "final", final.Redacted(), "bytes", len(body), "type", doc.ContentType, "took", time.Since(start))
	return doc, nil
}

// maxAge is how long the response may be kept, from Cache-Control max-age
// (or s-maxage), else Expires minus Date; 0 when the server says nothing
// or asks not to keep it.
func maxAge(h http.Header) time.Duration {
	for d := range strings.SplitSeq(h.Get("Cache-Control"), ",") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), "=")
		switch strings.ToLower(name) {
		case "no-store", "no-cache":
			return 0
		case "max-age", "s-maxage":
			if n, err := strconv.Atoi(strings.Trim(value, `"`)); err == nil && n > 0 {
				return time.Duration(n) * time.Second
			}
		}
	}
	exp, err1 := http.ParseTime(h.Get("Expires"))
	date, err2 := http.ParseTime(h.Get("Date"))
	if err1 == nil && err2 == nil && exp.After(date) {
		return exp.Sub(date)
	}
	return 0
}
