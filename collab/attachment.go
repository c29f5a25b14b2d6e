package collab

import (
	"context"
	"io"
	"slices"
	"time"
)

// Attachment is the metadata of a file attached to an object's thread.
// The bytes are kept by the host's Content store, under the attachment's
// ID.
//
// An attachment shared with named users or groups is confidential: only
// its uploader, those users and the members of those groups can list it,
// see its metadata or read it. Nobody else can, administrators included,
// unless the AccessPolicy grants it explicitly through
// CanReadConfidential.
type Attachment struct {
	// ID identifies the attachment and its content.
	ID string `json:"id"`
	// Object is the object the attachment belongs to.
	Object Ref `json:"object"`
	// MessageID is the message it was attached to, if any.
	MessageID string `json:"message_id,omitempty"`
	// Name is the file name shown to users.
	Name string `json:"name"`
	// MediaType is the IANA media type, such as "application/pdf".
	MediaType string `json:"media_type"`
	// Size is the length of the content in bytes.
	Size int64 `json:"size"`
	// SHA256 is the lower-case hexadecimal SHA-256 of the content (FIPS
	// 180-4), checked on every read.
	SHA256 string `json:"sha256"`
	// UploadedBy is the user who attached it.
	UploadedBy string `json:"uploaded_by"`
	// UploadedAt is when, in UTC.
	UploadedAt time.Time `json:"uploaded_at"`
	// SharedWithUsers are the user IDs a confidential attachment is
	// shared with, sorted.
	SharedWithUsers []string `json:"shared_with_users,omitempty"`
	// SharedWithGroups are the group IDs a confidential attachment is
	// shared with, sorted.
	SharedWithGroups []string `json:"shared_with_groups,omitempty"`
}

// Confidential reports whether a is shared with named users or groups
// only.
func (a Attachment) Confidential() bool {
	return len(a.SharedWithUsers) > 0 || len(a.SharedWithGroups) > 0
}

// Clone returns a copy of a sharing no slice with it.
func (a Attachment) Clone() Attachment {
	a.SharedWithUsers = slices.Clone(a.SharedWithUsers)
	a.SharedWithGroups = slices.Clone(a.SharedWithGroups)
	return a
}

// AttachmentInput describes a file to attach.
type AttachmentInput struct {
	// Name is the file name shown to users; required, one line, at most
	// 255 bytes, without path separators.
	Name string `json:"name"`
	// MediaType is the IANA media type, such as "application/pdf";
	// required, at most MaxMediaTypeLength characters of text.
	MediaType string `json:"media_type"`
	// Content is read to its end and stored; required.
	Content io.Reader `json:"-"`
	// MessageID optionally names the actor's own message, in the same
	// thread, that the file belongs to.
	MessageID string `json:"message_id,omitempty"`
	// ShareWithUsers makes the attachment confidential, shared with these
	// users (and the uploader) only.
	ShareWithUsers []string `json:"share_with_users,omitempty"`
	// ShareWithGroups makes the attachment confidential, shared with the
	// members of these groups (and the uploader) only.
	ShareWithGroups []string `json:"share_with_groups,omitempty"`
}

// Content is the port to the host's store of attachment bytes: a
// directory, an object store bucket, a database table. Keys are attachment
// IDs. Implementations must be safe for concurrent use.
type Content interface {
	// Put stores everything r yields under key. If r fails, Put fails and
	// must not leave a partial object behind.
	Put(ctx context.Context, key string, r io.Reader) error
	// Open returns the content stored under key, or an error wrapping
	// ErrNotFound.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	// Delete removes the content under key; deleting a missing key is not
	// an error.
	Delete(ctx context.Context, key string) error
}
