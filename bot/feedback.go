package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"

	"github.com/slack-go/slack"

	"newsbot/handlers"
	"newsbot/news"
)

// Feedback on answers: every quote answer carries 👍 "Right" and 👎 "Wrong
// speaker". 👍 records the vote at once; 👎 opens a modal asking for the
// right speaker (optional) and a note, and its submission records the
// vote. A corrected speaker from whoever added the article or an admin
// becomes the quote's speaker (handlers.Vote decides); from anyone else it
// is kept as a suggestion. Every vote is acknowledged privately.

// Action, block and callback ids of the feedback buttons and modal.
const (
	actionVoteRight  = "newsbot_vote_right"
	actionVoteWrong  = "newsbot_vote_wrong"
	callbackFeedback = "newsbot_feedback"
	blockSpeaker     = "speaker"
	blockNote        = "note"
	inputSpeaker     = "speaker_input"
	inputNote        = "note_input"
	// maxNoteChars and maxSpeakerChars are the modal's input limits (the
	// handlers keep no more).
	maxNoteChars    = 1000
	maxSpeakerChars = 100
	// maxPrivateMetadata is Slack's limit on a view's private_metadata.
	maxPrivateMetadata = 3000
)

// voteValue is what a feedback button carries: the quote it is about,
// the question, and (for the modal) what the answer showed.
type voteValue struct {
	Article  string `json:"a"`
	Quote    string `json:"q"`
	Question string `json:"t,omitempty"`
	Speaker  string `json:"s,omitempty"`
	Text     string `json:"x,omitempty"`
}

// encodeVote encodes v within limit bytes, shortening the free texts
// (heavily escaped text: halve until it fits).
func encodeVote(v voteValue, limit int) string {
	v.Question, v.Text, v.Speaker = cut(v.Question, 500), cut(v.Text, 300), cut(v.Speaker, maxSpeakerChars)
	for {
		out, _ := json.Marshal(v)
		if len(out) <= limit || (v.Question == "" && v.Text == "" && v.Speaker == "") {
			return string(out)
		}
		v.Question, v.Text, v.Speaker = cut(v.Question, runes(v.Question)/2), cut(v.Text, runes(v.Text)/2), cut(v.Speaker, runes(v.Speaker)/2)
	}
}

// voteButtons returns the feedback buttons of a quote answer (nil for any
// other answer: only a quote has a speaker to be right or wrong about; a
// list of quotes would need a pair per quote, beyond the block budget).
func voteButtons(a news.Answer) []slack.BlockElement {
	if a.Kind != news.AnswerQuote || len(a.Quotes) > 0 || a.QuoteID == "" || a.Article.ID == "" {
		return nil
	}
	v := encodeVote(voteValue{Article: a.Article.ID, Quote: a.QuoteID, Question: a.Question, Speaker: a.Speaker, Text: a.Quote}, maxButtonValue)
	right := slack.NewButtonBlockElement(actionVoteRight, v, slack.NewTextBlockObject(slack.PlainTextType, "👍 Right", true, false))
	wrong := slack.NewButtonBlockElement(actionVoteWrong, v, slack.NewTextBlockObject(slack.PlainTextType, "👎 Wrong speaker", true, false))
	return []slack.BlockElement{right, wrong}
}

// voteTarget is where a vote was cast and where to acknowledge it.
type voteTarget struct {
	User        string `json:"u"`
	Channel     string `json:"c"`
	Thread      string `json:"th,omitempty"`
	Ephemeral   bool   `json:"e,omitempty"`
	ResponseURL string `json:"r,omitempty"`
}

// onVote handles a click on a feedback button.
func (b *Bot) onVote(cb slack.InteractionCallback, a *slack.BlockAction) {
	var v voteValue
	if err := json.Unmarshal([]byte(a.Value), &v); err != nil || v.Article == "" || v.Quote == "" {
		b.log.Warn("feedback button with a malformed value ignored", "err", err)
		return
	}
	t := voteTarget{
		User:        cb.User.ID,
		Channel:     cmp.Or(cb.Container.ChannelID, cb.Channel.ID),
		Thread:      cmp.Or(cb.Container.ThreadTs, cb.Message.ThreadTimestamp),
		Ephemeral:   cb.Container.IsEphemeral,
		ResponseURL: cb.ResponseURL,
	}
	if a.ActionID == actionVoteRight {
		b.spawn("vote", func(ctx context.Context) { b.vote(ctx, t, v, news.VoteRight, "", "") }, func(ctx context.Context, errID string) {
			b.ackVote(ctx, t, textMessage(apology(errID)))
		})
		return
	}
	trigger := cb.TriggerID
	b.spawn("feedback modal", func(ctx context.Context) { b.openFeedback(ctx, trigger, t, v) }, func(ctx context.Context, errID string) {
		b.ackVote(ctx, t, textMessage(apology(errID)))
	})
}

// feedbackMeta is the modal's private_metadata: the vote's quote and
// where to acknowledge it.
type feedbackMeta struct {
	Vote   voteValue  `json:"v"`
	Target voteTarget `json:"w"`
}

