package postgres

import (
	"fmt"
	"strings"
)

// collabQueries holds the SQL of a CollabStore, written once for its
// schema.
type collabQueries struct {
	insertThread, thread string

	insertMessage, message, updateMessage, messageVersion, toggleReaction string
	// pages selects a page of messages; see pageShape.
	pages                         map[pageShape]string
	messagesOfTx, messagesBetween string
	channel                       string

	follow, unfollow, followers, followed              string
	preference, setPreference, queueDigest, takeDigest string

	insertPoll, insertBallots, poll, lockPoll, vote, closePoll, pollClosed string

	insertTask, task, updateTask, taskVersion string
	tasks                                     map[taskShape]string

	insertAttachment, attachment, attachments string
}

// pageShape is what a page of messages is read by.
type pageShape struct {
	by   pageBy
	desc bool // newest first
	from bool // from a position
}

// pageBy is what selects the messages of a page.
type pageBy int

const (
	byObject  pageBy = iota // the thread of one object: $1 kind, $2 ID
	byObjects               // the threads of several objects: $1 kinds, $2 IDs
	byParent                // the replies to a post ($1) of one of several objects ($2 kinds, $3 IDs)
)

// taskShape is what tasks are listed by: an object ($1 kind, $2 ID), an
// assignee (the next parameter), both or neither. The statuses are the
// last parameter.
type taskShape struct{ object, assignee bool }

// messageColumns are the columns a message is read from, in the order of
// scanMessage, for a message row m joined with its reactions x.
const messageColumns = `m.id, m.thread_id, m.object_kind, m.object_id, m.kind, coalesce(m.parent_id, ''),
	coalesce(m.in_reply_to, ''), m.author, m.body, m.spans, m.mentions, m.history, m.created_at, m.created_nanos,
	m.edited_at, coalesce(m.edited_nanos, 0), m.deleted, m.deleted_at, coalesce(m.deleted_nanos, 0),
	coalesce(m.deleted_by, ''), coalesce(m.task_id, ''), coalesce(m.best_answer_id, ''), m.version,
	(SELECT count(*) FROM {{s}}.collab_messages AS r WHERE r.parent_id = m.id), x.reactions, x.users`

// withReactions joins the message row m with its reactions, ordered by
// reaction then user, as x.
const withReactions = ` LEFT JOIN LATERAL (SELECT array_agg(a.reaction ORDER BY a.reaction, a.user_id) AS reactions,
	array_agg(a.user_id ORDER BY a.reaction, a.user_id) AS users
	FROM {{s}}.collab_reactions AS a WHERE a.message_id = m.id) AS x ON true`

// messageInsertColumns are the columns InsertMessage writes, $1 to $24;
// $25 is the feed's channel and $26 the Store's origin and a space.
const messageInsertColumns = `id, thread_id, object_kind, object_id, kind, parent_id, in_reply_to, author, body,
	spans, mentions, history, created_at, created_nanos, edited_at, edited_nanos, deleted, deleted_at, deleted_nanos,
	deleted_by, task_id, best_answer_id, version, origin`

// pollColumns are the columns a poll is read from, in the order of
// scanPoll, for a poll row p joined with its ballots b.
const pollColumns = `p.id, p.object_kind, p.object_id, p.question, p.choices, p.created_by, p.created_at,
	p.created_nanos, p.closed_at, coalesce(p.closed_nanos, 0), coalesce(p.closed_by, ''), b.users, b.choices`

const withBallots = ` LEFT JOIN LATERAL (SELECT array_agg(v.user_id ORDER BY v.user_id) AS users,
	array_agg(v.choice_id ORDER BY v.user_id) AS choices
	FROM {{s}}.collab_ballots AS v WHERE v.poll_id = p.id) AS b ON true`

// taskColumns are the columns a task is read from, in the order of
// scanTask.
const taskColumns = `t.id, t.object_kind, t.object_id, t.message_id, t.title, t.assignee,
	coalesce(to_char(t.due, 'YYYY-MM-DD'), ''), t.status, t.created_by, t.created_at, t.created_nanos,
	t.updated_at, coalesce(t.updated_nanos, 0), t.version`

