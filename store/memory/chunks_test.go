package memory

import "testing"

func TestChunks(t *testing.T) {
	var c chunks[*int]
	const n = 3<<chunkBits + 5
	for i := range n {
		v := i
		c.push(&v)
	}
	first := c.at(0)
	for i := range n {
		if c.len() != n || *(*c.at(i)) != i {
			t.Fatalf("at(%d) = %d of %d", i, *(*c.at(i)), c.len())
		}
	}
	if c.at(0) != first {
		t.Fatal("growing moved the elements")
	}
	c.truncate(1<<chunkBits + 1)
	if c.len() != 1<<chunkBits+1 || *c.at(1 << chunkBits) == nil || *c.at(1<<chunkBits + 1) != nil {
		t.Fatal("truncate kept what it drops, or dropped what it keeps")
	}
	c.push(nil)
	if c.len() != 1<<chunkBits+2 {
		t.Fatalf("len %d after a push", c.len())
	}
}
