package bot

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"newsbot/handlers"
	"newsbot/news"
)

// votingService answers with a quote that has an id and records votes.
type votingService struct {
	fakeService
	vmu   sync.Mutex
	votes []handlers.VoteRequest
}

func newVotingService(res handlers.VoteResult) *votingService {
	s := &votingService{}
	s.AskFn = func(ctx context.Context, req handlers.AskRequest) (news.Answer, error) {
		a := cheapAnswer(req.Question)
		a.QuoteID = "0123456789abcdef"
		return a, nil
	}
	s.VoteFn = func(ctx context.Context, r handlers.VoteRequest) (handlers.VoteResult, error) {
		s.vmu.Lock()
		s.votes = append(s.votes, r)
		s.vmu.Unlock()
		if r.Vote == news.VoteRight {
			return handlers.VoteResult{Speaker: "Yun Sun"}, nil
		}
		return res, nil
	}
	return s
}

func (s *votingService) lastVote(t *testing.T) handlers.VoteRequest {
	t.Helper()
	s.vmu.Lock()
	defer s.vmu.Unlock()
	if len(s.votes) == 0 {
		t.Fatal("no vote recorded")
	}
	return s.votes[len(s.votes)-1]
}

// buttons returns the value of each button of the blocks, by action id.
func buttons(bs []slack.Block) map[string]string {
	out := map[string]string{}
	for _, b := range bs {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					out[btn.ActionID] = btn.Value
				}
			}
		}
	}
	return out
}

func interact(t *testing.T, b *Bot, payload map[string]any) {
	t.Helper()
	raw, _ := json.Marshal(payload)
	w := serve(b, signed("POST", "/slack/interactions", url.Values{"payload": {string(raw)}}.Encode(), testSecret, time.Now()))
	if w.Code != 200 || w.Body.Len() != 0 {
		t.Fatalf("interaction ack %d %q", w.Code, w.Body.String())
	}
}

// TestFeedbackButtonsHTTP: a quote answer in a channel thread carries 👍 and
// 👎; 👍 is recorded and acknowledged ephemerally in the thread; 👎 opens
// the form with the quote, whose submission records the corrected speaker
// and says what it did.
func TestFeedbackButtonsHTTP(t *testing.T) {
	fs := newFakeSlack(t)
	svc := newVotingService(handlers.VoteResult{Applied: true, Speaker: "Jo <Bloggs>"})
	b, _ := newTestBot(t, fs, svc, nil)
	body := eventBody("Ev1", mentionEvent("C1", "1700000100.000100", "", "<@UBOT> who said calling for peace is cheap?"))
	if w := serve(b, signed("POST", "/slack/events", body, testSecret, time.Now())); w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	posted := fs.next(t, "chat.postMessage")
	btns := buttons(posted.blocks(t))
	if btns[actionVoteRight] == "" || btns[actionVoteWrong] == "" {
		t.Fatalf("answer buttons = %v, want 👍 and 👎", btns)
	}
	if !strings.Contains(posted.Form.Get("blocks"), "👍 Right") || !strings.Contains(posted.Form.Get("blocks"), "👎 Wrong speaker") {
		t.Fatalf("button labels: %s", posted.Form.Get("blocks"))
	}
	click := func(action, trigger string) {
		interact(t, b, map[string]any{"type": "block_actions", "user": map[string]string{"id": "U2"}, "trigger_id": trigger,
			"response_url": "https://hooks.invalid/r", "channel": map[string]string{"id": "C1"},
			"container": map[string]any{"type": "message", "channel_id": "C1", "message_ts": posted.TS, "thread_ts": "1700000100.000100"},
			"actions":   []map[string]string{{"action_id": action, "block_id": "newsbot_actions", "type": "button", "value": btns[action]}}})
	}

	click(actionVoteRight, "")
	ack := fs.next(t, "chat.postEphemeral")
	if ack.Form.Get("user") != "U2" || ack.Form.Get("channel") != "C1" || ack.Form.Get("thread_ts") != "1700000100.000100" ||
		!strings.Contains(blocksText(ack), "Thanks for confirming") {
		t.Fatalf("👍 acknowledgement = %v", ack.Form)
	}
	v := svc.lastVote(t)
	if v.Vote != news.VoteRight || v.ArticleID != "a1b2c3d4e5f6" || v.QuoteID != "0123456789abcdef" ||
		v.Question != "who said calling for peace is cheap?" || v.By != (news.Actor{User: "U2", Conversation: "C1", Via: news.ViaSlack}) {
		t.Fatalf("👍 vote = %+v", v)
	}

	click(actionVoteWrong, "T123.456")
	open := fs.next(t, "views.open")
	var req struct {
		TriggerID string                 `json:"trigger_id"`
		View      slack.ModalViewRequest `json:"view"`
	}
	if err := json.Unmarshal([]byte(open.Form.Get("json")), &req); err != nil {
		t.Fatal(err)
	}
	if req.TriggerID != "T123.456" || req.View.CallbackID != callbackFeedback || req.View.PrivateMetadata == "" {
		t.Fatalf("views.open = %s", open.Form.Get("json"))
	}
	if s := open.Form.Get("json"); !strings.Contains(s, "Yun Sun") || !strings.Contains(s, `\u003e Calling for peace is cheap.`) ||
		!strings.Contains(s, `"optional":true`) {
		t.Fatalf("the form does not show the quote or makes the speaker required: %s", s)
	}

	// Submit the form: Slack sends the view back with the typed values.
	interact(t, b, map[string]any{"type": "view_submission", "user": map[string]string{"id": "U2"},
		"view": map[string]any{"callback_id": callbackFeedback, "private_metadata": req.View.PrivateMetadata,
			"state": map[string]any{"values": map[string]any{
				blockSpeaker: map[string]any{inputSpeaker: map[string]string{"type": "plain_text_input", "value": "Jo <Bloggs>"}},
				blockNote:    map[string]any{inputNote: map[string]string{"type": "plain_text_input", "value": "paragraph 3"}},
			}}}})
	ack = fs.next(t, "chat.postEphemeral")
	if txt := blocksText(ack); !strings.Contains(txt, "corrected") || !strings.Contains(txt, "Jo &lt;Bloggs&gt;") || strings.Contains(txt, "<Bloggs>") {
		t.Fatalf("👎 acknowledgement = %s", txt)
	}
	if ack.Form.Get("thread_ts") != "1700000100.000100" {
		t.Errorf("👎 acknowledgement not in the thread: %v", ack.Form)
	}
	v = svc.lastVote(t)
	if v.Vote != news.VoteWrong || v.Suggested != "Jo <Bloggs>" || v.Note != "paragraph 3" || v.QuoteID != "0123456789abcdef" || v.By.User != "U2" || v.By.Conversation != "C1" {
		t.Fatalf("👎 vote = %+v", v)
	}
}

