package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
)

// InsertMessage implements collab.MessageStore. The insert and the
// notification that tells the other instances' feeds (see
// FollowMessages) are one statement; a message whose ID is taken, even
// by a transaction that has not committed yet, is a *collab.ConflictError
// once that transaction commits.
func (c *CollabStore) InsertMessage(ctx context.Context, m collab.Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	args, err := c.messageArgs(m)
	if err != nil {
		return err
	}
	return c.insertMessage(ctx, c.s.pool, args, m.ID)
}

// querier runs a query of one row: a pool, or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// insertMessage runs the insert of a message whose arguments are args.
func (c *CollabStore) insertMessage(ctx context.Context, q querier, args []any, id string) error {
	var stored, notified string
	err := q.QueryRow(ctx, c.q.insertMessage, args...).Scan(&stored, &notified)
	if errors.Is(err, pgx.ErrNoRows) {
		return &collab.ConflictError{Entity: "message", ID: id}
	}
	if err != nil {
		return dbErr(ctx, "insert message", err)
	}
	return nil
}

// messageArgs checks a new message and returns the arguments of its
// insert. Its reactions and reply count are not stored: they are counted
// when it is read.
func (c *CollabStore) messageArgs(m collab.Message) ([]any, error) {
	var f faults
	f.id("message.id", m.ID)
	f.text("message.thread_id", m.ThreadID)
	f.ref("message.object", m.Object)
	f.text("message.kind", string(m.Kind))
	f.text("message.parent_id", m.ParentID)
	f.text("message.in_reply_to", m.InReplyTo)
	f.text("message.author", m.Author)
	f.time("message.created_at", m.CreatedAt)
	content, err := messageContent(&f, m)
	if err != nil {
		return nil, err
	}
	at, ns := splitTime(m.CreatedAt)
	args := make([]any, 0, 26)
	args = append(args, m.ID, m.ThreadID, string(m.Object.Kind), m.Object.ID, string(m.Kind), optText(m.ParentID),
		optText(m.InReplyTo), m.Author, m.Body)
	args = append(args, content[1:4]...) // spans, mentions, history
	args = append(args, at, ns)
	args = append(args, content[4:]...) // from edited_at to best_answer_id
	return append(args, m.Version, c.s.origin, c.q.channel, c.own), nil
}

// messageContent checks what an update of m may change, with the faults
// found before in f, and returns it as the arguments of the update from
// body ($3) to best_answer_id ($14).
func messageContent(f *faults, m collab.Message) ([]any, error) {
	f.text("message.body", m.Body)
	for i, s := range m.Spans {
		field := "message.spans[" + strconv.Itoa(i) + "]"
		f.text(field+".kind", string(s.Kind))
		f.text(field+".target", s.Target)
		f.text(field+".principal", string(s.Principal))
	}
	for i, p := range m.Mentions {
		field := "message.mentions[" + strconv.Itoa(i) + "]"
		f.text(field+".type", string(p.Type))
		f.text(field+".id", p.ID)
		f.text(field+".handle", p.Handle)
		f.text(field+".name", p.Name)
	}
	for i, r := range m.History {
		field := "message.history[" + strconv.Itoa(i) + "]"
		f.text(field+".body", r.Body)
		f.jsonTime(field+".written_at", r.WrittenAt)
		f.jsonTime(field+".replaced_at", r.ReplacedAt)
	}
	f.time("message.edited_at", m.EditedAt)
	f.time("message.deleted_at", m.DeletedAt)
	f.text("message.deleted_by", m.DeletedBy)
	f.text("message.task_id", m.TaskID)
	f.text("message.best_answer_id", m.BestAnswerID)
	if err := f.err(); err != nil {
		return nil, err
	}
	spans, err := optJSON(m.Spans)
	if err != nil {
		return nil, err
	}
	mentions, err := optJSON(m.Mentions)
	if err != nil {
		return nil, err
	}
	history, err := optJSON(m.History)
	if err != nil {
		return nil, err
	}
	editedAt, editedNs := optTime(m.EditedAt)
	deletedAt, deletedNs := optTime(m.DeletedAt)
	return []any{m.Body, spans, mentions, history, editedAt, editedNs, m.Deleted, deletedAt, deletedNs,
		optText(m.DeletedBy), optText(m.TaskID), optText(m.BestAnswerID)}, nil
}

