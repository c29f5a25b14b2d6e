package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/collab"
)

// InsertPoll implements collab.PollStore: the poll, its ballots if it
// has any, and its message are one transaction, all or none.
func (c *CollabStore) InsertPoll(ctx context.Context, p collab.Poll, m collab.Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var f faults
	f.id("poll.id", p.ID)
	f.ref("poll.object", p.Object)
	f.text("poll.question", p.Question)
	for i, ch := range p.Choices {
		field := "poll.choices[" + strconv.Itoa(i) + "]"
		f.text(field+".id", ch.ID)
		f.text(field+".label", ch.Label)
	}
	f.text("poll.created_by", p.CreatedBy)
	f.time("poll.created_at", p.CreatedAt)
	f.time("poll.closed_at", p.ClosedAt)
	f.text("poll.closed_by", p.ClosedBy)
	voters := slices.Sorted(maps.Keys(p.Ballots))
	choices := make([]string, len(voters))
	for i, u := range voters {
		choices[i] = p.Ballots[u]
		f.text("poll.ballots", u)
		f.text("poll.ballots."+strconv.Quote(u), choices[i])
	}
	if err := f.err(); err != nil {
		return err
	}
	args, err := c.messageArgs(m)
	if err != nil {
		return err
	}
	list := p.Choices
	if list == nil {
		list = []collab.Choice{}
	}
	raw, err := json.Marshal(list)
	if err != nil {
		return fmt.Errorf("postgres: encode poll %q: %w", p.ID, err)
	}
	at, ns := splitTime(p.CreatedAt)
	closedAt, closedNs := optTime(p.ClosedAt)
	return c.inTx(ctx, "insert poll", func(tx *lazyTx) error {
		b := &pgx.Batch{}
		b.Queue(c.q.insertPoll, p.ID, string(p.Object.Kind), p.Object.ID, p.Question, string(raw), p.CreatedBy, at, ns,
			closedAt, closedNs, optText(p.ClosedBy))
		if len(voters) > 0 {
			b.Queue(c.q.insertBallots, p.ID, voters, choices)
		}
		br, err := tx.SendBatch(ctx, b)
		if err != nil {
			return dbErr(ctx, "insert poll", err)
		}
		tag, err := br.Exec()
		if err == nil && len(voters) > 0 {
			_, err = br.Exec()
		}
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return dbErr(ctx, "insert poll", err)
		}
		if tag.RowsAffected() == 0 {
			return &collab.ConflictError{Entity: "poll", ID: p.ID}
		}
		return c.insertMessage(ctx, tx, args, m.ID)
	})
}

// Poll implements collab.PollStore.
func (c *CollabStore) Poll(ctx context.Context, id string) (collab.Poll, error) {
	if err := ctx.Err(); err != nil {
		return collab.Poll{}, err
	}
	if !storable(id) {
		return collab.Poll{}, &collab.NotFoundError{Entity: "poll", ID: id}
	}
	return c.readPoll(ctx, c.s.pool, id)
}

// readPoll reads poll id with its ballots.
func (c *CollabStore) readPoll(ctx context.Context, q querier, id string) (collab.Poll, error) {
	var (
		p                 collab.Poll
		kind              string
		choices           []byte
		at                time.Time
		ns, closedNs      int16
		closedAt          *time.Time
		voters, selection []string
	)
	err := q.QueryRow(ctx, c.q.poll, id).Scan(&p.ID, &kind, &p.Object.ID, &p.Question, &choices, &p.CreatedBy,
		&at, &ns, &closedAt, &closedNs, &p.ClosedBy, &voters, &selection)
	if errors.Is(err, pgx.ErrNoRows) {
		return collab.Poll{}, &collab.NotFoundError{Entity: "poll", ID: id}
	}
	if err != nil {
		return collab.Poll{}, dbErr(ctx, "read poll", err)
	}
	if err := json.Unmarshal(choices, &p.Choices); err != nil {
		return collab.Poll{}, fmt.Errorf("postgres: decode poll %q: %w", id, err)
	}
	if len(p.Choices) == 0 {
		p.Choices = nil
	}
	p.Object.Kind, p.CreatedAt, p.ClosedAt = collab.Kind(kind), joinTime(at, ns), joinOptTime(closedAt, closedNs)
	if len(voters) > 0 {
		p.Ballots = make(map[string]string, len(voters))
		for i, u := range voters {
			p.Ballots[u] = selection[i]
		}
	}
	return p, nil
}

