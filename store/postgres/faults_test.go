package postgres_test

import (
	"testing"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/storetest"
)

func TestStoreUnderFaults(t *testing.T) {
	needDB(t)
	storetest.RunFaults(t, func(t *testing.T) billing.Store { return openStore(t) })
}
