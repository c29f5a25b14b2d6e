package postgres_test

import (
	"testing"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/storetest"
)

func TestStore(t *testing.T) {
	needDB(t)
	storetest.Run(t, func(t *testing.T) billing.Store { return openStore(t) })
}