// attachmentColumns are the columns an attachment is read from, in the
// order of scanAttachment.
const attachmentColumns = `a.id, a.object_kind, a.object_id, coalesce(a.message_id, ''), a.name, a.media_type,
	a.size, a.sha256, a.uploaded_by, a.uploaded_at, a.uploaded_nanos, a.shared_with_users, a.shared_with_groups`

// newCollabQueries writes the SQL of a CollabStore whose tables are in
// schema, a quoted identifier, and whose feed notifies on channel.
func newCollabQueries(schema, channel string) *collabQueries {
	s := func(sql string) string { return strings.ReplaceAll(sql, "{{s}}", schema) }
	q := &collabQueries{channel: channel}

	q.insertThread = s(`INSERT INTO {{s}}.collab_threads
	(object_kind, object_id, id, title, participants, created_by, created_at, created_nanos)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (object_kind, object_id) DO NOTHING`)
	q.thread = s(`SELECT id, coalesce(title, ''), participants, created_by, created_at, created_nanos
	FROM {{s}}.collab_threads WHERE object_kind = $1 AND object_id = $2`)

	// A message is inserted, and the stores following the feed told of
	// its transaction, in one statement: the notification goes only if
	// the row went in, and only when the transaction commits.
	q.insertMessage = s(`WITH m AS (INSERT INTO {{s}}.collab_messages (` + messageInsertColumns + `)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12::jsonb, $13, $14, $15, $16, $17, $18,
		$19, $20, $21, $22, $23, $24)
	ON CONFLICT (id) DO NOTHING RETURNING id)
SELECT m.id, pg_notify($25, $26 || pg_current_xact_id()::text)::text FROM m`)
	selectMessage := s(`SELECT ` + messageColumns + ` FROM {{s}}.collab_messages AS m` + withReactions)
	q.message = selectMessage + ` WHERE m.id = $1`
	q.updateMessage = s(`WITH m AS (UPDATE {{s}}.collab_messages SET body = $3, spans = $4::jsonb, mentions = $5::jsonb,
		history = $6::jsonb, edited_at = $7, edited_nanos = $8, deleted = $9, deleted_at = $10, deleted_nanos = $11,
		deleted_by = $12, task_id = $13, best_answer_id = $14, version = version + 1
	WHERE id = $1 AND version = $2 RETURNING *)
SELECT ` + messageColumns + ` FROM m` + withReactions)
	q.messageVersion = s(`SELECT version FROM {{s}}.collab_messages WHERE id = $1`)
	// Run after the advisory lock of the message and the user: removes
	// the reaction if it is the one given, else sets it (a missing
	// message fails the foreign key). It reports whether it is set.
	q.toggleReaction = s(`WITH gone AS (DELETE FROM {{s}}.collab_reactions
		WHERE message_id = $1 AND user_id = $2 AND reaction = $3 RETURNING 1),
	set AS (INSERT INTO {{s}}.collab_reactions (message_id, user_id, reaction)
		SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT FROM gone)
		ON CONFLICT (message_id, user_id) DO UPDATE SET reaction = EXCLUDED.reaction RETURNING 1)
SELECT EXISTS (SELECT FROM set)`)

	q.pages = map[pageShape]string{}
	for _, by := range []pageBy{byObject, byObjects, byParent} {
		for _, desc := range []bool{false, true} {
			for _, from := range []bool{false, true} {
				q.pages[pageShape{by, desc, from}] = s(pageSQL(by, desc, from))
			}
		}
	}
	// The feed: the messages of one transaction, and those of the
	// transactions of other stores committed between two snapshots (see
	// feed.between).
	q.messagesOfTx = selectMessage + ` WHERE m.tx = $1::xid8 ORDER BY m.created_at, m.created_nanos, m.id`
	q.messagesBetween = s(`SELECT m.tx::text, `+messageColumns+` FROM {{s}}.collab_messages AS m`+withReactions) + `
WHERE (m.tx >= $1::xid8 OR m.tx = ANY($2::xid8[]))
	AND pg_visible_in_snapshot(m.tx, $3::pg_snapshot) AND NOT pg_visible_in_snapshot(m.tx, $4::pg_snapshot)
	AND m.origin IS DISTINCT FROM $5::uuid
ORDER BY m.tx, m.created_at, m.created_nanos, m.id`

	q.follow = s(`INSERT INTO {{s}}.collab_follows (object_kind, object_id, user_id) VALUES ($1, $2, $3)
	ON CONFLICT DO NOTHING`)
	q.unfollow = s(`DELETE FROM {{s}}.collab_follows WHERE object_kind = $1 AND object_id = $2 AND user_id = $3`)
	q.followers = s(`SELECT user_id FROM {{s}}.collab_follows WHERE object_kind = $1 AND object_id = $2 ORDER BY user_id`)
	q.followed = s(`SELECT object_kind, object_id FROM {{s}}.collab_follows WHERE user_id = $1
	ORDER BY object_kind, object_id`)
	q.preference = s(`SELECT preference FROM {{s}}.collab_preferences WHERE user_id = $1`)
	q.setPreference = s(`INSERT INTO {{s}}.collab_preferences (user_id, preference) VALUES ($1, $2)
	ON CONFLICT (user_id) DO UPDATE SET preference = EXCLUDED.preference`)
	q.queueDigest = s(`INSERT INTO {{s}}.collab_digests
	(recipient, id, kind, subject, body, object_kind, object_id, actor, created_at, created_nanos, data)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`)
	// Deleting takes the notifications: a concurrent TakeDigest waits
	// for the rows this one deletes, then finds them gone.
	q.takeDigest = s(`WITH d AS (DELETE FROM {{s}}.collab_digests
		WHERE recipient = $1 AND (created_at, created_nanos) <= ($2, $3) RETURNING *)
SELECT id, recipient, kind, subject, body, object_kind, object_id, actor, created_at, created_nanos, data
FROM d ORDER BY created_at, created_nanos, id, seq`)

	q.insertPoll = s(`INSERT INTO {{s}}.collab_polls
	(id, object_kind, object_id, question, choices, created_by, created_at, created_nanos, closed_at, closed_nanos, closed_by)
	VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`)
	q.insertBallots = s(`INSERT INTO {{s}}.collab_ballots (poll_id, user_id, choice_id)
	SELECT $1, * FROM unnest($2::text[], $3::text[])`)
	q.poll = s(`SELECT `+pollColumns+` FROM {{s}}.collab_polls AS p`+withBallots) + ` WHERE p.id = $1`
	// A vote holds the poll's row until it commits: a concurrent close
	// waits for it, and a vote after a close sees the poll closed.
	q.lockPoll = s(`SELECT closed_at IS NOT NULL, choices FROM {{s}}.collab_polls WHERE id = $1 FOR SHARE`)
	q.vote = s(`INSERT INTO {{s}}.collab_ballots (poll_id, user_id, choice_id) VALUES ($1, $2, $3)
	ON CONFLICT (poll_id, user_id) DO UPDATE SET choice_id = EXCLUDED.choice_id`)
	q.closePoll = s(`UPDATE {{s}}.collab_polls SET closed_at = $2, closed_nanos = $3, closed_by = $4
	WHERE id = $1 AND closed_at IS NULL`)
	q.pollClosed = s(`SELECT closed_at IS NOT NULL FROM {{s}}.collab_polls WHERE id = $1`)

	q.insertTask = s(`INSERT INTO {{s}}.collab_tasks (id, object_kind, object_id, message_id, title, assignee, due,
		status, created_by, created_at, created_nanos, updated_at, updated_nanos, version)
	VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`)
	q.task = s(`SELECT ` + taskColumns + ` FROM {{s}}.collab_tasks AS t WHERE t.id = $1`)
	q.updateTask = s(`UPDATE {{s}}.collab_tasks AS t SET title = $3, assignee = $4, due = $5::date, status = $6,
		updated_at = $7, updated_nanos = $8, version = t.version + 1
	WHERE t.id = $1 AND t.version = $2 RETURNING ` + taskColumns)
	q.taskVersion = s(`SELECT version FROM {{s}}.collab_tasks WHERE id = $1`)
	q.tasks = map[taskShape]string{}
	for _, object := range []bool{false, true} {
		for _, assignee := range []bool{false, true} {
			q.tasks[taskShape{object, assignee}] = s(tasksSQL(object, assignee))
		}
	}

	q.insertAttachment = s(`INSERT INTO {{s}}.collab_attachments (id, object_kind, object_id, message_id, name,
		media_type, size, sha256, uploaded_by, uploaded_at, uploaded_nanos, shared_with_users, shared_with_groups)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`)
	q.attachment = s(`SELECT ` + attachmentColumns + ` FROM {{s}}.collab_attachments AS a WHERE a.id = $1`)
	q.attachments = s(`SELECT ` + attachmentColumns + ` FROM {{s}}.collab_attachments AS a
	WHERE a.object_kind = $1 AND a.object_id = $2 ORDER BY a.uploaded_at, a.uploaded_nanos, a.id`)
	return q
}

