// Package summary turns a period's articles and quotes into a digest. It is
// pure and deterministic.
package summary

import (
	"time"

	"newsbot/news"
)

// Build returns the digest of the documents added in [from, to).
func Build(docs []news.Document, from, to time.Time) news.Digest {
	return news.Digest{From: from, To: to}
}
