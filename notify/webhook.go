package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Webhook defaults.
const (
	DefaultMaxAttempts = 5
	DefaultBackoff     = 500 * time.Millisecond
	DefaultMaxElapsed  = time.Minute
	// MinSecretLength is the shortest signing secret NewWebhook accepts.
	MinSecretLength = 16
)

// maxBackoffFactor caps the wait between two attempts at this multiple of
// the backoff base (32 × 500 ms = 16 s by default).
const maxBackoffFactor = 32

// drainLimit is how much of a response body is read before closing it, so
// that the connection can be reused without reading an endless body.
const drainLimit = 64 << 10

// Webhook is a Notifier that POSTs each notification as JSON to a URL.
//
// The body is the JSON encoding of the [Notification]. Requests are signed
// as described at [HeaderWebhookSignature]. A response with a 2xx status is
// a success. A network error, a 429 or a 5xx response is retried after an
// exponentially growing, jittered wait (base, 2×base, 4×base, ... capped at
// 32×base; a longer Retry-After in seconds is honoured), until the maximum
// number of attempts is reached, the total time budget is spent or ctx
// ends. Any other status fails at once: the receiver has refused the
// request and sending it again would not help. With the default client,
// redirects are not followed and count as refusals.
//
// Notify blocks for the whole delivery, retries included; a host that must
// not wait should call it from its own queue or goroutine.
type Webhook struct {
	url         string
	client      *http.Client
	secret      []byte
	maxAttempts int
	backoff     time.Duration
	maxElapsed  time.Duration
}

// WebhookOption configures a Webhook.
type WebhookOption func(*Webhook)

// WithHTTPClient sets the HTTP client, for its transport, proxy and
// per-request timeout. The default has a 10 s timeout and does not follow
// redirects.
func WithHTTPClient(c *http.Client) WebhookOption {
	return func(w *Webhook) { w.client = c }
}

// WithSecret sets the shared secret that signs every request. It is
// required and must be at least MinSecretLength bytes; generate it with
// crypto/rand and share it with the receiver only.
func WithSecret(secret []byte) WebhookOption {
	return func(w *Webhook) { w.secret = bytes.Clone(secret) }
}

// WithMaxAttempts sets how many requests at most are made for one
// notification (default 5; 1 disables retries).
func WithMaxAttempts(n int) WebhookOption {
	return func(w *Webhook) { w.maxAttempts = n }
}

// WithBackoff sets the wait before the first retry (default 500 ms); each
// further retry waits twice as long as the previous one.
func WithBackoff(base time.Duration) WebhookOption {
	return func(w *Webhook) { w.backoff = base }
}

// WithMaxElapsed bounds the total time spent delivering one notification,
// retries and waits included (default 1 minute).
func WithMaxElapsed(d time.Duration) WebhookOption {
	return func(w *Webhook) { w.maxElapsed = d }
}

// NewWebhook returns a Webhook that posts to target, an absolute http or
// https URL. It returns an error wrapping [ErrInvalidConfig] when target or
// an option is unusable, or when no secret is given.
func NewWebhook(target string, opts ...WebhookOption) (*Webhook, error) {
	w := &Webhook{
		url:         target,
		maxAttempts: DefaultMaxAttempts,
		backoff:     DefaultBackoff,
		maxElapsed:  DefaultMaxElapsed,
	}
	for _, opt := range opts {
		opt(w)
	}
	u, err := url.Parse(target)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: webhook URL: %v", ErrInvalidConfig, err)
	case u.Scheme != "http" && u.Scheme != "https", u.Host == "":
		return nil, fmt.Errorf("%w: webhook URL %q must be an absolute http or https URL", ErrInvalidConfig, target)
	case len(w.secret) < MinSecretLength:
		return nil, fmt.Errorf("%w: webhook secret must be at least %d bytes", ErrInvalidConfig, MinSecretLength)
	case w.maxAttempts < 1:
		return nil, fmt.Errorf("%w: webhook max attempts must be at least 1, got %d", ErrInvalidConfig, w.maxAttempts)
	case w.backoff <= 0:
		return nil, fmt.Errorf("%w: webhook backoff must be positive, got %s", ErrInvalidConfig, w.backoff)
	case w.maxElapsed <= 0:
		return nil, fmt.Errorf("%w: webhook max elapsed time must be positive, got %s", ErrInvalidConfig, w.maxElapsed)
	case w.backoff > w.maxElapsed:
		return nil, fmt.Errorf("%w: webhook backoff %s exceeds the max elapsed time %s", ErrInvalidConfig, w.backoff, w.maxElapsed)
	}
	if w.client == nil {
		w.client = &http.Client{
			Timeout: 10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse
			},
		}
	}
	return w, nil
}

// Notify posts n, retrying as described on [Webhook]. A notification
// without an ID is given a random one, so that the receiver can still
// recognise retries. On failure the error is a *DeliveryError.
func (w *Webhook) Notify(ctx context.Context, n Notification) error {
	if n.ID == "" {
		n.ID = uuid.NewString()
	}
	body, err := json.Marshal(n)
	if err != nil {
		return &DeliveryError{NotificationID: n.ID, Err: err}
	}
	deadline := time.Now().Add(w.maxElapsed)
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()

	var last attemptResult
	attempt := 0
	for {
		attempt++
		last = w.attempt(ctx, n.ID, body)
		if last.err == nil {
			return nil
		}
		if !last.retryable || attempt >= w.maxAttempts || ctx.Err() != nil {
			break
		}
		wait := max(w.delay(attempt), last.retryAfter)
		if time.Until(deadline) < wait {
			break
		}
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
		}
		if ctx.Err() != nil {
			last = attemptResult{status: last.status, err: errors.Join(last.err, ctx.Err())}
			break
		}
	}
	return &DeliveryError{NotificationID: n.ID, Attempts: attempt, StatusCode: last.status, Err: last.err}
}

// attemptResult is the outcome of one request.
type attemptResult struct {
	status     int
	err        error
	retryable  bool
	retryAfter time.Duration
}

func (w *Webhook) attempt(ctx context.Context, id string, body []byte) attemptResult {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return attemptResult{err: err}
	}
	ts := time.Now().Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "billkit-webhook/1")
	req.Header.Set(HeaderWebhookID, id)
	req.Header.Set(HeaderWebhookTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(HeaderWebhookSignature, Sign(w.secret, ts, body))

	resp, err := w.client.Do(req)
	if err != nil {
		return attemptResult{err: err, retryable: ctx.Err() == nil}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
	_ = resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return attemptResult{status: resp.StatusCode}
	}
	res := attemptResult{
		status: resp.StatusCode,
		err:    fmt.Errorf("HTTP %d %s", resp.StatusCode, http.StatusText(resp.StatusCode)),
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		res.retryable = true
		if secs, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && secs > 0 {
			res.retryAfter = time.Duration(secs) * time.Second
		}
	}
	return res
}

// delay returns the jittered wait after the given failed attempt: a random
// duration between half and all of base × 2^(attempt-1), capped.
func (w *Webhook) delay(attempt int) time.Duration {
	d := w.backoff
	for i := 1; i < attempt && d < w.backoff*maxBackoffFactor; i++ {
		d *= 2
	}
	d = min(d, w.backoff*maxBackoffFactor)
	half := d / 2
	return half + rand.N(d-half+1)
}
