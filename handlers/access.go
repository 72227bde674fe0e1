package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"newsbot/news"
)

// TrashRetention is how long a removed article stays in the trash, where
// it can be restored, before it is purged for good.
const TrashRetention = 30 * 24 * time.Hour

// UndoWindow is how long after a removal its remover can undo it.
const UndoWindow = time.Hour

// minTrashPrefix is the shortest id prefix that names a trashed article
// (as index.MinPrefix for stored ones).
const minTrashPrefix = 4

// ChangeRequest is a change to one article asked by someone, somewhere.
type ChangeRequest struct {
	// Target is the article's id, unique id prefix or URL.
	Target string
	// By is who asks; news.Operator (the command line) may do anything.
	By news.Actor
	// IsAdmin tells whether By.User is a newsbot or workspace admin. It is
	// asked only when the answer matters; nil means nobody is.
	IsAdmin func(ctx context.Context) (bool, error)
}

// scope is what the request's conversation may see.
func (r ChangeRequest) scope() news.Scope { return scopeOf(r.By) }

func (r ChangeRequest) admin(ctx context.Context) (bool, error) {
	if r.By.IsOperator() {
		return true, nil
	}
	if r.IsAdmin == nil {
		return false, nil
	}
	ok, err := r.IsAdmin(ctx)
	if err != nil {
		return false, fmt.Errorf("check whether %s is an admin: %w", r.By.User, err)
	}
	return ok, nil
}

// Remove moves an article to the trash, where it stays TrashRetention. The
// article must be one the request's conversation may see (otherwise it is
// not found, as if it did not exist); it may be removed by whoever added
// it, by admins, and by the operator. A refusal is a *news.PermissionError
// and is recorded in the audit log.
func (h *Handlers) Remove(ctx context.Context, r ChangeRequest) (news.Ref, error) {
	a, err := h.store.Lookup(ctx, r.Target)
	if err != nil {
		return news.Ref{}, err
	}
	if !r.scope().Allows(a.PrivateTo) {
		return news.Ref{}, fmt.Errorf("article %q: %w", r.Target, news.ErrNotFound)
	}
	allowed := r.By.IsOperator() || (a.AddedBy != "" && a.AddedBy == r.By.User)
	if !allowed {
		if allowed, err = r.admin(ctx); err != nil {
			return news.Ref{}, err
		}
	}
	if !allowed {
		refusal := &news.PermissionError{Action: "remove", Article: a.Ref(), AddedBy: a.AddedBy}
		ev := news.AuditEvent{Time: h.now().UTC(), Action: news.AuditRefused, ArticleID: a.ID, Title: a.Title, By: r.By,
			PrivateTo: a.PrivateTo, Detail: refusal.Error()}
		if err := h.store.RecordAudit(ctx, ev); err != nil {
			h.log.Error("could not record a refused removal", "article", a.ID, "err", err)
		}
		return news.Ref{}, refusal
	}
	item, err := h.store.Trash(ctx, a.ID, r.By, h.now())
	if err != nil {
		return news.Ref{}, err
	}
	h.purge(ctx)
	return item.Ref, nil
}

// Undo brings back the article that by.User removed last, if that was
// within UndoWindow. shown is false when the article is private to a
// conversation other than the one undo was asked in: the caller must then
// not show its title.
func (h *Handlers) Undo(ctx context.Context, by news.Actor) (ref news.Ref, shown bool, err error) {
	if by.User == "" {
		return news.Ref{}, false, fmt.Errorf("%w: undo is for the Slack user who removed an article; use restore-article ID", news.ErrInvalid)
	}
	items, err := h.store.TrashList(ctx)
	if err != nil {
		return news.Ref{}, false, err
	}
	now := h.now()
	var last *news.TrashItem
	for i, it := range items {
		if it.RemovedBy.User == by.User && (last == nil || it.RemovedAt.After(last.RemovedAt)) {
			last = &items[i]
		}
	}
	switch {
	case last == nil:
		return news.Ref{}, false, fmt.Errorf("%w: you have removed nothing that is still in the trash", news.ErrNotFound)
	case now.Sub(last.RemovedAt) > UndoWindow:
		return news.Ref{}, false, fmt.Errorf("%w: your last removal (article %s) was more than an hour ago; an admin can still restore it with restore %s", news.ErrNotFound, last.ID, last.ID)
	}
	ref, err = h.store.RestoreTrashed(ctx, last.ID, by, now, news.AuditUndo)
	if err != nil {
		return news.Ref{}, false, h.hideDuplicate(ctx, err, scopeOf(by))
	}
	return ref, scopeOf(by).Allows(last.PrivateTo), nil
}

