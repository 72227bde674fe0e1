package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// maxBody is the largest request body accepted from Slack.
const maxBody = 1 << 20

// signatureWindow is how old (or how far in the future) a signed request's
// timestamp may be; older ones are refused as replays.
const signatureWindow = 5 * time.Minute

func (b *Bot) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", b.healthz)
	mux.HandleFunc("GET /readyz", b.readyz)
	if !b.cfg.SocketMode() {
		mux.Handle("POST /slack/events", b.verified(b.httpEvents))
		mux.Handle("POST /slack/commands", b.verified(b.httpCommand))
		mux.Handle("POST /slack/interactions", b.verified(b.httpInteraction))
	}
	return b.recoverHTTP(mux)
}

// recoverHTTP turns a panic in a handler into a logged 500 instead of a
// dropped connection.
func (b *Bot) recoverHTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				id := newErrorID()
				b.log.Error("panic in http handler", "path", r.URL.Path, "error_id", id, "panic", fmt.Sprint(v))
				http.Error(w, "internal error "+id, http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// verified checks a request's Slack signature (v0, HMAC-SHA256 of
// "v0:timestamp:body" with the signing secret) before anything else of it
// is used: the headers first, then the body, read only to be hashed.
func (b *Bot) verified(next func(w http.ResponseWriter, r *http.Request, body []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sig := r.Header.Get("X-Slack-Signature")
		ts := r.Header.Get("X-Slack-Request-Timestamp")
		if sig == "" || ts == "" {
			b.refuse(w, r, "missing signature")
			return
		}
		secs, err := strconv.ParseInt(ts, 10, 64)
		if err != nil {
			b.refuse(w, r, "malformed timestamp")
			return
		}
		if age := b.now().Sub(time.Unix(secs, 0)); age > signatureWindow || age < -signatureWindow {
			b.refuse(w, r, "stale timestamp")
			return
		}
		mac, ok := strings.CutPrefix(sig, "v0=")
		want, err := hex.DecodeString(mac)
		if !ok || err != nil || len(want) != sha256.Size {
			b.refuse(w, r, "malformed signature")
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			b.refuse(w, r, "unreadable or oversized body")
			return
		}
		h := hmac.New(sha256.New, []byte(b.cfg.SigningSecret))
		fmt.Fprintf(h, "v0:%s:", ts)
		h.Write(body)
		if !hmac.Equal(h.Sum(nil), want) {
			b.refuse(w, r, "invalid signature")
			return
		}
		if b.closing.Load() {
			// Slack retries: the next instance answers.
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		next(w, r, body)
	})
}

func (b *Bot) refuse(w http.ResponseWriter, r *http.Request, why string) {
	b.log.Warn("refused unsigned or badly signed request", "path", r.URL.Path, "reason", why, "remote", r.RemoteAddr)
	http.Error(w, "invalid request signature", http.StatusUnauthorized)
}

// httpEvents receives the Events API: url_verification is answered with
// its challenge; events are acknowledged at once and handled after.
func (b *Bot) httpEvents(w http.ResponseWriter, r *http.Request, body []byte) {
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		// An event type slack-go does not know: acknowledge it so Slack
		// does not retry, and ignore it.
		b.log.Debug("unparsed event", "err", err)
		w.WriteHeader(http.StatusOK)
		return
	}
	switch ev.Type {
	case slackevents.URLVerification:
		var ch slackevents.EventsAPIURLVerificationEvent
		if err := json.Unmarshal(body, &ch); err != nil {
			http.Error(w, "bad challenge", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, ch.Challenge)
		return
	case slackevents.CallbackEvent:
		retry, _ := strconv.Atoi(r.Header.Get("X-Slack-Retry-Num"))
		w.WriteHeader(http.StatusOK)
		flush(w)
		b.onEvent(ev, retry, r.Header.Get("X-Slack-Retry-Reason"))
	default:
		w.WriteHeader(http.StatusOK)
	}
}

// httpCommand receives /newsbot: the immediate reply is the HTTP response,
// the rest goes through response_url.
func (b *Bot) httpCommand(w http.ResponseWriter, r *http.Request, body []byte) {
	v, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	cmd := slack.SlashCommand{
		TeamID:      v.Get("team_id"),
		ChannelID:   v.Get("channel_id"),
		ChannelName: v.Get("channel_name"),
		UserID:      v.Get("user_id"),
		UserName:    v.Get("user_name"),
		Command:     v.Get("command"),
		Text:        v.Get("text"),
		ResponseURL: v.Get("response_url"),
		TriggerID:   v.Get("trigger_id"),
	}
	ack, work := b.onCommand(cmd)
	if ack == nil {
		w.WriteHeader(http.StatusOK)
	} else {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(ack)
	}
	flush(w)
	if work != nil {
		work()
	}
}

// httpInteraction receives button clicks.
func (b *Bot) httpInteraction(w http.ResponseWriter, r *http.Request, body []byte) {
	v, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(v.Get("payload")), &cb); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
	flush(w)
	b.onInteraction(cb)
}

// flush sends the acknowledgement now, before the work starts. An error
// means the client went away; the work runs anyway.
func flush(w http.ResponseWriter) { _ = http.NewResponseController(w).Flush() }
