package memory_test

import (
	"context"
	"fmt"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/store/memory"
)

func ExampleNewCollabStore() {
	dir := collab.NewMemoryDirectory()
	_ = dir.AddUser("u-claire", "claire", "Claire Dubois")
	_ = dir.AddUser("u-alice", "alice", "Alice Martin")
	everyone := collab.PolicyFuncs{
		View: func(context.Context, string, collab.Ref) (bool, error) { return true, nil },
	}
	rec := &notify.Recorder{}
	svc, err := collab.NewService(memory.NewCollabStore(), dir, everyone,
		collab.WithNotifier(rec), collab.WithContent(memory.NewCollabContent()))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	credit := collab.Ref{Kind: collab.KindCreditNote, ID: "CN-12"}
	_, _ = svc.Post(ctx, "u-claire", credit, "@alice the customer asked for a partial credit only")
	page, _ := svc.Activity(ctx, "u-alice", credit, collab.PageRequest{})
	fmt.Println(len(page.Items), "message;", rec.Len(), "notification to", rec.All()[0].Recipient)
	// Output: 1 message; 1 notification to u-alice
}
