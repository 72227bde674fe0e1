package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullDiskEnv names the data directory of TestIngestOnFullDisk's child.
const fullDiskEnv = "NEWSBOT_TEST_FULL_DISK"

// TestIngestOnFullDisk makes the disk refuse a real write: a child process
// runs ingest with its file size limit (RLIMIT_FSIZE) at the size of the
// data directory's largest file, so that growing articles.db fails as on a
// full disk. Ingest fails with an error naming the directory, reports
// nothing added, and the store stays sound with what it held.
func TestIngestOnFullDisk(t *testing.T) {
	if dir := os.Getenv(fullDiskEnv); dir != "" {
		fullDiskChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	data, files := t.TempDir(), t.TempDir()
	seed := writeFile(t, files, "peace.txt", demoText)
	if _, _, err := runCLI(t, "", nil, "--data", data, "ingest", seed); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestOnFullDisk$", "-test.count=1")
	cmd.Env = append(os.Environ(), fullDiskEnv+"="+data)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err == nil {
		t.Fatalf("ingest on a full disk succeeded:\n%s%s", stdout.String(), stderr.String())
	}
	if strings.Contains(stdout.String(), "added ") {
		t.Errorf("reported added:\n%s", stdout.String())
	}
	msg := stderr.String()
	if !strings.Contains(msg, data) || !strings.Contains(msg, "nothing was stored") || !strings.Contains(msg, "file size limit") {
		t.Errorf("stderr should name %s and say nothing was stored:\n%s", data, msg)
	}
	noStack(t, "stderr", msg)
	out, _, err := runCLI(t, "", nil, "--data", data, "check")
	if err != nil || !strings.Contains(out, "(1 article,") {
		t.Errorf("check after the failure: %v\n%s", err, out)
	}
}

// fullDiskChild lowers the file size limit and ingests a large article.
func fullDiskChild(data string) {
	var largest int64
	_ = filepath.Walk(data, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && fi.Size() > largest {
			largest = fi.Size()
		}
		return nil
	})
	big := filepath.Join(os.TempDir(), "newsbot-big-article.txt")
	var b strings.Builder
	b.WriteString("A long article\n\n")
	for i := 0; b.Len() < 4*int(largest)+200000; i++ {
		b.WriteString("\"The river rose again this spring,\" said Ann Keeper, the warden, in paragraph ")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(".\n\n")
	}
	if err := os.WriteFile(big, []byte(b.String()), 0o644); err != nil {
		os.Exit(3)
	}
	defer os.Remove(big)
	signal.Ignore(syscall.SIGXFSZ) // writes past the limit fail with EFBIG instead
	lim := syscall.Rlimit{Cur: uint64(largest), Max: uint64(largest)}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		os.Exit(3)
	}
	err := run(context.Background(), []string{"--data", data, "ingest", big}, func(string) string { return "" }, strings.NewReader(""), os.Stdout, os.Stderr)
	os.Exit(exitCode(err, os.Stderr))
}
