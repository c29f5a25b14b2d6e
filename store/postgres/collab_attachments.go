package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/collab"
)

// InsertAttachment implements collab.AttachmentStore.
func (c *CollabStore) InsertAttachment(ctx context.Context, a collab.Attachment) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var f faults
	f.id("attachment.id", a.ID)
	f.ref("attachment.object", a.Object)
	f.text("attachment.message_id", a.MessageID)
	f.text("attachment.name", a.Name)
	f.text("attachment.media_type", a.MediaType)
	f.text("attachment.sha256", a.SHA256)
	f.text("attachment.uploaded_by", a.UploadedBy)
	f.time("attachment.uploaded_at", a.UploadedAt)
	f.texts("attachment.shared_with_users", a.SharedWithUsers)
	f.texts("attachment.shared_with_groups", a.SharedWithGroups)
	if err := f.err(); err != nil {
		return err
	}
	at, ns := splitTime(a.UploadedAt)
	tag, err := c.s.pool.Exec(ctx, c.q.insertAttachment, a.ID, string(a.Object.Kind), a.Object.ID, optText(a.MessageID),
		a.Name, a.MediaType, a.Size, a.SHA256, a.UploadedBy, at, ns, optTexts(a.SharedWithUsers), optTexts(a.SharedWithGroups))
	if err != nil {
		return dbErr(ctx, "insert attachment", err)
	}
	if tag.RowsAffected() == 0 {
		return &collab.ConflictError{Entity: "attachment", ID: a.ID}
	}
	return nil
}

// Attachment implements collab.AttachmentStore.
func (c *CollabStore) Attachment(ctx context.Context, id string) (collab.Attachment, error) {
	if err := ctx.Err(); err != nil {
		return collab.Attachment{}, err
	}
	if !storable(id) {
		return collab.Attachment{}, &collab.NotFoundError{Entity: "attachment", ID: id}
	}
	rows, err := c.s.pool.Query(ctx, c.q.attachment, id)
	if err != nil {
		return collab.Attachment{}, dbErr(ctx, "read attachment", err)
	}
	a, err := pgx.CollectExactlyOneRow(rows, scanAttachment)
	if errors.Is(err, pgx.ErrNoRows) {
		return collab.Attachment{}, &collab.NotFoundError{Entity: "attachment", ID: id}
	}
	if err != nil {
		return collab.Attachment{}, dbErr(ctx, "read attachment", err)
	}
	return a, nil
}

// ListAttachments implements collab.AttachmentStore: the attachments of
// ref by upload time, then ID.
func (c *CollabStore) ListAttachments(ctx context.Context, ref collab.Ref) ([]collab.Attachment, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !storableRef(ref) {
		return []collab.Attachment{}, nil
	}
	rows, err := c.s.pool.Query(ctx, c.q.attachments, string(ref.Kind), ref.ID)
	if err != nil {
		return nil, dbErr(ctx, "list attachments", err)
	}
	list, err := pgx.CollectRows(rows, scanAttachment)
	if err != nil {
		return nil, dbErr(ctx, "list attachments", err)
	}
	if list == nil {
		list = []collab.Attachment{}
	}
	return list, nil
}

// scanAttachment reads an attachment from the columns of
// attachmentColumns.
func scanAttachment(row pgx.CollectableRow) (collab.Attachment, error) {
	var (
		a    collab.Attachment
		kind string
		at   time.Time
		ns   int16
	)
	err := row.Scan(&a.ID, &kind, &a.Object.ID, &a.MessageID, &a.Name, &a.MediaType, &a.Size, &a.SHA256,
		&a.UploadedBy, &at, &ns, &a.SharedWithUsers, &a.SharedWithGroups)
	a.Object.Kind, a.UploadedAt = collab.Kind(kind), joinTime(at, ns)
	if len(a.SharedWithUsers) == 0 {
		a.SharedWithUsers = nil
	}
	if len(a.SharedWithGroups) == 0 {
		a.SharedWithGroups = nil
	}
	return a, err
}
