package index_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestStateAges(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x := mustOpen(t, dir)
	week := 7 * 24 * time.Hour
	now := t0
	if first, err := x.FirstSeen(ctx, now, now.Add(-week), "event:E1", "msg:C1/1"); err != nil || !first {
		t.Fatalf("first delivery: %v, %v", first, err)
	}
	// Another key of the same message (a DM mention arriving twice).
	if first, _ := x.FirstSeen(ctx, now.Add(time.Minute), now.Add(-week), "event:E2", "msg:C1/1"); first {
		t.Error("same message under another event id taken as new")
	}
	if first, _ := x.FirstSeen(ctx, now.Add(8*24*time.Hour), now.Add(8*24*time.Hour-week), "event:E1"); !first {
		t.Error("a delivery older than the age still counts")
	}
	if err := x.PutThread(ctx, "C1/1", []string{"a", "b"}, now, now.Add(-week)); err != nil {
		t.Fatal(err)
	}
	x.Close()
	x = mustOpen(t, dir)
	if ids, err := x.Thread(ctx, "C1/1", now.Add(-week)); err != nil || !slices.Equal(ids, []string{"a", "b"}) {
		t.Errorf("thread after reopening: %q, %v", ids, err)
	}
	if ids, _ := x.Thread(ctx, "C1/1", now.Add(time.Hour)); ids != nil {
		t.Errorf("expired thread: %q", ids)
	}
	// Expired entries are deleted as writes go on.
	later := now.Add(30 * 24 * time.Hour)
	for i := range 520 {
		if _, err := x.FirstSeen(ctx, later, later.Add(-week), fmt.Sprint("event:L", i)); err != nil {
			t.Fatal(err)
		}
	}
	if ids, _ := x.Thread(ctx, "C1/1", time.Time{}); ids != nil {
		t.Errorf("a thread a month old was not pruned: %q", ids)
	}
	if first, _ := x.FirstSeen(ctx, later, time.Time{}, "msg:C1/1"); !first {
		t.Error("a delivery a month old was not pruned")
	}
}