// optJSON returns the JSON text of a list, or NULL for an empty one.
func optJSON[T any](list []T) (any, error) {
	if len(list) == 0 {
		return nil, nil
	}
	b, err := json.Marshal(list)
	if err != nil {
		return nil, fmt.Errorf("postgres: encode %T: %w", list, err)
	}
	return string(b), nil
}

// Message implements collab.MessageStore.
func (c *CollabStore) Message(ctx context.Context, id string) (collab.Message, error) {
	if err := ctx.Err(); err != nil {
		return collab.Message{}, err
	}
	if !storable(id) {
		return collab.Message{}, &collab.NotFoundError{Entity: "message", ID: id}
	}
	rows, err := c.s.pool.Query(ctx, c.q.message, id)
	if err != nil {
		return collab.Message{}, dbErr(ctx, "read message", err)
	}
	return oneMessage(ctx, rows, id)
}

// oneMessage reads the message of rows, closing them; no row is a
// *collab.NotFoundError for id.
func oneMessage(ctx context.Context, rows pgx.Rows, id string) (collab.Message, error) {
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return collab.Message{}, dbErr(ctx, "read message", err)
		}
		return collab.Message{}, &collab.NotFoundError{Entity: "message", ID: id}
	}
	m, err := scanMessage(rows, nil)
	if err != nil {
		return collab.Message{}, dbErr(ctx, "read message", err)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return collab.Message{}, dbErr(ctx, "read message", err)
	}
	return m, nil
}

// scanMessage reads a message from the columns of messageColumns, after
// a transaction ID read into tx when tx is not nil.
func scanMessage(rows pgx.Rows, tx *string) (collab.Message, error) {
	var (
		m                          collab.Message
		kind, objectKind           string
		spans, mentions, history   []byte
		created                    time.Time
		createdNs, editedNs, delNs int16
		edited, deleted            *time.Time
		replies                    int64
		reactions, reactors        []string
	)
	dest := []any{&m.ID, &m.ThreadID, &objectKind, &m.Object.ID, &kind, &m.ParentID, &m.InReplyTo, &m.Author, &m.Body,
		&spans, &mentions, &history, &created, &createdNs, &edited, &editedNs, &m.Deleted, &deleted, &delNs,
		&m.DeletedBy, &m.TaskID, &m.BestAnswerID, &m.Version, &replies, &reactions, &reactors}
	if tx != nil {
		dest = append([]any{tx}, dest...)
	}
	if err := rows.Scan(dest...); err != nil {
		return collab.Message{}, err
	}
	m.Object.Kind, m.Kind, m.ReplyCount = collab.Kind(objectKind), collab.MessageKind(kind), int(replies)
	m.CreatedAt, m.EditedAt, m.DeletedAt = joinTime(created, createdNs), joinOptTime(edited, editedNs), joinOptTime(deleted, delNs)
	for _, part := range []struct {
		raw []byte
		v   any
	}{{spans, &m.Spans}, {mentions, &m.Mentions}, {history, &m.History}} {
		if part.raw == nil {
			continue
		}
		if err := json.Unmarshal(part.raw, part.v); err != nil {
			return collab.Message{}, fmt.Errorf("decode message %q: %w", m.ID, err)
		}
	}
	for i, r := range reactions {
		if n := len(m.Reactions); n == 0 || m.Reactions[n-1].Reaction != collab.Reaction(r) {
			m.Reactions = append(m.Reactions, collab.ReactionCount{Reaction: collab.Reaction(r)})
		}
		last := &m.Reactions[len(m.Reactions)-1]
		last.Count++
		last.Users = append(last.Users, reactors[i])
	}
	return m, nil
}

// UpdateMessage implements collab.MessageStore. The message's identity and
// place (ID, thread, object, kind, parent, the message it answers, author,
// creation time) cannot change. The version is compared in the UPDATE's
// WHERE clause: of two updates from one version, the second waits for the
// first to commit, then finds another version and is a
// *collab.ConflictError.
func (c *CollabStore) UpdateMessage(ctx context.Context, m collab.Message) (collab.Message, error) {
	if err := ctx.Err(); err != nil {
		return collab.Message{}, err
	}
	if !storable(m.ID) {
		return collab.Message{}, &collab.NotFoundError{Entity: "message", ID: m.ID}
	}
	var f faults
	content, err := messageContent(&f, m)
	if err != nil {
		return collab.Message{}, err
	}
	rows, err := c.s.pool.Query(ctx, c.q.updateMessage, append([]any{m.ID, m.Version}, content...)...)
	if err != nil {
		return collab.Message{}, dbErr(ctx, "update message", err)
	}
	updated, err := oneMessage(ctx, rows, m.ID)
	if !errors.Is(err, collab.ErrNotFound) {
		return updated, err
	}
	return collab.Message{}, c.staleVersion(ctx, "message", c.q.messageVersion, m.ID, m.Version)
}

