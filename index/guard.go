package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"syscall"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"newsbot/news"
)

// Damage is contained at this package's boundary: bbolt and bleve (zapx)
// read memory-mapped files and panic, or fault, on bytes they did not
// write. Every call into them that reads a file runs under guard, which
// turns such a panic into a *panicError. A panic in the article store
// becomes a *StoreError (the store is the source of truth: nothing is
// overwritten, the user is told how to restore it); a panic in the search
// index starts a rebuild of the index from the store.

// panicError is a panic recovered at the package boundary. It keeps the
// panic's value, never its stack: the stack goes to the log only.
type panicError struct {
	value string
	stack []byte
}

func (e *panicError) Error() string { return "internal failure: " + e.value }

// guard runs fn and returns its error, or a *panicError when it panicked.
// Memory faults (a damaged page of a memory-mapped file) become panics for
// the duration of the call.
func guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if v := recover(); v != nil {
			err = &panicError{value: fmt.Sprint(v), stack: debug.Stack()}
		}
	}()
	return fn()
}

// logPanic logs a recovered panic; its stack only at debug level, so that
// no stack trace reaches a terminal at the default level.
func (x *Index) logPanic(msg string, pe *panicError) {
	x.log.Error(msg, "dir", x.dir, "err", pe.value)
	x.log.Debug("stack of the recovered panic", "stack", string(pe.stack))
}

// StoreError reports a damaged article store. It matches news.ErrDamaged.
type StoreError struct {
	// Path is the store file, DIR/articles.db.
	Path string
	// Cause says what is wrong, without a stack trace.
	Cause error
}

func (e *StoreError) Error() string {
	return fmt.Sprintf("the article store %s is damaged (%v); nothing was changed. "+
		"Run 'newsbot check' for the details, then restore a backup with 'newsbot restore FILE' "+
		"('newsbot serve' keeps daily ones in %s)", e.Path, e.Cause, filepath.Join(filepath.Dir(e.Path), BackupDir))
}

// Unwrap makes errors.Is(err, news.ErrDamaged) true and keeps the cause.
func (e *StoreError) Unwrap() []error { return []error{news.ErrDamaged, e.Cause} }

// DiskError reports a write the disk refused: full, over quota or
// read-only. Nothing of the failed write was stored.
type DiskError struct {
	// Dir is the data directory.
	Dir string
	// Err is the system's error.
	Err error
}

func (e *DiskError) Error() string {
	what := "the disk holding " + e.Dir + " is full"
	switch {
	case errors.Is(e.Err, syscall.EROFS):
		what = e.Dir + " is on a read-only file system"
	case errors.Is(e.Err, syscall.EACCES), errors.Is(e.Err, syscall.EPERM):
		what = e.Dir + " is not writable by newsbot"
	case errors.Is(e.Err, syscall.EDQUOT):
		what = "the disk quota for " + e.Dir + " is used up"
	}
	return fmt.Sprintf("%s (%v): nothing was stored; free space or fix the permissions and try again", what, e.Err)
}

// Unwrap returns the system's error.
func (e *DiskError) Unwrap() error { return e.Err }

// isDiskError reports whether err is the disk refusing a write.
func isDiskError(err error) bool {
	for _, e := range []error{syscall.ENOSPC, syscall.EDQUOT, syscall.EROFS, syscall.EACCES, syscall.EPERM, syscall.EFBIG} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// storeDamage reports whether err from bbolt says the file is not a sound
// bbolt file.
func storeDamage(err error) bool {
	return errors.Is(err, bolterrors.ErrInvalid) || errors.Is(err, bolterrors.ErrChecksum) ||
		errors.Is(err, bolterrors.ErrVersionMismatch) || errors.Is(err, bolterrors.ErrInvalidMapping)
}

// view runs a read transaction on the store under guard.
func (x *Index) view(fn func(tx *bolt.Tx) error) error {
	return x.storeErr(guard(func() error { return x.db.View(fn) }))
}

// update runs a write transaction on the store under guard. A write the
// disk refuses becomes a *DiskError; bbolt has rolled the transaction back.
func (x *Index) update(fn func(tx *bolt.Tx) error) error {
	err := guard(func() error {
		return x.db.Update(func(tx *bolt.Tx) error {
			if err := fn(tx); err != nil {
				return err
			}
			if x.failWrite != nil {
				return x.failWrite()
			}
			return nil
		})
	})
	return x.storeErr(err)
}

// storeErr turns a panic in the store into a *StoreError and a refused
// write into a *DiskError; other errors pass unchanged.
func (x *Index) storeErr(err error) error {
	var pe *panicError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pe):
		// The caller reports the error; the log keeps the stack.
		x.log.Debug("the article store failed", "path", x.storePath(), "err", pe.value, "stack", string(pe.stack))
		return &StoreError{Path: x.storePath(), Cause: pe}
	case storeDamage(err):
		return &StoreError{Path: x.storePath(), Cause: err}
	case isDiskError(err):
		return &DiskError{Dir: x.dir, Err: err}
	}
	return err
}

func (x *Index) storePath() string { return filepath.Join(x.dir, storeFile) }

// zapTail is the end of a zap segment: the CRC-32 (IEEE) of every byte
// before it, preceded by the format version (zapx write.go, persistFooter).
const zapTail = 8

// verifySegments checks every segment file of the bleve index at path
// against the CRC-32 in its footer, which zapx writes but never checks. A
// segment that is truncated, overwritten or unreadable is reported by name.
// Checking costs one read of the index files (about 0.2 s per GB when they
// are cached).
func verifySegments(path string) error {
	files, err := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := verifySegment(f); err != nil {
			return fmt.Errorf("segment %s: %w", filepath.Base(f), err)
		}
	}
	return nil
}

func verifySegment(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	n := st.Size()
	if n < zapTail {
		return fmt.Errorf("truncated to %d bytes", n)
	}
	h := crc32.NewIEEE()
	if _, err := io.CopyN(h, f, n-4); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	var tail [4]byte
	if _, err := io.ReadFull(f, tail[:]); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if want := binary.BigEndian.Uint32(tail[:]); h.Sum32() != want {
		return fmt.Errorf("checksum mismatch (damaged or truncated)")
	}
	return nil
}
