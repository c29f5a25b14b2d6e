package memory

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sync"

	"github.com/billkit/billkit/collab"
)

// InsertAttachment implements collab.AttachmentStore.
func (s *CollabStore) InsertAttachment(ctx context.Context, a collab.Attachment) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.ID == "" {
		return errors.New("memory: attachment without ID")
	}
	if _, exists := s.attachments[a.ID]; exists {
		return &collab.ConflictError{Entity: "attachment", ID: a.ID}
	}
	s.attachments[a.ID] = a.Clone()
	s.attByObject[a.Object] = append(s.attByObject[a.Object], a.ID)
	return nil
}

// Attachment implements collab.AttachmentStore.
func (s *CollabStore) Attachment(ctx context.Context, id string) (collab.Attachment, error) {
	if err := ctx.Err(); err != nil {
		return collab.Attachment{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	a, ok := s.attachments[id]
	if !ok {
		return collab.Attachment{}, &collab.NotFoundError{Entity: "attachment", ID: id}
	}
	return a.Clone(), nil
}

// ListAttachments implements collab.AttachmentStore.
func (s *CollabStore) ListAttachments(ctx context.Context, ref collab.Ref) ([]collab.Attachment, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	ids := s.attByObject[ref]
	out := make([]collab.Attachment, 0, len(ids))
	for _, id := range ids {
		out = append(out, s.attachments[id].Clone())
	}
	return out, nil
}

// CollabContent implements collab.Content in memory, for tests, examples
// and small files. It is safe for concurrent use.
type CollabContent struct {
	mu    sync.RWMutex
	blobs map[string][]byte
}

var _ collab.Content = (*CollabContent)(nil)

// NewCollabContent returns an empty CollabContent.
func NewCollabContent() *CollabContent {
	return &CollabContent{blobs: map[string][]byte{}}
}

// Put implements collab.Content: it reads r to its end and stores the
// bytes, or nothing if r fails.
func (c *CollabContent) Put(ctx context.Context, key string, r io.Reader) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.blobs[key] = b
	return nil
}

// Open implements collab.Content.
func (c *CollabContent) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	b, ok := c.blobs[key]
	if !ok {
		return nil, &collab.NotFoundError{Entity: "content", ID: key}
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

// Delete implements collab.Content.
func (c *CollabContent) Delete(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.blobs, key)
	return nil
}
