package bot

import (
	"context"
	"fmt"

	"newsbot/news"
)

// digestInline is the number of articles listed in the digest post itself;
// more go in its thread.
const digestInline = 3

// PostDigest posts a daily digest in channel: a header with the date, the
// quotes of the day, the most-quoted people and the articles (in the thread
// of the post when there are more than a few). A question asked later in
// that thread is answered from the digest's articles first. A digest without
// articles posts nothing.
func (b *Bot) PostDigest(ctx context.Context, channel string, d news.Digest) error {
	if len(d.Articles) == 0 {
		b.log.Info("empty digest: nothing to post", "channel", channel)
		return nil
	}
	main, thread := renderDigest(d, b.now(), digestInline)
	ts, err := b.post(ctx, channel, "", main)
	if err != nil {
		return fmt.Errorf("post digest in %s: %w", channel, err)
	}
	ids := make([]string, 0, len(d.Articles))
	for _, a := range d.Articles {
		ids = append(ids, a.ID)
	}
	b.rememberThread(ctx, channel, ts, ids...)
	for i, m := range thread {
		if _, err := b.post(ctx, channel, ts, m); err != nil {
			// The post itself is out: reporting an error would make the
			// scheduler post the whole digest again.
			b.log.Error("could not post the digest's article list in its thread", "channel", channel, "part", i+1, "of", len(thread), "err", err)
			break
		}
	}
	b.log.Info("digest posted", "channel", channel, "articles", len(d.Articles), "quotes", len(d.Quotes), "thread_messages", len(thread))
	return nil
}
