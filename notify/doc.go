// Package notify delivers notifications to people: someone mentioned you,
// replied to your post, assigned you a task, asked for your approval.
//
// A [Notification] is a small, channel-neutral value: who it is for, what
// kind of event it reports, a subject and a plain-text body, and a reference
// to the business object it concerns. Packages that produce notifications
// (collab, the billing engine) depend only on the one-method [Notifier]
// interface; the host chooses where they go.
//
// The package ships four notifiers:
//
//   - [Log] writes each notification through a *slog.Logger;
//   - [Recorder] keeps them in memory, for tests and examples;
//   - [Multi] fans a notification out to several notifiers;
//   - [Webhook] POSTs it as JSON to an HTTP endpoint, signed with
//     HMAC-SHA256 and retried with exponential backoff
//     (see [VerifyRequest] for the receiving side).
//
// Anything else (e-mail, chat, mobile push) is a [NotifierFunc] away:
//
//	rec := &notify.Recorder{}
//	hook, err := notify.NewWebhook("https://hooks.example.com/billkit",
//		notify.WithSecret(secret))
//	if err != nil {
//		return err
//	}
//	n := notify.Multi{rec, hook}
//	err = n.Notify(ctx, notify.Notification{
//		Recipient: "u-42",
//		Kind:      notify.KindMention,
//		Subject:   "Claire mentioned you on invoice INV-2026-0042",
//	})
//
// The package imports only the standard library and github.com/google/uuid.
package notify