// TestFeedbackOnSlashAnswer: the private answer of /newsbot ask carries the
// buttons too, and a vote on it is acknowledged through its response_url.
func TestFeedbackOnSlashAnswer(t *testing.T) {
	fs := newFakeSlack(t)
	hk := newHook(t)
	svc := newVotingService(handlers.VoteResult{Suggestion: true, Speaker: "Yun Sun"})
	b, _ := newTestBot(t, fs, svc, nil)
	form := url.Values{"command": {"/newsbot"}, "text": {"ask who said calling for peace is cheap?"}, "user_id": {"U1"},
		"channel_id": {"C9"}, "response_url": {hk.URL + "/r"}}
	serve(b, signed("POST", "/slack/commands", form.Encode(), testSecret, time.Now()))
	m := hk.next(t)
	raw, _ := json.Marshal(m)
	var msg struct {
		Blocks slack.Blocks `json:"blocks"`
	}
	if err := json.Unmarshal(raw, &msg); err != nil {
		t.Fatal(err)
	}
	btns := buttons(msg.Blocks.BlockSet)
	if btns[actionVoteRight] == "" || btns[actionVoteWrong] == "" || btns[actionShare] == "" {
		t.Fatalf("slash answer buttons = %v", btns)
	}
	interact(t, b, map[string]any{"type": "view_submission", "user": map[string]string{"id": "U1"},
		"view": map[string]any{"callback_id": callbackFeedback, "private_metadata": mustJSON(feedbackMeta{
			Vote:   voteValue{Article: "a1b2c3d4e5f6", Quote: "0123456789abcdef", Question: "q?"},
			Target: voteTarget{User: "USPOOF", Channel: "C9", Ephemeral: true, ResponseURL: hk.URL + "/r2"}}),
			"state": map[string]any{"values": map[string]any{blockSpeaker: map[string]any{inputSpeaker: map[string]string{"value": "Someone"}}}}}})
	ack := hk.next(t)
	if ack["response_type"] != "ephemeral" || !strings.Contains(ack["text"].(string), "suggestion") {
		t.Fatalf("acknowledgement = %v", ack)
	}
	if v := svc.lastVote(t); v.By.User != "U1" || v.Suggested != "Someone" {
		t.Fatalf("vote = %+v: the submitter, not the metadata, is the voter", v)
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestVoteButtonsOnlyOnQuotes: passages and answers without a quote id get
// no feedback buttons; a long question still fits the button's value.
func TestVoteButtonsOnlyOnQuotes(t *testing.T) {
	a := cheapAnswer(strings.Repeat("<&>", 2000))
	if voteButtons(a) != nil {
		t.Error("buttons without a quote id")
	}
	a.QuoteID = "0123456789abcdef"
	bs := voteButtons(a)
	if len(bs) != 2 {
		t.Fatalf("buttons = %v", bs)
	}
	if v := bs[0].(*slack.ButtonBlockElement).Value; len(v) > maxButtonValue {
		t.Errorf("value is %d bytes", len(v))
	}
	a.Kind = news.AnswerPassage
	if voteButtons(a) != nil {
		t.Error("buttons on a passage")
	}
}

// TestFeedbackAndHomeSocketMode: over Socket Mode, a 👎 click opens the
// form, its submission records the vote and is acknowledged ephemerally,
// and app_home_opened publishes the Home tab.
func TestFeedbackAndHomeSocketMode(t *testing.T) {
	svc := newVotingService(handlers.VoteResult{Applied: true, Speaker: "Jane Doe"})
	fs, peer, _ := runSocketBot(t, svc, nil)
	value := encodeVote(voteValue{Article: "a1b2c3d4e5f6", Quote: "0123456789abcdef", Question: "who said calling for peace is cheap?"}, maxButtonValue)
	peer.send(t, "interactive", "env-wrong", map[string]any{"type": "block_actions", "user": map[string]string{"id": "U2"}, "trigger_id": "T9.9",
		"container": map[string]any{"type": "message", "channel_id": "C1", "message_ts": "1700000400.000200", "thread_ts": "1700000400.000100"},
		"actions":   []map[string]string{{"action_id": actionVoteWrong, "block_id": "newsbot_actions", "type": "button", "value": value}}}, 0)
	if a := peer.ack(t); a["envelope_id"] != "env-wrong" {
		t.Fatalf("ack = %v", a)
	}
	var opened struct {
		TriggerID string                 `json:"trigger_id"`
		View      slack.ModalViewRequest `json:"view"`
	}
	if err := json.Unmarshal([]byte(fs.next(t, "views.open").Form.Get("json")), &opened); err != nil || opened.TriggerID != "T9.9" {
		t.Fatalf("views.open: %+v %v", opened, err)
	}
	peer.send(t, "interactive", "env-submit", map[string]any{"type": "view_submission", "user": map[string]string{"id": "U2"},
		"view": map[string]any{"callback_id": callbackFeedback, "private_metadata": opened.View.PrivateMetadata,
			"state": map[string]any{"values": map[string]any{blockSpeaker: map[string]any{inputSpeaker: map[string]string{"value": "Jane Doe"}}}}}}, 0)
	if a := peer.ack(t); a["envelope_id"] != "env-submit" || a["payload"] != nil {
		t.Fatalf("ack = %v (an empty ack closes the form)", a)
	}
	if ack := fs.next(t, "chat.postEphemeral"); !strings.Contains(blocksText(ack), "Jane Doe") || ack.Form.Get("thread_ts") != "1700000400.000100" {
		t.Fatalf("acknowledgement = %v", ack.Form)
	}
	if v := svc.lastVote(t); v.Vote != news.VoteWrong || v.Suggested != "Jane Doe" || v.By.Conversation != "C1" {
		t.Fatalf("vote = %+v", v)
	}

	peer.send(t, "events_api", "env-home", eventBody("EvHS", `{"type":"app_home_opened","user":"U0HOME2","channel":"D2","tab":"home","event_ts":"1700000400.000300"}`), 0)
	if a := peer.ack(t); a["envelope_id"] != "env-home" {
		t.Fatalf("ack = %v", a)
	}
	if c := fs.next(t, "views.publish"); !strings.Contains(c.Form.Get("json"), `"user_id":"U0HOME2"`) || !strings.Contains(c.Form.Get("json"), "library is empty") {
		t.Fatalf("views.publish = %s", c.Form.Get("json"))
	}
}