// staleVersion returns why an update of entity id from version found no
// row: it is missing, or at another version.
func (c *CollabStore) staleVersion(ctx context.Context, entity, query, id string, version int64) error {
	var actual int64
	err := c.s.pool.QueryRow(ctx, query, id).Scan(&actual)
	if errors.Is(err, pgx.ErrNoRows) {
		return &collab.NotFoundError{Entity: entity, ID: id}
	}
	if err != nil {
		return dbErr(ctx, "read "+entity+" version", err)
	}
	return &collab.ConflictError{Entity: entity, ID: id, Expected: version, Actual: actual}
}

// ListMessages implements collab.MessageStore. A page is one query: each
// object's messages come from its index in order, from q.From, up to
// q.Limit; several objects' are merged.
func (c *CollabStore) ListMessages(ctx context.Context, q collab.MessageQuery) ([]collab.Message, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var errs validation.Errors
	if len(q.Objects) == 0 {
		errs.Add("objects", validation.CodeRequired, "name at least one object")
	}
	if q.Limit < 1 {
		errs.Add("limit", validation.CodeOutOfRange, "must be at least 1")
	}
	if !storable(q.From.ID) {
		errs.Add("from.id", validation.CodeInvalid, unstorable)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	kinds, ids := make([]string, 0, len(q.Objects)), make([]string, 0, len(q.Objects))
	for _, ref := range q.Objects {
		if storableRef(ref) { // no other object has messages
			kinds, ids = append(kinds, string(ref.Kind)), append(ids, ref.ID)
		}
	}
	if len(kinds) == 0 || !storable(q.Parent) {
		return []collab.Message{}, nil
	}
	shape := pageShape{by: byObject, desc: q.Descending, from: !q.From.IsZero()}
	var args []any
	switch {
	case q.Parent != "":
		shape.by, args = byParent, []any{q.Parent, kinds, ids}
	case len(kinds) == 1:
		args = []any{kinds[0], ids[0]}
	default:
		shape.by, args = byObjects, []any{kinds, ids}
	}
	if shape.from {
		at, ns := splitTime(q.From.At)
		args = append(args, at, ns, q.From.ID)
	}
	args = append(args, int64(q.Limit))
	rows, err := c.s.pool.Query(ctx, c.q.pages[shape], args...)
	if err != nil {
		return nil, dbErr(ctx, "list messages", err)
	}
	defer rows.Close()
	out := make([]collab.Message, 0, min(q.Limit, 64))
	for rows.Next() {
		m, err := scanMessage(rows, nil)
		if err != nil {
			return nil, dbErr(ctx, "list messages", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, dbErr(ctx, "list messages", err)
	}
	return out, nil
}

// ToggleReaction implements collab.MessageStore. The toggle reads the
// user's reaction and decides from it: it holds an advisory lock on the
// message and the user until it commits, so that a concurrent toggle by
// the same user reads what this one wrote.
func (c *CollabStore) ToggleReaction(ctx context.Context, messageID, userID string, r collab.Reaction) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if !storable(messageID) {
		return false, &collab.NotFoundError{Entity: "message", ID: messageID}
	}
	var f faults
	f.text("user_id", userID)
	f.text("reaction", string(r))
	if err := f.err(); err != nil {
		return false, err
	}
	var set bool
	err := c.inTx(ctx, "toggle reaction", func(tx *lazyTx) error {
		b := &pgx.Batch{}
		b.Queue("SELECT pg_advisory_xact_lock($1)", lockKey("reaction", c.s.schema, messageID+"\x00"+userID))
		b.Queue(c.q.toggleReaction, messageID, userID, string(r))
		br, err := tx.SendBatch(ctx, b)
		if err != nil {
			return dbErr(ctx, "toggle reaction", err)
		}
		_, err = br.Exec()
		if err == nil {
			err = br.QueryRow().Scan(&set)
		}
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		switch {
		case sqlState(err) == codeForeignKeyViolation:
			return &collab.NotFoundError{Entity: "message", ID: messageID}
		case err != nil:
			return dbErr(ctx, "toggle reaction", err)
		}
		return nil
	})
	return set, err
}
