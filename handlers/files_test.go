package handlers_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"newsbot/handlers"
	"newsbot/news"
)

func TestAddFile(t *testing.T) {
	h, _ := newHandlers(t)
	ctx := context.Background()
	o := news.Origin{By: news.Actor{User: "U1", Conversation: "D1", Via: news.ViaSlack}, Private: true}
	res, err := h.AddFile(ctx, handlers.File{Name: "bridge.md", Data: []byte("# " + bridgeArticle.Title + "\n\n" + bridgeArticle.Text)}, o)
	if err != nil || res.Article.Title != bridgeArticle.Title || res.PrivateTo != "D1" || res.Quotes == 0 {
		t.Fatalf("markdown file: %+v, %v", res, err)
	}
	res, err = h.AddFile(ctx, handlers.File{Name: "school-vote.txt", Title: "school-vote.txt", Data: []byte(schoolArticle.Text)}, o)
	if err != nil || res.Article.Title != "School vote" {
		t.Fatalf("text file without a title line: %+v, %v", res, err)
	}
	for _, f := range []handlers.File{
		{Name: "a.pdf", Data: []byte("%PDF-1.7")},
		{Name: "a.docx", Data: []byte("x")},
		{Name: "big.txt", Data: []byte(strings.Repeat("a ", handlers.MaxTextBytes))},
		{Name: "page.html", Data: []byte("<p>x</p>")}, // no HTML parser in these handlers
	} {
		if _, err := h.AddFile(ctx, f, o); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("%s: %v, want refused", f.Name, err)
		}
	}
	if ok, _ := handlers.CanAddFile("scan.PDF"); !ok {
		t.Error("CanAddFile(pdf) = false")
	}
	if ok, why := handlers.CanAddFile("notes.docx"); ok || !strings.Contains(why, ".pdf") {
		t.Errorf("CanAddFile(docx) = %v %q", ok, why)
	}
}
