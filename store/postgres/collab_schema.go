package postgres

// collabSchema is the migration that adds the tables of CollabStore.
//
// Every field has a column of its type; the lists that no query looks
// into (a message's spans, mentions and previous bodies, a poll's
// choices, a notification's data) are jsonb. An instant is a timestamptz,
// which keeps microseconds, and the nanoseconds it drops (the _nanos
// columns), so that times and the order of items come back exactly; an
// instant that is not set is NULL. IDs, kinds and user IDs that lists
// are ordered by use the "C" collation: their order is the byte order of
// Go strings, as collab.Position.Compare and the memory store have it.
//
// The keys are what make concurrent calls conflict: one thread per
// object, one reaction per user and message, one ballot per user and
// poll, one follow per user and object. Messages and tasks carry a
// version that every update checks in its WHERE clause.
const collabSchema = `
CREATE TABLE {{s}}.collab_threads (
	object_kind   text COLLATE "C" NOT NULL,
	object_id     text COLLATE "C" NOT NULL,
	id            text NOT NULL,
	title         text,
	participants  text[],
	created_by    text NOT NULL,
	created_at    timestamptz NOT NULL,
	created_nanos smallint NOT NULL CHECK (created_nanos BETWEEN 0 AND 999),
	PRIMARY KEY (object_kind, object_id)
);

CREATE TABLE {{s}}.collab_messages (
	id             text COLLATE "C" PRIMARY KEY,
	thread_id      text NOT NULL,
	object_kind    text COLLATE "C" NOT NULL,
	object_id      text COLLATE "C" NOT NULL,
	kind           text NOT NULL,
	parent_id      text COLLATE "C",
	in_reply_to    text,
	author         text NOT NULL,
	body           text NOT NULL,
	spans          jsonb,
	mentions       jsonb,
	history        jsonb,
	created_at     timestamptz NOT NULL,
	created_nanos  smallint NOT NULL CHECK (created_nanos BETWEEN 0 AND 999),
	edited_at      timestamptz,
	edited_nanos   smallint CHECK (edited_nanos BETWEEN 0 AND 999),
	deleted        boolean NOT NULL,
	deleted_at     timestamptz,
	deleted_nanos  smallint CHECK (deleted_nanos BETWEEN 0 AND 999),
	deleted_by     text,
	task_id        text,
	best_answer_id text,
	version        bigint NOT NULL,
	origin         uuid,
	tx             xid8 NOT NULL DEFAULT pg_current_xact_id()
);
COMMENT ON COLUMN {{s}}.collab_messages.origin IS 'the Store value that inserted the message: its message feed skips its own';
CREATE INDEX collab_messages_object ON {{s}}.collab_messages (object_kind, object_id, created_at, created_nanos, id);
CREATE INDEX collab_messages_parent ON {{s}}.collab_messages (parent_id, created_at, created_nanos, id)
	WHERE parent_id IS NOT NULL;
CREATE INDEX collab_messages_tx ON {{s}}.collab_messages (tx);

CREATE TABLE {{s}}.collab_reactions (
	message_id text COLLATE "C" NOT NULL REFERENCES {{s}}.collab_messages (id),
	user_id    text COLLATE "C" NOT NULL,
	reaction   text COLLATE "C" NOT NULL,
	PRIMARY KEY (message_id, user_id)
);

CREATE TABLE {{s}}.collab_follows (
	object_kind text COLLATE "C" NOT NULL,
	object_id   text COLLATE "C" NOT NULL,
	user_id     text COLLATE "C" NOT NULL,
	PRIMARY KEY (object_kind, object_id, user_id)
);
CREATE INDEX collab_follows_user ON {{s}}.collab_follows (user_id, object_kind, object_id);

CREATE TABLE {{s}}.collab_preferences (
	user_id    text PRIMARY KEY,
	preference text NOT NULL
);

CREATE TABLE {{s}}.collab_digests (
	seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	recipient     text COLLATE "C" NOT NULL,
	id            text COLLATE "C" NOT NULL,
	kind          text NOT NULL,
	subject       text NOT NULL,
	body          text NOT NULL,
	object_kind   text NOT NULL,
	object_id     text NOT NULL,
	actor         text NOT NULL,
	created_at    timestamptz NOT NULL,
	created_nanos smallint NOT NULL CHECK (created_nanos BETWEEN 0 AND 999),
	data          jsonb
);
CREATE INDEX collab_digests_recipient ON {{s}}.collab_digests (recipient, created_at, created_nanos, id, seq);

CREATE TABLE {{s}}.collab_polls (
	id            text COLLATE "C" PRIMARY KEY,
	object_kind   text NOT NULL,
	object_id     text NOT NULL,
	question      text NOT NULL,
	choices       jsonb NOT NULL,
	created_by    text NOT NULL,
	created_at    timestamptz NOT NULL,
	created_nanos smallint NOT NULL CHECK (created_nanos BETWEEN 0 AND 999),
	closed_at     timestamptz,
	closed_nanos  smallint CHECK (closed_nanos BETWEEN 0 AND 999),
	closed_by     text
);
CREATE TABLE {{s}}.collab_ballots (
	poll_id   text COLLATE "C" NOT NULL REFERENCES {{s}}.collab_polls (id),
	user_id   text COLLATE "C" NOT NULL,
	choice_id text NOT NULL,
	PRIMARY KEY (poll_id, user_id)
);

CREATE TABLE {{s}}.collab_tasks (
	id            text COLLATE "C" PRIMARY KEY,
	object_kind   text COLLATE "C" NOT NULL,
	object_id     text COLLATE "C" NOT NULL,
	message_id    text NOT NULL,
	title         text NOT NULL,
	assignee      text COLLATE "C" NOT NULL,
	due           date,
	status        text NOT NULL,
	created_by    text NOT NULL,
	created_at    timestamptz NOT NULL,
	created_nanos smallint NOT NULL CHECK (created_nanos BETWEEN 0 AND 999),
	updated_at    timestamptz,
	updated_nanos smallint CHECK (updated_nanos BETWEEN 0 AND 999),
	version       bigint NOT NULL
);
CREATE INDEX collab_tasks_object ON {{s}}.collab_tasks (object_kind, object_id, created_at, created_nanos, id);
CREATE INDEX collab_tasks_assignee ON {{s}}.collab_tasks (assignee, created_at, created_nanos, id);

CREATE TABLE {{s}}.collab_attachments (
	id                 text COLLATE "C" PRIMARY KEY,
	object_kind        text COLLATE "C" NOT NULL,
	object_id          text COLLATE "C" NOT NULL,
	message_id         text,
	name               text NOT NULL,
	media_type         text NOT NULL,
	size               bigint NOT NULL,
	sha256             text NOT NULL,
	uploaded_by        text NOT NULL,
	uploaded_at        timestamptz NOT NULL,
	uploaded_nanos     smallint NOT NULL CHECK (uploaded_nanos BETWEEN 0 AND 999),
	shared_with_users  text[],
	shared_with_groups text[]
);
CREATE INDEX collab_attachments_object ON {{s}}.collab_attachments (object_kind, object_id, uploaded_at, uploaded_nanos, id);
`
