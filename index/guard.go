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
	"strconv"
	"strings"
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

// origin returns the function that panicked, read from the stack: the
// first frame after panic() that is not in the runtime (a memory fault
// goes through runtime.sigpanic).
func (e *panicError) origin() string {
	lines := strings.Split(string(e.stack), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "panic(") {
			continue
		}
		for _, f := range lines[i+1:] {
			if f == "" || strings.HasPrefix(f, "\t") || strings.HasPrefix(f, "runtime.") {
				continue
			}
			return f
		}
	}
	return ""
}

// bboltPackage prefixes the functions of bbolt: a panic there is bbolt
// reading bytes it did not write.
const bboltPackage = "go.etcd.io/bbolt"

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

// openBolt opens a bbolt file under guard, always for writing (an
// exclusive lock): bbolt then loads the freelist while opening, in this
// goroutine, where a panic on a damaged one is recovered (a read-only open
// would load it lazily, in bbolt's check goroutine, where it cannot be).
// Opening does not change the file. When bbolt panics while opening, it
// has already locked and mapped the file; the mapping holds the lock, so
// it is unmapped here, so that a restore later in this process is not
// refused.
func openBolt(path string, o bolt.Options) (*bolt.DB, error) {
	var db *bolt.DB
	err := guard(func() error {
		var err error
		db, err = bolt.Open(path, 0o644, &o)
		return err
	})
	var pe *panicError
	if errors.As(err, &pe) {
		unmapFile(path)
	}
	return db, err
}

// unmapFile removes this process's memory mappings of path, found in
// /proc/self/maps (Linux), and unlocks its descriptors of it, releasing
// the flock that a bbolt Open abandoned by a panic still holds. The exclusive
// lock that bbolt took first guarantees that no live DB of this process
// maps the file.
func unmapFile(path string) {
	st, err := os.Stat(path)
	if err != nil {
		return
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return
	}
	for line := range strings.SplitSeq(string(maps), "\n") {
		// start-end perms offset dev inode path
		f := strings.Fields(line)
		if len(f) < 6 || f[4] != strconv.FormatUint(sys.Ino, 10) {
			continue
		}
		if abs, err := filepath.Abs(path); err != nil || f[5] != abs {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 == nil && err2 == nil && end > start {
			_, _, _ = syscall.Syscall(syscall.SYS_MUNMAP, uintptr(start), uintptr(end-start), 0)
		}
	}
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return
	}
	for _, e := range fds {
		if target, err := os.Readlink("/proc/self/fd/" + e.Name()); err == nil && sameFile(target, st) {
			// Unlocked, not closed: the abandoned *os.File still owns
			// the descriptor and closes it when collected.
			if fd, err := strconv.Atoi(e.Name()); err == nil {
				_ = syscall.Flock(fd, syscall.LOCK_UN)
			}
		}
	}
}

func sameFile(path string, st os.FileInfo) bool {
	other, err := os.Stat(path)
	return err == nil && os.SameFile(other, st)
}

// walkStore reads every key of every bucket, nested ones included, which
// visits every branch and leaf page: a damaged one panics here, under the
// caller's guard, rather than in bbolt's own check goroutine.
func walkStore(tx *bolt.Tx) error {
	return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walkBucket(b) })
}

func walkBucket(b *bolt.Bucket) error {
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			if nb := b.Bucket(k); nb != nil {
				return walkBucket(nb)
			}
		}
		return nil
	})
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
	switch diskErrno(e.Err) {
	case syscall.EROFS:
		what = e.Dir + " is on a read-only file system"
	case syscall.EACCES, syscall.EPERM:
		what = e.Dir + " is not writable by newsbot"
	case syscall.EDQUOT:
		what = "the disk quota for " + e.Dir + " is used up"
	case syscall.EFBIG:
		what = "a file in " + e.Dir + " reached the file size limit (ulimit -f)"
	}
	return fmt.Sprintf("%s (%v): nothing was stored; free space or fix the permissions and try again", what, e.Err)
}

// Unwrap returns the system's error.
func (e *DiskError) Unwrap() error { return e.Err }

// diskErrnos are the errors of a disk that refuses writes.
var diskErrnos = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EROFS, syscall.EACCES, syscall.EPERM, syscall.EFBIG}

// diskErrno returns which of diskErrnos err is, 0 for none. bbolt wraps
// some with %s (a file resize error), so the message is matched too.
func diskErrno(err error) syscall.Errno {
	for _, e := range diskErrnos {
		if errors.Is(err, e) || strings.Contains(err.Error(), e.Error()) {
			return e
		}
	}
	return 0
}

// isDiskError reports whether err is the disk refusing a write.
func isDiskError(err error) bool { return diskErrno(err) != 0 }

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
	case errors.As(err, &pe) && strings.HasPrefix(pe.origin(), bboltPackage):
		// The caller reports the error; the log keeps the stack.
		x.log.Debug("the article store failed", "path", x.storePath(), "err", pe.value, "stack", string(pe.stack))
		return &StoreError{Path: x.storePath(), Cause: pe}
	case errors.As(err, &pe):
		// newsbot's own code failed, not the file: a restore would not help.
		x.logPanic("reading the article store failed", pe)
		return fmt.Errorf("reading the article store failed (%s); the store itself was not found damaged", pe.value)
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
// Checking costs one read of the index files: about 0.25 s per GB when they
// are cached (476 MB in 0.11-0.12 s on the development machine), so about
// 0.2 s more per start at 100,000 articles (730 MB of index).
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
