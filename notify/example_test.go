package notify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"time"

	"github.com/billkit/billkit/notify"
)

func ExampleRecorder() {
	rec := &notify.Recorder{}
	ctx := context.Background()
	_ = rec.Notify(ctx, notify.Notification{Recipient: "u-bob", Kind: notify.KindMention,
		Subject: "Claire mentioned you on invoice INV-2026-0042"})
	_ = rec.Notify(ctx, notify.Notification{Recipient: "u-dana", Kind: notify.KindFollowUpdate,
		Subject: "New message on invoice INV-2026-0042"})

	for _, n := range rec.For("u-bob") {
		fmt.Println(n.Kind, "|", n.Subject)
	}
	fmt.Println(rec.Len(), "recorded")
	// Output:
	// mention | Claire mentioned you on invoice INV-2026-0042
	// 2 recorded
}

func ExampleMulti() {
	chat := notify.NotifierFunc(func(_ context.Context, n notify.Notification) error {
		fmt.Println("chat ->", n.Recipient+":", n.Subject)
		return nil
	})
	mail := notify.NotifierFunc(func(context.Context, notify.Notification) error {
		return fmt.Errorf("smtp: connection refused")
	})
	err := notify.Multi{chat, mail}.Notify(context.Background(), notify.Notification{
		Recipient: "u-bob", Kind: notify.KindTaskAssigned, Subject: "Call ACME about the overdue invoice",
	})
	fmt.Println(err)
	// Output:
	// chat -> u-bob: Call ACME about the overdue invoice
	// notifier 1: smtp: connection refused
}

func ExampleLog() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // keep the output stable
			}
			return a
		},
	}))
	_ = notify.NewLog(logger).Notify(context.Background(), notify.Notification{
		ID: "n-1", Recipient: "u-bob", Kind: notify.KindReminder, Subject: "Invoice INV-2026-0042 is due tomorrow",
		Object: notify.Object{Kind: "invoice", ID: "INV-2026-0042"},
	})
	// Output:
	// level=INFO msg=notification id=n-1 recipient=u-bob kind=reminder subject="Invoice INV-2026-0042 is due tomorrow" object.kind=invoice object.id=INV-2026-0042
}

func ExampleWebhook() {
	secret := []byte("whsec_example_0123456789abcdef")

	// The receiving side: verify, then decode.
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := notify.VerifyRequest(r, secret, notify.DefaultTolerance)
		if err != nil {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		var n notify.Notification
		if err := json.Unmarshal(body, &n); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		fmt.Println("verified", r.Header.Get(notify.HeaderWebhookID)+":", n.Kind, "for", n.Recipient)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer receiver.Close()

	hook, err := notify.NewWebhook(receiver.URL, notify.WithSecret(secret), notify.WithMaxAttempts(3))
	if err != nil {
		fmt.Println(err)
		return
	}
	err = hook.Notify(context.Background(), notify.Notification{
		ID: "n-42", Recipient: "u-bob", Kind: notify.KindApprovalRequested,
		Subject: "Quote Q-17 needs your approval (discount 22 %)",
	})
	fmt.Println("delivered:", err == nil)
	// Output:
	// verified n-42: approval_requested for u-bob
	// delivered: true
}

func ExampleVerifySignature() {
	secret := []byte("whsec_example_0123456789abcdef")
	body := []byte(`{"id":"n-42"}`)
	sent := time.Unix(1767225600, 0)
	sig := notify.Sign(secret, sent.Unix(), body)

	fmt.Println(notify.VerifySignature(secret, body, "1767225600", sig, sent.Add(time.Minute), notify.DefaultTolerance))
	fmt.Println(notify.VerifySignature(secret, []byte(`{"id":"n-43"}`), "1767225600", sig, sent, notify.DefaultTolerance))
	fmt.Println(notify.VerifySignature(secret, body, "1767225600", sig, sent.Add(time.Hour), notify.DefaultTolerance))
	// Output:
	// <nil>
	// notify: invalid webhook signature
	// notify: webhook timestamp outside tolerance: 1h0m0s away from now
}
