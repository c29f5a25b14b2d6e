package notify

import (
	"context"
	"sync"
)

// Recorder is a Notifier that keeps every notification in memory, in the
// order they arrived. Tests and examples use it to see who was notified of
// what. It is safe for concurrent use; its zero value is ready to use.
//
// Nothing is ever evicted, so a Recorder does not belong in a long-running
// production process.
type Recorder struct {
	mu      sync.Mutex
	list    []Notification
	changed chan struct{} // closed and replaced whenever list grows
}

// Notify records n and returns nil.
func (r *Recorder) Notify(_ context.Context, n Notification) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = append(r.list, n.Clone())
	if r.changed != nil {
		close(r.changed)
		r.changed = nil
	}
	return nil
}

// All returns a copy of every notification recorded, oldest first.
func (r *Recorder) All() []Notification {
	return r.Filter(nil)
}

// For returns the notifications recorded for recipient, oldest first.
func (r *Recorder) For(recipient string) []Notification {
	return r.Filter(func(n Notification) bool { return n.Recipient == recipient })
}

// Filter returns the notifications for which keep returns true, oldest
// first; a nil keep returns them all. keep is called with the Recorder's
// lock held and must not call the Recorder.
func (r *Recorder) Filter(keep func(Notification) bool) []Notification {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Notification
	for _, n := range r.list {
		if keep == nil || keep(n) {
			out = append(out, n.Clone())
		}
	}
	return out
}

// Len returns the number of notifications recorded.
func (r *Recorder) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.list)
}

// Reset forgets every notification recorded.
func (r *Recorder) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = nil
}

// Wait blocks until at least n notifications have been recorded, then
// returns them all. It returns ctx.Err() if ctx ends first; give it a
// deadline.
func (r *Recorder) Wait(ctx context.Context, n int) ([]Notification, error) {
	for {
		r.mu.Lock()
		if len(r.list) >= n {
			r.mu.Unlock()
			return r.All(), nil
		}
		if r.changed == nil {
			r.changed = make(chan struct{})
		}
		changed := r.changed
		r.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}
