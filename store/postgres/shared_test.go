package postgres_test

import (
	"testing"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/storetest"
)

func openStorePair(t *testing.T) (billing.Store, billing.Store) {
	a, b := openPair(t)
	return a, b
}

func TestClaimer(t *testing.T) {
	needDB(t)
	storetest.RunClaimer(t, openStorePair)
}

func TestFeed(t *testing.T) {
	needDB(t)
	storetest.RunFeed(t, openStorePair)
}

func TestEngine(t *testing.T) {
	needDB(t)
	storetest.RunEngine(t, openStorePair)
}
