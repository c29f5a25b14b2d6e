package collab

import (
	"context"

	"github.com/billkit/billkit/validation"
)

// Ask posts a question in the thread of ref. Answers are replies to it
// (see Reply); its author may mark one as the best answer.
func (s *Service) Ask(ctx context.Context, actor string, ref Ref, body string) (Message, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	errs.MergeAt("object", ref.Validate())
	checkBody(&errs, "body", body)
	if err := errs.Err(); err != nil {
		return Message{}, err
	}
	return s.publish(ctx, postSpec{actor: actor, ref: ref, kind: MessageQuestion, body: body})
}

// MarkBestAnswer marks answerID, a reply to question questionID, as its
// best answer, replacing any earlier choice; an empty answerID clears it.
// Only the author of the question may.
func (s *Service) MarkBestAnswer(ctx context.Context, actor, questionID, answerID string) (Message, error) {
	q, err := s.visibleMessage(ctx, actor, "question_id", questionID)
	if err != nil {
		return Message{}, err
	}
	switch {
	case q.Kind != MessageQuestion:
		return Message{}, validation.New("question_id", validation.CodeNotAllowed, "is not a question")
	case q.Author != actor:
		return Message{}, &AccessError{User: actor, Object: q.Object, Action: ActionMarkBestAnswer}
	case q.Deleted:
		return Message{}, ErrDeleted
	}
	if answerID != "" {
		a, err := s.store.Message(ctx, answerID)
		switch {
		case isNotFound(err) || (err == nil && a.ParentID != q.ID):
			return Message{}, validation.New("answer_id", validation.CodeUnknown, "is not an answer to this question")
		case err != nil:
			return Message{}, err
		case a.Deleted:
			return Message{}, ErrDeleted
		}
	}
	return retryConflicts(func() (Message, error) {
		q.BestAnswerID = answerID
		updated, err := s.store.UpdateMessage(ctx, q)
		if err != nil {
			if fresh, rerr := s.store.Message(ctx, questionID); rerr == nil {
				q = fresh
			}
		}
		return updated, err
	})
}
