package collab

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/validation"
	"github.com/google/uuid"
)

// DefaultMaxAttachmentSize is the largest attachment accepted unless
// WithMaxAttachmentSize says otherwise: 25 MiB.
const DefaultMaxAttachmentSize = 25 << 20

// Service is collab's API: threads on objects, messages, mentions,
// follows, notifications, polls, questions, tasks, attachments and feeds.
//
// Every method takes the acting user's ID and checks what that user may
// do, through the AccessPolicy for the host's objects. A Service holds no
// mutable state of its own and is safe for concurrent use.
type Service struct {
	store    Store
	dir      Directory
	policy   AccessPolicy
	now      func() time.Time
	newID    func() string
	notifier notify.Notifier
	history  HistorySource
	names    Namer
	content  Content
	onError  func(context.Context, error)
	maxSize  int64
}

// Option configures a Service.
type Option func(*Service)

// WithClock sets the clock; times are stored in UTC. The default is the
// system clock truncated to the microsecond, which SQL databases keep.
func WithClock(now func() time.Time) Option {
	return func(s *Service) { s.now = now }
}

// WithIDGenerator sets the generator of IDs for threads, messages, tasks,
// attachments and notifications. The default makes UUIDv7s, which sort by
// creation time. IDs must be unique.
func WithIDGenerator(newID func() string) Option {
	return func(s *Service) { s.newID = newID }
}

// WithNotifier sets where notifications go; the default discards them.
// The notifier is called synchronously, after the change is stored: wrap a
// slow one (a webhook with retries) in a queue of your own.
func WithNotifier(n notify.Notifier) Option {
	return func(s *Service) { s.notifier = n }
}

// WithHistory sets the source of object history (issued, sent, paid, ...)
// that the activity feeds merge with messages. Without it the feeds hold
// messages only.
func WithHistory(h HistorySource) Option {
	return func(s *Service) { s.history = h }
}

// WithNames sets how notifications name the objects whose threads they
// come from ("on invoice F2026-000042"). Without it they give the object's
// kind and ID.
func WithNames(n Namer) Option {
	return func(s *Service) { s.names = n }
}

// WithContent sets the store of attachment bytes. Without it, uploading
// and downloading attachments fail with ErrNoContent.
func WithContent(c Content) Option {
	return func(s *Service) { s.content = c }
}

// WithErrorHandler sets the function told about failures that happen after
// a change is stored and so cannot fail the call: a notification that
// could not be delivered, an automatic follow that could not be recorded.
// The default logs them with slog.Default() at level Warn.
func WithErrorHandler(f func(context.Context, error)) Option {
	return func(s *Service) { s.onError = f }
}

// WithMaxAttachmentSize sets the largest attachment accepted, in bytes
// (default DefaultMaxAttachmentSize).
func WithMaxAttachmentSize(n int64) Option {
	return func(s *Service) { s.maxSize = n }
}

// NewService returns a Service that stores through store, finds users and
// groups through dir and asks policy who may see what. It returns an error
// wrapping ErrConfig when a port is nil or an option is unusable.
func NewService(store Store, dir Directory, policy AccessPolicy, opts ...Option) (*Service, error) {
	s := &Service{
		store:    store,
		dir:      dir,
		policy:   policy,
		now:      func() time.Time { return time.Now().Truncate(time.Microsecond) },
		newID:    newUUIDv7,
		notifier: notify.Discard,
		maxSize:  DefaultMaxAttachmentSize,
		onError: func(ctx context.Context, err error) {
			slog.Default().WarnContext(ctx, "collab: side effect failed", slog.Any("error", err))
		},
	}
	for _, opt := range opts {
		opt(s)
	}
	var missing []string
	for name, isNil := range map[string]bool{
		"store": store == nil, "directory": dir == nil, "access policy": policy == nil,
		"clock": s.now == nil, "ID generator": s.newID == nil, "notifier": s.notifier == nil,
		"error handler": s.onError == nil,
	} {
		if isNil {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return nil, fmt.Errorf("%w: missing %v", ErrConfig, missing)
	}
	if s.maxSize <= 0 {
		return nil, fmt.Errorf("%w: max attachment size must be positive, got %d", ErrConfig, s.maxSize)
	}
	return s, nil
}

func newUUIDv7() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}

