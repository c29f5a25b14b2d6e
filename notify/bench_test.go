package notify_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/billkit/billkit/notify"
)

var (
	sinkErr    error
	sinkString string
)

func BenchmarkRecorderNotify(b *testing.B) {
	rec := &notify.Recorder{}
	n := fixture("u-1")
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i++; i%1024 == 0 {
			rec.Reset() // keep memory flat over long runs
		}
		sinkErr = rec.Notify(ctx, n)
	}
}

func BenchmarkSign(b *testing.B) {
	body := []byte(`{"id":"n-1","recipient":"u-1","kind":"mention","subject":"Claire mentioned you"}`)
	b.ReportAllocs()
	for b.Loop() {
		sinkString = notify.Sign(testSecret, 1767225600, body)
	}
}

func BenchmarkWebhookNotifyLoopback(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	hook, err := notify.NewWebhook(srv.URL, notify.WithSecret(testSecret))
	if err != nil {
		b.Fatal(err)
	}
	n := fixture("u-1")
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = hook.Notify(ctx, n)
	}
}
