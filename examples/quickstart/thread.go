package main

import (
	"errors"
	"strings"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/store/memory"
)

// discuss settles a question on the invoice's own thread: the accountant
// asks the sales rep about the negotiated discount with an @mention, and
// the invoice's activity feed shows the conversation among its audit
// events. The engine decides who may see the thread: whoever may see the
// invoice.
func (t *tour) discuss() error {
	t.section("Conversation on "+t.invoiceNumber, date.MustParse("2026-04-21"))
	dir := collab.NewMemoryDirectory()
	for _, p := range people {
		if err := dir.AddUser(p.id, p.id, p.name); err != nil {
			return err
		}
	}
	svc, err := collab.NewService(memory.NewCollabStore(), dir, t.engine.CollabPolicy(nil),
		collab.WithHistory(t.engine.HistorySource()),
		collab.WithNames(t.engine.Names()),
		collab.WithNotifier(t.inbox),
		collab.WithClock(t.clock.read),
		collab.WithIDGenerator(func() string { return t.newID().String() }))
	if err != nil {
		return err
	}
	ref := invoiceRef(t.invoiceID)
	ask, err := svc.Post(t.ctx, claire, ref,
		"@alice line 1 gives 15 % off the implementation days: is that what the Boulangerie signed, for this order only?")
	if err != nil {
		return err
	}
	t.printNotifications(alice, notify.KindMention)
	if _, err := svc.Reply(t.ctx, alice, ask.ID,
		"Yes @claire: Bruno approved it on Q-2026-0042, for the kick-off only. The seats stay at list price."); err != nil {
		return err
	}
	t.printNotifications(claire, "")

	_, err = svc.Activity(t.ctx, "zoe", ref, collab.PageRequest{})
	if !errors.Is(err, collab.ErrForbidden) {
		return errors.Join(errors.New("a stranger should not see the thread"), err)
	}
	t.say("zoe, who has no role, may not read the thread: %v", err)

	t.say("\nactivity of the invoice, as %s sees it:", claire)
	page, err := svc.Activity(t.ctx, claire, ref, collab.PageRequest{})
	if err != nil {
		return err
	}
	for _, a := range page.Items {
		at := a.At.Format("01-02 15:04:05")
		switch a.Type {
		case collab.ActivityMessage:
			t.say("  %s  %-6s says: %s", at, a.Message.Author, a.Message.Body)
		case collab.ActivityHistory:
			t.say("  %s  %-6s %s", at, a.History.Actor, shorten(a.History.Summary, 90))
		}
	}
	return nil
}

// shorten cuts s to at most n characters.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}
