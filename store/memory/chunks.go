package memory

// chunks is a list that grows in fixed-size chunks: growing it never
// copies what it holds, which for a long audit log would mean copying
// every event (and, while the garbage collector runs, paying a write
// barrier for each pointer in them).
type chunks[T any] struct {
	list [][]T
	n    int
}

// chunkBits sets the size of a chunk: 1,024 elements.
const chunkBits = 10

func (c *chunks[T]) len() int { return c.n }

// at returns the element at i, which must be below len.
func (c *chunks[T]) at(i int) *T { return &c.list[i>>chunkBits][i&(1<<chunkBits-1)] }

// push appends v.
func (c *chunks[T]) push(v T) {
	k := c.n >> chunkBits
	if k == len(c.list) {
		c.list = append(c.list, make([]T, 1<<chunkBits))
	}
	c.list[k][c.n&(1<<chunkBits-1)] = v
	c.n++
}

// truncate drops the elements from n on, which must not be above len.
func (c *chunks[T]) truncate(n int) {
	var zero T
	for i := n; i < c.n; i++ {
		*c.at(i) = zero
	}
	c.n = n
}
