package collab

import (
	"context"
	"fmt"

	"github.com/billkit/billkit/validation"
)

// Message returns the message id as actor sees it: a deleted message has
// no body.
func (s *Service) Message(ctx context.Context, actor, id string) (Message, error) {
	m, err := s.visibleMessage(ctx, actor, "message_id", id)
	if err != nil {
		return Message{}, err
	}
	return m.redacted(), nil
}

// MessageAudit returns message id as stored, with the body and history of
// a deleted message, for those the AccessPolicy lets moderate its object.
func (s *Service) MessageAudit(ctx context.Context, actor, id string) (Message, error) {
	m, err := s.visibleMessage(ctx, actor, "message_id", id)
	if err != nil {
		return Message{}, err
	}
	ok, err := s.canModerate(ctx, actor, m.Object)
	if err != nil {
		return Message{}, err
	}
	if !ok {
		return Message{}, &AccessError{User: actor, Object: m.Object, Action: ActionModerate}
	}
	return m, nil
}

// Thread returns the thread of ref; ErrNotFound until someone posts.
func (s *Service) Thread(ctx context.Context, actor string, ref Ref) (Thread, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	errs.MergeAt("object", ref.Validate())
	if err := errs.Err(); err != nil {
		return Thread{}, err
	}
	if err := s.authorize(ctx, actor, ref, nil); err != nil {
		return Thread{}, err
	}
	return s.store.ThreadByObject(ctx, ref)
}

// Edit replaces the body of actor's own message id. version is the
// message's Version as the author last saw it: if someone changed the
// message since (it was deleted by a moderator, or edited from another
// device), the edit fails with ErrConflict. The previous body is kept in
// History with its time. Users newly mentioned by the edit are notified;
// those mentioned before are not notified again.
func (s *Service) Edit(ctx context.Context, actor, id string, version int64, body string) (Message, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	checkID(&errs, "message_id", id)
	checkBody(&errs, "body", body)
	if version < 1 {
		errs.Add("version", validation.CodeRequired, "must be the version of the message being edited")
	}
	if err := errs.Err(); err != nil {
		return Message{}, err
	}
	m, err := s.visibleMessage(ctx, actor, "message_id", id)
	if err != nil {
		return Message{}, err
	}
	switch {
	case m.Author != actor:
		return Message{}, &AccessError{User: actor, Object: m.Object, Action: ActionEdit}
	case m.Version != version:
		return Message{}, &ConflictError{Entity: "message", ID: id, Expected: version, Actual: m.Version}
	case m.Deleted:
		return Message{}, ErrDeleted
	case m.Kind == MessagePoll || m.Kind == MessageTask:
		return Message{}, validation.New("message_id", validation.CodeNotAllowed,
			fmt.Sprintf("a %s message cannot be edited", m.Kind))
	case m.Body == body:
		return m, nil
	}
	spans, mentions, err := s.resolve(ctx, actor, body)
	if err != nil {
		return Message{}, err
	}
	thread, err := s.store.ThreadByObject(ctx, m.Object)
	if err != nil {
		return Message{}, err
	}
	before := map[string]bool{}
	for _, p := range m.Mentions {
		before[p.ID] = true
	}
	now := s.clock()
	written := m.CreatedAt
	if !m.EditedAt.IsZero() {
		written = m.EditedAt
	}
	m.History = append(m.History, Revision{Body: m.Body, WrittenAt: written, ReplacedAt: now})
	m.Body, m.Spans, m.Mentions, m.EditedAt = body, spans, mentions, now
	updated, err := s.store.UpdateMessage(ctx, m)
	if err != nil {
		return Message{}, err
	}

	var newUsers []string
	for _, p := range mentions {
		if !before[p.ID] && p.Type == PrincipalUser {
			newUsers = append(newUsers, p.ID)
		}
	}
	rs := recipients{}
	s.addMentions(ctx, rs, mentions, before)
	s.autoFollow(ctx, thread, m.Object, newUsers)
	s.notifyAll(ctx, thread, updated, rs)
	return updated, nil
}

// Delete deletes message id: its author or a moderator of its object may.
// The message keeps its place in the thread, but its body is hidden from
// everyone; the store keeps it for audit. Deleting a deleted message does
// nothing.
func (s *Service) Delete(ctx context.Context, actor, id string) error {
	m, err := s.visibleMessage(ctx, actor, "message_id", id)
	if err != nil {
		return err
	}
	if m.Author != actor {
		ok, err := s.canModerate(ctx, actor, m.Object)
		if err != nil {
			return err
		}
		if !ok {
			return &AccessError{User: actor, Object: m.Object, Action: ActionDelete}
		}
	}
	_, err = retryConflicts(func() (Message, error) {
		if m.Deleted {
			return m, nil
		}
		m.Deleted, m.DeletedAt, m.DeletedBy = true, s.clock(), actor
		updated, err := s.store.UpdateMessage(ctx, m)
		if err != nil {
			if fresh, rerr := s.store.Message(ctx, id); rerr == nil {
				m = fresh
			}
		}
		return updated, err
	})
	return err
}

// React toggles actor's reaction r to message id: it adds r, replaces
// actor's other reaction with r, or removes r if actor had reacted with r
// already. It reports whether r is set afterwards.
func (s *Service) React(ctx context.Context, actor, id string, r Reaction) (bool, error) {
	if !r.Valid() {
		return false, validation.New("reaction", validation.CodeInvalid, "must be a lower-case identifier such as like")
	}
	m, err := s.visibleMessage(ctx, actor, "message_id", id)
	if err != nil {
		return false, err
	}
	if m.Deleted {
		return false, ErrDeleted
	}
	return s.store.ToggleReaction(ctx, id, actor, r)
}
