package collab_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/store/memory"
)

// exampleService returns a Service with a small sales and finance team,
// a policy that lets the team see every object, a ticking clock and
// readable IDs, so that examples print the same output every time.
func exampleService(notifier notify.Notifier, opts ...collab.Option) *collab.Service {
	dir := collab.NewMemoryDirectory()
	_ = dir.AddUser("u-claire", "claire", "Claire Dubois") // accountant
	_ = dir.AddUser("u-alice", "alice", "Alice Martin")    // sales rep
	_ = dir.AddUser("u-bob", "bob", "Bob Stone")           // sales manager
	_ = dir.AddUser("u-dana", "dana", "Dana Scully")       // finance
	_ = dir.AddGroup("g-finance", "finance-team", "Finance team", false, "u-claire", "u-dana")

	policy := collab.PolicyFuncs{
		View: func(_ context.Context, user string, _ collab.Ref) (bool, error) {
			return strings.HasPrefix(user, "u-") || strings.HasPrefix(user, "system:"), nil
		},
	}
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	n := 0
	base := []collab.Option{
		collab.WithNotifier(notifier),
		collab.WithClock(func() time.Time { now = now.Add(time.Minute); return now }),
		collab.WithIDGenerator(func() string { n++; return fmt.Sprintf("id-%d", n) }),
	}
	svc, err := collab.NewService(memory.NewCollabStore(), dir, policy, append(base, opts...)...)
	if err != nil {
		panic(err) // the configuration above is valid
	}
	return svc
}

// An accountant preparing an invoice asks the sales rep, on the invoice
// itself, about a negotiated line; the sales rep is notified and answers
// in the same thread.
func Example() {
	rec := &notify.Recorder{}
	svc := exampleService(rec)
	ctx := context.Background()
	invoice := collab.Ref{Kind: collab.KindInvoice, ID: "INV-2026-0042"}

	question, err := svc.Post(ctx, "u-claire", invoice,
		`@alice line 3 shows a *12 %* discount, the price book allows 10 %. Was it negotiated?`)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range rec.For("u-alice") {
		fmt.Printf("to %s [%s] %s\n  %s\n", n.Recipient, n.Kind, n.Subject, n.Body)
	}

	_, _ = svc.Reply(ctx, "u-alice", question.ID, `Yes, signed by @bob on the 2026 renewal, see the quote.`)
	for _, n := range rec.All()[1:] {
		fmt.Printf("to %s [%s] %s\n", n.Recipient, n.Kind, n.Subject)
	}
	// Output:
	// to u-alice [mention] Claire Dubois mentioned you on invoice INV-2026-0042
	//   @alice line 3 shows a *12 %* discount, the price book allows 10 %. Was it negotiated?
	// to u-bob [mention] Alice Martin mentioned you on invoice INV-2026-0042
	// to u-claire [reply] Alice Martin replied to you on invoice INV-2026-0042
}

func ExampleParseMentions() {
	text := `@alice please check with @"Bob Stone"; mail ap@acme.example if needed`
	for _, m := range collab.ParseMentions(text) {
		fmt.Printf("%q at [%d:%d] -> %s\n", text[m.Start:m.End], m.Start, m.End, m.Name)
	}
	// Output:
	// "@alice" at [0:6] -> alice
	// "@\"Bob Stone\"" at [25:37] -> Bob Stone
}

func ExampleParseMarkup() {
	text := "*Urgent*: the _amended_ PO is at https://erp.example/po/881."
	for _, s := range collab.ParseMarkup(text) {
		fmt.Printf("%s %q\n", s.Kind, text[s.Start:s.End])
	}
	// Output:
	// bold "*Urgent*"
	// italic "_amended_"
	// link "https://erp.example/po/881"
}

