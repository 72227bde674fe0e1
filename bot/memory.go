package bot

import (
	"context"
	"sync"
	"time"
)

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

// maxThreadArticles bounds the articles remembered for one thread.
const maxThreadArticles = 100

// rememberThread records the articles a thread is about, newest first and
// without duplicates, so that a follow-up question in it is asked with them.
// A failure is logged: the answer is out already, only the context of a
// later follow-up is lost.
func (b *Bot) rememberThread(ctx context.Context, channel, ts string, ids ...string) {
	if channel == "" || ts == "" || len(ids) == 0 {
		return
	}
	k := threadKey(channel, ts)
	now := b.now()
	old := b.threadArticles(ctx, channel, ts)
	merged := make([]string, 0, len(ids)+len(old))
	seen := map[string]bool{}
	for _, id := range append(append([]string{}, ids...), old...) {
		if id != "" && !seen[id] {
			seen[id] = true
			merged = append(merged, id)
		}
	}
	if len(merged) > maxThreadArticles {
		merged = merged[:maxThreadArticles]
	}
	if err := b.state.PutThread(ctx, k, merged, now, now.Add(-StateMaxAge)); err != nil {
		b.log.Error("could not remember the thread's articles", "thread", k, "err", err)
	}
}

// threadArticles returns the articles of a thread (nil when unknown).
func (b *Bot) threadArticles(ctx context.Context, channel, ts string) []string {
	if ts == "" {
		return nil
	}
	ids, err := b.state.Thread(ctx, threadKey(channel, ts), b.now().Add(-StateMaxAge))
	if err != nil {
		b.log.Error("could not read the thread's articles; answering without them", "channel", channel, "thread", ts, "err", err)
		return nil
	}
	return ids
}

// firstDelivery records a delivery's keys and reports whether it is new.
// When the store cannot say, the delivery is taken as new: answering twice
// is better than never.
func (b *Bot) firstDelivery(ctx context.Context, keys ...string) bool {
	now := b.now()
	first, err := b.state.FirstSeen(ctx, now, now.Add(-StateMaxAge), keys...)
	if err != nil {
		b.log.Error("could not record the delivery; answering it", "err", err)
		return true
	}
	return first
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
