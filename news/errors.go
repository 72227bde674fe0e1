package news

import (
	"errors"
	"fmt"
)

// Sentinel errors. Packages wrap them with context; the edges (CLI, Slack)
// turn them into helpful replies with errors.Is / errors.As.
var (
	// ErrNotFound: the article, quote or page asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the input cannot be used (empty, binary, too large, not an
	// article, a malformed command).
	ErrInvalid = errors.New("invalid input")
	// ErrDuplicate: the article is already stored (see DuplicateError).
	ErrDuplicate = errors.New("already added")
	// ErrLocked: another newsbot process holds the data directory.
	ErrLocked = errors.New("data directory in use")
	// ErrForbidden: a URL that newsbot may not fetch (private address,
	// scheme other than http/https).
	ErrForbidden = errors.New("not allowed")
	// ErrUnavailable: a remote resource could not be reached in time.
	ErrUnavailable = errors.New("unavailable")
	// ErrDamaged: a file of the data directory is damaged (the article
	// store fails its consistency checks); the edges say how to restore it.
	ErrDamaged = errors.New("damaged")
)

// DuplicateError reports that an article was already added; it matches
// ErrDuplicate with errors.Is.
type DuplicateError struct {
	ID    string // the stored article's id
	Title string // the stored article's title
	// Elsewhere: the stored article is private to a conversation the
	// adder cannot see, so neither its id nor its title is told.
	Elsewhere bool
}

func (e *DuplicateError) Error() string {
	if e.Elsewhere {
		return "already added, privately, in another conversation"
	}
	if e.Title == "" {
		return fmt.Sprintf("already added as %s", e.ID)
	}
	return fmt.Sprintf("already added as %s: %s", e.ID, e.Title)
}

// Is makes errors.Is(err, ErrDuplicate) true.
func (e *DuplicateError) Is(target error) bool { return target == ErrDuplicate }
