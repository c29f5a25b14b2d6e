package collab_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func attach(t *testing.T, e *env, actor string, in collab.AttachmentInput) collab.Attachment {
	t.Helper()
	if in.Name == "" {
		in.Name = "side-letter.pdf"
	}
	if in.MediaType == "" {
		in.MediaType = "application/pdf"
	}
	if in.Content == nil {
		in.Content = strings.NewReader("%PDF-1.7 negotiated terms")
	}
	a, err := e.svc.Attach(context.Background(), actor, inv, in)
	require.NoError(t, err)
	return a
}

func TestAttachRecordsMetadata(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := attach(t, e, claire, collab.AttachmentInput{})
	sum := sha256.Sum256([]byte("%PDF-1.7 negotiated terms"))
	assert.Equal(t, hex.EncodeToString(sum[:]), a.SHA256)
	assert.Equal(t, int64(25), a.Size)
	assert.False(t, a.Confidential())

	rc, got, err := e.svc.OpenAttachment(ctx, bob, a.ID)
	require.NoError(t, err)
	defer rc.Close()
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	assert.Equal(t, "%PDF-1.7 negotiated terms", string(b))
	assert.Equal(t, a, got)
}

// TestConfidentialAttachments checks that a confidential attachment is
// listed, described and read only by its uploader, the users and group
// members it is shared with, and whoever the policy explicitly grants,
// and by nobody else, administrators included.
func TestConfidentialAttachments(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	public := attach(t, e, claire, collab.AttachmentInput{Name: "invoice.pdf"})
	secret := attach(t, e, claire, collab.AttachmentInput{
		Name: "margin.xlsx", MediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		ShareWithUsers: []string{bob}, ShareWithGroups: []string{financeTeam},
	})
	require.True(t, secret.Confidential())

	tests := []struct {
		user    string
		allowed bool
	}{
		{claire, true}, // uploader
		{bob, true},    // named user
		{dana, true},   // member of finance-team
		{alice, false}, // sees the invoice, not named
		{admin, false}, // administrator and moderator: still not named
		{erin, false},
	}
	for _, tt := range tests {
		t.Run(tt.user, func(t *testing.T) {
			list, err := e.svc.Attachments(ctx, tt.user, inv)
			require.NoError(t, err)
			var names []string
			for _, a := range list {
				names = append(names, a.Name)
			}
			_, metaErr := e.svc.Attachment(ctx, tt.user, secret.ID)
			_, _, openErr := e.svc.OpenAttachment(ctx, tt.user, secret.ID)
			if tt.allowed {
				assert.Equal(t, []string{"invoice.pdf", "margin.xlsx"}, names)
				assert.NoError(t, metaErr)
				assert.NoError(t, openErr)
				return
			}
			assert.Equal(t, []string{"invoice.pdf"}, names, "not even listed")
			var ae *collab.AccessError
			require.ErrorAs(t, metaErr, &ae)
			assert.Equal(t, collab.ActionReadAttachment, ae.Action)
			assert.ErrorIs(t, openErr, collab.ErrForbidden)
		})
	}

	e.policy.grantConfidential(admin)
	_, err := e.svc.Attachment(ctx, admin, secret.ID)
	assert.NoError(t, err, "an explicit grant of the policy opens it")

	e.policy.deny(bob, inv)
	_, err = e.svc.Attachment(ctx, bob, secret.ID)
	assert.ErrorIs(t, err, collab.ErrForbidden, "being named is not enough without access to the object")
	_, err = e.svc.Attachment(ctx, bob, public.ID)
	assert.ErrorIs(t, err, collab.ErrForbidden)
}