// openFeedback opens the 👎 modal. Its trigger expires 3 seconds after the
// click, so this runs first thing.
func (b *Bot) openFeedback(ctx context.Context, trigger string, t voteTarget, v voteValue) {
	m := feedbackMeta{Vote: v, Target: t}
	meta, _ := json.Marshal(m)
	if len(meta) > maxPrivateMetadata {
		room := max(maxPrivateMetadata-(len(meta)-len(encodeVote(v, maxButtonValue))), 200)
		_ = json.Unmarshal([]byte(encodeVote(v, room)), &m.Vote)
		meta, _ = json.Marshal(m)
	}
	err := b.call(ctx, "views.open", func(ctx context.Context) error {
		_, err := b.api.OpenViewContext(ctx, trigger, feedbackModal(m.Vote, string(meta)))
		return err
	})
	if err != nil {
		b.ackVote(ctx, t, textMessage(fmt.Sprintf("I could not open the feedback form (%s); your vote was not recorded. Please click 👎 again.", b.userError(err, "views.open"))))
	}
}

// feedbackModal is the 👎 form.
func feedbackModal(v voteValue, meta string) slack.ModalViewRequest {
	plain := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
	}
	who := "an unknown speaker"
	if v.Speaker != "" {
		who = "*" + escape(cut(oneLine(v.Speaker), maxSpeakerChars)) + "*"
	}
	intro := fmt.Sprintf("I attributed this to %s:", who)
	if v.Text != "" {
		intro += "\n" + blockQuote(v.Text, nil, 600)
	}
	speaker := slack.NewPlainTextInputBlockElement(plain("Their full name, as the article gives it"), inputSpeaker).WithMaxLength(maxSpeakerChars)
	note := slack.NewPlainTextInputBlockElement(plain("What is wrong, or where the article says who it was"), inputNote).
		WithMultiline(true).WithMaxLength(maxNoteChars)
	return slack.ModalViewRequest{
		Type:            slack.VTModal,
		CallbackID:      callbackFeedback,
		Title:           plain("Wrong speaker"),
		Submit:          plain("Send"),
		Close:           plain("Cancel"),
		PrivateMetadata: meta,
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			section(intro), // escaped piece by piece, within 800 characters
			slack.NewInputBlock(blockSpeaker, plain("Who said it?"),
				plain("Whoever added the article and admins correct it for everyone; anyone else's answer is kept as a suggestion."), speaker).WithOptional(true),
			slack.NewInputBlock(blockNote, plain("Note"), nil, note).WithOptional(true),
		}},
	}
}

// onFeedbackSubmit handles the submitted 👎 form (already acknowledged,
// which closes it).
func (b *Bot) onFeedbackSubmit(cb slack.InteractionCallback) {
	var m feedbackMeta
	if err := json.Unmarshal([]byte(cb.View.PrivateMetadata), &m); err != nil || m.Vote.Article == "" {
		b.log.Warn("feedback form with malformed metadata ignored", "err", err)
		return
	}
	m.Target.User = cb.User.ID // who submits, whatever the metadata says
	var values map[string]map[string]slack.BlockAction
	if cb.View.State != nil {
		values = cb.View.State.Values
	}
	speaker := values[blockSpeaker][inputSpeaker].Value
	note := values[blockNote][inputNote].Value
	b.spawn("vote", func(ctx context.Context) { b.vote(ctx, m.Target, m.Vote, news.VoteWrong, speaker, note) }, func(ctx context.Context, errID string) {
		b.ackVote(ctx, m.Target, textMessage(apology(errID)))
	})
}

// vote records a vote and tells the voter privately what it did.
func (b *Bot) vote(ctx context.Context, t voteTarget, v voteValue, vote news.Vote, speaker, note string) {
	user := t.User
	res, err := b.svc.Vote(ctx, handlers.VoteRequest{
		Vote: vote, Question: v.Question, ArticleID: v.Article, QuoteID: v.Quote, Suggested: speaker, Note: note,
		By:      news.Actor{User: t.User, Conversation: t.Channel, Via: news.ViaSlack},
		IsAdmin: func(ctx context.Context) (bool, error) { return b.isAdmin(ctx, user) },
	})
	if err != nil {
		b.ackVote(ctx, t, textMessage("I could not record your feedback: "+b.userError(err, "vote")))
		return
	}
	b.ackVote(ctx, t, composedMessage(voteText(vote, res)))
}

// voteText words what a vote did (escaped: it names a typed speaker).
func voteText(vote news.Vote, res handlers.VoteResult) string {
	who := "*" + escape(cut(oneLine(res.Speaker), maxSpeakerChars)) + "*"
	switch {
	case res.Applied:
		return fmt.Sprintf("Thanks, corrected: I now credit %s with this quote, marked (corrected), in every answer and summary.", who)
	case res.Suggestion:
		return "Thanks: your suggestion is kept for whoever added the article and the admins to review (I still credit " + who + ")."
	case vote == news.VoteRight:
		return "Thanks for confirming, it helps me keep answers right."
	}
	return "Thanks, noted that the speaker is wrong. If you know who said it, click 👎 again and name them."
}

// ackVote tells the voter privately: an ephemeral message where the
// answer is, or through the click's response_url for an answer that was
// itself ephemeral (a slash command's) or in a conversation newsbot
// cannot post in.
func (b *Bot) ackVote(ctx context.Context, t voteTarget, m message) {
	if !t.Ephemeral && t.Channel != "" && t.User != "" {
		err := b.postEphemeral(ctx, t.Channel, t.User, t.Thread, m)
		if err == nil || t.ResponseURL == "" {
			if err != nil {
				b.log.Error("could not acknowledge the feedback", "err", err)
			}
			return
		}
	}
	if err := b.respond(ctx, t.ResponseURL, slack.ResponseTypeEphemeral, m, false); err != nil {
		b.log.Error("could not acknowledge the feedback", "err", err)
	}
}
