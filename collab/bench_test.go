package collab_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
	"github.com/stretchr/testify/require"
)

var (
	sinkMessage  collab.Message
	sinkPage     collab.ActivityPage
	sinkMentions []collab.MentionToken
	sinkErr      error
)

// BenchmarkPostThreeMentionsHundredFollowers posts a message mentioning
// three users to a thread that 100 users follow: 100 notifications per
// message, through a notifier that only counts them.
func BenchmarkPostThreeMentionsHundredFollowers(b *testing.B) {
	var sent atomic.Int64
	counter := notify.NotifierFunc(func(context.Context, notify.Notification) error {
		sent.Add(1)
		return nil
	})
	e := newEnv(b, withOptions(collab.WithNotifier(counter)))
	ctx := context.Background()
	for i := range 100 {
		id := fmt.Sprintf("u-%03d", i)
		require.NoError(b, e.dir.AddUser(id, fmt.Sprintf("user%03d", i), fmt.Sprintf("User %03d", i)))
		e.follow(b, inv, id)
	}
	body := `@user001, @user002 and @"User 003": is the *12 %* discount on line 3 what ACME signed? https://crm.example/deal/9`
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sinkMessage, sinkErr = e.svc.Post(ctx, claire, inv, body)
	}
	b.StopTimer()
	if sinkErr != nil {
		b.Fatal(sinkErr)
	}
	b.ReportMetric(float64(sent.Load())/float64(b.N), "notifications/op")
}

// BenchmarkActivityPage reads one page of 50 from the middle of a
// 1,000-message thread that also has 100 history events.
func BenchmarkActivityPage(b *testing.B) {
	var history []collab.HistoryEntry
	for i := range 100 {
		history = append(history, collab.HistoryEntry{ID: fmt.Sprintf("ev-%03d", i), At: t0.Add(time.Duration(i*10) * time.Second), Action: "invoice.reminded"})
	}
	e := newEnv(b, withOptions(collab.WithHistory(historyMap{inv: history})))
	fillThread(b, e, inv, 1000)
	ctx := context.Background()
	req := collab.PageRequest{Limit: collab.MaxPageSize}
	for range 3 { // skip to the middle of the thread
		page, err := e.svc.Activity(ctx, claire, inv, req)
		require.NoError(b, err)
		req.Cursor = page.Next
	}
	req.Limit = 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sinkPage, sinkErr = e.svc.Activity(ctx, claire, inv, req)
	}
	if sinkErr != nil || len(sinkPage.Items) != collab.DefaultPageSize {
		b.Fatal(sinkErr, len(sinkPage.Items))
	}
}

// BenchmarkFeedPage reads the first page of 50 of a user's feed over 20
// followed invoices holding 1,000 messages in all.
func BenchmarkFeedPage(b *testing.B) {
	e := newEnv(b)
	ctx := context.Background()
	for i := range 20 {
		fillThread(b, e, collab.Ref{Kind: collab.KindInvoice, ID: fmt.Sprintf("INV-%02d", i)}, 50)
	}
	following, err := e.svc.Following(ctx, claire)
	require.NoError(b, err)
	require.Len(b, following, 20)
	req := collab.PageRequest{NewestFirst: true}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sinkPage, sinkErr = e.svc.Feed(ctx, claire, req)
	}
	if sinkErr != nil || len(sinkPage.Items) != collab.DefaultPageSize {
		b.Fatal(sinkErr, len(sinkPage.Items))
	}
}

func BenchmarkParseMentions(b *testing.B) {
	text := strings.Repeat(`@alice please check with @"Bob Stone" (not bob@example.com) *today* `, 10)
	b.ReportAllocs()
	for b.Loop() {
		sinkMentions = collab.ParseMentions(text)
	}
}

// fillThread posts n messages by claire on ref.
func fillThread(b *testing.B, e *env, ref collab.Ref, n int) {
	b.Helper()
	for i := range n {
		e.post(b, claire, ref, fmt.Sprintf("message %d about line %d", i, i%7))
	}
}
