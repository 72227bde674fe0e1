package main

import (
	"newsbot/handlers"
	"newsbot/news"
)

// fetcher returns the URL fetcher configured from NEWSBOT_FETCH_ALLOW, or nil
// when URL fetching is not available.
func (a *app) fetcher() handlers.Fetcher {
	return nil
}

// htmlParser returns the function that turns a saved HTML page into an
// article, or nil.
func (a *app) htmlParser() func(data []byte, path string) (news.Article, error) {
	return nil
}
