package collab

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"mime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/billkit/billkit/validation"
)

// MaxAttachmentNameLength is the longest attachment file name, in bytes.
const MaxAttachmentNameLength = 255

// MaxMediaTypeLength is the longest media type of an attachment, in
// characters, parameters included: RFC 6838 allows 127 characters for the
// type and as many for the subtype.
const MaxMediaTypeLength = 255

// Attach stores a file in the thread of ref. Its content is streamed to
// the Content store while its size and SHA-256 are computed; a file larger
// than the configured maximum is refused and nothing is kept.
func (s *Service) Attach(ctx context.Context, actor string, ref Ref, in AttachmentInput) (Attachment, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	errs.MergeAt("object", ref.Validate())
	checkFileName(&errs, in.Name)
	switch {
	case in.MediaType == "":
		errs.Add("media_type", validation.CodeRequired, "is required")
	case !errs.Text("media_type", in.MediaType, MaxMediaTypeLength):
		// mime.ParseMediaType takes NUL bytes and invalid UTF-8 in
		// parameter values, and any length.
	default:
		if _, _, err := mime.ParseMediaType(in.MediaType); err != nil {
			errs.Add("media_type", validation.CodeInvalid, "must be a media type such as application/pdf")
		}
	}
	if in.Content == nil {
		errs.Add("content", validation.CodeRequired, "is required")
	}
	if err := errs.Err(); err != nil {
		return Attachment{}, err
	}
	if s.content == nil {
		return Attachment{}, ErrNoContent
	}
	if err := s.authorize(ctx, actor, ref, nil); err != nil {
		return Attachment{}, err
	}
	if err := s.checkAttachmentRefs(ctx, &errs, actor, ref, in); err != nil {
		return Attachment{}, err
	}
	if err := errs.Err(); err != nil {
		return Attachment{}, err
	}

	a := Attachment{
		ID: s.newID(), Object: ref, MessageID: in.MessageID, Name: in.Name, MediaType: in.MediaType,
		UploadedBy: actor, UploadedAt: s.clock(),
		SharedWithUsers: sortedUnique(in.ShareWithUsers), SharedWithGroups: sortedUnique(in.ShareWithGroups),
	}
	if len(a.SharedWithUsers) == 0 {
		a.SharedWithUsers = nil
	}
	if len(a.SharedWithGroups) == 0 {
		a.SharedWithGroups = nil
	}
	body := &measuredReader{r: in.Content, hash: sha256.New(), limit: s.maxSize}
	if err := s.content.Put(ctx, a.ID, body); err != nil || body.tooLarge {
		s.report(ctx, s.content.Delete(ctx, a.ID))
		if body.tooLarge {
			return Attachment{}, validation.New("content", validation.CodeOutOfRange,
				"must be at most "+strconv.FormatInt(s.maxSize, 10)+" bytes")
		}
		return Attachment{}, err
	}
	a.Size, a.SHA256 = body.n, hex.EncodeToString(body.hash.Sum(nil))
	if err := s.store.InsertAttachment(ctx, a); err != nil {
		s.report(ctx, s.content.Delete(ctx, a.ID))
		return Attachment{}, err
	}
	return a, nil
}

