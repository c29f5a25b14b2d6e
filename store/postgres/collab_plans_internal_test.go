package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
)

// TestCollabQueryPlansUseIndexes explains the collab store's statements
// over tables of planRows rows and fails on a sequential scan, and on a
// sort in a page of messages, which an index gives in order: a page that
// sorts reads the whole thread for every page. A whole list (a user's
// follows, an assignee's tasks) may be sorted as it is read.
func TestCollabQueryPlansUseIndexes(t *testing.T) {
	dsn := os.Getenv("BILLKIT_POSTGRES_DSN")
	if dsn == "" {
		t.Skip("BILLKIT_POSTGRES_DSN is not set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var b [8]byte
	_, _ = rand.Read(b[:])
	schema := "t_plans_" + hex.EncodeToString(b[:])
	st, err := Open(ctx, dsn, WithSchema(schema))
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := st.pool.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		st.Close()
	})
	s := pgx.Identifier{schema}.Sanitize()
	// Messages on 2,000 invoices, each from its own transaction; every
	// thousandth message is a post, the 999 after it its replies.
	fill := []string{
		`INSERT INTO ` + s + `.collab_threads (object_kind, object_id, id, created_by, created_at, created_nanos)
			SELECT 'invoice', 'INV-' || i, 't-' || i, 'u-1', timestamptz '2026-01-01', 0 FROM generate_series(1, $1 / 20) i`,
		`INSERT INTO ` + s + `.collab_messages (id, thread_id, object_kind, object_id, kind, parent_id, author, body,
				created_at, created_nanos, deleted, version, tx)
			SELECT 'm-' || i, 't', 'invoice', 'INV-' || (i / 10 % 2000), 'post',
				CASE WHEN i % 1000 <> 0 THEN 'm-' || (i - i % 1000) END, 'u-' || (i % 50), 'text',
				timestamptz '2026-01-01' + i * interval '1 second', 0, false, 1, (1000 + i)::text::xid8
			FROM generate_series(1, $1) i`,
		`INSERT INTO ` + s + `.collab_reactions (message_id, user_id, reaction)
			SELECT 'm-' || i, 'u-' || (i % 50), 'like' FROM generate_series(3, $1, 3) i`,
		`INSERT INTO ` + s + `.collab_follows (object_kind, object_id, user_id)
			SELECT 'invoice', 'INV-' || (i % 1000), 'u-' || (i / 1000) FROM generate_series(0, $1 - 1) i`,
		`INSERT INTO ` + s + `.collab_digests (recipient, id, kind, subject, body, object_kind, object_id, actor,
				created_at, created_nanos)
			SELECT 'u-' || (i % 100), 'n-' || i, 'mention', 's', 'b', 'invoice', 'INV-1', 'u-1',
				timestamptz '2026-01-01' + i * interval '1 second', 0 FROM generate_series(1, $1) i`,
		`INSERT INTO ` + s + `.collab_polls (id, object_kind, object_id, question, choices, created_by, created_at, created_nanos)
			SELECT 'p-' || i, 'invoice', 'INV-1', 'q', '[{"id":"1","label":"a"}]', 'u-1', timestamptz '2026-01-01', 0
			FROM generate_series(0, $1 / 10 - 1) i`,
		`INSERT INTO ` + s + `.collab_ballots (poll_id, user_id, choice_id)
			SELECT 'p-' || (i % ($1 / 10)), 'u-' || (i / ($1 / 10)), '1' FROM generate_series(0, $1 - 1) i`,
		`INSERT INTO ` + s + `.collab_tasks (id, object_kind, object_id, message_id, title, assignee, status, created_by,
				created_at, created_nanos, version)
			SELECT 'task-' || i, 'invoice', 'INV-' || (i % 1000), 'm-1', 't', 'u-' || (i % 100), 'open', 'u-1',
				timestamptz '2026-01-01' + i * interval '1 second', 0, 1 FROM generate_series(1, $1) i`,
		`INSERT INTO ` + s + `.collab_attachments (id, object_kind, object_id, name, media_type, size, sha256, uploaded_by,
				uploaded_at, uploaded_nanos)
			SELECT 'a-' || i, 'invoice', 'INV-' || (i % 1000), 'f.pdf', 'application/pdf', 1, '', 'u-1',
				timestamptz '2026-01-01' + i * interval '1 second', 0 FROM generate_series(1, $1) i`,
	}
	for _, q := range fill {
		_, err := st.pool.Exec(ctx, q, planRows)
		require.NoError(t, err, q)
	}
	tables := []string{"threads", "messages", "reactions", "follows", "digests", "polls", "ballots", "tasks", "attachments"}
	for i, name := range tables {
		tables[i] = s + ".collab_" + name
	}
	_, err = st.pool.Exec(ctx, "ANALYZE "+strings.Join(tables, ", "))
	require.NoError(t, err)

	c := st.Collab()
	q := c.q
	at, kinds, ids := time.Date(2026, 1, 1, 3, 0, 0, 0, time.UTC), []string{"invoice", "invoice"}, []string{"INV-7", "INV-8"}
	type plan struct {
		name string
		sql  string
		args []any
		sort bool // a sort may be planned: a whole list, rows merged from several index scans, or written
	}
	plans := []plan{
		{"thread", q.thread, []any{"invoice", "INV-7"}, false},
		{"message", q.message, []any{"m-77"}, false},
		{"message version", q.messageVersion, []any{"m-77"}, false},
		{"update message", q.updateMessage, []any{"m-77", int64(1), "b", nil, nil, nil, nil, nil, false, nil, nil, nil, nil, nil}, false},
		{"toggle reaction", q.toggleReaction, []any{"m-77", "u-1", "like"}, false},
		{"messages of a transaction", q.messagesOfTx, []any{"1234"}, true},
		{"messages between snapshots", q.messagesBetween, []any{"1234", "{1200}", "1300:1300:", "1234:1234:", uuid.New()}, true},
		{"followers", q.followers, []any{"invoice", "INV-7"}, false},
		{"followed", q.followed, []any{"u-7"}, true},
		{"unfollow", q.unfollow, []any{"invoice", "INV-7", "u-7"}, false},
		{"preference", q.preference, []any{"u-7"}, false},
		{"take digest", q.takeDigest, []any{"u-7", at, int16(0)}, true},
		{"poll", q.poll, []any{"p-7"}, false},
		{"lock poll", q.lockPoll, []any{"p-7"}, false},
		{"close poll", q.closePoll, []any{"p-7", at, int16(0), "u-1"}, false},
		{"poll closed", q.pollClosed, []any{"p-7"}, false},
		{"task", q.task, []any{"task-7"}, false},
		{"task version", q.taskVersion, []any{"task-7"}, false},
		{"update task", q.updateTask, []any{"task-7", int64(1), "t", "u-1", nil, "done", nil, nil}, false},
		{"tasks of an object", q.tasks[taskShape{object: true}], []any{"invoice", "INV-7", []string{}}, true},
		{"open tasks of an assignee", q.tasks[taskShape{assignee: true}], []any{"u-7", []string{"open"}}, true},
		{"tasks of an object and an assignee", q.tasks[taskShape{object: true, assignee: true}], []any{"invoice", "INV-7", "u-7", []string{}}, true},
		{"attachment", q.attachment, []any{"a-7"}, false},
		{"attachments", q.attachments, []any{"invoice", "INV-7"}, true},
	}
	for shape, sql := range q.pages {
		var args []any
		switch shape.by {
		case byObject:
			args = []any{"invoice", "INV-7"}
		case byObjects:
			args = []any{kinds, ids}
		case byParent:
			args = []any{"m-1000", kinds, ids}
		}
		if shape.from {
			args = append(args, at, int16(0), "m-1100")
		}
		name := []string{"a thread", "several threads", "replies"}[shape.by]
		if shape.desc {
			name += ", newest first"
		}
		if shape.from {
			name += ", from a position"
		}
		plans = append(plans, plan{"page of " + name, sql, append(args, int64(50)), shape.by == byObjects})
	}

	for _, p := range plans {
		t.Run(p.name, func(t *testing.T) {
			var raw []byte
			require.NoError(t, st.pool.QueryRow(ctx, "EXPLAIN (FORMAT JSON) "+p.sql, p.args...).Scan(&raw))
			var out []struct {
				Plan planNode `json:"Plan"`
			}
			require.NoError(t, json.Unmarshal(raw, &out))
			require.Len(t, out, 1)
			if bad := out[0].Plan.find(func(n planNode) bool {
				return n.Type == "Seq Scan" || (!p.sort && strings.HasSuffix(n.Type, "Sort"))
			}); bad != "" {
				t.Errorf("%s\nplans a %s:\n%s", p.sql, bad, raw)
			}
		})
	}
}
