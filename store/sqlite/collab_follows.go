package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
)

// Follow implements collab.FollowStore.
func (c *CollabStore) Follow(ctx context.Context, userID string, ref collab.Ref) (bool, error) {
	var added bool
	err := c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		n, err := exec(ctx, tx, "follow", `INSERT INTO collab_follows (object_kind, object_id, user_id) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`, string(ref.Kind), ref.ID, userID)
		added = n == 1
		return err
	})
	return added, err
}

// Unfollow implements collab.FollowStore.
func (c *CollabStore) Unfollow(ctx context.Context, userID string, ref collab.Ref) (bool, error) {
	var removed bool
	err := c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		n, err := exec(ctx, tx, "unfollow", `DELETE FROM collab_follows WHERE object_kind = ? AND object_id = ? AND user_id = ?`,
			string(ref.Kind), ref.ID, userID)
		removed = n == 1
		return err
	})
	return removed, err
}

// Followers implements collab.FollowStore.
func (c *CollabStore) Followers(ctx context.Context, ref collab.Ref) ([]string, error) {
	var users []string
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT user_id FROM collab_follows WHERE object_kind = ? AND object_id = ?
			ORDER BY user_id`, string(ref.Kind), ref.ID)
		if err != nil {
			return dbError(ctx, "followers", err)
		}
		defer rows.Close()
		for rows.Next() {
			var u string
			if err := rows.Scan(&u); err != nil {
				return dbError(ctx, "followers", err)
			}
			users = append(users, u)
		}
		return dbError0(ctx, "followers", rows.Err())
	})
	return users, err
}

// Followed implements collab.FollowStore.
func (c *CollabStore) Followed(ctx context.Context, userID string) ([]collab.Ref, error) {
	var refs []collab.Ref
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT object_kind, object_id FROM collab_follows WHERE user_id = ?
			ORDER BY object_kind, object_id`, userID)
		if err != nil {
			return dbError(ctx, "followed", err)
		}
		defer rows.Close()
		for rows.Next() {
			var r collab.Ref
			if err := rows.Scan(&r.Kind, &r.ID); err != nil {
				return dbError(ctx, "followed", err)
			}
			refs = append(refs, r)
		}
		return dbError0(ctx, "followed", rows.Err())
	})
	return refs, err
}

// Preference implements collab.NotificationStore.
func (c *CollabStore) Preference(ctx context.Context, userID string) (collab.Preference, error) {
	var p collab.Preference
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT preference FROM collab_preferences WHERE user_id = ?`, userID).Scan(&p)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return dbError0(ctx, "preference", err)
	})
	return p, err
}

// SetPreference implements collab.NotificationStore.
func (c *CollabStore) SetPreference(ctx context.Context, userID string, p collab.Preference) error {
	return c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		_, err := exec(ctx, tx, "set preference", `INSERT INTO collab_preferences (user_id, preference) VALUES (?, ?)
			ON CONFLICT DO UPDATE SET preference = excluded.preference`, userID, string(p))
		return err
	})
}

// QueueDigest implements collab.NotificationStore.
func (c *CollabStore) QueueDigest(ctx context.Context, n notify.Notification) error {
	value, err := encode("notification", n.ID, n)
	if err != nil {
		return err
	}
	return c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		sec, nsec := instant(n.CreatedAt)
		_, err := exec(ctx, tx, "queue digest", `INSERT INTO collab_digests (recipient, at_sec, at_nsec, id, value)
			VALUES (?, ?, ?, ?, ?)`, n.Recipient, sec, nsec, n.ID, value)
		return err
	})
}

// TakeDigest implements collab.NotificationStore: it reads and deletes
// the notifications in one write transaction, so none is taken twice.
func (c *CollabStore) TakeDigest(ctx context.Context, userID string, until time.Time) ([]notify.Notification, error) {
	var taken []notify.Notification
	err := c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		const due = `recipient = ? AND (at_sec, at_nsec) <= (?, ?)`
		sec, nsec := instant(until)
		var err error
		taken, err = listJSON[notify.Notification](ctx, tx, "digest", nil,
			`SELECT value FROM collab_digests WHERE `+due+` ORDER BY at_sec, at_nsec, id, n`, userID, sec, nsec)
		if err != nil {
			return err
		}
		_, err = exec(ctx, tx, "take digest", `DELETE FROM collab_digests WHERE `+due, userID, sec, nsec)
		return err
	})
	return taken, err
}

// dbError0 is dbError for an error that may be nil.
func dbError0(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	return dbError(ctx, op, err)
}