func checkFileName(errs *validation.Errors, name string) {
	switch {
	case strings.TrimSpace(name) == "":
		errs.Add("name", validation.CodeRequired, "is required")
	case len(name) > MaxAttachmentNameLength:
		errs.Add("name", validation.CodeOutOfRange, "must have at most 255 bytes")
	case !utf8.ValidString(name) || hasControl(name) || strings.ContainsAny(name, `/\`) || name == "." || name == "..":
		errs.Add("name", validation.CodeInvalid, "must be a file name without path separators or control characters")
	}
}

// checkAttachmentRefs checks the message and the people an attachment
// refers to. A private group the actor is not a member of is reported as
// unknown, as it is to them.
func (s *Service) checkAttachmentRefs(ctx context.Context, errs *validation.Errors, actor string, ref Ref, in AttachmentInput) error {
	if in.MessageID != "" {
		m, err := s.store.Message(ctx, in.MessageID)
		switch {
		case isNotFound(err) || (err == nil && m.Object != ref):
			errs.Add("message_id", validation.CodeUnknown, "is not a message of this thread")
		case err != nil:
			return err
		case m.Author != actor || m.Deleted:
			errs.Add("message_id", validation.CodeForbidden, "must be one of your own messages")
		}
	}
	for i, u := range in.ShareWithUsers {
		field := "share_with_users[" + strconv.Itoa(i) + "]"
		checkID(errs, field, u)
		if slices.Contains(in.ShareWithUsers[:i], u) {
			errs.Add(field, validation.CodeDuplicate, "is listed twice")
		}
	}
	for i, g := range in.ShareWithGroups {
		field := "share_with_groups[" + strconv.Itoa(i) + "]"
		checkID(errs, field, g)
		if slices.Contains(in.ShareWithGroups[:i], g) {
			errs.Add(field, validation.CodeDuplicate, "is listed twice")
		}
	}
	if errs.Len() > 0 {
		return nil
	}
	if err := s.checkUsers(ctx, errs, "share_with_users", in.ShareWithUsers); err != nil {
		return err
	}
	for i, g := range in.ShareWithGroups {
		p, err := s.dir.Principal(ctx, g)
		if err != nil && !isNotFound(err) {
			return err
		}
		known := err == nil && p.Type == PrincipalGroup
		if known && p.Private {
			if known, err = s.isMember(ctx, actor, g); err != nil {
				return err
			}
		}
		if !known {
			errs.Add("share_with_groups["+strconv.Itoa(i)+"]", validation.CodeUnknown, "is not a known group")
		}
	}
	return nil
}

// Attachments returns the attachments of ref that actor may read, oldest
// first. Confidential attachments not shared with actor are left out, as
// if they did not exist.
func (s *Service) Attachments(ctx context.Context, actor string, ref Ref) ([]Attachment, error) {
	if err := checkActorRef(actor, ref); err != nil {
		return nil, err
	}
	if err := s.authorize(ctx, actor, ref, nil); err != nil {
		return nil, err
	}
	all, err := s.store.ListAttachments(ctx, ref)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, a := range all {
		ok, err := s.canRead(ctx, actor, a)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// Attachment returns the metadata of attachment id, if actor may read it.
func (s *Service) Attachment(ctx context.Context, actor, id string) (Attachment, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	checkID(&errs, "attachment_id", id)
	if err := errs.Err(); err != nil {
		return Attachment{}, err
	}
	a, err := s.store.Attachment(ctx, id)
	if err != nil {
		return Attachment{}, err
	}
	if err := s.authorize(ctx, actor, a.Object, nil); err != nil {
		return Attachment{}, err
	}
	ok, err := s.canRead(ctx, actor, a)
	if err != nil {
		return Attachment{}, err
	}
	if !ok {
		return Attachment{}, &AccessError{User: actor, Object: a.Object, Action: ActionReadAttachment}
	}
	return a, nil
}

// OpenAttachment returns the content of attachment id, if actor may read
// it, with its metadata. The reader checks the size and SHA-256 recorded
// at upload and fails with ErrCorrupt at the end if they do not match.
// The caller must close it.
func (s *Service) OpenAttachment(ctx context.Context, actor, id string) (io.ReadCloser, Attachment, error) {
	a, err := s.Attachment(ctx, actor, id)
	if err != nil {
		return nil, Attachment{}, err
	}
	if s.content == nil {
		return nil, Attachment{}, ErrNoContent
	}
	rc, err := s.content.Open(ctx, a.ID)
	if err != nil {
		return nil, Attachment{}, err
	}
	return &verifiedReader{rc: rc, hash: sha256.New(), want: a}, a, nil
}

// canRead reports whether user may read attachment a, whose object they
// may see.
func (s *Service) canRead(ctx context.Context, user string, a Attachment) (bool, error) {
	if !a.Confidential() || user == a.UploadedBy {
		return true, nil
	}
	if slices.Contains(a.SharedWithUsers, user) {
		return true, nil
	}
	for _, g := range a.SharedWithGroups {
		member, err := s.isMember(ctx, user, g)
		if err != nil && !isNotFound(err) {
			return false, err
		}
		if member {
			return true, nil
		}
	}
	return s.policy.CanReadConfidential(ctx, user, a)
}

var errTooLarge = errors.New("collab: attachment too large")

// measuredReader counts and hashes what it reads, and fails once more than
// limit bytes have been read.
type measuredReader struct {
	r        io.Reader
	hash     hash.Hash
	n        int64
	limit    int64
	tooLarge bool
}

func (m *measuredReader) Read(p []byte) (int, error) {
	n, err := m.r.Read(p)
	m.hash.Write(p[:n])
	m.n += int64(n)
	if m.n > m.limit {
		m.tooLarge = true
		return n, errTooLarge
	}
	return n, err
}

// verifiedReader checks, at the end of the content, that it has the size
// and SHA-256 recorded at upload.
type verifiedReader struct {
	rc   io.ReadCloser
	hash hash.Hash
	n    int64
	want Attachment
}

func (v *verifiedReader) Read(p []byte) (int, error) {
	n, err := v.rc.Read(p)
	v.hash.Write(p[:n])
	v.n += int64(n)
	if v.n > v.want.Size {
		return n, ErrCorrupt
	}
	if errors.Is(err, io.EOF) && (v.n != v.want.Size || hex.EncodeToString(v.hash.Sum(nil)) != v.want.SHA256) {
		return n, ErrCorrupt
	}
	return n, err
}

func (v *verifiedReader) Close() error { return v.rc.Close() }
