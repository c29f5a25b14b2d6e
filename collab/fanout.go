package collab

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/billkit/billkit/notify"
)

// notificationExcerpt is how many characters of a message body a
// notification carries.
const notificationExcerpt = 500

// rank orders notification kinds for one recipient of one message: each
// recipient gets one notification, of the highest-ranked kind that
// applies (a mentioned follower gets a mention, not an update as well).
func rank(k notify.Kind) int {
	switch k {
	case notify.KindTaskAssigned:
		return 5
	case notify.KindMention:
		return 4
	case notify.KindTaskUpdated:
		return 3
	case notify.KindReply:
		return 2
	case notify.KindFollowUpdate:
		return 1
	}
	return 0
}

// recipients maps user IDs to the kind of notification they will get.
type recipients map[string]notify.Kind

func (r recipients) add(user string, k notify.Kind) {
	if user != "" && rank(k) > rank(r[user]) {
		r[user] = k
	}
}

// afterPost does what follows a stored message: the author and the users
// mentioned by name follow the object, and everyone concerned is
// notified. Failures are reported, not returned: the message is posted.
func (s *Service) afterPost(ctx context.Context, thread Thread, m Message, mentionedUsers []string, extra map[string]notify.Kind) {
	followers, err := s.store.Followers(ctx, m.Object)
	s.report(ctx, err)

	rs := recipients{}
	for _, f := range followers {
		rs.add(f, notify.KindFollowUpdate)
	}
	for u, k := range extra {
		rs.add(u, k)
	}
	s.addMentions(ctx, rs, m.Mentions, nil)

	s.autoFollow(ctx, thread, m.Object, append([]string{m.Author}, mentionedUsers...))
	s.notifyAll(ctx, thread, m, rs)
}

// addMentions adds the users mentioned, and the members of the groups
// mentioned, with the mention kind; except is the set of principals
// already notified (for an edit), skipped.
func (s *Service) addMentions(ctx context.Context, rs recipients, mentions []Principal, except map[string]bool) {
	for _, p := range mentions {
		if except[p.ID] {
			continue
		}
		if p.Type == PrincipalUser {
			rs.add(p.ID, notify.KindMention)
			continue
		}
		members, err := s.dir.Members(ctx, p.ID)
		s.report(ctx, err)
		for _, u := range members {
			rs.add(u, notify.KindMention)
		}
	}
}

// autoFollow makes users follow ref, skipping those who may not see it.
func (s *Service) autoFollow(ctx context.Context, thread Thread, ref Ref, users []string) {
	for i, u := range users {
		if slices.Contains(users[:i], u) {
			continue
		}
		ok, err := s.canView(ctx, u, ref, &thread)
		if err != nil || !ok {
			s.report(ctx, err)
			continue
		}
		_, err = s.store.Follow(ctx, u, ref)
		s.report(ctx, err)
	}
}

// notifyAll sends each recipient, except the author, one notification
// about m, if they may see its object, as their preference says.
func (s *Service) notifyAll(ctx context.Context, thread Thread, m Message, rs recipients) {
	delete(rs, m.Author)
	if len(rs) == 0 {
		return
	}
	author := s.displayName(ctx, m.Author)
	where := s.place(ctx, thread)
	for _, user := range slices.Sorted(maps.Keys(rs)) {
		ok, err := s.canView(ctx, user, m.Object, &thread)
		if err != nil || !ok {
			s.report(ctx, err)
			continue
		}
		kind := rs[user]
		n := notify.Notification{
			ID:        s.newID(),
			Recipient: user,
			Kind:      kind,
			Subject:   author + " " + verb(kind) + " " + where,
			Body:      excerpt(m.Body, notificationExcerpt),
			Object:    notify.Object{Kind: string(m.Object.Kind), ID: m.Object.ID},
			Actor:     m.Author,
			CreatedAt: s.clock(),
			Data: map[string]string{
				"thread_id":    m.ThreadID,
				"message_id":   m.ID,
				"message_kind": string(m.Kind),
			},
		}
		if m.ParentID != "" {
			n.Data["parent_id"] = m.ParentID
		}
		if m.TaskID != "" {
			n.Data["task_id"] = m.TaskID
		}
		s.deliver(ctx, n, kind != notify.KindFollowUpdate)
	}
}

// deliver sends, queues or drops n as its recipient's preference says;
// direct is set when n names the recipient (a mention, a reply to them, a
// task of theirs).
func (s *Service) deliver(ctx context.Context, n notify.Notification, direct bool) {
	pref, err := s.store.Preference(ctx, n.Recipient)
	if err != nil {
		s.report(ctx, err)
		return
	}
	switch pref {
	case PreferenceNone:
		return
	case PreferenceMentions:
		if !direct {
			return
		}
	case PreferenceDigest:
		s.report(ctx, s.store.QueueDigest(ctx, n))
		return
	}
	s.report(ctx, s.notifier.Notify(ctx, n))
}

// displayName returns the name of user, or their ID when the directory
// does not know them (a system actor such as the dunning run).
func (s *Service) displayName(ctx context.Context, user string) string {
	p, err := s.dir.Principal(ctx, user)
	if err != nil || p.Name == "" {
		return user
	}
	return p.Name
}

func verb(k notify.Kind) string {
	switch k {
	case notify.KindMention:
		return "mentioned you"
	case notify.KindReply:
		return "replied to you"
	case notify.KindTaskAssigned:
		return "assigned you a task"
	case notify.KindTaskUpdated:
		return "updated a task"
	}
	return "posted"
}

// place says where a thread is, for a subject line: "on invoice
// F2026-000042", "in Finance team", "in a private conversation". Objects
// are named by the service's Namer, else by their kind and ID.
func (s *Service) place(ctx context.Context, t Thread) string {
	switch t.Object.Kind {
	case KindConversation:
		if t.Title != "" {
			return "in " + t.Title
		}
		return "in a private conversation"
	case KindGroup:
		if t.Title != "" {
			return "in " + t.Title
		}
		return "in a group"
	}
	if s.names != nil {
		name, err := s.names.Name(ctx, t.Object)
		s.report(ctx, err)
		if err == nil && name != "" {
			return "on " + name
		}
	}
	return "on " + strings.ReplaceAll(string(t.Object.Kind), "_", " ") + " " + t.Object.ID
}
