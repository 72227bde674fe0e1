package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsbot/index"
)

const otherArticle = "Zebra count rises\n\n\"The zebras of the reserve have never been so many,\" said Ann Keeper, the reserve's warden.\n"

// ingestTwo stores the demo article and another one in data.
func ingestTwo(t *testing.T, data string) {
	t.Helper()
	files := t.TempDir()
	writeFile(t, files, "peace.txt", demoText)
	writeFile(t, files, "zebras.txt", otherArticle)
	if out, stderr, err := runCLI(t, "", nil, "--data", data, "ingest", files); err != nil {
		t.Fatalf("ingest: %v\n%s%s", err, out, stderr)
	}
}

// TestCheckBackupDamageRestore is the operator's path: a sound directory
// checks sound, is backed up, its store is damaged (list and check say so,
// exit 1), and restoring the backup brings back every article.
func TestCheckBackupDamageRestore(t *testing.T) {
	data := t.TempDir()
	ingestTwo(t, data)
	out, _, err := runCLI(t, "", nil, "--data", data, "check")
	if err != nil || strings.Count(out, ": sound") != 2 || !strings.Contains(out, "(2 articles,") {
		t.Fatalf("check of a sound directory: %v\n%s", err, out)
	}
	backup := filepath.Join(t.TempDir(), "b", "articles-backup.db")
	// a mistyped folder is refused, not created
	if _, _, err := runCLI(t, "", nil, "--data", data, "backup", backup); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("backup into a missing folder: %v", err)
	}
	if err := os.Mkdir(filepath.Dir(backup), 0o755); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCLI(t, "", nil, "--data", data, "backup", backup)
	if err != nil || !strings.Contains(out, "backed up 2 articles to "+backup) {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	// and a backup never overwrites a file
	if _, _, err := runCLI(t, "", nil, "--data", data, "backup", backup); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("backup over an existing file: %v", err)
	}

	db := filepath.Join(data, "articles.db")
	st, _ := os.Stat(db)
	for off := int64(2 * 4096); off < st.Size(); off += 4096 {
		junkAt(t, db, off, 4096)
	}
	if _, _, err := runCLI(t, "", nil, "--data", data, "list"); err == nil {
		t.Fatal("list of a damaged store succeeded")
	}
	damaged, _ := os.ReadFile(db)
	out, _, err = runCLI(t, "", nil, "--data", data, "check")
	if after, _ := os.ReadFile(db); string(after) != string(damaged) {
		t.Error("check changed the damaged store")
	}
	if !errors.Is(err, errSilent) || !strings.Contains(out, db+": DAMAGED") || !strings.Contains(out, "newsbot restore") {
		t.Errorf("check of a damaged store: %v\n%s", err, out)
	}
	noStack(t, "check", out)

	out, _, err = runCLI(t, "", nil, "--data", data, "restore", backup)
	if err != nil || !strings.Contains(out, "restored 2 articles") || !strings.Contains(out, "kept as "+db+".before-restore-") {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	out, _, err = runCLI(t, "", nil, "--data", data, "list")
	if err != nil || !strings.Contains(out, "Zebra count rises") || !strings.Contains(out, "Peace") {
		t.Errorf("list after restore: %v\n%s", err, out)
	}
	out, _, err = runCLI(t, "", nil, "--data", data, "ask", "who said the zebras of the reserve have never been so many?")
	if err != nil || !strings.Contains(out, "Ann Keeper") {
		t.Errorf("ask after restore: %v\n%s", err, out)
	}
	if out, _, err := runCLI(t, "", nil, "--data", data, "check"); err != nil {
		t.Errorf("check after restore: %v\n%s", err, out)
	}
}