// The dunning run creates a task for the account owner; she starts it and
// finishes it.
func ExampleService_CreateTask() {
	rec := &notify.Recorder{}
	svc := exampleService(rec)
	ctx := context.Background()
	invoice := collab.Ref{Kind: collab.KindInvoice, ID: "INV-2026-0042"}

	task, err := svc.CreateTask(ctx, "system:dunning", invoice, collab.TaskInput{
		Title:    "Call ACME: invoice 15 days overdue",
		Assignee: "u-alice",
		Due:      date.MustNew(2026, 3, 6),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.All()[0].Kind, "->", rec.All()[0].Recipient)
	task, _ = svc.SetTaskStatus(ctx, "u-alice", task.ID, task.Version, collab.TaskInProgress)
	task, _ = svc.SetTaskStatus(ctx, "u-alice", task.ID, task.Version, collab.TaskDone)
	fmt.Println(task.Status, "version", task.Version)

	_, err = svc.SetTaskStatus(ctx, "u-alice", task.ID, task.Version, collab.TaskCancelled)
	fmt.Println(err)
	// Output:
	// task_assigned -> u-alice
	// done version 3
	// collab: task "id-3" cannot go from done to cancelled
}

func ExampleService_CreatePoll() {
	svc := exampleService(notify.Discard)
	ctx := context.Background()
	contract := collab.Ref{Kind: collab.KindContract, ID: "C-2026-007"}

	poll, _ := svc.CreatePoll(ctx, "u-bob", contract, "Bill the setup fee when?",
		[]string{"At signature", "At go-live"})
	_, _ = svc.Vote(ctx, "u-claire", poll.PollID, "2")
	_, _ = svc.Vote(ctx, "u-dana", poll.PollID, "1")
	_, _ = svc.Vote(ctx, "u-dana", poll.PollID, "2") // changes her mind
	res, _ := svc.ClosePoll(ctx, "u-bob", poll.PollID)
	for _, c := range res.Choices {
		fmt.Printf("%s: %d\n", c.Label, c.Votes)
	}
	_, err := svc.Vote(ctx, "u-alice", poll.PollID, "1")
	fmt.Println(err)
	// Output:
	// At signature: 0
	// At go-live: 2
	// collab: poll closed
}

// The activity of an invoice merges its thread with the history the
// billing engine records.
func ExampleService_Activity() {
	history := collab.HistoryFunc(func(_ context.Context, _ collab.Ref, q collab.HistoryQuery) ([]collab.HistoryEntry, error) {
		return q.Apply([]collab.HistoryEntry{
			{ID: "ev-1", At: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Action: "invoice.issued", Summary: "Issued"},
			{ID: "ev-2", At: time.Date(2026, 3, 2, 9, 2, 30, 0, time.UTC), Action: "invoice.sent", Summary: "Sent to ap@acme.example"},
		}), nil
	})
	svc := exampleService(notify.Discard, collab.WithHistory(history))
	ctx := context.Background()
	invoice := collab.Ref{Kind: collab.KindInvoice, ID: "INV-2026-0042"}
	_, _ = svc.Post(ctx, "u-claire", invoice, "Issued with the corrected PO number.")
	_, _ = svc.Post(ctx, "u-alice", invoice, "Thanks, ACME confirmed receipt.")

	page, _ := svc.Activity(ctx, "u-bob", invoice, collab.PageRequest{Limit: 3})
	for _, a := range page.Items {
		if a.Type == collab.ActivityHistory {
			fmt.Println(a.At.Format("15:04:05"), "history:", a.History.Summary)
		} else {
			fmt.Println(a.At.Format("15:04:05"), a.Message.Author+":", a.Message.Body)
		}
	}
	fmt.Println("more:", page.Next != "")
	// Output:
	// 09:00:00 history: Issued
	// 09:02:00 u-claire: Issued with the corrected PO number.
	// 09:02:30 history: Sent to ap@acme.example
	// more: true
}

// A confidential attachment is visible only to those it is shared with.
func ExampleService_Attach() {
	svc := exampleService(notify.Discard, collab.WithContent(memory.NewCollabContent()))
	ctx := context.Background()
	quote := collab.Ref{Kind: collab.KindQuote, ID: "Q-17"}

	_, err := svc.Attach(ctx, "u-bob", quote, collab.AttachmentInput{
		Name:            "margin-analysis.csv",
		MediaType:       "text/csv",
		Content:         strings.NewReader("line,cost,price\n3,70.00,88.00\n"),
		ShareWithGroups: []string{"g-finance"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, user := range []string{"u-dana", "u-alice"} {
		list, _ := svc.Attachments(ctx, user, quote)
		fmt.Println(user, "sees", len(list), "attachment(s)")
	}
	list, _ := svc.Attachments(ctx, "u-claire", quote)
	rc, a, _ := svc.OpenAttachment(ctx, "u-claire", list[0].ID)
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	fmt.Printf("%s (%d bytes): %q\n", a.Name, a.Size, b)
	// Output:
	// u-dana sees 1 attachment(s)
	// u-alice sees 0 attachment(s)
	// margin-analysis.csv (30 bytes): "line,cost,price\n3,70.00,88.00\n"
}

// A user who prefers a digest gets one notification summing up the day.
func ExampleService_Digest() {
	rec := &notify.Recorder{}
	svc := exampleService(rec)
	ctx := context.Background()
	invoice := collab.Ref{Kind: collab.KindInvoice, ID: "INV-2026-0042"}
	_ = svc.SetPreference(ctx, "u-bob", collab.PreferenceDigest)
	_ = svc.Follow(ctx, "u-bob", invoice)
	_, _ = svc.Post(ctx, "u-claire", invoice, "Credit note CN-12 drafted for line 3.")
	_, _ = svc.Post(ctx, "u-alice", invoice, "@bob can you approve CN-12 today?")

	_, _ = svc.Digest(ctx, "u-bob", time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC))
	d := rec.For("u-bob")[0]
	fmt.Println(d.Kind, "|", d.Subject)
	fmt.Print(d.Body)
	// Output:
	// digest | 2 updates
	// - Claire Dubois posted on invoice INV-2026-0042: Credit note CN-12 drafted for line 3.
	// - Alice Martin mentioned you on invoice INV-2026-0042: @bob can you approve CN-12 today?
}

// Edits keep every previous body; deleting hides the body from everyone.
func ExampleService_Edit() {
	svc := exampleService(notify.Discard)
	ctx := context.Background()
	payment := collab.Ref{Kind: collab.KindPayment, ID: "PAY-881"}

	m, _ := svc.Post(ctx, "u-dana", payment, "Received 1,200.00 EUR")
	m, _ = svc.Edit(ctx, "u-dana", m.ID, m.Version, "Received 1,250.00 EUR (bank fee refunded)")
	for _, r := range m.History {
		fmt.Println("was:", r.Body)
	}
	fmt.Println("now:", m.Body)

	_, err := svc.Edit(ctx, "u-dana", m.ID, 1, "stale edit")
	fmt.Println(err)

	_ = svc.Delete(ctx, "u-dana", m.ID)
	m, _ = svc.Message(ctx, "u-claire", m.ID)
	fmt.Printf("deleted=%v body=%q\n", m.Deleted, m.Body)
	// Output:
	// was: Received 1,200.00 EUR
	// now: Received 1,250.00 EUR (bank fee refunded)
	// collab: message "id-2" is at version 2, not 1
	// deleted=true body=""
}