// Restore brings a trashed article back (r.Target is its id or a unique
// prefix of it). Only admins and the operator may, and only from a
// conversation that may see the article.
func (h *Handlers) Restore(ctx context.Context, r ChangeRequest) (news.Ref, error) {
	h.purge(ctx)
	item, err := h.trashed(ctx, r.scope(), r.Target)
	if err != nil {
		return news.Ref{}, err
	}
	ok, err := r.admin(ctx)
	if err != nil {
		return news.Ref{}, err
	}
	if !ok {
		return news.Ref{}, &news.PermissionError{Action: "restore", Article: item.Ref, AddedBy: item.AddedBy}
	}
	ref, err := h.store.RestoreTrashed(ctx, item.ID, r.By, h.now(), news.AuditRestore)
	if err != nil {
		return news.Ref{}, h.hideDuplicate(ctx, err, r.scope())
	}
	return ref, nil
}

// trashed finds a trashed article that scope may see by id or unique id
// prefix.
func (h *Handlers) trashed(ctx context.Context, scope news.Scope, target string) (news.TrashItem, error) {
	target = strings.TrimSpace(target)
	if len(target) < minTrashPrefix {
		return news.TrashItem{}, fmt.Errorf("%w: give the id of a trashed article (at least %d characters; the trash lists them)", news.ErrInvalid, minTrashPrefix)
	}
	items, err := h.Trash(ctx, scope)
	if err != nil {
		return news.TrashItem{}, err
	}
	var found []news.TrashItem
	for _, it := range items {
		if it.ID == target {
			return it, nil
		}
		if strings.HasPrefix(it.ID, target) {
			found = append(found, it)
		}
	}
	switch len(found) {
	case 0:
		return news.TrashItem{}, fmt.Errorf("article %q is not in the trash: %w", target, news.ErrNotFound)
	case 1:
		return found[0], nil
	}
	return news.TrashItem{}, fmt.Errorf("%w: %q is the start of several trashed article ids; give more characters", news.ErrInvalid, target)
}

// Trash returns the trashed articles that scope may see, most recently
// removed first; those older than TrashRetention are purged first.
func (h *Handlers) Trash(ctx context.Context, scope news.Scope) ([]news.TrashItem, error) {
	h.purge(ctx)
	items, err := h.store.TrashList(ctx)
	if err != nil {
		return nil, err
	}
	cutoff := h.now().Add(-TrashRetention)
	out := items[:0]
	for _, it := range items {
		if scope.Allows(it.PrivateTo) && !it.RemovedAt.Before(cutoff) {
			out = append(out, it)
		}
	}
	return out, nil
}

// PurgeTrash deletes for good the articles removed more than
// TrashRetention ago, and returns how many.
func (h *Handlers) PurgeTrash(ctx context.Context) (int, error) {
	now := h.now()
	return h.store.PurgeTrash(ctx, now.Add(-TrashRetention), now)
}

// purge is PurgeTrash on the way to something else: a failure is logged.
func (h *Handlers) purge(ctx context.Context) {
	if n, err := h.PurgeTrash(ctx); err != nil {
		h.log.Error("could not purge the trash", "err", err)
	} else if n > 0 {
		h.log.Info("purged old articles from the trash", "articles", n)
	}
}

// Audit returns the audit log from since on, oldest first (the operator's
// view: every conversation).
func (h *Handlers) Audit(ctx context.Context, since time.Time) ([]news.AuditEvent, error) {
	return h.store.Audit(ctx, since)
}