// TestCheckDamagedIndex: check reports a damaged segment (exit 1) without
// repairing it; the next command repairs it.
func TestCheckDamagedIndex(t *testing.T) {
	data := t.TempDir()
	ingestTwo(t, data)
	segs, _ := filepath.Glob(filepath.Join(data, "index.bleve", "store", "*.zap"))
	for _, s := range segs {
		junkAt(t, s, 100, 64)
	}
	for range 2 { // check changes nothing: twice the same
		out, _, err := runCLI(t, "", nil, "--data", data, "check")
		if !errors.Is(err, errSilent) || !strings.Contains(out, "checksum mismatch") || !strings.Contains(out, "articles.db: sound") {
			t.Fatalf("check: %v\n%s", err, out)
		}
	}
	if out, _, err := runCLI(t, "", nil, "--data", data, "list"); err != nil {
		t.Fatalf("list: %v\n%s", err, out)
	}
	if out, _, err := runCLI(t, "", nil, "--data", data, "check"); err != nil {
		t.Errorf("check after the repair: %v\n%s", err, out)
	}
}

// TestRestoreRefusesBadBackup: a file that is not a sound store is refused
// and the store is untouched.
func TestRestoreRefusesBadBackup(t *testing.T) {
	data := t.TempDir()
	ingestTwo(t, data)
	bad := writeFile(t, t.TempDir(), "bad.db", strings.Repeat("not a store ", 1000))
	before, _ := os.ReadFile(filepath.Join(data, "articles.db"))
	if _, _, err := runCLI(t, "", nil, "--data", data, "restore", bad); err == nil {
		t.Fatal("restore of a bad file succeeded")
	}
	after, _ := os.ReadFile(filepath.Join(data, "articles.db"))
	if string(before) != string(after) {
		t.Error("the store changed")
	}
}

// TestBackupWhileServing: with the data directory held by a running
// process (its control socket open), backup goes through it; restore
// refuses to run.
func TestBackupWhileServing(t *testing.T) {
	data := t.TempDir()
	ingestTwo(t, data)
	ix, err := index.Open(data, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := t.Context()
	stop, err := serveControl(ctx, data, ix, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	backup := filepath.Join(t.TempDir(), "live.db")
	out, stderr, err := runCLI(t, "", nil, "--data", data, "backup", backup)
	if err != nil || !strings.Contains(out, "backed up 2 articles") {
		t.Fatalf("backup while serving: %v\n%s%s", err, out, stderr)
	}
	if n, err := index.VerifyBackup(ctx, backup); err != nil || n != 2 {
		t.Errorf("the backup: %d articles, %v", n, err)
	}
	if _, _, err := runCLI(t, "", nil, "--data", data, "restore", backup); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("restore while serving: %v", err)
	}
	if _, _, err := runCLI(t, "", nil, "--data", data, "check"); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("check while serving: %v", err)
	}
}

// TestDailyBackups: one backup a day, the newest 7 kept, and the newest
// restores every article.
func TestDailyBackups(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	ingestTwo(t, data)
	ix, err := index.Open(data, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC)
	for i := range 9 {
		file, err := dailyBackup(ctx, data, ix, day.AddDate(0, 0, i))
		if err != nil || file == "" {
			t.Fatalf("day %d: %q, %v", i, file, err)
		}
		if again, err := dailyBackup(ctx, data, ix, day.AddDate(0, 0, i).Add(10*time.Minute)); err != nil || again != "" {
			t.Fatalf("second backup on day %d: %q, %v", i, again, err)
		}
	}
	ix.Close()
	files, _ := filepath.Glob(filepath.Join(data, "backups", "*"))
	if len(files) != keepBackups || filepath.Base(files[0]) != "articles-2026-03-03.db" || filepath.Base(files[6]) != "articles-2026-03-09.db" {
		t.Fatalf("backups kept: %q", files)
	}
	if err := os.Remove(filepath.Join(data, "articles.db")); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "", nil, "--data", data, "restore", files[6])
	if err != nil || !strings.Contains(out, "restored 2 articles") {
		t.Fatalf("restore of the newest daily backup: %v\n%s", err, out)
	}
}