func (s *Service) clock() time.Time { return s.now().UTC() }

// report hands a failure that cannot fail the call to the error handler.
func (s *Service) report(ctx context.Context, err error) {
	if err != nil {
		s.onError(ctx, err)
	}
}

// checkActor records a fault when the acting user is missing.
func checkActor(errs *validation.Errors, actor string) {
	checkID(errs, "actor", actor)
}

// authorize returns nil if user may see ref, an *AccessError if not. For
// collab's own kinds it decides itself; thread, when not nil, is the
// thread of ref, which saves reading it again.
func (s *Service) authorize(ctx context.Context, user string, ref Ref, thread *Thread) error {
	ok, err := s.canView(ctx, user, ref, thread)
	if err != nil {
		return err
	}
	if !ok {
		return &AccessError{User: user, Object: ref, Action: ActionView}
	}
	return nil
}

func (s *Service) canView(ctx context.Context, user string, ref Ref, thread *Thread) (bool, error) {
	switch ref.Kind {
	case KindConversation:
		if thread == nil {
			t, err := s.store.ThreadByObject(ctx, ref)
			if errors.Is(err, ErrNotFound) {
				return false, nil
			}
			if err != nil {
				return false, err
			}
			thread = &t
		}
		_, ok := slices.BinarySearch(thread.Participants, user)
		return ok, nil
	case KindGroup:
		g, err := s.dir.Principal(ctx, ref.ID)
		if errors.Is(err, ErrNotFound) || (err == nil && g.Type != PrincipalGroup) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if !g.Private {
			return true, nil
		}
		return s.isMember(ctx, user, g.ID)
	}
	return s.policy.CanView(ctx, user, ref)
}

func (s *Service) isMember(ctx context.Context, user, groupID string) (bool, error) {
	members, err := s.dir.Members(ctx, groupID)
	if err != nil {
		return false, err
	}
	return slices.Contains(members, user), nil
}

// canModerate reports whether user may moderate ref. Nobody moderates
// collab's own conversations.
func (s *Service) canModerate(ctx context.Context, user string, ref Ref) (bool, error) {
	if ref.Kind.ownedByCollab() {
		return false, nil
	}
	return s.policy.CanModerate(ctx, user, ref)
}

// visibleMessage loads message id and checks that actor may see it.
// field names the ID in validation faults.
func (s *Service) visibleMessage(ctx context.Context, actor, field, id string) (Message, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	checkID(&errs, field, id)
	if err := errs.Err(); err != nil {
		return Message{}, err
	}
	m, err := s.store.Message(ctx, id)
	if err != nil {
		return Message{}, err
	}
	if err := s.authorize(ctx, actor, m.Object, nil); err != nil {
		return Message{}, err
	}
	return m, nil
}

// ensureThread returns the thread of ref, creating it for objects and
// groups; a private conversation must have been started.
func (s *Service) ensureThread(ctx context.Context, actor string, ref Ref) (Thread, error) {
	if ref.Kind == KindConversation {
		return s.store.ThreadByObject(ctx, ref)
	}
	t := Thread{ID: s.newID(), Object: ref, CreatedBy: actor, CreatedAt: s.clock()}
	if ref.Kind == KindGroup {
		g, err := s.dir.Principal(ctx, ref.ID)
		if err != nil {
			return Thread{}, err
		}
		t.Title = g.Name
	}
	return s.store.CreateThread(ctx, t)
}

// retryConflicts runs a read-modify-write that does not depend on what the
// caller saw (deleting, marking a best answer) up to three times when a
// concurrent change makes it stale.
func retryConflicts[T any](f func() (T, error)) (T, error) {
	var (
		v   T
		err error
	)
	for range 3 {
		v, err = f()
		if !errors.Is(err, ErrConflict) {
			break
		}
	}
	return v, err
}
