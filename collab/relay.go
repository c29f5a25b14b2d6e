package collab

import (
	"context"
	"fmt"
)

// MessageFeed is implemented by stores that several application instances
// share (github.com/billkit/billkit/store/postgres does): it carries the
// messages posted through one instance to the others, so that a host can
// push every new message to the people connected to any instance (see
// Service.Listen). It is an optional capability: Store does not require
// it.
type MessageFeed interface {
	// FollowMessages calls fn, one call at a time and in commit order,
	// with every message that other Store values over the same database
	// insert (posts, replies, questions, and the messages that carry
	// polls and tasks) from the moment FollowMessages is listening until
	// ctx ends, each once. Messages inserted through this Store value are
	// not delivered: the calls that posted them have returned them
	// already. A message is delivered as the store holds it when it is
	// read, with Reactions and ReplyCount filled. FollowMessages returns
	// ctx's error once ctx ends, or the error that stopped it listening.
	FollowMessages(ctx context.Context, fn func(Message)) error
}

// Listen calls fn with each message that other instances post to a shared
// store, until ctx ends; it returns ctx's error then, or the error that
// stopped the store's feed. A host running several instances over one
// database runs Listen in a goroutine of each, and hands each message to
// its own subscribers (a WebSocket hub, server-sent events) together with
// the messages that its own calls of Post, Reply, CreatePoll, ... return,
// which Listen does not repeat. The store must implement MessageFeed,
// else Listen returns an error wrapping ErrConfig.
//
// fn is called one message at a time and should return quickly. Messages
// come as readers see them: a message deleted by the time it is relayed
// has no body. Listen checks no access: before showing a message to a
// user, ask Service.Message for it as that user, or the AccessPolicy
// about its Object.
func (s *Service) Listen(ctx context.Context, fn func(Message)) error {
	feed, ok := s.store.(MessageFeed)
	if !ok {
		return fmt.Errorf("%w: the store %T carries no messages between instances", ErrConfig, s.store)
	}
	return feed.FollowMessages(ctx, func(m Message) { fn(m.redacted()) })
}
