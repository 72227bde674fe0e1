package feeds

import (
	"context"
	"net/url"
	"strings"
	"sync"
)

// hostGate lets one request at a time reach each host, so that polling
// many feeds of one site (or its article pages) is polite.
type hostGate struct {
	mu   sync.Mutex
	busy map[string]chan struct{} // host -> closed when its request ends
}

// acquire waits until no other request to rawURL's host is under way, and
// returns the function that ends this one.
func (g *hostGate) acquire(ctx context.Context, rawURL string) (release func(), err error) {
	host := rawURL
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		host = strings.ToLower(u.Hostname())
	}
	for {
		g.mu.Lock()
		ch, ok := g.busy[host]
		if !ok {
			done := make(chan struct{})
			g.busy[host] = done
			g.mu.Unlock()
			return func() {
				g.mu.Lock()
				delete(g.busy, host)
				g.mu.Unlock()
				close(done)
			}, nil
		}
		g.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}
