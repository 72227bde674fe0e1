package news

import (
	"fmt"
	"time"
)

// Scope is what one conversation may see: the articles visible across the
// workspace and those private to Conversation. The zero Scope sees the
// workspace's articles only, so a caller that forgets to set one shows less,
// never more. All is the operator's view (the command line): everything.
type Scope struct {
	// Conversation is the Slack conversation asking (channel, group DM or
	// DM id); its private articles are visible to it.
	Conversation string
	// All sees every article, private or not.
	All bool
}

// Everything is the operator's scope: every article.
var Everything = Scope{All: true}

// In is the scope of a Slack conversation.
func In(conversation string) Scope { return Scope{Conversation: conversation} }

// Allows reports whether an article private to privateTo ("" for the
// workspace) is visible in the scope.
func (s Scope) Allows(privateTo string) bool {
	return s.All || privateTo == "" || (s.Conversation != "" && privateTo == s.Conversation)
}

// Actor is who does something to the library, and where: a Slack user in a
// conversation, the operator at the command line, or a feed.
type Actor struct {
	// User is the Slack user id; empty for the command line and feeds.
	User string `json:"user,omitempty"`
	// Conversation is the Slack conversation it was done in; empty outside
	// Slack.
	Conversation string `json:"conversation,omitempty"`
	// Via is ViaSlack, ViaCLI or ViaFeed.
	Via string `json:"via"`
}

// Operator is the command line's actor: it may see and change anything.
var Operator = Actor{Via: ViaCLI}

// IsOperator reports whether the actor is the command line.
func (a Actor) IsOperator() bool { return a.Via == ViaCLI }

// Origin says where an article being added comes from and who may see it.
type Origin struct {
	By Actor
	// Private keeps the article to By.Conversation (added in a private
	// channel, group DM or DM).
	Private bool
}

// Audit actions.
const (
	AuditAdd     = "add"
	AuditRemove  = "remove"
	AuditRefused = "remove-refused"
	AuditRestore = "restore"
	AuditUndo    = "undo"
	AuditPurge   = "purge"
)

// AuditEvent is one entry of the audit log: who did what to which article,
// from which conversation, and when.
type AuditEvent struct {
	Time      time.Time `json:"time"`
	Action    string    `json:"action"`
	ArticleID string    `json:"article_id"`
	Title     string    `json:"title,omitempty"`
	By        Actor     `json:"by"`
	// PrivateTo is the article's visibility ("" for the workspace).
	PrivateTo string `json:"private_to,omitempty"`
	// Detail says more where useful (why a removal was refused).
	Detail string `json:"detail,omitempty"`
}

// TrashItem is a removed article kept in the trash until it is purged.
type TrashItem struct {
	Summary
	RemovedBy Actor     `json:"removed_by"`
	RemovedAt time.Time `json:"removed_at"`
}

// PermissionError refuses a change to an article that the actor may not
// make, and says who may; it matches ErrForbidden.
type PermissionError struct {
	// Action is what was refused ("remove", "restore").
	Action  string
	Article Ref
	// AddedBy is the Slack user who added the article ("" when it was not
	// added in Slack).
	AddedBy string
}

func (e *PermissionError) Error() string {
	who := "newsbot admins and workspace admins and owners"
	if e.AddedBy != "" && e.Action == "remove" {
		who = "the person who added it (" + e.AddedBy + "), " + who
	}
	return fmt.Sprintf("you may not %s article %s: only %s may", e.Action, e.Article.ID, who)
}

// Is makes errors.Is(err, ErrForbidden) true.
func (e *PermissionError) Is(target error) bool { return target == ErrForbidden }
