package billing_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
)

// NewID makes version 7 UUIDs of the RFC 9562 variant, stamped with the
// time they were made, each sorting after the one made before it in the
// process, whichever goroutine made them.
func TestNewID(t *testing.T) {
	const workers, each = 4, 20000
	before := time.Now().UnixMilli()
	ids := make([][]uuid.UUID, workers)
	var wg sync.WaitGroup
	for w := range ids {
		wg.Go(func() {
			for range each {
				ids[w] = append(ids[w], billing.NewID())
			}
		})
	}
	wg.Wait()
	after := time.Now().UnixMilli()

	seen := make(map[uuid.UUID]bool, workers*each)
	for _, list := range ids {
		for i, id := range list {
			require.Equal(t, uuid.Version(7), id.Version(), "%s", id)
			require.Equal(t, uuid.RFC4122, id.Variant(), "%s", id)
			// 4096 IDs in one millisecond push the next into the
			// following one, so a few may be stamped slightly ahead.
			ms := int64(binary.BigEndian.Uint64(id[:8]) >> 16)
			sec, nsec := id.Time().UnixTime() // google/uuid reads it alike
			require.Equal(t, ms, sec*1000+nsec/1e6, "%s", id)
			require.True(t, ms >= before && ms <= after+workers*each/4096, "%s stamped %d, made in [%d, %d]", id, ms, before, after)
			if i > 0 {
				require.Equal(t, 1, bytes.Compare(id[:], list[i-1][:]), "%s made after %s sorts before it", id, list[i-1])
			}
			require.False(t, seen[id], "%s made twice", id)
			seen[id] = true
		}
	}
	// The random part is random: the IDs do not share it.
	randoms := map[[8]byte]bool{}
	for _, id := range ids[0][:1000] {
		randoms[[8]byte(id[8:])] = true
	}
	assert.Len(t, randoms, 1000)
}

func BenchmarkNewID(b *testing.B) {
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			_ = billing.NewID()
		}
	})
}

// IDs made one after the other sort in the order they were made, as text
// and as bytes.
func ExampleNewID() {
	first, second := billing.NewID(), billing.NewID()
	fmt.Println(first.Version(), first.Variant())
	fmt.Println(first.String() < second.String())
	// Output:
	// VERSION_7 RFC4122
	// true
}
