package memory_test

import (
	"testing"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
)

func TestStoreUnderFaults(t *testing.T) {
	storetest.RunFaults(t, func(*testing.T) billing.Store { return memory.NewStore() })
}
