// Package fetch turns a URL into a news.Article: a safe HTTP client (no
// private addresses unless allow-listed, checked at dial time after DNS and
// on every redirect; bounded time, size and redirects) and the extraction of
// the article's text and metadata from HTML or plain text.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"code.dny.dev/ssrf"

	"newsbot/news"
)

// Defaults of Config.
const (
	DefaultMaxBytes       = 5 << 20
	DefaultConnectTimeout = 10 * time.Second
	DefaultTLSTimeout     = 10 * time.Second
	DefaultHeaderTimeout  = 15 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultUserAgent      = "newsbot/1.0 (Slack news bot; fetches articles its users add)"
	// MaxRedirects is the number of redirects followed before giving up.
	MaxRedirects = 5
)

// Config configures a Client. The zero value is usable: every field has a
// default.
type Config struct {
	// Allow lists host names, IP addresses or CIDR networks that may be
	// reached even though they are private (NEWSBOT_FETCH_ALLOW, parsed with
	// ParseAllow). Every port of an allowed entry may be reached; public
	// addresses are reached on ports 80 and 443 only.
	Allow []string
	// ConnectTimeout bounds one TCP connection attempt.
	ConnectTimeout time.Duration
	// TLSTimeout bounds the TLS handshake.
	TLSTimeout time.Duration
	// HeaderTimeout bounds the wait for the response headers once the
	// request is sent.
	HeaderTimeout time.Duration
	// Timeout bounds the whole fetch: redirects, headers and body.
	Timeout time.Duration
	// UserAgent is sent with every request; it should name newsbot.
	UserAgent string
	// MaxBytes is the largest body accepted (after decompression).
	MaxBytes int64
	// Logger receives one debug line per fetch; nil discards.
	Logger *slog.Logger
	// Resolver resolves host names; nil uses the system's. The guard checks
	// the addresses it returns, so it needs no trust.
	Resolver *net.Resolver
}

// Client fetches articles. It is safe for concurrent use.
type Client struct {
	http     *http.Client
	ua       string
	maxBytes int64
	timeout  time.Duration
	log      *slog.Logger
}

// New checks the configuration and returns a Client.
func New(cfg Config) (*Client, error) {
	allow, err := newAllowList(cfg.Allow)
	if err != nil {
		return nil, err
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.ConnectTimeout, DefaultConnectTimeout)
	def(&cfg.TLSTimeout, DefaultTLSTimeout)
	def(&cfg.HeaderTimeout, DefaultHeaderTimeout)
	def(&cfg.Timeout, DefaultTimeout)
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Resolver == nil {
		cfg.Resolver = net.DefaultResolver
	}
	d := &dialer{
		allow:    allow,
		base:     net.Dialer{Timeout: cfg.ConnectTimeout, Control: newGuard(allow.prefixes).control, Resolver: cfg.Resolver},
		resolver: cfg.Resolver,
	}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would dial for us and bypass the guard
		DialContext:            d.DialContext,
		TLSHandshakeTimeout:    cfg.TLSTimeout,
		ResponseHeaderTimeout:  cfg.HeaderTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           16,
		IdleConnTimeout:        30 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
	c := &Client{
		ua:       cfg.UserAgent,
		maxBytes: cfg.MaxBytes,
		timeout:  cfg.Timeout,
		log:      cfg.Logger.With("component", "fetch"),
	}
	c.http = &http.Client{
		Transport:     tr,
		CheckRedirect: checkRedirect,
		Timeout:       cfg.Timeout,
	}
	return c, nil
}

var errTooManyRedirects = errors.New("too many redirects")

type schemeError struct{ scheme string }

func (e *schemeError) Error() string { return "unsupported scheme " + e.scheme }

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > MaxRedirects {
		return errTooManyRedirects
	}
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return &schemeError{s}
	}
	return nil
}

// fail is a refusal worded for the user; it matches its news sentinel (and
// its cause) with errors.Is.
func fail(kind, cause error, format string, args ...any) error {
	return news.Refuse(kind, cause, format, args...)
}

// Fetch downloads rawURL and extracts its article. The article's URL is the
// page's canonical URL (else the URL after redirects); ID, Hash and Added
// are left for the caller. Errors match news.ErrForbidden, ErrNotFound,
// ErrUnavailable or ErrInvalid and are worded for the user.
func (c *Client) Fetch(ctx context.Context, rawURL string) (news.Article, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return news.Article{}, err
	}
	start := time.Now()
	body, final, ctype, err := c.get(ctx, u)
	if err != nil {
		c.log.Debug("fetch refused", "url", u.Redacted(), "err", err, "took", time.Since(start))
		return news.Article{}, err
	}
	a, err := safeExtract(body, ctype, final)
	c.log.Debug("fetched", "url", u.Redacted(), "final", final.Redacted(), "bytes", len(body),
		"type", ctype, "took", time.Since(start), "err", err)
	if err != nil {
		return news.Article{}, err
	}
	return a, nil
}

// safeExtract runs extract and turns a panic in the HTML libraries (a page
// crafted to crash them) into a refusal instead of a crashed bot.
func safeExtract(body []byte, ctype string, u *url.URL) (a news.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = news.Article{}, fail(news.ErrInvalid, fmt.Errorf("extract panic: %v", r), "%s: newsbot could not read that page; paste the text with /newsbot add instead", u)
		}
	}()
	return extract(body, ctype, u)
}

