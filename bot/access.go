package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"newsbot/handlers"
	"newsbot/news"
)

// Who may see and change what. An article added in a private channel, a
// group DM or a DM stays private to that conversation; one added in a
// public channel is visible across the workspace (see privateConversation).
// Every question, list, summary and share is asked with the scope of the
// conversation it comes from (news.In). Articles may be removed by whoever
// added them, by NEWSBOT_ADMINS and by workspace admins and owners
// (isAdmin).

// adminCacheTTL is how long users.info's answer about a user's admin role
// is trusted: roles change rarely, and removals come in bursts.
const adminCacheTTL = 10 * time.Minute

// adminCache remembers who is a workspace admin or owner.
type adminCache struct {
	mu sync.Mutex
	m  map[string]adminEntry
}

type adminEntry struct {
	admin bool
	at    time.Time
}

func (c *adminCache) get(user string, now time.Time) (admin, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[user]
	if !ok || now.Sub(e.at) >= adminCacheTTL || now.Before(e.at) {
		return false, false
	}
	return e.admin, true
}

func (c *adminCache) put(user string, admin bool, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) > 10000 {
		c.m = map[string]adminEntry{}
	}
	c.m[user] = adminEntry{admin: admin, at: now}
}

// isAdmin reports whether user is in NEWSBOT_ADMINS or is a workspace
// admin or owner (users.info, cached for adminCacheTTL).
func (b *Bot) isAdmin(ctx context.Context, user string) (bool, error) {
	if user == "" {
		return false, nil
	}
	if slices.Contains(b.cfg.Admins, user) {
		return true, nil
	}
	now := b.now()
	if admin, ok := b.admins.get(user, now); ok {
		return admin, nil
	}
	var u *slack.User
	err := b.call(ctx, "users.info", func(ctx context.Context) error {
		var err error
		u, err = b.api.GetUserInfoContext(ctx, user)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("look up %s with users.info: %w", user, err)
	}
	admin := u.IsAdmin || u.IsOwner || u.IsPrimaryOwner
	b.admins.put(user, admin, now)
	return admin, nil
}

// changeRequest is a request to change an article from a slash command.
func (b *Bot) changeRequest(cmd slack.SlashCommand, target string) handlers.ChangeRequest {
	user := cmd.UserID
	return handlers.ChangeRequest{
		Target:  target,
		By:      actor(cmd),
		IsAdmin: func(ctx context.Context) (bool, error) { return b.isAdmin(ctx, user) },
	}
}

// actor is who typed a slash command, and where.
func actor(cmd slack.SlashCommand) news.Actor {
	return news.Actor{User: cmd.UserID, Conversation: cmd.ChannelID, Via: news.ViaSlack}
}

// privateConversation reports whether an article added in channel must
// stay private to it: a DM, a group DM or a private channel. Only a
// conversation that conversations.info confirms is a public channel is
// not; when Slack cannot tell (the bot is not in a private channel, a
// scope is missing, Slack is down), the answer is private, with why.
func (b *Bot) privateConversation(ctx context.Context, channel string) (private bool, why string) {
	if channel == "" || strings.HasPrefix(channel, "D") {
		return true, "" // a direct message (D ids are DMs only)
	}
	ch, err := b.conversationInfo(ctx, channel)
	var se slack.SlackErrorResponse
	switch {
	case errors.As(err, &se) && notMemberCodes[se.Err]:
		// Slack hides private channels from non-members.
		return true, ""
	case err != nil:
		b.log.Warn("could not tell whether the conversation is public; keeping the article private to it", "channel", channel, "err", err)
		return true, "I could not check whether this conversation is public, so I kept it private to it."
	case ch.IsPrivate || ch.IsIM || ch.IsMpIM || ch.IsGroup:
		return true, ""
	}
	return false, ""
}

// everywhereWord is the word of `/newsbot add ... everywhere` that makes an
// article added in a private conversation visible across the workspace.
const everywhereWord = "everywhere"

// cutEverywhere takes the word "everywhere" off an add command: as its
// first word, after a lone URL, or as the last line of pasted text.
func cutEverywhere(rest string) (string, bool) {
	if w, r := splitWord(rest); strings.EqualFold(w, everywhereWord) {
		return r, true
	}
	if f := strings.Fields(rest); len(f) == 2 && strings.EqualFold(f[1], everywhereWord) {
		if _, ok := commandURL(f[0]); ok {
			return f[0], true
		}
	}
	trimmed := strings.TrimRight(rest, " \t\r\n")
	if i := strings.LastIndexByte(trimmed, '\n'); i >= 0 && strings.EqualFold(strings.TrimSpace(trimmed[i+1:]), everywhereWord) {
		return strings.TrimRight(trimmed[:i], " \t\r\n"), true
	}
	return rest, false
}

// permissionText words a refused change for Slack: who may make it, with
// mentions built from checked user ids.
func (b *Bot) permissionText(pe *news.PermissionError) string {
	var who []string
	if pe.Action == "remove" && userIDRE.MatchString(pe.AddedBy) {
		who = append(who, "<@"+pe.AddedBy+"> (who added it)")
	}
	if admins := b.adminMentions(); admins != "" {
		who = append(who, "the newsbot admins ("+admins+")")
	}
	who = append(who, "workspace admins and owners")
	list := strings.Join(who[:len(who)-1], ", ")
	if list != "" {
		list += " or "
	}
	list += who[len(who)-1]
	return fmt.Sprintf("You can't %s article `%s`: only %s can. Ask one of them.", pe.Action, escape(pe.Article.ID), list)
}

// origin is where an article added by cmd comes from, and whether it stays
// private to its conversation (why says so when Slack could not tell).
func (b *Bot) origin(ctx context.Context, cmd slack.SlashCommand, everywhere bool) (o news.Origin, why string) {
	private, why := b.privateConversation(ctx, cmd.ChannelID)
	return news.Origin{By: actor(cmd), Private: private && !everywhere}, why
}

// addedMessage reports an added article and who can see it.
func addedMessage(res handlers.AddResult, o news.Origin, everywhere bool, why string) message {
	m := renderAdded(res)
	var vis string
	switch {
	case res.PrivateTo != "":
		vis = "Only this conversation can see it: it was added in a private conversation. To share an article with the whole workspace, add it with `everywhere` at the end (`/newsbot add <url> everywhere`)."
		if why != "" {
			vis = why + " " + vis
		}
	case everywhere && o.By.Conversation != "":
		vis = "Visible across the workspace, as you asked with `everywhere`: anyone can ask about it in any channel."
	default:
		vis = "Visible across the workspace."
	}
	if len(m.Blocks) < maxBlocks {
		m.Blocks = append(m.Blocks, contextLine(escape(vis)))
	}
	return m
}

// removeCommand moves an article to the trash, if the user may.
func (b *Bot) removeCommand(ctx context.Context, cmd slack.SlashCommand, target string) message {
	ref, err := b.svc.Remove(ctx, b.changeRequest(cmd, target))
	var pe *news.PermissionError
	if errors.As(err, &pe) {
		return composedMessage(b.permissionText(pe))
	}
	if err != nil {
		return textMessage(fmt.Sprintf("Could not remove %s: %s", target, b.userError(err, "remove")))
	}
	return textMessage(fmt.Sprintf("Removed %s (%s) and its quotes. `/newsbot undo` brings it back within the hour; admins can restore it for %d days.",
		oneLine(ref.Title), ref.ID, int(handlers.TrashRetention/(24*time.Hour))))
}

// undoCommand brings back what the user removed last, within the hour.
func (b *Bot) undoCommand(ctx context.Context, cmd slack.SlashCommand) message {
	ref, shown, err := b.svc.Undo(ctx, actor(cmd))
	if err != nil {
		return textMessage("Nothing to undo: " + b.userError(err, "undo"))
	}
	if !shown {
		// Private to another conversation: its title stays there.
		return textMessage(fmt.Sprintf("Restored article %s, which you removed in another conversation; it is visible there again.", ref.ID))
	}
	return textMessage(fmt.Sprintf("Restored %s (%s): it answers questions again.", oneLine(ref.Title), ref.ID))
}

// trashCommand lists the trash, for admins.
func (b *Bot) trashCommand(ctx context.Context, cmd slack.SlashCommand) message {
	admin, err := b.isAdmin(ctx, cmd.UserID)
	if err != nil {
		return textMessage("Could not check your permissions: " + b.userError(err, "trash"))
	}
	if !admin {
		return composedMessage(b.adminsOnlyText("see the trash") + " To bring back what you removed yourself in the last hour, use `/newsbot undo`.")
	}
	items, err := b.svc.Trash(ctx, news.In(cmd.ChannelID))
	if err != nil {
		return textMessage(b.userError(err, "trash"))
	}
	return renderTrash(items, b.now())
}

// restoreCommand brings a trashed article back, for admins.
func (b *Bot) restoreCommand(ctx context.Context, cmd slack.SlashCommand, target string) message {
	ref, err := b.svc.Restore(ctx, b.changeRequest(cmd, target))
	var pe *news.PermissionError
	if errors.As(err, &pe) {
		return composedMessage(b.permissionText(pe))
	}
	if err != nil {
		return textMessage(fmt.Sprintf("Could not restore %s: %s", target, b.userError(err, "restore")))
	}
	return textMessage(fmt.Sprintf("Restored %s (%s): it answers questions again.", oneLine(ref.Title), ref.ID))
}

// adminsOnlyText says who may do what, naming NEWSBOT_ADMINS.
func (b *Bot) adminsOnlyText(what string) string {
	who := "workspace admins and owners"
	if admins := b.adminMentions(); admins != "" {
		who = "the newsbot admins (" + admins + ") and " + who
	}
	return fmt.Sprintf("Only %s can %s.", who, what)
}

// adminMentions mentions the NEWSBOT_ADMINS, comma-separated ("" for
// none).
func (b *Bot) adminMentions() string {
	var admins []string
	for _, a := range b.cfg.Admins {
		if userIDRE.MatchString(a) {
			admins = append(admins, "<@"+a+">")
		}
	}
	return strings.Join(admins, ", ")
}

// renderTrash lists trashed articles with who removed them and when.
func renderTrash(items []news.TrashItem, now time.Time) message {
	if len(items) == 0 {
		return textMessage("The trash is empty.")
	}
	lines := make([]string, 0, len(items))
	for _, it := range items {
		l := fmt.Sprintf("`%s` %s", escape(it.ID), escape(cut(oneLine(it.Title), 150)))
		if userIDRE.MatchString(it.RemovedBy.User) {
			l += " · removed by <@" + it.RemovedBy.User + ">"
		} else if it.RemovedBy.IsOperator() {
			l += " · removed from the command line"
		}
		l += " " + ago(now.Sub(it.RemovedAt))
		lines = append(lines, l)
	}
	head := fmt.Sprintf("*%s in the trash* (kept %d days; `/newsbot restore <id>` brings one back):",
		plural(len(items), "article", "articles"), int(handlers.TrashRetention/(24*time.Hour)))
	blocks := []slack.Block{section(head)}
	blocks = append(blocks, packLines(lines, maxBlocks-1)...)
	return message{Text: plural(len(items), "article", "articles") + " in the trash", Blocks: blocks}
}

// ago words a duration in the past, roughly.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute", "minutes") + " ago"
	case d < 48*time.Hour:
		return plural(int(d/time.Hour), "hour", "hours") + " ago"
	}
	return plural(int(d/(24*time.Hour)), "day", "days") + " ago"
}