func TestAttachValidation(t *testing.T) {
	e := newEnv(t, withOptions(collab.WithMaxAttachmentSize(10)))
	ctx := context.Background()
	mine := e.post(t, claire, inv, "see attached")
	theirs := e.post(t, alice, inv, "mine")
	tests := []struct {
		name        string
		in          collab.AttachmentInput
		field, code string
	}{
		{"no name", collab.AttachmentInput{MediaType: "text/plain", Content: strings.NewReader("x")}, "name", validation.CodeRequired},
		{"path in name", collab.AttachmentInput{Name: "../etc/passwd", MediaType: "text/plain", Content: strings.NewReader("x")}, "name", validation.CodeInvalid},
		{"bad media type", collab.AttachmentInput{Name: "a", MediaType: "pdf please", Content: strings.NewReader("x")}, "media_type", validation.CodeInvalid},
		{"NUL in a media type parameter", collab.AttachmentInput{Name: "a", MediaType: "text/plain; name=\"a\x00b\"", Content: strings.NewReader("x")}, "media_type", validation.CodeInvalid},
		{"invalid UTF-8 in a media type parameter", collab.AttachmentInput{Name: "a", MediaType: "text/plain; name=\"a\xffb\"", Content: strings.NewReader("x")}, "media_type", validation.CodeInvalid},
		{"a megabyte media type", collab.AttachmentInput{Name: "a", MediaType: "text/plain; x=\"" + strings.Repeat("a", 1<<20) + "\"", Content: strings.NewReader("x")}, "media_type", validation.CodeOutOfRange},
		{"NUL in the name", collab.AttachmentInput{Name: "a\x00.pdf", MediaType: "application/pdf", Content: strings.NewReader("x")}, "name", validation.CodeInvalid},
		{"no content", collab.AttachmentInput{Name: "a", MediaType: "text/plain"}, "content", validation.CodeRequired},
		{"too large", collab.AttachmentInput{Name: "a", MediaType: "text/plain", Content: strings.NewReader("12345678901")}, "content", validation.CodeOutOfRange},
		{"unknown user", collab.AttachmentInput{Name: "a", MediaType: "text/plain", Content: strings.NewReader("x"), ShareWithUsers: []string{"u-ghost"}}, "share_with_users[0]", validation.CodeUnknown},
		{"private group of others", collab.AttachmentInput{Name: "a", MediaType: "text/plain", Content: strings.NewReader("x"), ShareWithGroups: []string{board}}, "share_with_groups[0]", validation.CodeUnknown},
		{"duplicate user", collab.AttachmentInput{Name: "a", MediaType: "text/plain", Content: strings.NewReader("x"), ShareWithUsers: []string{bob, bob}}, "share_with_users[1]", validation.CodeDuplicate},
		{"someone else's message", collab.AttachmentInput{Name: "a", MediaType: "text/plain", Content: strings.NewReader("x"), MessageID: theirs.ID}, "message_id", validation.CodeForbidden},
		{"unknown message", collab.AttachmentInput{Name: "a", MediaType: "text/plain", Content: strings.NewReader("x"), MessageID: "nope"}, "message_id", validation.CodeUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.Attach(ctx, claire, inv, tt.in)
			var ve *validation.Error
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has(tt.field, tt.code), "%v", ve)
		})
	}
	list, err := e.svc.Attachments(ctx, claire, inv)
	require.NoError(t, err)
	assert.Empty(t, list, "nothing half-stored")

	a, err := e.svc.Attach(ctx, claire, inv, collab.AttachmentInput{
		Name: "ok.txt", MediaType: "text/plain; charset=utf-8", Content: strings.NewReader("1234567890"), MessageID: mine.ID,
	})
	require.NoError(t, err, "exactly the maximum size is accepted")
	assert.Equal(t, mine.ID, a.MessageID)
}

func TestAttachmentChecksumVerified(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := attach(t, e, claire, collab.AttachmentInput{})
	require.NoError(t, e.content.Put(ctx, a.ID, bytes.NewReader([]byte("%PDF-1.7 tampered terms!"))))
	rc, _, err := e.svc.OpenAttachment(ctx, claire, a.ID)
	require.NoError(t, err)
	defer rc.Close()
	_, err = io.ReadAll(rc)
	assert.ErrorIs(t, err, collab.ErrCorrupt)
}

func TestAttachWithoutContentStore(t *testing.T) {
	e := newEnv(t)
	svc, err := collab.NewService(e.store, e.dir, e.policy)
	require.NoError(t, err)
	_, err = svc.Attach(context.Background(), claire, inv, collab.AttachmentInput{
		Name: "a.pdf", MediaType: "application/pdf", Content: strings.NewReader("x"),
	})
	assert.ErrorIs(t, err, collab.ErrNoContent)
}
