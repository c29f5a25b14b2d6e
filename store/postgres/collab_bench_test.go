package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/billkit/billkit/collab"
)

var (
	sinkMessage      collab.Message
	sinkMessages     []collab.Message
	sinkActivityPage collab.ActivityPage
)

// BenchmarkCollabInsertMessage stores one new message per op: one
// statement, its notification for the other instances included.
func BenchmarkCollabInsertMessage(b *testing.B) {
	s := openStore(b).Collab()
	ctx := context.Background()
	m := collab.Message{ThreadID: "t-1", Object: collabInvoice, Kind: collab.MessagePost, Author: "u-claire",
		Body: "Is the 12 % discount on line 3 what ACME signed for?", CreatedAt: collabT0, Version: 1,
		Mentions: []collab.Principal{{Type: collab.PrincipalUser, ID: "u-bob", Handle: "bob", Name: "Bob Stone"}},
		Spans:    []collab.Span{{Kind: collab.SpanMention, Start: 0, End: 4, Target: "u-bob", Principal: collab.PrincipalUser}}}
	b.ReportAllocs()
	for b.Loop() {
		m.ID = uuid.NewString()
		if err := s.InsertMessage(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCollabPost posts a message mentioning one user through a
// collab.Service to an invoice's thread that three users follow: access
// check, mention, thread, message, follows and three notifications (to
// a notifier that discards them), each read and write a round trip to
// PostgreSQL.
func BenchmarkCollabPost(b *testing.B) {
	svc := threads(b, openStore(b))
	ctx := context.Background()
	for _, u := range []string{"u-a", "u-b", "u-c"} {
		if err := svc.Follow(ctx, u, collabInvoice); err != nil {
			b.Fatal(err)
		}
	}
	var err error
	b.ReportAllocs()
	for b.Loop() {
		sinkMessage, err = svc.Post(ctx, "u-a", collabInvoice, "@b is the *12 %* discount on line 3 what ACME signed for?")
		if err != nil {
			b.Fatal(err)
		}
	}
}

// fillCollabThread stores n messages in the thread of ref, a second
// apart, through s.
func fillCollabThread(b *testing.B, s collab.Store, ref collab.Ref, n int) {
	b.Helper()
	ctx := context.Background()
	for i := range n {
		m := collab.Message{ID: fmt.Sprintf("m-%05d", i), ThreadID: "t-1", Object: ref, Kind: collab.MessagePost,
			Author: "u-a", Body: fmt.Sprint("message ", i), CreatedAt: collabT0.Add(time.Duration(i) * time.Second), Version: 1}
		if err := s.InsertMessage(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCollabThreadPage reads 50 messages, with their reactions and
// reply counts, from the middle of a 1,000-message thread: one query.
func BenchmarkCollabThreadPage(b *testing.B) {
	s := openStore(b).Collab()
	fillCollabThread(b, s, collabInvoice, 1000)
	ctx := context.Background()
	q := collab.MessageQuery{Objects: []collab.Ref{collabInvoice}, From: collab.Position{At: collabT0.Add(500 * time.Second)}, Limit: 50}
	var err error
	b.ReportAllocs()
	for b.Loop() {
		sinkMessages, err = s.ListMessages(ctx, q)
		if err != nil || len(sinkMessages) != 50 {
			b.Fatal(err, len(sinkMessages))
		}
	}
}

// BenchmarkCollabActivityPage reads a page of 50 from the middle of a
// 1,000-message thread through a collab.Service, as collab's
// BenchmarkActivityPage does from memory (without history).
func BenchmarkCollabActivityPage(b *testing.B) {
	st := openStore(b)
	svc := threads(b, st)
	fillCollabThread(b, st.Collab(), collabInvoice, 1000)
	ctx := context.Background()
	req := collab.PageRequest{Limit: collab.MaxPageSize}
	for range 3 { // skip to the middle of the thread
		page, err := svc.Activity(ctx, "u-a", collabInvoice, req)
		if err != nil {
			b.Fatal(err)
		}
		req.Cursor = page.Next
	}
	req.Limit = 0
	var err error
	b.ReportAllocs()
	for b.Loop() {
		sinkActivityPage, err = svc.Activity(ctx, "u-a", collabInvoice, req)
		if err != nil || len(sinkActivityPage.Items) != collab.DefaultPageSize {
			b.Fatal(err, len(sinkActivityPage.Items))
		}
	}
}
