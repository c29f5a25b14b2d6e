package notify

import (
	"context"
	"log/slog"
	"maps"
	"slices"
)

// Log is a Notifier that writes each notification as one structured record
// through a *slog.Logger, at level Info with the message "notification".
// It suits development and hosts that ship logs to their own alerting.
//
// The body is deliberately left out: it is free text written by users about
// customers and money, and logs are usually kept longer and read more
// widely than the notifications themselves. The record carries the
// notification's ID, recipient, kind, subject, object, actor and data.
type Log struct {
	logger *slog.Logger
}

// NewLog returns a Log that writes through logger, or through
// slog.Default() when logger is nil.
func NewLog(logger *slog.Logger) *Log {
	return &Log{logger: logger}
}

// Notify writes n. It returns nil: a logger reports no errors.
func (l *Log) Notify(ctx context.Context, n Notification) error {
	logger := l.logger
	if logger == nil {
		logger = slog.Default()
	}
	attrs := make([]slog.Attr, 0, 8)
	attrs = append(attrs,
		slog.String("id", n.ID),
		slog.String("recipient", n.Recipient),
		slog.String("kind", string(n.Kind)),
		slog.String("subject", n.Subject),
	)
	if !n.Object.IsZero() {
		attrs = append(attrs, slog.Group("object", slog.String("kind", n.Object.Kind), slog.String("id", n.Object.ID)))
	}
	if n.Actor != "" {
		attrs = append(attrs, slog.String("actor", n.Actor))
	}
	if len(n.Data) > 0 {
		data := make([]any, 0, len(n.Data))
		for _, k := range slices.Sorted(maps.Keys(n.Data)) {
			data = append(data, slog.String(k, n.Data[k]))
		}
		attrs = append(attrs, slog.Group("data", data...))
	}
	logger.LogAttrs(ctx, slog.LevelInfo, "notification", attrs...)
	return nil
}
