package main

import (
	"newsbot/fetch"
	"newsbot/handlers"
	"newsbot/news"
)

// fetcher returns the URL fetcher configured from NEWSBOT_FETCH_ALLOW, or nil
// (URL fetching refused with a reason) when that value is invalid.
func (a *app) fetcher() handlers.Fetcher {
	allow, err := fetch.ParseAllow(a.cfg.FetchAllow)
	if err != nil {
		a.log.Warn("URL fetching disabled", "err", err)
		return nil
	}
	c, err := fetch.New(fetch.Config{Allow: allow, Logger: a.log})
	if err != nil {
		a.log.Warn("URL fetching disabled", "err", err)
		return nil
	}
	return c
}

// htmlParser returns the function that turns a saved HTML page into an
// article.
func (a *app) htmlParser() func(data []byte, path string) (news.Article, error) {
	return fetch.ParseHTML
}
