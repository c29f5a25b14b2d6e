package collab

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/validation"
)

// MaxParticipants is the largest number of people in a private
// conversation, the one who starts it included.
const MaxParticipants = 50

// MaxTitleLength is the longest conversation title and task title, in
// characters.
const MaxTitleLength = 200

// Post posts body in the thread of ref, creating the thread on the first
// post. The author follows the object from then on, and so does every
// user mentioned who may see it; followers and mentioned users are
// notified (see the package documentation for who gets what).
func (s *Service) Post(ctx context.Context, actor string, ref Ref, body string) (Message, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	errs.MergeAt("object", ref.Validate())
	checkBody(&errs, "body", body)
	if err := errs.Err(); err != nil {
		return Message{}, err
	}
	return s.publish(ctx, postSpec{actor: actor, ref: ref, kind: MessagePost, body: body})
}

// Reply posts body as a reply to the message messageID. Replies are one
// level deep: replying to a reply adds to the same root post, and the
// reply records the message it answered in InReplyTo. The authors of the
// root post and of the message answered are notified with
// notify.KindReply.
func (s *Service) Reply(ctx context.Context, actor, messageID, body string) (Message, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	checkID(&errs, "message_id", messageID)
	checkBody(&errs, "body", body)
	if err := errs.Err(); err != nil {
		return Message{}, err
	}
	target, err := s.visibleMessage(ctx, actor, "message_id", messageID)
	if err != nil {
		return Message{}, err
	}
	root := target
	if target.IsReply() {
		if root, err = s.store.Message(ctx, target.ParentID); err != nil {
			return Message{}, err
		}
	}
	if target.Deleted || root.Deleted {
		return Message{}, ErrDeleted
	}
	return s.publish(ctx, postSpec{
		actor: actor, ref: root.Object, kind: MessagePost, body: body,
		parent: root.ID, inReplyTo: target.ID,
		extra: map[string]notify.Kind{root.Author: notify.KindReply, target.Author: notify.KindReply},
	})
}

// StartConversation starts a private conversation between actor and the
// given users, not tied to any object, with title (optional) and a first
// message. Only the participants can see it; they all follow it. Further
// messages are posted with Post on the returned message's Object.
func (s *Service) StartConversation(ctx context.Context, actor string, participants []string, title, body string) (Message, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	checkBody(&errs, "body", body)
	checkTitle(&errs, "title", title, false)
	others := 0
	for i, p := range participants {
		field := "participants[" + strconv.Itoa(i) + "]"
		checkID(&errs, field, p)
		if p == actor {
			continue
		}
		if slices.Contains(participants[:i], p) {
			errs.Add(field, validation.CodeDuplicate, "is listed twice")
			continue
		}
		others++
	}
	switch {
	case others == 0:
		errs.Add("participants", validation.CodeRequired, "must name at least one other user")
	case others+1 > MaxParticipants:
		errs.Add("participants", validation.CodeOutOfRange, "must name at most 49 other users")
	}
	if errs.Len() == 0 {
		if err := s.checkUsers(ctx, &errs, "participants", participants); err != nil {
			return Message{}, err
		}
	}
	if err := errs.Err(); err != nil {
		return Message{}, err
	}
	id := s.newID()
	thread := Thread{
		ID:           id,
		Object:       Ref{Kind: KindConversation, ID: id},
		Title:        title,
		Participants: sortedUnique(append(slices.Clone(participants), actor)),
		CreatedBy:    actor,
		CreatedAt:    s.clock(),
	}
	if _, err := s.store.CreateThread(ctx, thread); err != nil {
		return Message{}, err
	}
	for _, p := range thread.Participants {
		_, err := s.store.Follow(ctx, p, thread.Object)
		s.report(ctx, err)
	}
	return s.publish(ctx, postSpec{actor: actor, ref: thread.Object, kind: MessagePost, body: body})
}

// checkUsers records a fault for each ID that the directory does not know
// as a user.
func (s *Service) checkUsers(ctx context.Context, errs *validation.Errors, field string, ids []string) error {
	for i, id := range ids {
		ok, err := s.isUser(ctx, id)
		if err != nil {
			return err
		}
		if !ok {
			errs.Add(field+"["+strconv.Itoa(i)+"]", validation.CodeUnknown, "is not a known user")
		}
	}
	return nil
}

func (s *Service) isUser(ctx context.Context, id string) (bool, error) {
	p, err := s.dir.Principal(ctx, id)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return false, nil
		}
		return false, err
	}
	return p.Type == PrincipalUser, nil
}

func checkTitle(errs *validation.Errors, field, title string, required bool) {
	switch {
	case title == "" && !required:
	case strings.TrimSpace(title) == "":
		errs.Add(field, validation.CodeRequired, "is required")
	case !utf8.ValidString(title) || hasControl(title):
		errs.Add(field, validation.CodeInvalid, "must be one line of valid UTF-8")
	case utf8.RuneCountInString(title) > MaxTitleLength:
		errs.Add(field, validation.CodeOutOfRange, "must have at most 200 characters")
	}
}

// postSpec describes a message to publish.
type postSpec struct {
	actor     string
	ref       Ref
	kind      MessageKind
	body      string
	parent    string
	inReplyTo string
	// insert stores the message and whatever comes with it; nil stores
	// the message alone.
	insert func(ctx context.Context, m *Message) error
	// extra are recipients addressed directly, with their kind.
	extra map[string]notify.Kind
}

// publish posts a message whose input has been validated: it checks
// access, resolves mentions, creates the thread if needed, stores the
// message, then records follows and sends notifications.
func (s *Service) publish(ctx context.Context, spec postSpec) (Message, error) {
	if err := s.authorize(ctx, spec.actor, spec.ref, nil); err != nil {
		return Message{}, err
	}
	spans, mentions, err := s.resolve(ctx, spec.actor, spec.body)
	if err != nil {
		return Message{}, err
	}
	thread, err := s.ensureThread(ctx, spec.actor, spec.ref)
	if err != nil {
		return Message{}, err
	}
	m := Message{
		ID:        s.newID(),
		ThreadID:  thread.ID,
		Object:    thread.Object,
		Kind:      spec.kind,
		ParentID:  spec.parent,
		InReplyTo: spec.inReplyTo,
		Author:    spec.actor,
		Body:      spec.body,
		Spans:     spans,
		Mentions:  mentions,
		CreatedAt: s.clock(),
		Version:   1,
	}
	if spec.insert != nil {
		err = spec.insert(ctx, &m)
	} else {
		err = s.store.InsertMessage(ctx, m)
	}
	if err != nil {
		return Message{}, err
	}
	s.afterPost(ctx, thread, m, userMentions(m.Mentions), spec.extra)
	return m, nil
}

// userMentions returns the IDs of the users (not groups) in mentions.
func userMentions(mentions []Principal) []string {
	var out []string
	for _, p := range mentions {
		if p.Type == PrincipalUser {
			out = append(out, p.ID)
		}
	}
	return out
}
