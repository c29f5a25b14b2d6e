// Package collab lets people talk about billing objects where the objects
// are: a thread on every quote, contract, invoice, credit note, payment,
// customer and dashboard (and on any kind of object the host adds), where
// sales and finance settle a question on the invoice itself instead of in
// e-mail.
//
// A [Service] offers:
//
//   - threads, created on the first post, with messages in light markup
//     (*bold*, _italic_, links), one level of replies, edits that keep
//     every previous body, soft deletion that keeps the text for audit,
//     and reactions;
//   - @mentions of users (@alice, @"Alice Martin") and groups
//     (@finance-team), resolved through the host's [Directory];
//   - follows and notifications through a notify.Notifier, honouring each
//     user's [Preference];
//   - private conversations between named users, and group conversations;
//   - polls, questions with a best answer, and tasks with a due date and a
//     checked life cycle, which other packages (dunning, approvals) create;
//   - attachments, confidential ones included, whose bytes the host keeps
//     through the [Content] port;
//   - an activity feed per object, which merges messages with the object's
//     history from a [HistorySource], and a feed per user of the objects
//     they follow, both paginated by opaque cursors.
//
// # Who may see what
//
// A user sees a thread only if the host's [AccessPolicy] lets them see its
// object; every method checks, and a refusal is an [*AccessError] wrapping
// [ErrForbidden]. A confidential attachment is seen only by its uploader
// and those it is shared with, unless the policy grants more explicitly.
// Private conversations are seen by their participants, private groups by
// their members, whatever the policy says.
//
// # Who is notified
//
// When a message is posted, its author and the users it mentions by name
// follow the object. Then each of the following gets one notification,
// never the author, and only if they may see the object:
//
//   - users mentioned, and members of groups mentioned: notify.KindMention;
//   - for a reply, the authors of the post and of the message answered:
//     notify.KindReply;
//   - for a task, its assignee: notify.KindTaskAssigned;
//   - every other follower: notify.KindFollowUpdate.
//
// Someone who is both mentioned and a follower gets the mention only. Each
// recipient's [Preference] then decides: deliver now, deliver only what
// names them, queue for [Service.Digest], or drop.
//
// # Ports
//
// collab stores through [Store] (github.com/billkit/billkit/store/memory
// implements it), finds people through [Directory] ([MemoryDirectory] is a
// simple one), and asks [AccessPolicy] about the host's objects; a
// [HistorySource] and a [Content] store are optional. A store that several
// application instances share may implement [MessageFeed], through which
// [Service.Listen] relays the messages posted through the other instances.
//
//	svc, err := collab.NewService(memory.NewCollabStore(), dir, policy,
//		collab.WithNotifier(notifier))
//	if err != nil {
//		return err
//	}
//	invoice := collab.Ref{Kind: collab.KindInvoice, ID: "INV-2026-0042"}
//	msg, err := svc.Post(ctx, "u-claire", invoice,
//		`@bob is the 12 % discount on line 3 what ACME signed for?`)
package collab