// pageSQL returns the SQL of a page of messages of the given shape. The
// position, when there is one, and the limit are the last parameters.
// Each object's messages are read from its index, in order, up to the
// limit; several objects' are then merged.
func pageSQL(by pageBy, desc, from bool) string {
	order, op := "w.created_at, w.created_nanos, w.id", ">="
	outer := "m.created_at, m.created_nanos, m.id"
	if desc {
		order, op = "w.created_at DESC, w.created_nanos DESC, w.id DESC", "<="
		outer = "m.created_at DESC, m.created_nanos DESC, m.id DESC"
	}
	where, next := "w.object_kind = $1 AND w.object_id = $2", 3
	switch by {
	case byObjects:
		where = "w.object_kind = o.kind AND w.object_id = o.id"
	case byParent:
		where, next = `w.parent_id = $1 AND EXISTS (SELECT FROM {{s}}.collab_messages AS p,
		unnest($2::text[], $3::text[]) AS o(kind, id) WHERE p.id = $1 AND p.object_kind = o.kind AND p.object_id = o.id)`, 4
	}
	if from {
		where += fmt.Sprintf(" AND (w.created_at, w.created_nanos, w.id) %s ($%d, $%d, $%d)", op, next, next+1, next+2)
		next += 3
	}
	limit := fmt.Sprintf("$%d", next)
	page := "SELECT * FROM {{s}}.collab_messages AS w WHERE " + where + " ORDER BY " + order + " LIMIT " + limit
	if by == byObjects {
		page = "SELECT w.* FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::text[])) AS o(kind, id) CROSS JOIN LATERAL (" + page +
			") AS w ORDER BY " + order + " LIMIT " + limit
	}
	return "SELECT " + messageColumns + " FROM (" + page + ") AS m" + withReactions + " ORDER BY " + outer
}

// tasksSQL returns the SQL that lists tasks by object, assignee, both or
// neither.
func tasksSQL(object, assignee bool) string {
	where, next := "true", 1
	if object {
		where, next = "t.object_kind = $1 AND t.object_id = $2", 3
	}
	if assignee {
		where += fmt.Sprintf(" AND t.assignee = $%d", next)
		next++
	}
	statuses := fmt.Sprintf("$%d::text[]", next)
	return "SELECT " + taskColumns + " FROM {{s}}.collab_tasks AS t WHERE " + where +
		" AND (cardinality(" + statuses + ") = 0 OR t.status = ANY(" + statuses + "))" +
		" ORDER BY t.created_at, t.created_nanos, t.id"
}
