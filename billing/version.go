package billing

import "github.com/billkit/billkit/validation"

// checkVersion refuses a change made from version of an object stored at
// stored: the object changed since the caller read it, and writing would
// overwrite a change the caller never saw. version 0 is for steps that do
// not depend on what the caller read, such as a status change the object
// itself checks against its current status; it matches any version.
func checkVersion(kind, id string, version, stored uint64) error {
	if version != 0 && version != stored {
		return &ConflictError{Kind: kind, ID: id, Expected: version, Actual: stored}
	}
	return nil
}

// requireVersion refuses an edit that does not say which version of the
// object it was made from.
func requireVersion(version uint64) error {
	if version == 0 {
		return validation.New("version", validation.CodeRequired, "is required: the version of the object the edit was made from")
	}
	return nil
}
