package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"newsbot/index"
	"newsbot/news"
)

// keepBackups is the number of daily backups serve keeps.
const keepBackups = 7

// controlSocket is the Unix socket, inside the data directory, on which
// serve hands out backups: the store's lock keeps other processes from
// reading it while serve runs. Only the directory's owner can connect.
const controlSocket = "newsbot.sock"

// backupCommand is the one request the control socket takes.
const backupCommand = "backup"

// backup writes a consistent copy of the store to FILE, directly when no
// process uses the data directory, else through the running serve.
func (a *app) backup(ctx context.Context, args []string) error {
	fs := newFlags("backup")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"backup takes one argument: the file to write"}
	}
	file := fs.Arg(0)
	if st, err := os.Stat(filepath.Dir(file)); err != nil || !st.IsDir() {
		return fmt.Errorf("backup: folder %s does not exist; create it first or give another path", filepath.Dir(file))
	}
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("backup: %s already exists; remove it or give another name (a backup never overwrites a file)", file)
	}
	n, err := index.WriteBackupFile(ctx, file, func(w io.Writer) error {
		err := index.BackupStore(ctx, a.data, 200*time.Millisecond, w)
		if !errors.Is(err, news.ErrLocked) {
			return err
		}
		// serve holds the store: ask it. Nothing was written yet.
		if cerr := requestBackup(ctx, filepath.Join(a.data, controlSocket), w); cerr != nil {
			return fmt.Errorf("%w, and it did not hand out a backup on %s (only a running serve does; quit chat or the other command, then run backup again): %v", err, filepath.Join(a.data, controlSocket), cerr)
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "backed up %s to %s\n", plural(n, "article", "articles"), file)
	return nil
}

// restore replaces the store with a verified backup, keeps the old one
// aside and rebuilds the index.
func (a *app) restore(ctx context.Context, args []string) error {
	fs := newFlags("restore")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"restore takes one argument: the backup file"}
	}
	kept, n, err := index.Restore(ctx, a.data, fs.Arg(0))
	if err != nil {
		if errors.Is(err, news.ErrLocked) {
			return fmt.Errorf("%w: stop it before restoring", err)
		}
		return err
	}
	if kept != "" {
		fmt.Fprintf(a.stdout, "the previous store is kept as %s\n", kept)
	}
	opts := a.indexOptions()
	opts.Notify = func(string) {} // the rebuild is expected: said below, not as damage
	ix, err := index.Open(a.data, opts)
	if err != nil {
		return fmt.Errorf("open the restored store: %w", err)
	}
	defer ix.Close()
	fmt.Fprintf(a.stdout, "restored %s from %s; the search index was rebuilt\n", plural(n, "article", "articles"), fs.Arg(0))
	return nil
}

// requestBackup asks the serve process listening on socket for a backup
// and copies it to w.
func requestBackup(ctx context.Context, socket string, w io.Writer) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", socket)
	if err != nil {
		return err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if _, err := fmt.Fprintln(conn, backupCommand); err != nil {
		return err
	}
	r := bufio.NewReader(conn)
	status, err := r.ReadString('\n')
	if err != nil {
		return fmt.Errorf("no answer: %w", err)
	}
	status = strings.TrimSpace(status)
	var size int64
	if _, err := fmt.Sscanf(status, "ok %d", &size); err != nil {
		return fmt.Errorf("refused: %s", strings.TrimPrefix(status, "error "))
	}
	n, err := io.Copy(w, io.LimitReader(r, size))
	if err != nil {
		return err
	}
	if n != size {
		return fmt.Errorf("the backup stopped after %d of %d bytes", n, size)
	}
	return nil
}

// serveControl hands out backups of ix on the control socket until ctx
// ends. The socket is made only for the directory's owner.
func serveControl(ctx context.Context, dir string, ix *index.Index, log *slog.Logger) (stop func(), err error) {
	path := filepath.Join(dir, controlSocket)
	// A socket left by a process that died: this process holds the lock.
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("remove stale %s: %w", path, err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("restrict %s: %w", path, err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go handleControl(ctx, conn, ix, log)
		}
	}()
	return func() { ln.Close(); <-done; os.Remove(path) }, nil
}

// handleControl answers one request on the control socket: "ok SIZE" and
// the backup's bytes, or "error MESSAGE".
func handleControl(ctx context.Context, conn net.Conn, ix *index.Index, log *slog.Logger) {
	defer conn.Close()
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	line, err := bufio.NewReader(io.LimitReader(conn, 64)).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != backupCommand {
		fmt.Fprintln(conn, "error unknown request")
		return
	}
	// The size goes first; the copy is streamed from one read transaction.
	_ = conn.SetWriteDeadline(time.Time{})
	announced := false
	n, err := ix.Backup(ctx, conn, func(size int64) error {
		announced = true
		_, err := fmt.Fprintf(conn, "ok %d\n", size)
		return err
	})
	if err != nil {
		log.Error("backup for a client failed", "err", err)
		if !announced { // after the header the client sees a short copy
			fmt.Fprintf(conn, "error %v\n", err)
		}
		return
	}
	log.Info("backup handed out", "bytes", n)
}

// backupName is the daily backup file of a day.
func backupName(day time.Time) string { return "articles-" + day.Format("2006-01-02") + ".db" }

// dailyBackup writes today's backup into DIR/backups unless it exists,
// then deletes all but the newest keepBackups. It returns the file
// written ("" when today's existed).
func dailyBackup(ctx context.Context, dir string, ix *index.Index, now time.Time) (string, error) {
	bdir := filepath.Join(dir, index.BackupDir)
	file := filepath.Join(bdir, backupName(now))
	if _, err := os.Stat(file); err == nil {
		return "", nil
	}
	if _, err := index.WriteBackupFile(ctx, file, func(w io.Writer) error {
		_, err := ix.Backup(ctx, w, nil)
		return err
	}); err != nil {
		return "", err
	}
	old, err := filepath.Glob(filepath.Join(bdir, "articles-????-??-??.db"))
	if err != nil {
		return file, err
	}
	sort.Strings(old) // dates sort as names
	for len(old) > keepBackups {
		if err := os.Remove(old[0]); err != nil {
			return file, fmt.Errorf("remove old backup: %w", err)
		}
		old = old[1:]
	}
	return file, nil
}

// runDailyBackups writes a daily backup at start and whenever the date
// (in zone) changes, checking every tick, until ctx ends.
func runDailyBackups(ctx context.Context, dir string, ix *index.Index, now func() time.Time, zone *time.Location, tick <-chan time.Time, log *slog.Logger) {
	for {
		file, err := dailyBackup(ctx, dir, ix, now().In(zone))
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("daily backup failed", "err", err)
		case file != "":
			log.Info("daily backup written", "file", file)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
	}
}
