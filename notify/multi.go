package notify

import (
	"context"
	"errors"
	"fmt"
)

// Multi is a Notifier that delivers each notification to every notifier it
// holds, in order. A failure of one does not stop the others: Notify
// returns the failures joined with errors.Join, each prefixed by its index,
// or nil when all succeeded. Nil entries are skipped.
//
//	n := notify.Multi{notify.NewLog(logger), hook}
type Multi []Notifier

// Notify delivers n to every notifier of m.
func (m Multi) Notify(ctx context.Context, n Notification) error {
	var errs []error
	for i, target := range m {
		if target == nil {
			continue
		}
		if err := target.Notify(ctx, n.Clone()); err != nil {
			errs = append(errs, fmt.Errorf("notifier %d: %w", i, err))
		}
	}
	return errors.Join(errs...)
}
