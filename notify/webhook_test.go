package notify_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/billkit/billkit/notify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hookServer is a loopback webhook receiver that answers with the statuses
// it is given, one per request (the last one repeats), and records what it
// received.
type hookServer struct {
	*httptest.Server
	mu       sync.Mutex
	statuses []int
	headers  []http.Header
	bodies   [][]byte
	verified []error
}

func newHookServer(t *testing.T, statuses ...int) *hookServer {
	t.Helper()
	h := &hookServer{statuses: statuses}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hdr := r.Header.Clone()
		body, err := notify.VerifyRequest(r, testSecret, 0)
		h.mu.Lock()
		n := len(h.headers)
		h.headers = append(h.headers, hdr)
		h.bodies = append(h.bodies, body)
		h.verified = append(h.verified, err)
		status := h.statuses[min(n, len(h.statuses)-1)]
		h.mu.Unlock()
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "30")
		}
		if status == http.StatusFound {
			w.Header().Set("Location", "/elsewhere")
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookServer) requests() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.headers)
}

func newTestWebhook(t *testing.T, url string, opts ...notify.WebhookOption) *notify.Webhook {
	t.Helper()
	base := []notify.WebhookOption{
		notify.WithSecret(testSecret),
		notify.WithBackoff(time.Millisecond),
		notify.WithMaxElapsed(5 * time.Second),
	}
	w, err := notify.NewWebhook(url, append(base, opts...)...)
	require.NoError(t, err)
	return w
}

func TestWebhookDeliversSignedJSON(t *testing.T) {
	srv := newHookServer(t, http.StatusNoContent)
	n := fixture("u-bob")
	n.CreatedAt = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	require.NoError(t, newTestWebhook(t, srv.URL).Notify(t.Context(), n))

	require.Equal(t, 1, srv.requests())
	assert.NoError(t, srv.verified[0], "the receiver verifies the signature")
	assert.Equal(t, "application/json", srv.headers[0].Get("Content-Type"))
	assert.Equal(t, n.ID, srv.headers[0].Get(notify.HeaderWebhookID))
	var got notify.Notification
	require.NoError(t, json.Unmarshal(srv.bodies[0], &got))
	assert.Equal(t, n, got)
}

func TestWebhookRetries(t *testing.T) {
	tests := []struct {
		name         string
		statuses     []int
		attempts     int
		wantRequests int
		wantStatus   int // 0 when delivered
	}{
		{"5xx then success", []int{500, 503, 200}, 5, 3, 0},
		{"429 then success", []int{429, 200}, 5, 1, 429}, // Retry-After 30 s exceeds the time budget
		{"always 502", []int{502}, 3, 3, 502},
		{"400 is final", []int{400, 200}, 5, 1, 400},
		{"redirect is not followed", []int{302, 200}, 5, 1, 302},
		{"single attempt", []int{500, 200}, 1, 1, 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newHookServer(t, tt.statuses...)
			w := newTestWebhook(t, srv.URL, notify.WithMaxAttempts(tt.attempts))
			err := w.Notify(t.Context(), fixture("u-1"))
			assert.Equal(t, tt.wantRequests, srv.requests())
			if tt.wantStatus == 0 {
				require.NoError(t, err)
				for _, h := range srv.headers {
					assert.Equal(t, "n-u-1", h.Get(notify.HeaderWebhookID), "the ID is stable across retries")
				}
				return
			}
			var de *notify.DeliveryError
			require.ErrorAs(t, err, &de)
			assert.ErrorIs(t, err, notify.ErrDelivery)
			assert.Equal(t, tt.wantStatus, de.StatusCode)
			assert.Equal(t, tt.wantRequests, de.Attempts)
		})
	}
}

func TestWebhookRetriesNetworkErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens any more: every attempt is refused

	err := newTestWebhook(t, url, notify.WithMaxAttempts(3)).Notify(t.Context(), fixture("u-1"))
	var de *notify.DeliveryError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 3, de.Attempts)
	assert.Zero(t, de.StatusCode)
}

func TestWebhookBoundedByMaxElapsed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Reading the body lets the server notice when the client hangs up.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	w := newTestWebhook(t, srv.URL, notify.WithMaxElapsed(50*time.Millisecond))

	start := time.Now()
	err := w.Notify(t.Context(), fixture("u-1"))
	assert.ErrorIs(t, err, notify.ErrDelivery)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 3*time.Second)
}

func TestWebhookHonoursCancellationDuringBackoff(t *testing.T) {
	srv := newHookServer(t, http.StatusServiceUnavailable)
	w := newTestWebhook(t, srv.URL, notify.WithBackoff(time.Second), notify.WithMaxElapsed(time.Minute))
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()

	start := time.Now()
	err := w.Notify(ctx, fixture("u-1"))
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, 1, srv.requests())
	assert.Less(t, time.Since(start), 900*time.Millisecond)
}

func TestWebhookGivesAnIDToAnonymousNotifications(t *testing.T) {
	srv := newHookServer(t, http.StatusOK)
	n := fixture("u-1")
	n.ID = ""
	require.NoError(t, newTestWebhook(t, srv.URL).Notify(t.Context(), n))
	assert.Len(t, srv.headers[0].Get(notify.HeaderWebhookID), 36)
}

func TestNewWebhookRejectsBadConfig(t *testing.T) {
	secret := notify.WithSecret(testSecret)
	tests := []struct {
		name string
		url  string
		opts []notify.WebhookOption
	}{
		{"relative URL", "/hook", []notify.WebhookOption{secret}},
		{"ftp URL", "ftp://example.com/hook", []notify.WebhookOption{secret}},
		{"unparsable URL", "http://[::1", []notify.WebhookOption{secret}},
		{"no secret", "https://example.com/hook", nil},
		{"short secret", "https://example.com/hook", []notify.WebhookOption{notify.WithSecret([]byte("short"))}},
		{"zero attempts", "https://example.com/hook", []notify.WebhookOption{secret, notify.WithMaxAttempts(0)}},
		{"negative backoff", "https://example.com/hook", []notify.WebhookOption{secret, notify.WithBackoff(-time.Second)}},
		{"zero max elapsed", "https://example.com/hook", []notify.WebhookOption{secret, notify.WithMaxElapsed(0)}},
		{"backoff beyond budget", "https://example.com/hook", []notify.WebhookOption{secret, notify.WithBackoff(time.Hour)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := notify.NewWebhook(tt.url, tt.opts...)
			assert.Nil(t, w)
			assert.ErrorIs(t, err, notify.ErrInvalidConfig)
		})
	}
}

func TestWebhookCustomClient(t *testing.T) {
	srv := newHookServer(t, http.StatusOK)
	var used bool
	client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		used = true
		return http.DefaultTransport.RoundTrip(r)
	})}
	require.NoError(t, newTestWebhook(t, srv.URL, notify.WithHTTPClient(client)).Notify(t.Context(), fixture("u-1")))
	assert.True(t, used)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestDeliveryErrorMessage(t *testing.T) {
	cause := errors.New("connection reset")
	err := &notify.DeliveryError{NotificationID: "n-1", Attempts: 2, Err: cause}
	assert.Equal(t, "notify: delivery of n-1 failed after 2 attempt(s): connection reset", err.Error())
	assert.ErrorIs(t, err, cause)
	err = &notify.DeliveryError{NotificationID: "n-1", Attempts: 1, StatusCode: 410}
	assert.Equal(t, "notify: delivery of n-1 failed after 1 attempt(s): HTTP 410", err.Error())
	assert.ErrorIs(t, err, notify.ErrDelivery)
}
