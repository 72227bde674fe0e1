package handlers

import (
	"context"

	"newsbot/news"
)

// AddFeedArticles adds articles that arrived from a feed: the same path as
// a manual add (Prepare, then one durable batch), on behalf of the
// conversation and user that followed the feed (each FeedArticle's Channel
// and User), which decide where the articles may be seen as for a manual
// add. refs[i] is the added article; errs[i] why articles[i] was refused (a
// *news.DuplicateError when it is stored already); err is a failure of the
// whole batch.
func (h *Handlers) AddFeedArticles(ctx context.Context, articles []news.FeedArticle) (refs []news.Ref, errs []error, err error) {
	as := make([]news.Article, len(articles))
	for i, fa := range articles {
		a := fa.Article
		a.AddedVia, a.AddedBy, a.AddedIn = news.ViaFeed, fa.User, fa.Channel
		a.PrivateTo = ""
		if fa.Private && fa.Channel != "" {
			a.PrivateTo = fa.Channel
		}
		as[i] = a
	}
	res, errs, err := h.AddArticles(ctx, as)
	if err != nil {
		return nil, nil, err
	}
	refs = make([]news.Ref, len(res))
	for i, r := range res {
		refs[i] = r.Article
	}
	return refs, errs, nil
}
