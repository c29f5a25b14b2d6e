package collab

import (
	"context"

	"github.com/billkit/billkit/validation"
)

// Preference says which notifications a user wants.
type Preference string

// Notification preferences. The zero Preference means PreferenceAll.
const (
	// PreferenceAll delivers every notification at once: each new message
	// on the objects the user follows, and everything addressed to them.
	PreferenceAll Preference = "all"
	// PreferenceMentions delivers at once what names the user (mentions,
	// replies to them, their tasks) and drops updates of followed objects.
	PreferenceMentions Preference = "mentions"
	// PreferenceDigest queues every notification; Service.Digest delivers
	// them as one.
	PreferenceDigest Preference = "digest"
	// PreferenceNone delivers nothing.
	PreferenceNone Preference = "none"
)

// Valid reports whether p is one of the preferences above, or zero.
func (p Preference) Valid() bool {
	switch p {
	case "", PreferenceAll, PreferenceMentions, PreferenceDigest, PreferenceNone:
		return true
	}
	return false
}

// Follow makes actor follow ref: they will be notified of new messages on
// it, as their preference says. Following twice is harmless.
func (s *Service) Follow(ctx context.Context, actor string, ref Ref) error {
	if err := checkActorRef(actor, ref); err != nil {
		return err
	}
	if err := s.authorize(ctx, actor, ref, nil); err != nil {
		return err
	}
	_, err := s.store.Follow(ctx, actor, ref)
	return err
}

// Unfollow stops actor following ref. Anyone may stop following anything.
func (s *Service) Unfollow(ctx context.Context, actor string, ref Ref) error {
	if err := checkActorRef(actor, ref); err != nil {
		return err
	}
	_, err := s.store.Unfollow(ctx, actor, ref)
	return err
}

// Followers returns the IDs of the users who follow ref, sorted.
func (s *Service) Followers(ctx context.Context, actor string, ref Ref) ([]string, error) {
	if err := checkActorRef(actor, ref); err != nil {
		return nil, err
	}
	if err := s.authorize(ctx, actor, ref, nil); err != nil {
		return nil, err
	}
	return s.store.Followers(ctx, ref)
}

// Following returns the objects actor follows and may still see, sorted by
// kind then ID.
func (s *Service) Following(ctx context.Context, actor string) ([]Ref, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s.visibleFollowed(ctx, actor)
}

func (s *Service) visibleFollowed(ctx context.Context, actor string) ([]Ref, error) {
	refs, err := s.store.Followed(ctx, actor)
	if err != nil {
		return nil, err
	}
	out := refs[:0]
	for _, ref := range refs {
		ok, err := s.canView(ctx, actor, ref, nil)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, ref)
		}
	}
	return out, nil
}

// SetPreference sets which notifications actor wants.
func (s *Service) SetPreference(ctx context.Context, actor string, p Preference) error {
	var errs validation.Errors
	checkActor(&errs, actor)
	if p == "" || !p.Valid() {
		errs.Add("preference", validation.CodeNotAllowed, "must be one of: all, mentions, digest, none")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.store.SetPreference(ctx, actor, p)
}

// Preference returns actor's preference; PreferenceAll when they never
// chose.
func (s *Service) Preference(ctx context.Context, actor string) (Preference, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	if err := errs.Err(); err != nil {
		return "", err
	}
	p, err := s.store.Preference(ctx, actor)
	if p == "" {
		p = PreferenceAll
	}
	return p, err
}

func checkActorRef(actor string, ref Ref) error {
	var errs validation.Errors
	checkActor(&errs, actor)
	errs.MergeAt("object", ref.Validate())
	return errs.Err()
}
