package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"newsbot/handlers"
	"newsbot/news"
)

// Files shared with newsbot (in a DM, or in a channel post that mentions
// it) are downloaded with the bot token (files:read) and added with the
// visibility of where they were shared, as `/newsbot add` there would.

// maxFilesPerMessage bounds the files added from one message.
const maxFilesPerMessage = 5

// limitWriter keeps at most max bytes and reports more as an error, so
// that a file larger than it says stops downloading at the limit.
type limitWriter struct {
	buf []byte
	max int
}

var errTooLarge = constError("file larger than the limit")

func (w *limitWriter) Write(p []byte) (int, error) {
	if len(w.buf)+len(p) > w.max {
		return 0, errTooLarge
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}

// addFiles adds the files of a message and says what became of each in its
// thread.
func (b *Bot) addFiles(ctx context.Context, q question, text string) {
	thread := q.replyThread()
	_, everywhere := cutEverywhere(text)
	var private bool
	var why string
	if q.dm {
		private = true
	} else {
		private, why = b.privateConversation(ctx, q.channel)
	}
	o := news.Origin{By: news.Actor{User: q.user, Conversation: q.channel, Via: news.ViaSlack}, Private: private && !everywhere}
	for i, f := range q.files {
		if i == maxFilesPerMessage {
			_, _ = b.post(ctx, q.channel, thread, textMessage(fmt.Sprintf("I add at most %d files from one message; share the others in another.", maxFilesPerMessage)))
			return
		}
		m := b.addFile(ctx, f, o, everywhere, why)
		if _, err := b.post(ctx, q.channel, thread, m); err != nil {
			b.tellFailure(ctx, q, err)
			return
		}
	}
}

// addFile downloads and adds one file, and words the result.
func (b *Bot) addFile(ctx context.Context, f slack.File, o news.Origin, everywhere bool, why string) message {
	name := cut(oneLine(f.Name), 100)
	if ok, reason := handlers.CanAddFile(f.Name); !ok {
		return textMessage(fmt.Sprintf("Could not add %s: %s.", name, reason))
	}
	if f.Size > handlers.MaxTextBytes {
		return textMessage(fmt.Sprintf("Could not add %s: it is %.1f MB, more than the %d MB limit.", name, float64(f.Size)/(1<<20), handlers.MaxTextBytes>>20))
	}
	w := &limitWriter{max: handlers.MaxTextBytes}
	err := b.call(ctx, "files.download", func(ctx context.Context) error {
		w.buf = w.buf[:0]
		return b.api.GetFileContext(ctx, f.URLPrivateDownload, w)
	})
	if err != nil {
		if strings.Contains(err.Error(), errTooLarge.Error()) {
			return textMessage(fmt.Sprintf("Could not add %s: it is more than the %d MB limit.", name, handlers.MaxTextBytes>>20))
		}
		return textMessage(fmt.Sprintf("Could not download %s: %s", name, b.userError(err, "files.download")))
	}
	res, err := b.svc.AddFile(ctx, handlers.File{Name: f.Name, Title: f.Title, Data: w.buf}, o)
	if err != nil {
		return textMessage(fmt.Sprintf("Could not add %s: %s", name, b.userError(err, "add file")))
	}
	return addedMessage(res, o, everywhere, why)
}
