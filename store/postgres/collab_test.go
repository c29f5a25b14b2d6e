package postgres_test

import (
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/collab/collabtest"
)

func TestCollabStore(t *testing.T) {
	needDB(t)
	collabtest.RunStoreTests(t, func(t *testing.T) collab.Store { return openStore(t).Collab() })
}
