package sqlite_test

import (
	"testing"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/storetest"
)

func TestStoreUnderFaults(t *testing.T) {
	storetest.RunFaults(t, func(t *testing.T) billing.Store { return openFile(t) })
}
