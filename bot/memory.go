package bot

import (
	"sync"
	"time"
)

// seenSet remembers recent deliveries so that a retried or repeated event is
// answered once. It is bounded in size and age.
type seenSet struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	at    map[string]time.Time
	order []string
}

func newSeenSet(ttl time.Duration, max int) *seenSet {
	return &seenSet{ttl: ttl, max: max, at: map[string]time.Time{}}
}

// first records the keys and reports whether none of them was seen within
// the TTL. Empty keys are ignored.
func (s *seenSet) first(now time.Time, keys ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		if k == "" {
			continue
		}
		if t, ok := s.at[k]; ok && now.Sub(t) < s.ttl {
			return false
		}
	}
	for _, k := range keys {
		if k == "" {
			continue
		}
		if _, ok := s.at[k]; !ok {
			s.order = append(s.order, k)
		}
		s.at[k] = now
	}
	for len(s.order) > s.max || (len(s.order) > 0 && now.Sub(s.at[s.order[0]]) >= s.ttl) {
		delete(s.at, s.order[0])
		s.order = s.order[1:]
	}
	return true
}

// lru is a small bounded map that forgets its oldest entries.
type lru[V any] struct {
	mu    sync.Mutex
	max   int
	m     map[string]V
	order []string
}

func newLRU[V any](max int) *lru[V] { return &lru[V]{max: max, m: map[string]V{}} }

func (l *lru[V]) put(k string, v V) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.m[k]; !ok {
		l.order = append(l.order, k)
	}
	l.m[k] = v
	for len(l.order) > l.max {
		delete(l.m, l.order[0])
		l.order = l.order[1:]
	}
}

func (l *lru[V]) get(k string) (V, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	v, ok := l.m[k]
	return v, ok
}

// threadKey names a thread: its channel and the ts of its first message.
func threadKey(channel, ts string) string { return channel + "/" + ts }

// rememberThread records the articles a thread is about, newest first and
// without duplicates, so that a follow-up question in it is asked with them.
func (b *Bot) rememberThread(channel, ts string, ids ...string) {
	if channel == "" || ts == "" || len(ids) == 0 {
		return
	}
	k := threadKey(channel, ts)
	old, _ := b.threads.get(k)
	merged := make([]string, 0, len(ids)+len(old))
	seen := map[string]bool{}
	for _, id := range append(append([]string{}, ids...), old...) {
		if id != "" && !seen[id] {
			seen[id] = true
			merged = append(merged, id)
		}
	}
	if len(merged) > 100 {
		merged = merged[:100]
	}
	b.threads.put(k, merged)
}

// threadArticles returns the articles of a thread (nil when unknown).
func (b *Bot) threadArticles(channel, ts string) []string {
	if ts == "" {
		return nil
	}
	ids, _ := b.threads.get(threadKey(channel, ts))
	return ids
}

// limiter allows each user n questions in any sliding minute.
type limiter struct {
	mu     sync.Mutex
	n      int
	past   map[string][]time.Time
	warned map[string]time.Time // when each user was last told of the limit
}

func newLimiter(n int) *limiter {
	return &limiter{n: n, past: map[string][]time.Time{}, warned: map[string]time.Time{}}
}

// warn reports whether a user over the limit should be told so: once a
// minute, so that a burst of questions does not become a burst of replies.
func (l *limiter) warn(user string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t, ok := l.warned[user]; ok && now.Sub(t) < time.Minute {
		return false
	}
	l.warned[user] = now
	if len(l.warned) > 10000 {
		for u, t := range l.warned {
			if now.Sub(t) >= time.Minute {
				delete(l.warned, u)
			}
		}
	}
	return true
}

// allow records a question by user at now and reports whether it is within
// the limit; when it is not, wait says how long until the next is allowed.
func (l *limiter) allow(user string, now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	recent := l.past[user][:0]
	for _, t := range l.past[user] {
		if now.Sub(t) < time.Minute {
			recent = append(recent, t)
		}
	}
	if len(recent) >= l.n {
		l.past[user] = recent
		return false, time.Minute - now.Sub(recent[0])
	}
	l.past[user] = append(recent, now)
	if len(l.past) > 10000 { // forget idle users
		for u, ts := range l.past {
			if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= time.Minute {
				delete(l.past, u)
			}
		}
	}
	return true, 0
}
