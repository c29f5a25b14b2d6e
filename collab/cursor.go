package collab

import (
	"encoding/base64"
	"encoding/binary"
	"time"
	"unicode/utf8"

	"github.com/billkit/billkit/validation"
)

// cursor is a place in a feed: the last item a page returned. Items are
// ordered by time, then ID, then source (history before messages), which
// is a total order even when timestamps are equal.
type cursor struct {
	pos        Position
	source     byte // sourceHistory or sourceMessage
	descending bool
}

const (
	sourceHistory byte = 1
	sourceMessage byte = 2
	cursorVersion byte = 1
)

// key is the full sort key of an item.
type key struct {
	pos    Position
	source byte
}

func (k key) compare(o key) int {
	if c := k.pos.Compare(o.pos); c != 0 {
		return c
	}
	return int(k.source) - int(o.source)
}

// encode returns the cursor as opaque URL-safe text: version, flags,
// seconds, nanoseconds, source, ID.
func (c cursor) encode() string {
	buf := make([]byte, 0, 15+len(c.pos.ID))
	flags := byte(0)
	if c.descending {
		flags = 1
	}
	buf = append(buf, cursorVersion, flags)
	buf = binary.BigEndian.AppendUint64(buf, uint64(c.pos.At.Unix()))
	buf = binary.BigEndian.AppendUint32(buf, uint32(c.pos.At.Nanosecond()))
	buf = append(buf, c.source)
	buf = append(buf, c.pos.ID...)
	return base64.RawURLEncoding.EncodeToString(buf)
}

// decodeCursor parses a cursor made by encode for a page in the given
// order; anything else is a validation error on "cursor".
func decodeCursor(s string, descending bool) (cursor, error) {
	invalid := validation.New("cursor", validation.CodeInvalid, "is not a cursor returned by this feed")
	buf, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(buf) < 16 || buf[0] != cursorVersion || buf[1] > 1 {
		return cursor{}, invalid
	}
	c := cursor{descending: buf[1] == 1, source: buf[14]}
	secs := int64(binary.BigEndian.Uint64(buf[2:10]))
	nanos := binary.BigEndian.Uint32(buf[10:14])
	id := string(buf[15:])
	if c.descending != descending || nanos >= 1e9 || (c.source != sourceHistory && c.source != sourceMessage) ||
		id == "" || !utf8.ValidString(id) {
		return cursor{}, invalid
	}
	c.pos = Position{At: time.Unix(secs, int64(nanos)).UTC(), ID: id}
	return c, nil
}
