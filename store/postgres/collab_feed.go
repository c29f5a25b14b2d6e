package postgres

import (
	"context"
	"hash/fnv"
	"strconv"

	"github.com/billkit/billkit/collab"
)

// FollowMessages implements collab.MessageFeed over LISTEN/NOTIFY, as
// Follow does for billing events: each insert of a message notifies the
// schema's message channel with the Store it came from and its
// transaction ID, and FollowMessages, on a connection of its own, reads
// the messages of every other Store's transaction as PostgreSQL delivers
// the notifications, in commit order, in (CreatedAt, ID) order within a
// transaction. It skips what was inserted through this Store value (the
// same Store's Collab values share its origin).
//
// It keeps following when its connection is lost: it connects again and
// first delivers the messages committed meanwhile, each transaction once,
// found by comparing snapshots of the database rather than clocks; each
// loss is logged when the store has a logger (see WithLogger). Messages
// are read when they are delivered, with their reactions and replies by
// then. FollowMessages returns ctx's error once ctx ends.
func (c *CollabStore) FollowMessages(ctx context.Context, fn func(collab.Message)) error {
	return follow(ctx, c.s, feed[collab.Message]{
		what: "message", channel: c.q.channel, app: "billkit messages " + c.s.schema,
		ofTx: c.q.messagesOfTx, between: c.q.messagesBetween, scan: scanMessage,
	}, fn)
}

// messageChannelOf returns the NOTIFY channel of a schema's messages.
// Channel names are identifiers of at most 63 bytes.
func messageChannelOf(schema string) string {
	ch := "billkit_messages." + schema
	if len(ch) > 63 {
		h := fnv.New64a()
		h.Write([]byte(schema))
		ch = "billkit_messages." + strconv.FormatUint(h.Sum64(), 16)
	}
	return ch
}
