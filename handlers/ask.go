package handlers

import (
	"context"

	"newsbot/news"
)

// Ask answers one question.
func (h *Handlers) Ask(ctx context.Context, req AskRequest) (news.Answer, error) {
	return news.Answer{Question: req.Question, Kind: news.AnswerNone}, nil
}
