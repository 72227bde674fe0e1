package main

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/slack-go/slack/slacktest"
)

// TestSharedHTMLFileEndToEnd runs `newsbot serve` against slacktest: the
// seed article saved as .html and shared in a DM is downloaded, added
// privately to the DM, and answers "who said calling for peace is cheap?"
// there.
func TestSharedHTMLFileEndToEnd(t *testing.T) {
	data := t.TempDir()
	var page strings.Builder
	page.WriteString("<html><head><title>Xi plans Moscow visit</title></head><body><article><h1>Xi plans Moscow visit</h1>")
	for p := range strings.SplitSeq(demoText, "\n") {
		if strings.TrimSpace(p) != "" {
			page.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
		}
	}
	page.WriteString("</article></body></html>")
	fs := newFakeSlack(t, func(c slacktest.Customize) {
		c.Handle("/files/seed.html", func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer xoxb-test-token" {
				http.Error(w, "no token", http.StatusForbidden)
				return
			}
			_, _ = io.WriteString(w, page.String())
		})
	})
	addr, _ := startServe(t, data, fs, nil)
	send := func(id, event string) {
		t.Helper()
		body := fmt.Sprintf(`{"type":"event_callback","event_id":%q,"event_time":1700000000,"event":%s}`, id, event)
		if r := postSigned(t, "http://"+addr+"/slack/events", testSigningSecret, body); r.StatusCode != 200 {
			t.Fatalf("event %s: status %d", id, r.StatusCode)
		}
	}
	send("EvF1", fmt.Sprintf(`{"type":"message","subtype":"file_share","channel":"D1","channel_type":"im","user":"U1","text":"","ts":"1700000000.000100",`+
		`"files":[{"id":"F1","name":"seed.html","title":"seed.html","size":%d,"url_private_download":"%sfiles/seed.html"}]}`, page.Len(), fs.GetAPIURL()))
	posts := fs.waitPostsN(1)
	if len(posts) < 1 || !strings.Contains(posts[0].Get("blocks"), "Added") || !strings.Contains(posts[0].Get("blocks"), "Only this conversation can see it") {
		t.Fatalf("file reply: %v", posts)
	}
	send("EvF2", `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"who said calling for peace is cheap?","ts":"1700000000.000200"}`)
	posts = fs.waitPostsN(2)
	if len(posts) < 2 || !strings.Contains(posts[1].Get("blocks"), "Yun Sun") {
		t.Fatalf("answer from the shared file: %v", posts[len(posts)-1])
	}
}
