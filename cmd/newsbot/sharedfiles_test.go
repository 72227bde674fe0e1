package main

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/slack-go/slack/slacktest"
)

// TestSharedFilesEndToEnd runs `newsbot serve` against slacktest: the
// seed article saved as .html and shared in one DM, and printed to .pdf
// and shared in another, is downloaded, added privately to its DM, and
// answers "who said calling for peace is cheap?" there.
func TestSharedFilesEndToEnd(t *testing.T) {
	data := t.TempDir()
	var page strings.Builder
	page.WriteString("<html><head><title>Xi plans Moscow visit</title></head><body><article><h1>Xi plans Moscow visit</h1>")
	for p := range strings.SplitSeq(demoText, "\n") {
		if strings.TrimSpace(p) != "" {
			page.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
		}
	}
	page.WriteString("</article></body></html>")
	pdf := fpdf.New("P", "mm", "A4", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetFont("Times", "", 12)
	pdf.AddPage()
	for p := range strings.SplitSeq(demoText, "\n") {
		pdf.MultiCell(0, 5.5, tr(p), "", "L", false)
		pdf.Ln(3)
	}
	var printed bytes.Buffer
	if err := pdf.Output(&printed); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"/files/seed.html": []byte(page.String()), "/files/seed.pdf": printed.Bytes()}
	fs := newFakeSlack(t, func(c slacktest.Customize) {
		for path, body := range files {
			c.Handle(path, func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "Bearer xoxb-test-token" {
					http.Error(w, "no token", http.StatusForbidden)
					return
				}
				_, _ = w.Write(body)
			})
		}
	})
	share := func(addr, id, dm, name, ts string) {
		t.Helper()
		send(t, addr, id, fmt.Sprintf(`{"type":"message","subtype":"file_share","channel":%q,"channel_type":"im","user":"U1","text":"","ts":%q,`+
			`"files":[{"id":"F1","name":%q,"title":%q,"size":%d,"url_private_download":"%sfiles/%s"}]}`, dm, ts, name, name, len(files["/files/"+name]), fs.GetAPIURL(), name))
	}
	// Each file in a library of its own: printed to PDF, the seed article
	// is the same article as its HTML page (the same text, by ContentHash),
	// so the second would be refused as a copy of the first.
	for i, name := range []string{"seed.html", "seed.pdf"} {
		dir := data
		if i > 0 {
			dir = t.TempDir()
		}
		addr, stop := startServe(t, dir, fs, nil)
		n := len(fs.waitPostsN(0))
		share(addr, fmt.Sprintf("EvF%d", 3*i+1), "D1", name, "1700000000.000100")
		posts := fs.waitPostsFor(n+1, 2*time.Minute)
		if len(posts) < n+1 || !strings.Contains(posts[n].Get("blocks"), "Added") || !strings.Contains(posts[n].Get("blocks"), "Only this conversation can see it") {
			t.Fatalf("%s: file reply: %v", name, posts[len(posts)-1])
		}
		send(t, addr, fmt.Sprintf("EvF%d", 3*i+2), `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"who said calling for peace is cheap?","ts":"1700000000.000200"}`)
		posts = fs.waitPostsN(n + 2)
		if len(posts) < n+2 || posts[n+1].Get("channel") != "D1" || !strings.Contains(posts[n+1].Get("blocks"), "Yun Sun") {
			t.Fatalf("%s: answer from the shared file: %v", name, posts[len(posts)-1])
		}
		if i == 0 {
			share(addr, "EvF3", "D1", "seed.pdf", "1700000000.000300")
			posts = fs.waitPostsFor(n+3, 2*time.Minute)
			if len(posts) < n+3 || !strings.Contains(posts[n+2].Get("blocks"), "Already added as") {
				t.Fatalf("the PDF is not the same article as the HTML page: %v", posts[len(posts)-1])
			}
		}
		stop()
	}
}

// send posts a signed Events API callback to serve at addr.
func send(t *testing.T, addr, id, event string) {
	t.Helper()
	body := fmt.Sprintf(`{"type":"event_callback","event_id":%q,"event_time":1700000000,"event":%s}`, id, event)
	if r := postSigned(t, "http://"+addr+"/slack/events", testSigningSecret, body); r.StatusCode != 200 {
		t.Fatalf("event %s: status %d", id, r.StatusCode)
	}
}
