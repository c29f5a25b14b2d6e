package notify_test

import (
	"bytes"
	"log/slog"
	"testing"

	"github.com/billkit/billkit/notify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLogWritesOneRecordWithoutBody(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	require.NoError(t, notify.NewLog(logger).Notify(t.Context(), fixture("u-bob")))
	assert.Equal(t,
		`level=INFO msg=notification id=n-u-bob recipient=u-bob kind=mention `+
			`subject="Claire mentioned you on invoice INV-1" object.kind=invoice object.id=INV-1 `+
			`actor=u-claire data.thread_id=t-1`+"\n",
		buf.String())
	assert.NotContains(t, buf.String(), "discount", "the body must not be logged")
}

func TestLogNilLoggerUsesDefault(t *testing.T) {
	var buf bytes.Buffer
	prev := slog.Default()
	t.Cleanup(func() { slog.SetDefault(prev) })
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))

	n := fixture("u-bob")
	n.Object, n.Actor, n.Data = notify.Object{}, "", nil
	require.NoError(t, notify.NewLog(nil).Notify(t.Context(), n))
	assert.Contains(t, buf.String(), "recipient=u-bob")
	assert.NotContains(t, buf.String(), "object.")
}
