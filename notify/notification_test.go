package notify_test

import (
	"context"
	"testing"

	"github.com/billkit/billkit/notify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKindValid(t *testing.T) {
	tests := []struct {
		kind notify.Kind
		want bool
	}{
		{notify.KindMention, true},
		{notify.KindApprovalRequested, true},
		{"payment_failed2", true},
		{"", false},
		{"Mention", false},
		{"2fa", false},
		{"follow-update", false},
		{"mention ", false},
		{"é", false},
		{notify.Kind("a" + string(make([]byte, 64))), false},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.kind.Valid())
		})
	}
}

func TestNotificationCloneSharesNoMap(t *testing.T) {
	n := notify.Notification{Data: map[string]string{"k": "v"}}
	c := n.Clone()
	c.Data["k"] = "changed"
	assert.Equal(t, "v", n.Data["k"])
}

func TestNotifierFuncAndDiscard(t *testing.T) {
	var got notify.Notification
	f := notify.NotifierFunc(func(_ context.Context, n notify.Notification) error {
		got = n
		return nil
	})
	require.NoError(t, f.Notify(t.Context(), fixture("u-1")))
	assert.Equal(t, "u-1", got.Recipient)
	assert.NoError(t, notify.Discard.Notify(t.Context(), fixture("u-2")))
}

// fixture returns a complete notification for recipient.
func fixture(recipient string) notify.Notification {
	return notify.Notification{
		ID:        "n-" + recipient,
		Recipient: recipient,
		Kind:      notify.KindMention,
		Subject:   "Claire mentioned you on invoice INV-1",
		Body:      "@bob is the 10 % discount on line 2 agreed?",
		Object:    notify.Object{Kind: "invoice", ID: "INV-1"},
		Actor:     "u-claire",
		Data:      map[string]string{"thread_id": "t-1"},
	}
}
