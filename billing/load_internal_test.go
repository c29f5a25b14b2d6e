package billing

import (
	"context"
	"errors"
	"testing"
)

// plainCollection stores strings and implements Collection only, as a
// store without BatchGetter would.
type plainCollection map[string]string

func (c plainCollection) Get(_ context.Context, id string) (Record[string], error) {
	v, ok := c[id]
	if !ok {
		return Record[string]{}, &NotFoundError{Kind: "thing", ID: id}
	}
	return Record[string]{ID: id, Version: 1, Value: v}, nil
}

func (c plainCollection) Put(context.Context, Record[string]) (uint64, error) {
	return 0, errors.New("read only")
}

func (c plainCollection) Scan(context.Context, string, int) ([]Record[string], error) {
	return nil, errors.New("not scanned")
}

// getMany reads one by one from a collection that cannot read several
// records at once, in the order asked.
func TestGetManyOneByOne(t *testing.T) {
	col := plainCollection{"a": "alpha", "b": "beta"}
	got, err := getMany[string](context.Background(), col, []string{"b", "a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Value != "beta" || got[1].Value != "alpha" || got[2].ID != "b" {
		t.Fatalf("got %+v", got)
	}
	_, err = getMany[string](context.Background(), col, []string{"a", "z"})
	var nf *NotFoundError
	if !errors.As(err, &nf) || nf.ID != "z" {
		t.Fatalf("a missing ID: %v", err)
	}
}
