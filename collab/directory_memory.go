package collab

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/billkit/billkit/validation"
)

// MemoryDirectory is a Directory kept in memory, for tests, examples and
// hosts with a small, fixed set of users. It is safe for concurrent use.
// Handles are unique among users and groups, ignoring case.
type MemoryDirectory struct {
	mu         sync.RWMutex
	principals map[string]Principal // by ID
	members    map[string][]string  // group ID -> sorted user IDs
}

// NewMemoryDirectory returns an empty MemoryDirectory.
func NewMemoryDirectory() *MemoryDirectory {
	return &MemoryDirectory{principals: map[string]Principal{}, members: map[string][]string{}}
}

// AddUser adds a user. It returns a *validation.Error when the ID is
// missing or taken, the handle is not a valid mention handle or is taken,
// or the name is empty.
func (d *MemoryDirectory) AddUser(id, handle, name string) error {
	return d.add(Principal{Type: PrincipalUser, ID: id, Handle: handle, Name: name})
}

// AddGroup adds a group with its members, which must be users already
// added. A private group is visible to its members only.
func (d *MemoryDirectory) AddGroup(id, handle, name string, private bool, members ...string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	p := Principal{Type: PrincipalGroup, ID: id, Handle: handle, Name: name, Private: private}
	var errs validation.Errors
	errs.Merge(d.checkNewLocked(p))
	errs.Merge(d.checkUsersLocked(members))
	if err := errs.Err(); err != nil {
		return err
	}
	d.principals[id] = p
	d.members[id] = sortedUnique(members)
	return nil
}

// AddMembers adds users to group groupID.
func (d *MemoryDirectory) AddMembers(groupID string, users ...string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if g, ok := d.principals[groupID]; !ok || g.Type != PrincipalGroup {
		return &NotFoundError{Entity: "group", ID: groupID}
	}
	if err := d.checkUsersLocked(users); err != nil {
		return err
	}
	d.members[groupID] = sortedUnique(append(slices.Clone(d.members[groupID]), users...))
	return nil
}

// RemoveMembers removes users from group groupID; users who are not
// members are ignored.
func (d *MemoryDirectory) RemoveMembers(groupID string, users ...string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if g, ok := d.principals[groupID]; !ok || g.Type != PrincipalGroup {
		return &NotFoundError{Entity: "group", ID: groupID}
	}
	d.members[groupID] = slices.DeleteFunc(slices.Clone(d.members[groupID]), func(u string) bool {
		return slices.Contains(users, u)
	})
	return nil
}

// Lookup implements Directory: it matches handles first, then display
// names, ignoring case; a display name shared by several principals is
// not found.
func (d *MemoryDirectory) Lookup(_ context.Context, name string) (Principal, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	var byName []Principal
	for _, p := range d.principals {
		if strings.EqualFold(p.Handle, name) {
			return p, nil
		}
		if strings.EqualFold(p.Name, name) {
			byName = append(byName, p)
		}
	}
	if len(byName) == 1 {
		return byName[0], nil
	}
	return Principal{}, &NotFoundError{Entity: "principal", ID: name}
}

// Principal implements Directory.
func (d *MemoryDirectory) Principal(_ context.Context, id string) (Principal, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	p, ok := d.principals[id]
	if !ok {
		return Principal{}, &NotFoundError{Entity: "principal", ID: id}
	}
	return p, nil
}

// Members implements Directory.
func (d *MemoryDirectory) Members(_ context.Context, groupID string) ([]string, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	if g, ok := d.principals[groupID]; !ok || g.Type != PrincipalGroup {
		return nil, &NotFoundError{Entity: "group", ID: groupID}
	}
	return slices.Clone(d.members[groupID]), nil
}

func (d *MemoryDirectory) add(p Principal) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.checkNewLocked(p); err != nil {
		return err
	}
	d.principals[p.ID] = p
	return nil
}

func (d *MemoryDirectory) checkNewLocked(p Principal) error {
	var errs validation.Errors
	checkID(&errs, "id", p.ID)
	if _, taken := d.principals[p.ID]; taken {
		errs.Add("id", validation.CodeDuplicate, "is already used")
	}
	switch {
	case !validHandle(p.Handle):
		errs.Add("handle", validation.CodeInvalid,
			"must be 1 to 64 bytes of letters, digits, '.', '-' or '_', starting with a letter or digit and ending with one")
	default:
		for _, q := range d.principals {
			if strings.EqualFold(q.Handle, p.Handle) {
				errs.Add("handle", validation.CodeDuplicate, "is already used")
				break
			}
		}
	}
	if strings.TrimSpace(p.Name) == "" {
		errs.Add("name", validation.CodeRequired, "is required")
	} else if strings.ContainsAny(p.Name, "\"\r\n") {
		errs.Add("name", validation.CodeInvalid, "must not contain quotes or line breaks")
	}
	return errs.Err()
}

func (d *MemoryDirectory) checkUsersLocked(users []string) error {
	var errs validation.Errors
	for i, u := range users {
		if p, ok := d.principals[u]; !ok || p.Type != PrincipalUser {
			errs.Add(validation.Join("members", "["+strconv.Itoa(i)+"]"), validation.CodeUnknown, "is not a known user")
		}
	}
	return errs.Err()
}

// sortedUnique returns the distinct values of s, sorted, in a new slice.
func sortedUnique(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}
