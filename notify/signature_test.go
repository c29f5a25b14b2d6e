package notify_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/billkit/billkit/notify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testSecret = []byte("whsec_test_0123456789")

func TestSignKnownVector(t *testing.T) {
	// Computed independently: HMAC-SHA256(key, `1767225600.{"id":"n-1"}`).
	got := notify.Sign(testSecret, 1767225600, []byte(`{"id":"n-1"}`))
	assert.Equal(t, "v1=9c4ab0678344f03aca5d4ea816a1b90307a16c5c9b6716ccc814751ace85a241", got)
}

func TestVerifySignature(t *testing.T) {
	now := time.Unix(1767225600, 0)
	body := []byte(`{"id":"n-1"}`)
	ts := strconv.FormatInt(now.Unix(), 10)
	good := notify.Sign(testSecret, now.Unix(), body)
	other := notify.Sign([]byte("another-secret-of-16+"), now.Unix(), body)
	tests := []struct {
		name      string
		body      []byte
		timestamp string
		signature string
		want      error
	}{
		{"valid", body, ts, good, nil},
		{"valid among several (rotation)", body, ts, other + ", " + good, nil},
		{"unknown scheme ignored", body, ts, "v0=abc," + good, nil},
		{"wrong secret", body, ts, other, notify.ErrSignature},
		{"tampered body", []byte(`{"id":"n-2"}`), ts, good, notify.ErrSignature},
		{"signature for another timestamp", body, strconv.FormatInt(now.Unix()-1, 10), good, notify.ErrSignature},
		{"not hex", body, ts, "v1=zz", notify.ErrSignature},
		{"empty signature", body, ts, "", notify.ErrSignature},
		{"stale", body, strconv.FormatInt(now.Add(-6*time.Minute).Unix(), 10), good, notify.ErrStaleTimestamp},
		{"from the future", body, strconv.FormatInt(now.Add(6*time.Minute).Unix(), 10), good, notify.ErrStaleTimestamp},
		{"malformed timestamp", body, "yesterday", good, notify.ErrStaleTimestamp},
		{"missing timestamp", body, "", good, notify.ErrStaleTimestamp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := notify.VerifySignature(testSecret, tt.body, tt.timestamp, tt.signature, now, notify.DefaultTolerance)
			if tt.want == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tt.want)
			}
		})
	}
}

func TestVerifyRequest(t *testing.T) {
	body := []byte(`{"id":"n-1","recipient":"u-1"}`)
	signed := func(b []byte) *http.Request {
		t.Helper()
		r := httptest.NewRequest(http.MethodPost, "/hook", bytes.NewReader(b))
		ts := time.Now().Unix()
		r.Header.Set(notify.HeaderWebhookTimestamp, strconv.FormatInt(ts, 10))
		r.Header.Set(notify.HeaderWebhookSignature, notify.Sign(testSecret, ts, b))
		return r
	}

	got, err := notify.VerifyRequest(signed(body), testSecret, 0)
	require.NoError(t, err)
	assert.Equal(t, body, got)

	_, err = notify.VerifyRequest(signed(body), []byte("not-the-right-secret"), time.Minute)
	assert.ErrorIs(t, err, notify.ErrSignature)

	huge := []byte(strings.Repeat("x", 1<<20+1))
	_, err = notify.VerifyRequest(signed(huge), testSecret, 0)
	assert.ErrorIs(t, err, notify.ErrSignature)
}
