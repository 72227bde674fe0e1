package index

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"newsbot/news"
)

// A backup is a copy of articles.db, the source of truth; the search index
// is rebuilt from it on restore. Copies are made in one read transaction,
// so they are consistent while writers go on.

// Backup writes a consistent copy of the store to w and returns its size.
// When announce is not nil it is told the size before any byte is
// written (a stream can say how long it is); its error ends the backup.
func (x *Index) Backup(ctx context.Context, w io.Writer, announce func(size int64) error) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var n int64
	err := x.view(func(tx *bolt.Tx) error {
		if announce != nil {
			if err := announce(tx.Size()); err != nil {
				return err
			}
		}
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("back up %s: %w", x.storePath(), err)
	}
	return n, nil
}

// BackupStore writes a consistent copy of the store of the data directory
// dir to w, opening it read-only. It fails with news.ErrLocked when a
// newsbot process uses the directory: ask that process instead.
func BackupStore(ctx context.Context, dir string, lockTimeout time.Duration, w io.Writer) error {
	path := filepath.Join(dir, storeFile)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no article store in %s: %w", dir, err)
	}
	if lockTimeout <= 0 {
		lockTimeout = time.Second
	}
	db, err := openBolt(path, bolt.Options{Timeout: lockTimeout})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return &lockedError{dir: dir}
	case err != nil:
		return &StoreError{Path: path, Cause: err}
	}
	defer db.Close()
	if err := ctx.Err(); err != nil {
		return err
	}
	err = guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			if err := walkStore(tx); err != nil {
				return err
			}
			_, err := tx.WriteTo(w)
			return err
		})
	})
	var pe *panicError
	if errors.As(err, &pe) {
		return &StoreError{Path: path, Cause: pe}
	}
	if err != nil {
		return fmt.Errorf("back up %s: %w", path, err)
	}
	return nil
}

// WriteBackupFile writes a backup to path through write: into a temporary
// file next to it, synced, verified with VerifyBackup, then renamed, so
// that path only ever holds a complete, sound backup. It returns the number
// of articles in the backup.
func WriteBackupFile(ctx context.Context, path string, write func(w io.Writer) error) (int, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("create %s: %w", dir, diskErr(dir, err))
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return 0, fmt.Errorf("write backup %s: %w", path, diskErr(dir, err))
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("write backup %s: %w", path, diskErr(dir, err))
	}
	n, err := VerifyBackup(ctx, tmp)
	if err != nil {
		return 0, fmt.Errorf("the backup written to %s failed its check: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, fmt.Errorf("write backup %s: %w", path, err)
	}
	syncDir(dir)
	return n, nil
}

// diskErr names the directory when the disk refused a write.
func diskErr(dir string, err error) error {
	if isDiskError(err) {
		return &DiskError{Dir: dir, Err: err}
	}
	return err
}

// VerifyBackup checks that file is a sound newsbot store (bbolt's
// consistency check, every article readable) and returns its number of
// articles. It does not change the file.
func VerifyBackup(ctx context.Context, file string) (int, error) {
	if _, err := os.Stat(file); err != nil {
		return 0, err
	}
	var r Report
	if _, _, err := checkStore(ctx, file, Options{LockTimeout: time.Second}, &r); err != nil {
		return 0, err
	}
	if len(r.Store) > 0 {
		return 0, fmt.Errorf("%s is not a sound newsbot store: %s: %w", file, r.Store[0], news.ErrDamaged)
	}
	return r.Articles, nil
}

// Restore replaces the store of the data directory dir with the backup
// file, after verifying it. The old store is kept aside (its new name is
// returned) and the search index is removed, so that the next Open
// rebuilds it from the restored store. It fails with news.ErrLocked when a
// newsbot process uses the directory.
func Restore(ctx context.Context, dir, file string) (kept string, articles int, err error) {
	articles, err = VerifyBackup(ctx, file)
	if err != nil {
		return "", 0, fmt.Errorf("restore from %s: %w", file, err)
	}
	path := filepath.Join(dir, storeFile)
	if abs, err := filepath.Abs(file); err == nil {
		if absStore, err := filepath.Abs(path); err == nil && abs == absStore {
			return "", 0, fmt.Errorf("%w: %s is the store itself; give a backup file", news.ErrInvalid, file)
		}
	}
	// Hold the store's lock (bbolt's own flock) while swapping, even when
	// the store is too damaged for bbolt to open.
	if old, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		defer old.Close()
		if err := syscall.Flock(int(old.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			return "", 0, &lockedError{dir: dir}
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", 0, fmt.Errorf("open %s: %w", path, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", 0, diskErr(dir, err)
	}
	// Copy first, so that a failure leaves the old store in place.
	tmp := path + ".restoring"
	if err := copyFile(file, tmp); err != nil {
		os.Remove(tmp)
		return "", 0, fmt.Errorf("restore from %s: %w", file, diskErr(dir, err))
	}
	if _, err := os.Stat(path); err == nil {
		kept = fmt.Sprintf("%s.before-restore-%s", path, time.Now().UTC().Format("20060102-150405"))
		if err := os.Rename(path, kept); err != nil {
			os.Remove(tmp)
			return "", 0, fmt.Errorf("keep the old store aside: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return kept, 0, fmt.Errorf("put the backup in place: %w (the old store is %s)", err, kept)
	}
	syncDir(dir)
	for _, p := range []string{indexDir, indexDir + ".new", indexDir + ".old"} {
		if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
			return kept, articles, fmt.Errorf("remove the old search index: %w", err)
		}
	}
	return kept, articles, nil
}

// copyFile copies from to to and syncs it.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable; failures only cost durability of
// the name, so they are ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
