package bot

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"newsbot/handlers"
	"newsbot/news"
)

// TestFilesShared: a file shared in a DM and one in a channel post that
// mentions newsbot are downloaded with the bot token and added with the
// visibility of where they were shared; an unknown type and a file over
// the limit are refused with the reason, without being downloaded.
func TestFilesShared(t *testing.T) {
	var mu sync.Mutex
	var auths []string
	fs := newFakeSlack(t, func(c slacktest.Customize) {
		c.Handle("/files/peace.html", func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			auths = append(auths, r.Header.Get("Authorization"))
			mu.Unlock()
			_, _ = io.WriteString(w, "<html><title>Peace</title><body><p>Text</p></body></html>")
		})
	})
	var added []handlers.File
	var origins []news.Origin
	svc := &fakeService{AddFileFn: func(ctx context.Context, f handlers.File, o news.Origin) (handlers.AddResult, error) {
		mu.Lock()
		added, origins = append(added, f), append(origins, o)
		mu.Unlock()
		res := handlers.AddResult{Article: news.Ref{ID: "a1b2c3d4e5f6", Title: "Peace"}, Quotes: 3, Speakers: 2}
		if o.Private {
			res.PrivateTo = o.By.Conversation
		}
		return res, nil
	}}
	b, _ := newTestBot(t, fs, svc, nil)
	file := func(name string, size int) string {
		return fmt.Sprintf(`{"id":"F1","name":%q,"title":"Peace talks","size":%d,"url_private_download":"%sfiles/peace.html"}`, name, size, fs.GetAPIURL())
	}
	dm := `{"type":"message","subtype":"file_share","channel":"D1","channel_type":"im","user":"U1","text":"","ts":"1700000700.000100",` +
		`"files":[` + file("peace.html", 60) + `,` + file("peace.pdf", 60) + `,` + file("notes.docx", 60) + `,` + file("huge.txt", 6<<20) + `]}`
	serve(b, signed("POST", "/slack/events", eventBody("EvF1", dm), testSecret, time.Now()))
	var replies []string
	for range 4 {
		replies = append(replies, blocksText(fs.next(t, "chat.postMessage")))
	}
	all := strings.Join(replies, "\n")
	for _, want := range []string{"Added", "Only this conversation can see it", "notes.docx", "more than the 5 MB limit"} {
		if !strings.Contains(all, want) {
			t.Errorf("replies lack %q:\n%s", want, all)
		}
	}
	mu.Lock()
	if len(added) != 2 || added[0].Name != "peace.html" || added[1].Name != "peace.pdf" || !strings.Contains(string(added[0].Data), "<p>Text</p>") || !origins[0].Private ||
		origins[0].By != (news.Actor{User: "U1", Conversation: "D1", Via: news.ViaSlack}) {
		t.Errorf("added %+v from %+v", added, origins)
	}
	if len(auths) != 2 || auths[0] != "Bearer xoxb-test-token-secret" {
		t.Errorf("downloads: %q (two, with the bot token)", auths)
	}
	mu.Unlock()

	// A public channel post mentioning newsbot: workspace-wide.
	mention := `{"type":"app_mention","channel":"C1","user":"U2","text":"<@UBOT> here you go","ts":"1700000800.000100","files":[` + file("peace.html", 60) + `]}`
	serve(b, signed("POST", "/slack/events", eventBody("EvF2", mention), testSecret, time.Now()))
	c := fs.next(t, "chat.postMessage")
	if c.Form.Get("thread_ts") != "1700000800.000100" || !strings.Contains(blocksText(c), "Visible across the workspace") {
		t.Errorf("channel file reply: %v", c.Form)
	}
	b.waitTasks(context.Background())
	mu.Lock()
	defer mu.Unlock()
	if len(origins) != 3 || origins[2].Private || origins[2].By.Conversation != "C1" {
		t.Errorf("channel origin = %+v", origins)
	}
}
