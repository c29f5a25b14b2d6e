package collab

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/validation"
)

// Digest delivers, as one notify.KindDigest notification, the
// notifications queued for user (whose preference is PreferenceDigest)
// up to now, and returns them, oldest first. It returns nothing and
// notifies nobody when none is queued. A host calls it from its scheduler,
// say every morning at 8 in each user's time zone.
//
// If the notifier fails, the notifications are queued again and the error
// is returned, so that the next call delivers them.
func (s *Service) Digest(ctx context.Context, user string, now time.Time) ([]notify.Notification, error) {
	var errs validation.Errors
	checkID(&errs, "user", user)
	if now.IsZero() {
		errs.Add("now", validation.CodeRequired, "is required")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	items, err := s.store.TakeDigest(ctx, user, now.UTC())
	if err != nil || len(items) == 0 {
		return nil, err
	}
	var body strings.Builder
	for _, n := range items {
		body.WriteString("- ")
		body.WriteString(n.Subject)
		if n.Body != "" {
			body.WriteString(": ")
			body.WriteString(excerpt(strings.Join(strings.Fields(n.Body), " "), 120))
		}
		body.WriteByte('\n')
	}
	subject := "1 update"
	if len(items) > 1 {
		subject = strconv.Itoa(len(items)) + " updates"
	}
	digest := notify.Notification{
		ID:        s.newID(),
		Recipient: user,
		Kind:      notify.KindDigest,
		Subject:   subject,
		Body:      body.String(),
		CreatedAt: s.clock(),
		Data:      map[string]string{"count": strconv.Itoa(len(items))},
	}
	if err := s.notifier.Notify(ctx, digest); err != nil {
		for _, n := range items {
			s.report(ctx, s.store.QueueDigest(ctx, n))
		}
		return nil, err
	}
	return items, nil
}
