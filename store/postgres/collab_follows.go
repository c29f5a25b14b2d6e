package postgres

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
)

// Follow implements collab.FollowStore. A follow is a row keyed by the
// object and the user: of two concurrent calls, the second waits for the
// first to commit and adds nothing, so exactly one reports a new follow.
func (c *CollabStore) Follow(ctx context.Context, userID string, ref collab.Ref) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	var f faults
	f.text("user_id", userID)
	f.ref("object", ref)
	if err := f.err(); err != nil {
		return false, err
	}
	tag, err := c.s.pool.Exec(ctx, c.q.follow, string(ref.Kind), ref.ID, userID)
	if err != nil {
		return false, dbErr(ctx, "follow", err)
	}
	return tag.RowsAffected() == 1, nil
}

// Unfollow implements collab.FollowStore.
func (c *CollabStore) Unfollow(ctx context.Context, userID string, ref collab.Ref) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if !storable(userID) || !storableRef(ref) {
		return false, nil // nobody follows what cannot be stored
	}
	tag, err := c.s.pool.Exec(ctx, c.q.unfollow, string(ref.Kind), ref.ID, userID)
	if err != nil {
		return false, dbErr(ctx, "unfollow", err)
	}
	return tag.RowsAffected() == 1, nil
}

// Followers implements collab.FollowStore.
func (c *CollabStore) Followers(ctx context.Context, ref collab.Ref) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !storableRef(ref) {
		return nil, nil
	}
	rows, err := c.s.pool.Query(ctx, c.q.followers, string(ref.Kind), ref.ID)
	if err != nil {
		return nil, dbErr(ctx, "followers", err)
	}
	users, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, dbErr(ctx, "followers", err)
	}
	return users, nil
}

// Followed implements collab.FollowStore.
func (c *CollabStore) Followed(ctx context.Context, userID string) ([]collab.Ref, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !storable(userID) {
		return nil, nil
	}
	rows, err := c.s.pool.Query(ctx, c.q.followed, userID)
	if err != nil {
		return nil, dbErr(ctx, "followed", err)
	}
	refs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (collab.Ref, error) {
		var kind, id string
		err := row.Scan(&kind, &id)
		return collab.Ref{Kind: collab.Kind(kind), ID: id}, err
	})
	if err != nil {
		return nil, dbErr(ctx, "followed", err)
	}
	return refs, nil
}

// Preference implements collab.NotificationStore.
func (c *CollabStore) Preference(ctx context.Context, userID string) (collab.Preference, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if !storable(userID) {
		return "", nil
	}
	var p string
	err := c.s.pool.QueryRow(ctx, c.q.preference, userID).Scan(&p)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", dbErr(ctx, "read preference", err)
	}
	return collab.Preference(p), nil
}

// SetPreference implements collab.NotificationStore.
func (c *CollabStore) SetPreference(ctx context.Context, userID string, p collab.Preference) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var f faults
	f.text("user_id", userID)
	f.text("preference", string(p))
	if err := f.err(); err != nil {
		return err
	}
	if _, err := c.s.pool.Exec(ctx, c.q.setPreference, userID, string(p)); err != nil {
		return dbErr(ctx, "set preference", err)
	}
	return nil
}

// QueueDigest implements collab.NotificationStore.
func (c *CollabStore) QueueDigest(ctx context.Context, n notify.Notification) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var f faults
	f.text("notification.id", n.ID)
	f.text("notification.recipient", n.Recipient)
	f.text("notification.kind", string(n.Kind))
	f.text("notification.subject", n.Subject)
	f.text("notification.body", n.Body)
	f.text("notification.object.kind", n.Object.Kind)
	f.text("notification.object.id", n.Object.ID)
	f.text("notification.actor", n.Actor)
	f.time("notification.created_at", n.CreatedAt)
	for _, k := range slices.Sorted(maps.Keys(n.Data)) {
		f.text("notification.data", k)
		f.text("notification.data."+strconv.Quote(k), n.Data[k])
	}
	if err := f.err(); err != nil {
		return err
	}
	var data any
	if len(n.Data) > 0 {
		b, err := encodeJSON(n.Data)
		if err != nil {
			return err
		}
		data = string(b)
	}
	at, ns := splitTime(n.CreatedAt)
	_, err := c.s.pool.Exec(ctx, c.q.queueDigest, n.Recipient, n.ID, string(n.Kind), n.Subject, n.Body,
		n.Object.Kind, n.Object.ID, n.Actor, at, ns, data)
	if err != nil {
		return dbErr(ctx, "queue digest", err)
	}
	return nil
}

// TakeDigest implements collab.NotificationStore: one DELETE ...
// RETURNING takes the notifications, so that of two concurrent calls the
// second waits for the rows the first deletes, then skips them.
func (c *CollabStore) TakeDigest(ctx context.Context, userID string, until time.Time) ([]notify.Notification, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !storable(userID) {
		return nil, nil
	}
	at, ns := splitTime(until)
	rows, err := c.s.pool.Query(ctx, c.q.takeDigest, userID, at, ns)
	if err != nil {
		return nil, dbErr(ctx, "take digest", err)
	}
	taken, err := pgx.CollectRows(rows, scanNotification)
	if err != nil {
		return nil, dbErr(ctx, "take digest", err)
	}
	return taken, nil
}

// scanNotification reads a notification queued for a digest.
func scanNotification(row pgx.CollectableRow) (notify.Notification, error) {
	var (
		n    notify.Notification
		kind string
		at   time.Time
		ns   int16
	)
	err := row.Scan(&n.ID, &n.Recipient, &kind, &n.Subject, &n.Body, &n.Object.Kind, &n.Object.ID, &n.Actor,
		&at, &ns, &n.Data)
	n.Kind, n.CreatedAt = notify.Kind(kind), joinTime(at, ns)
	return n, err
}
