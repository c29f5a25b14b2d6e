package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Webhook signature scheme.
//
// Every request a [Webhook] sends carries three headers:
//
//	Billkit-Webhook-Id:        the notification ID (the same on every retry)
//	Billkit-Webhook-Timestamp: the time of this attempt, in Unix seconds
//	Billkit-Webhook-Signature: v1=<hex>
//
// where <hex> is the lower-case hexadecimal HMAC-SHA256 (RFC 2104, FIPS
// 180-4), keyed with the shared secret, of the bytes
//
//	<timestamp> "." <raw request body>
//
// A receiver verifies a request by (1) reading the raw body before any JSON
// decoding, (2) checking that the timestamp is within a few minutes of its
// own clock, which defeats replays of captured requests, (3) recomputing the
// HMAC over timestamp "." body and comparing it with the header in constant
// time, and (4) discarding a notification ID it has already processed, since
// a retry after a lost response delivers the same notification again.
// [VerifyRequest] does steps 1 to 3.
//
// The signature header may hold several comma-separated values (as in
// "v1=ab12..,v1=cd34.."); a request is authentic when any v1 value matches.
// This lets a receiver accept signatures from a new secret and an old one
// during a rotation. Values with another prefix are ignored, which leaves
// room for future schemes.
const (
	HeaderWebhookID        = "Billkit-Webhook-Id"
	HeaderWebhookTimestamp = "Billkit-Webhook-Timestamp"
	HeaderWebhookSignature = "Billkit-Webhook-Signature"
)

// DefaultTolerance is the timestamp window that VerifyRequest accepts on
// either side of the receiver's clock.
const DefaultTolerance = 5 * time.Minute

// maxVerifiedBody bounds what VerifyRequest reads, so that a hostile client
// cannot exhaust the receiver's memory.
const maxVerifiedBody = 1 << 20

const signaturePrefix = "v1="

// Sign returns the value of the signature header for body sent at
// timestamp (Unix seconds) with secret: "v1=" followed by the hexadecimal
// HMAC-SHA256 of timestamp "." body.
func Sign(secret []byte, timestamp int64, body []byte) string {
	return signaturePrefix + hex.EncodeToString(mac(secret, strconv.FormatInt(timestamp, 10), body))
}

func mac(secret []byte, timestamp string, body []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(timestamp))
	h.Write([]byte{'.'})
	h.Write(body)
	return h.Sum(nil)
}

// VerifySignature checks the timestamp and signature headers of a webhook
// request against its raw body. It returns nil when the timestamp is within
// tolerance of now and the signature matches, an error wrapping
// [ErrStaleTimestamp] when the timestamp is unusable, and one wrapping
// [ErrSignature] when no signature matches.
func VerifySignature(secret, body []byte, timestamp, signature string, now time.Time, tolerance time.Duration) error {
	ts, err := strconv.ParseInt(strings.TrimSpace(timestamp), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: %q is not a Unix time", ErrStaleTimestamp, timestamp)
	}
	if skew := now.Sub(time.Unix(ts, 0)).Abs(); skew > tolerance {
		return fmt.Errorf("%w: %s away from now", ErrStaleTimestamp, skew.Truncate(time.Second))
	}
	want := mac(secret, strconv.FormatInt(ts, 10), body)
	for value := range strings.SplitSeq(signature, ",") {
		value = strings.TrimSpace(value)
		hexSum, ok := strings.CutPrefix(value, signaturePrefix)
		if !ok {
			continue
		}
		got, err := hex.DecodeString(hexSum)
		if err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	return ErrSignature
}

// VerifyRequest reads the body of a webhook request (at most 1 MiB) and
// verifies its signature with secret, accepting timestamps within
// tolerance of the current time (DefaultTolerance when tolerance is 0).
// It returns the body on success, so that the handler can decode it; the
// request body is consumed either way.
func VerifyRequest(r *http.Request, secret []byte, tolerance time.Duration) ([]byte, error) {
	if tolerance <= 0 {
		tolerance = DefaultTolerance
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxVerifiedBody+1))
	if err != nil {
		return nil, fmt.Errorf("notify: reading webhook body: %w", err)
	}
	if len(body) > maxVerifiedBody {
		return nil, fmt.Errorf("%w: body larger than %d bytes", ErrSignature, maxVerifiedBody)
	}
	err = VerifySignature(secret, body, r.Header.Get(HeaderWebhookTimestamp),
		r.Header.Get(HeaderWebhookSignature), time.Now(), tolerance)
	if err != nil {
		return nil, err
	}
	return body, nil
}
