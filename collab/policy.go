package collab

import "context"

// AccessPolicy is the port through which the host says who may see and
// moderate its objects. collab asks it about every kind of object except
// its own conversations (KindConversation and KindGroup), which it decides
// itself. Implementations must be safe for concurrent use.
//
// A method that returns an error makes the operation fail with that error;
// false makes it fail with an *AccessError.
type AccessPolicy interface {
	// CanView reports whether userID may see the object ref, and therefore
	// its thread: read it, post and reply in it, react, vote, follow it.
	CanView(ctx context.Context, userID string, ref Ref) (bool, error)
	// CanModerate reports whether userID may delete other people's
	// messages on ref, close other people's polls, update any task on it
	// and read the audit view of deleted and edited messages.
	CanModerate(ctx context.Context, userID string, ref Ref) (bool, error)
	// CanReadConfidential reports whether userID may read the confidential
	// attachment a although it was not shared with them. Return false
	// unless the host's rules grant this explicitly: being an
	// administrator, or being able to see the object, is not enough.
	CanReadConfidential(ctx context.Context, userID string, a Attachment) (bool, error)
}

// PolicyFuncs adapts functions to the AccessPolicy interface. A nil
// function denies.
//
//	policy := collab.PolicyFuncs{
//		View: func(ctx context.Context, user string, ref collab.Ref) (bool, error) {
//			return acl.Allowed(ctx, user, string(ref.Kind), ref.ID)
//		},
//	}
type PolicyFuncs struct {
	// View implements CanView.
	View func(ctx context.Context, userID string, ref Ref) (bool, error)
	// Moderate implements CanModerate.
	Moderate func(ctx context.Context, userID string, ref Ref) (bool, error)
	// ReadConfidential implements CanReadConfidential.
	ReadConfidential func(ctx context.Context, userID string, a Attachment) (bool, error)
}

// CanView calls p.View, or denies when it is nil.
func (p PolicyFuncs) CanView(ctx context.Context, userID string, ref Ref) (bool, error) {
	if p.View == nil {
		return false, nil
	}
	return p.View(ctx, userID, ref)
}

// CanModerate calls p.Moderate, or denies when it is nil.
func (p PolicyFuncs) CanModerate(ctx context.Context, userID string, ref Ref) (bool, error) {
	if p.Moderate == nil {
		return false, nil
	}
	return p.Moderate(ctx, userID, ref)
}

// CanReadConfidential calls p.ReadConfidential, or denies when it is nil.
func (p PolicyFuncs) CanReadConfidential(ctx context.Context, userID string, a Attachment) (bool, error) {
	if p.ReadConfidential == nil {
		return false, nil
	}
	return p.ReadConfidential(ctx, userID, a)
}
