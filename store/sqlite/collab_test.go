package sqlite_test

import (
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/collab/collabtest"
)

func TestCollabStoreFile(t *testing.T) {
	collabtest.RunStoreTests(t, func(t *testing.T) collab.Store { return openFile(t).Collab() })
}

func TestCollabStoreMemory(t *testing.T) {
	collabtest.RunStoreTests(t, func(t *testing.T) collab.Store { return openMemory(t).Collab() })
}