// checkURL parses a URL typed by a user and refuses what newsbot will not fetch.
func checkURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fail(news.ErrInvalid, err, "%q is not a valid URL; give a full address such as https://example.com/story.html", raw)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return nil, fail(news.ErrInvalid, nil, "%q is not a full URL; give one that starts with https:// or http://", raw)
	default:
		return nil, fail(news.ErrInvalid, nil, "%s: newsbot only fetches http and https URLs, not %s:", raw, u.Scheme)
	}
	if u.User != nil {
		// A password in the URL would be stored with the article and shown
		// to everyone who sees its link.
		return nil, fail(news.ErrInvalid, nil, "%s holds a user name or password; newsbot only fetches pages that need no login", u.Redacted())
	}
	if u.Hostname() == "" {
		return nil, fail(news.ErrInvalid, nil, "%q has no host name; give a full address such as https://example.com/story.html", raw)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// acceptedType reports whether a media type is one newsbot reads.
func acceptedType(mt string) bool {
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain":
		return true
	}
	return false
}

// get performs the request and returns the body (at most maxBytes), the
// URL after redirects and the content type.
func (c *Client) get(ctx context.Context, u *url.URL) ([]byte, *url.URL, string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, "", fail(news.ErrInvalid, err, "%s is not a valid URL", u)
	}
	req.Header.Set("User-Agent", c.ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, "", c.classify(ctx, u, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	if err := statusError(final, resp.StatusCode, "if the page needs a login, paste the text with /newsbot add instead"); err != nil {
		return nil, nil, "", err
	}
	ctype := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ctype)
	// A missing, garbled ("html") or generic type is decided by sniffing below.
	if strings.Contains(mt, "/") && mt != "application/octet-stream" && !acceptedType(mt) {
		return nil, nil, "", fail(news.ErrInvalid, nil, "%s is not an HTML page or text (it is %s); newsbot reads web pages only", final, mt)
	}
	if resp.ContentLength > c.maxBytes {
		return nil, nil, "", c.tooLarge(final)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBytes+1))
	if err != nil {
		return nil, nil, "", c.classify(ctx, final, err)
	}
	if int64(len(body)) > c.maxBytes {
		return nil, nil, "", c.tooLarge(final)
	}
	if !acceptedType(mt) { // no usable Content-Type: look at the bytes
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(body))
		if !acceptedType(mt) {
			return nil, nil, "", fail(news.ErrInvalid, nil, "%s is not an HTML page or text (it looks like %s); newsbot reads web pages only", final, mt)
		}
		ctype = mt
	}
	return body, final, ctype, nil
}

// statusError words an HTTP status other than 2xx for the user (nil for
// 2xx); hint says what to do when the server refuses newsbot.
func statusError(final *url.URL, code int, hint string) error {
	switch {
	case code == http.StatusNotFound || code == http.StatusGone:
		return fail(news.ErrNotFound, nil, "%s was not found (HTTP %d)", final, code)
	case code == http.StatusUnauthorized || code == http.StatusForbidden || code == http.StatusUnavailableForLegalReasons:
		return fail(news.ErrForbidden, nil, "%s refused newsbot (HTTP %d); %s", final, code, hint)
	case code == http.StatusTooManyRequests || code == http.StatusRequestTimeout || code >= 500:
		return fail(news.ErrUnavailable, nil, "%s is unavailable right now (HTTP %d); try again later", final, code)
	case code < 200 || code > 299:
		return fail(news.ErrInvalid, nil, "%s answered HTTP %d instead of a page", final, code)
	}
	return nil
}

func (c *Client) tooLarge(u *url.URL) error {
	return fail(news.ErrInvalid, nil, "%s is larger than %s; newsbot does not read pages that big (paste the text with /newsbot add instead)", u, sizeString(c.maxBytes))
}

func sizeString(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n%(1<<10) == 0 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// classify words a transport error for the user. u is the URL asked for;
// the error may concern a redirect target, which is then named as well.
func (c *Client) classify(ctx context.Context, u *url.URL, err error) error {
	target := u.String() // "X", or "X redirects to Y, which"
	failed := u
	var ue *url.Error
	if errors.As(err, &ue) && ue.URL != u.String() {
		if p, perr := url.Parse(ue.URL); perr == nil {
			failed = p
			target = fmt.Sprintf("%s redirects to %s, which", u, p)
		}
	}
	var se *schemeError
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, errTooManyRedirects):
		return fail(news.ErrInvalid, err, "%s redirects more than %d times; give the final address of the article", u, MaxRedirects)
	case errors.As(err, &se):
		return fail(news.ErrInvalid, err, "%s redirects to %s; newsbot only fetches http and https URLs, not %s:", u, failed, se.scheme)
	case errors.Is(err, ssrf.ErrProhibitedPort):
		return fail(news.ErrForbidden, err, "%s uses port %s; newsbot only fetches public pages on ports 80 and 443. To allow a site on another port, add its host to NEWSBOT_FETCH_ALLOW", target, failed.Port())
	case errors.Is(err, ssrf.ErrProhibitedIP) || errors.Is(err, ssrf.ErrProhibitedNetwork):
		return fail(news.ErrForbidden, err, "%s is a private address; newsbot only fetches public pages. To allow an intranet site, add its host or network to NEWSBOT_FETCH_ALLOW", target)
	case errors.Is(ctx.Err(), context.Canceled):
		return fail(news.ErrUnavailable, err, "fetching %s was cancelled", u)
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return fail(news.ErrUnavailable, err, "%s timed out; the site is too slow or not answering, try again later", u)
	case errors.As(err, &dnsErr):
		return fail(news.ErrUnavailable, err, "could not find the site %s (DNS lookup failed); check the address", failed.Hostname())
	default:
		var oe *net.OpError
		if errors.As(err, &oe) && oe.Op == "dial" {
			return fail(news.ErrUnavailable, err, "could not connect to %s; the site is down or refusing connections", failed.Host)
		}
		return fail(news.ErrUnavailable, err, "could not fetch %s: %v", u, unwrapAll(err))
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// unwrapAll returns the innermost error, for a short message.
func unwrapAll(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
