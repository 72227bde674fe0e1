package news

import "time"

// Feed is a followed news feed (RSS, Atom or JSON Feed) and what newsbot
// remembers of it between polls.
type Feed struct {
	// ID is the short id users type (`unfollow ID`).
	ID string `json:"id"`
	// URL is the feed document's address.
	URL string `json:"url"`
	// Page is the web page the feed was found on, when it was followed by
	// the page's address.
	Page string `json:"page,omitempty"`
	// Title is the feed's own title (its URL when it has none).
	Title string `json:"title"`
	// Site is the web site the feed says it belongs to.
	Site string `json:"site,omitempty"`
	// Channel is the conversation (Slack channel id) the feed was followed
	// in, empty from the command line. Announcements and the notice that the
	// feed is broken go there; the visibility of its articles follows it.
	Channel string `json:"channel,omitempty"`
	// User is the Slack user id of whoever followed it, empty from the
	// command line.
	User string `json:"user,omitempty"`
	// Private: Channel is a private conversation (private channel, group
	// DM or DM), so the feed's articles stay private to it, as a manual
	// add there would; a feed followed in a public channel or from the
	// command line fills the whole workspace's library.
	Private bool `json:"private,omitempty"`
	// Announce: post each poll's new articles in Channel.
	Announce bool      `json:"announce,omitempty"`
	Followed time.Time `json:"followed"`
	// Articles counts the articles added from the feed.
	Articles int `json:"articles"`
	// LastFetch is the last attempt, LastSuccess the last one that worked,
	// NextFetch when the next is due.
	LastFetch   time.Time `json:"last_fetch,omitzero"`
	LastSuccess time.Time `json:"last_success,omitzero"`
	NextFetch   time.Time `json:"next_fetch,omitzero"`
	// LastError is why the last fetch failed, worded for users; empty after
	// a success.
	LastError string `json:"last_error,omitempty"`
	// Failures counts the fetches failed in a row since FailingSince.
	Failures     int       `json:"failures,omitempty"`
	FailingSince time.Time `json:"failing_since,omitzero"`
	// Broken is set after a week of failures; BrokenTold once Channel has
	// been told. A success clears both.
	Broken     bool `json:"broken,omitempty"`
	BrokenTold bool `json:"broken_told,omitempty"`
	// ETag and LastModified are the validators of the last document, sent
	// back for a conditional GET.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// MinInterval is the least time between fetches the feed or its server
	// asks for (RSS ttl, sy:updatePeriod, Cache-Control max-age).
	MinInterval time.Duration `json:"min_interval,omitempty"`
}

// FeedSource says which feed an article came from.
type FeedSource struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// GUID is the entry's id in the feed (its link when it has none).
	GUID string `json:"guid,omitempty"`
	// FromFeed: the article's page could not be fetched (paywall, refusal,
	// timeout) and its text is the content or summary the feed carries.
	FromFeed bool `json:"from_feed,omitempty"`
}

// FeedArticle is an article arriving from a feed, added on behalf of the
// conversation and user that followed the feed: the same add path as a
// manual add, with the same origin.
type FeedArticle struct {
	Article Article
	// Channel, User and Private are the feed's (Feed.Channel, Feed.User,
	// Feed.Private).
	Channel string
	User    string
	Private bool
}

// FeedCount is how many articles of a digest came from one feed.
type FeedCount struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Articles int    `json:"articles"`
}

// FollowRequest asks to follow a feed.
type FollowRequest struct {
	// URL is the feed's address, or a page that advertises its feed.
	URL string
	// Max is the most entries imported at once (0: the default, 20).
	Max int
	// Channel and User: where and by whom it is followed (empty from the
	// command line).
	Channel string
	User    string
	// Private: Channel is a private conversation (see Feed.Private).
	Private bool
	// Announce posts each poll's new articles in Channel.
	Announce bool
}

// FeedReport is the outcome of following or polling one feed.
type FeedReport struct {
	Feed Feed `json:"feed"`
	// Added are the articles added, newest entry first.
	Added []Ref `json:"added"`
	// FromFeed counts the added articles whose text is the feed's own
	// (their page could not be fetched).
	FromFeed int `json:"from_feed,omitempty"`
	// Known counts the entries taken from the feed that were already in
	// the library (added by hand, from another feed, or before).
	Known int `json:"known,omitempty"`
	// NotModified: the server answered 304, nothing changed.
	NotModified bool `json:"not_modified,omitempty"`
	// Problems are entries that could not be added, each "title: reason".
	Problems []string `json:"problems,omitempty"`
}

// DocRequest asks for a raw document (a feed), with the validators of the
// copy already held for a conditional GET.
type DocRequest struct {
	URL          string
	ETag         string
	LastModified string
	// Accept is the Accept header.
	Accept string
	// MaxBytes bounds the body (0: the fetcher's default).
	MaxBytes int64
}

// Doc is a fetched raw document.
type Doc struct {
	// URL is the address after redirects.
	URL string
	// NotModified: the server answered 304 to the validators; Body is empty.
	NotModified  bool
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
	// MaxAge is what Cache-Control max-age (or Expires) allows the copy to
	// be kept; 0 when the server says nothing.
	MaxAge time.Duration
}

// FeedEntry records an entry of a feed newsbot has read (keyed by its GUID,
// else its link), so that it is taken once across polls, restarts and
// feeds.
type FeedEntry struct {
	Key  string    `json:"key"`
	Feed string    `json:"feed"`
	Seen time.Time `json:"seen"`
	// Article is the stored article it became or duplicates; empty when it
	// was not added.
	Article string `json:"article,omitempty"`
	// Done: nothing more is to be done with it (added, a duplicate, left
	// out when the feed was followed, or given up). An entry whose page
	// was unavailable is tried again, Tries times in all.
	Done  bool `json:"done"`
	Tries int  `json:"tries,omitempty"`
}

// PrivateTo is the conversation the feed's articles are private to, or ""
// when they are seen across the workspace (as Article.PrivateTo).
func (f Feed) PrivateTo() string {
	if f.Private {
		return f.Channel
	}
	return ""
}
