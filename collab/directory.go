package collab

import "context"

// PrincipalType says whether a principal is a user or a group.
type PrincipalType string

// Principal types.
const (
	PrincipalUser  PrincipalType = "user"
	PrincipalGroup PrincipalType = "group"
)

// Principal is a user or a group as the host's directory knows it. User
// and group IDs share one namespace: no user has the ID of a group.
type Principal struct {
	// Type says whether this is a user or a group.
	Type PrincipalType `json:"type"`
	// ID identifies the principal; it is what collab stores.
	ID string `json:"id"`
	// Handle is the short name written after @, such as "alice" or
	// "finance-team".
	Handle string `json:"handle"`
	// Name is the display name, such as "Alice Martin"; it can be
	// mentioned as @"Alice Martin".
	Name string `json:"name"`
	// Private is set on a private group: only its members can see it,
	// mention it or follow its conversation.
	Private bool `json:"private,omitempty"`
}

// Directory is the port through which collab finds the host's users and
// groups. Implementations must be safe for concurrent use.
//
// Methods return an error wrapping [ErrNotFound] when nothing matches.
type Directory interface {
	// Lookup finds the user or group whose handle or display name is name,
	// ignoring case. A name that matches several principals is ambiguous
	// and should be reported as not found, so that the mention stays
	// plain text instead of notifying the wrong person.
	Lookup(ctx context.Context, name string) (Principal, error)
	// Principal returns the user or group with the given ID.
	Principal(ctx context.Context, id string) (Principal, error)
	// Members returns the user IDs of the members of group groupID.
	Members(ctx context.Context, groupID string) ([]string, error)
}