// CastVote implements collab.PollStore. The vote holds the poll's row
// (SELECT ... FOR SHARE) from the check that it is open to the commit: a
// concurrent ClosePoll waits for the vote, and a vote that comes after a
// close finds the poll closed. A user's ballot is one row, so two
// concurrent votes of one user leave one ballot, the last one's.
func (c *CollabStore) CastVote(ctx context.Context, pollID, userID, choiceID string) (collab.Poll, error) {
	if err := ctx.Err(); err != nil {
		return collab.Poll{}, err
	}
	if !storable(pollID) {
		return collab.Poll{}, &collab.NotFoundError{Entity: "poll", ID: pollID}
	}
	var f faults
	f.text("user_id", userID)
	if err := f.err(); err != nil {
		return collab.Poll{}, err
	}
	var p collab.Poll
	err := c.inTx(ctx, "cast vote", func(tx *lazyTx) error {
		var (
			closed bool
			raw    []byte
		)
		err := tx.QueryRow(ctx, c.q.lockPoll, pollID).Scan(&closed, &raw)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			return &collab.NotFoundError{Entity: "poll", ID: pollID}
		case err != nil:
			return dbErr(ctx, "cast vote", err)
		case closed:
			return collab.ErrClosed
		}
		var open collab.Poll
		if err := json.Unmarshal(raw, &open.Choices); err != nil {
			return fmt.Errorf("postgres: decode poll %q: %w", pollID, err)
		}
		if !open.HasChoice(choiceID) {
			return &collab.NotFoundError{Entity: "choice", ID: choiceID}
		}
		if _, err := tx.Exec(ctx, c.q.vote, pollID, userID, choiceID); err != nil {
			return dbErr(ctx, "cast vote", err)
		}
		p, err = c.readPoll(ctx, tx, pollID)
		return err
	})
	if err != nil {
		return collab.Poll{}, err
	}
	return p, nil
}

// ClosePoll implements collab.PollStore. The UPDATE closes the poll only
// if it is open, after the votes holding it have committed: of two
// concurrent closes, the second finds it closed. The poll is read once
// closed, with ballots that no vote can change any more.
func (c *CollabStore) ClosePoll(ctx context.Context, pollID, by string, at time.Time) (collab.Poll, error) {
	if err := ctx.Err(); err != nil {
		return collab.Poll{}, err
	}
	if !storable(pollID) {
		return collab.Poll{}, &collab.NotFoundError{Entity: "poll", ID: pollID}
	}
	var f faults
	f.text("closed_by", by)
	f.time("closed_at", at)
	if err := f.err(); err != nil {
		return collab.Poll{}, err
	}
	closedAt, closedNs := optTime(at)
	tag, err := c.s.pool.Exec(ctx, c.q.closePoll, pollID, closedAt, closedNs, optText(by))
	if err != nil {
		return collab.Poll{}, dbErr(ctx, "close poll", err)
	}
	if tag.RowsAffected() == 0 {
		var closed bool
		err := c.s.pool.QueryRow(ctx, c.q.pollClosed, pollID).Scan(&closed)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			return collab.Poll{}, &collab.NotFoundError{Entity: "poll", ID: pollID}
		case err != nil:
			return collab.Poll{}, dbErr(ctx, "close poll", err)
		}
		return collab.Poll{}, collab.ErrClosed
	}
	return c.readPoll(ctx, c.s.pool, pollID)
}
