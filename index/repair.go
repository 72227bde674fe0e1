package index

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"

	"newsbot/news"
)

// rebuildingError says that the search index is being rebuilt; it matches
// news.ErrUnavailable, whose text the edges show to the user as it is.
type rebuildingError struct{ done <-chan struct{} }

func (e *rebuildingError) Error() string {
	return "the search index is being rebuilt from the stored articles; please ask again in a minute"
}

func (e *rebuildingError) Unwrap() error { return news.ErrUnavailable }

// withIndex runs fn on the bleve index under guard. When fn panics (a
// damaged segment), the index is rebuilt from the store in the background
// and fn runs again on the rebuilt index if the rebuild ends within
// Options.RebuildWait; otherwise the error says the index is being rebuilt.
func (x *Index) withIndex(ctx context.Context, fn func(idx bleve.Index) error) error {
	const attempts = 3 // run, wait for the rebuild, run again
	var err error
	for range attempts {
		var idx bleve.Index
		var gen uint64
		var release func()
		idx, gen, release, err = x.index()
		var rb *rebuildingError
		if errors.As(err, &rb) {
			if err = x.waitRebuild(ctx, rb); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		err = guard(func() error { return fn(idx) })
		release()
		var pe *panicError
		if !errors.As(err, &pe) {
			return err
		}
		x.logPanic("the search index failed; rebuilding it from the store", pe)
		x.startRepair(gen, pe.value)
		err = &rebuildingError{}
	}
	return err
}

// waitRebuild waits for the running rebuild, at most Options.RebuildWait.
func (x *Index) waitRebuild(ctx context.Context, rb *rebuildingError) error {
	t := time.NewTimer(x.opts.RebuildWait)
	defer t.Stop()
	select {
	case <-rb.done:
		return nil
	case <-t.C:
		return rb
	case <-ctx.Done():
		return ctx.Err()
	}
}

// startRepair rebuilds the index of generation gen from the store in the
// background, unless it was replaced already or a rebuild runs.
func (x *Index) startRepair(gen uint64, cause string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed || x.repairing != nil || x.gen != gen {
		return
	}
	done := make(chan struct{})
	x.repairing = done
	x.bg.Go(func() {
		x.wmu.Lock()
		n, err := x.rebuild(x.bgCtx, nil)
		// Cleared before writers may run again: a writer that sees
		// repairing leaves the indexing to this rebuild.
		x.mu.Lock()
		x.repairing = nil
		x.mu.Unlock()
		x.wmu.Unlock()
		// Told before the waiting searches go on, so the notice comes
		// before their answers.
		if err != nil {
			x.log.Error("cannot rebuild the damaged search index", "err", err)
			x.notify(fmt.Sprintf("the search index is damaged (%s) and could not be rebuilt: %v; restart newsbot to try again", cause, err))
		} else {
			x.notifyRebuilt(cause, n)
		}
		close(done)
	})
}

// notifyRebuilt tells the user, once, that the index was rebuilt and why.
func (x *Index) notifyRebuilt(cause string, articles int) {
	noun := "articles"
	if articles == 1 {
		noun = "article"
	}
	x.notify(fmt.Sprintf("the search index was damaged (%s); it was rebuilt from %s (%d %s)", cause, storeFile, articles, noun))
}

func (x *Index) notify(msg string) {
	if x.opts.Notify == nil {
		x.log.Warn(msg)
		return
	}
	x.log.Debug(msg)
	x.opts.Notify(msg)
}

// logUnlessNotified logs a warning that the notice to the user will
// repeat: at debug level when there is a Notify, so the terminal gets one
// line.
func (x *Index) logUnlessNotified(msg string, args ...any) {
	if x.opts.Notify != nil {
		x.log.Debug(msg, args...)
		return
	}
	x.log.Warn(msg, args...)
}
