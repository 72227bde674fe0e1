package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestThreadFollowUpEndToEnd runs `newsbot serve` on the seed article:
// after the answer to "who said calling for peace is cheap?", the reply
// "what else did she say?" in its thread, without a mention, names Yun
// Sun's other quote; "which article?" names the seed article.
func TestThreadFollowUpEndToEnd(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	if _, _, err := runCLI(t, "", nil, "--data", data, "ingest", writeFile(t, files, "seed.txt", demoText)); err != nil {
		t.Fatal(err)
	}
	fs := newFakeSlack(t)
	addr, _ := startServe(t, data, fs, nil)
	base := "http://" + addr
	send := func(id, event string) {
		t.Helper()
		body := fmt.Sprintf(`{"type":"event_callback","event_id":%q,"event_time":1700000000,"event":%s}`, id, event)
		if r := postSigned(t, base+"/slack/events", testSigningSecret, body); r.StatusCode != 200 {
			t.Fatalf("event %s: status %d", id, r.StatusCode)
		}
	}
	send("Ev1", `{"type":"app_mention","user":"U1","text":"<@UBOT> who said calling for peace is cheap?","ts":"1700000000.000100","channel":"C1","event_ts":"1700000000.000100"}`)
	if first := fs.waitPostsN(1)[0]; !strings.Contains(first.Get("blocks"), "Yun Sun") {
		t.Fatalf("first answer: %s", first.Get("blocks"))
	}
	send("Ev2", `{"type":"message","channel_type":"channel","user":"U1","text":"what else did she say?","ts":"1700000000.000200","thread_ts":"1700000000.000100","channel":"C1","event_ts":"1700000000.000200"}`)
	posts := fs.waitPostsN(2)
	if len(posts) < 2 {
		t.Fatal("no answer to the follow-up")
	}
	p := posts[1]
	if p.Get("thread_ts") != "1700000000.000100" || !strings.Contains(p.Get("blocks"), "not confident Beijing is prepared") ||
		strings.Contains(p.Get("blocks"), "Calling for peace is cheap") {
		t.Fatalf("what else did she say: thread %q, blocks %s", p.Get("thread_ts"), p.Get("blocks"))
	}
	send("Ev3", `{"type":"message","channel_type":"channel","user":"U1","text":"which article?","ts":"1700000000.000300","thread_ts":"1700000000.000100","channel":"C1","event_ts":"1700000000.000300"}`)
	posts = fs.waitPostsN(3)
	if len(posts) < 3 || !strings.Contains(posts[2].Get("blocks"), "From ") {
		t.Fatalf("which article: %v", posts[len(posts)-1])
	}
}
