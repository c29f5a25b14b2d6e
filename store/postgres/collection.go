package postgres

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// table is the SQL of one aggregate's table: each row holds an ID, a
// version, the value as jsonb and the columns that columns derives from
// the value.
type table[T any] struct {
	kind    string
	uuidIDs bool // IDs are UUIDs; else any non-empty text
	// locked makes Get in a write transaction lock the row it reads
	// until the transaction ends (SELECT ... FOR UPDATE), as the
	// billing.Tx contract asks of ledgers.
	locked bool
	// columns returns the derived columns of a value, in the order of
	// the table's extra columns.
	columns func(T) []any

	get, getLocked, getMany, insert, insertMany, taken, update, version, scanAll, scanAfter, scanAfterText string
}

// newTable writes the statements of a table named name in schema, whose
// derived columns are extra, of the SQL types types.
func newTable[T any](schema, name, kind string, uuidIDs bool, extra, types []string, columns func(T) []any) table[T] {
	t := table[T]{kind: kind, uuidIDs: uuidIDs, columns: columns}
	rel := schema + "." + name
	cols := strings.Join(append([]string{"id", "version", "value"}, extra...), ", ")
	vals := []string{"$1", "1", "$2"}
	sets := []string{"version = version + 1", "value = $2", "updated_at = now()"}
	for i, c := range extra {
		vals = append(vals, fmt.Sprintf("$%d", i+3))
		sets = append(sets, fmt.Sprintf("%s = $%d", c, i+3))
	}
	last := fmt.Sprintf("$%d", len(extra)+3)
	t.get = "SELECT version, value FROM " + rel + " WHERE id = $1"
	t.getLocked = t.get + " FOR UPDATE"
	idType := "text"
	if uuidIDs {
		idType = "uuid"
	}
	t.getMany = "SELECT id::text, version, value FROM " + rel + " WHERE id = ANY($1::" + idType + "[])"
	t.insert = "INSERT INTO " + rel + " (" + cols + ") VALUES (" + strings.Join(vals, ", ") + ") ON CONFLICT (id) DO NOTHING"
	// Many records are inserted all or none, as events are: when one of
	// the IDs is stored already, the insert adds nothing, and taken
	// finds which. The derived columns come as text, cast to their types.
	from, picked := []string{"$1::" + idType + "[]", "$2::jsonb[]"}, []string{"r.id", "1", "r.value"}
	names := []string{"id", "value"}
	for i := range extra {
		from = append(from, fmt.Sprintf("$%d::text[]", i+3))
		names = append(names, fmt.Sprintf("c%d", i))
		picked = append(picked, fmt.Sprintf("r.c%d::%s", i, types[i]))
	}
	t.insertMany = "INSERT INTO " + rel + " (" + cols + ")\nSELECT " + strings.Join(picked, ", ") +
		" FROM unnest(" + strings.Join(from, ", ") + ") AS r(" + strings.Join(names, ", ") + ")\n" +
		"WHERE NOT EXISTS (SELECT FROM " + rel + " WHERE id = ANY($1::" + idType + "[]))\nON CONFLICT (id) DO NOTHING"
	// Every query that selects id::text orders by the table's own
	// column, r.id: a bare "ORDER BY id" would name the text output
	// column, and sort every row instead of reading the primary key's
	// index in order.
	t.taken = "SELECT r.id::text, r.version FROM " + rel + " AS r WHERE r.id = ANY($1::" + idType + "[]) ORDER BY r.id LIMIT 1"
	t.update = "UPDATE " + rel + " SET " + strings.Join(sets, ", ") + " WHERE id = $1 AND version = " + last + " RETURNING version"
	t.version = "SELECT version FROM " + rel + " WHERE id = $1"
	sel := "SELECT r.id::text, r.version, r.value FROM " + rel + " AS r"
	t.scanAll = sel + " ORDER BY r.id LIMIT $1"
	t.scanAfter = sel + " WHERE r.id > $2 ORDER BY r.id LIMIT $1"
	// A cursor that is no canonical UUID is compared as text: the text
	// of canonical UUIDs sorts in their byte order.
	t.scanAfterText = sel + ` WHERE r.id::text > $2 COLLATE "C" ORDER BY r.id LIMIT $1`
	return t
}

// canonical reports whether id is a UUID in the canonical form the store
// gives back.
func canonical(id string) bool {
	if len(id) != 36 {
		return false
	}
	u, err := uuid.Parse(id)
	return err == nil && u.String() == id
}

// checkID returns the error that refuses to store a record under id.
func (t *table[T]) checkID(id string) error {
	if id == "" {
		return validation.New("id", validation.CodeRequired, "is required to store a "+t.kind)
	}
	if t.uuidIDs && !canonical(id) {
		return validation.New("id", validation.CodeInvalid, "must be a UUID in canonical form to store a "+t.kind)
	}
	if !storable(id) {
		return validation.New("id", validation.CodeInvalid, "must be UTF-8 text without NUL characters")
	}
	return nil
}

// storable reports whether PostgreSQL can store s as text: valid UTF-8
// without NUL characters.
func storable(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// storablePrefix returns the longest prefix of s that is storable.
func storablePrefix(s string) string {
	for i, r := range s {
		if r == 0 || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			return s[:i]
		}
	}
	return s
}

// clean returns s as PostgreSQL can store it in a text column, for the
// columns derived from a value: the value itself, as jsonb, keeps the
// text as it was.
func clean(s string) string {
	if storable(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// collection is a table seen from a transaction.
type collection[T any] struct {
	tx *tx
	t  *table[T]
}

// Get implements billing.Collection.
func (c *collection[T]) Get(ctx context.Context, id string) (billing.Record[T], error) {
	if err := c.tx.check(ctx, false); err != nil {
		return billing.Record[T]{}, err
	}
	if id == "" || (c.t.uuidIDs && !canonical(id)) || !storable(id) {
		return billing.Record[T]{}, &billing.NotFoundError{Kind: c.t.kind, ID: id}
	}
	get := c.t.get
	if c.t.locked && c.tx.writable {
		get = c.t.getLocked
	}
	var version int64
	var raw []byte
	err := c.tx.ptx.QueryRow(ctx, get, id).Scan(&version, &raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return billing.Record[T]{}, &billing.NotFoundError{Kind: c.t.kind, ID: id}
	}
	if err != nil {
		return billing.Record[T]{}, c.tx.fail(err)
	}
	r := billing.Record[T]{ID: id, Version: uint64(version)}
	if err := json.Unmarshal(raw, &r.Value); err != nil {
		return billing.Record[T]{}, fmt.Errorf("postgres: %s %s: %w", c.t.kind, id, err)
	}
	return r, nil
}

// GetMany implements billing.BatchGetter with one query.
func (c *collection[T]) GetMany(ctx context.Context, ids []string) ([]billing.Record[T], error) {
	if err := c.tx.check(ctx, false); err != nil {
		return nil, err
	}
	for _, id := range ids {
		if id == "" || (c.t.uuidIDs && !canonical(id)) || !storable(id) {
			return nil, &billing.NotFoundError{Kind: c.t.kind, ID: id}
		}
	}
	if len(ids) == 0 {
		return []billing.Record[T]{}, nil
	}
	rows, err := c.tx.ptx.Query(ctx, c.t.getMany, ids)
	if err != nil {
		return nil, c.tx.fail(err)
	}
	recs, err := c.decode(rows, make([]billing.Record[T], 0, len(ids)))
	if err != nil {
		return nil, err
	}
	byID := make(map[string]int, len(recs))
	for i, r := range recs {
		byID[r.ID] = i
	}
	out := make([]billing.Record[T], len(ids))
	given := make([]bool, len(recs))
	for i, id := range ids {
		k, ok := byID[id]
		if !ok {
			return nil, &billing.NotFoundError{Kind: c.t.kind, ID: id}
		}
		out[i] = recs[k]
		if given[k] {
			// Asked for again: a copy that shares nothing with the first.
			raw, err := encodeJSON(recs[k].Value)
			if err == nil {
				out[i].Value = *new(T)
				err = json.Unmarshal(raw, &out[i].Value)
			}
			if err != nil {
				return nil, fmt.Errorf("postgres: %s %s: %w", c.t.kind, id, err)
			}
		}
		given[k] = true
	}
	return out, nil
}

// decode appends to out the records of rows, whose columns are the ID,
// the version and the value, and closes rows.
func (c *collection[T]) decode(rows pgx.Rows, out []billing.Record[T]) ([]billing.Record[T], error) {
	defer rows.Close()
	var (
		id      string
		version int64
		raw     []byte
	)
	for rows.Next() {
		if err := rows.Scan(&id, &version, &raw); err != nil {
			return nil, c.tx.fail(err)
		}
		r := billing.Record[T]{ID: id, Version: uint64(version)}
		if err := json.Unmarshal(raw, &r.Value); err != nil {
			return nil, fmt.Errorf("postgres: %s %s: %w", c.t.kind, id, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, c.tx.fail(err)
	}
	return out, nil
}

// Put implements billing.Collection. An empty ID, or one that is not a
// canonical UUID where the collection's IDs are UUIDs, is refused with a
// *validation.Error. A refused Put leaves the transaction usable.
func (c *collection[T]) Put(ctx context.Context, r billing.Record[T]) (uint64, error) {
	if err := c.tx.check(ctx, true); err != nil {
		return 0, err
	}
	if err := c.t.checkID(r.ID); err != nil {
		return 0, err
	}
	raw, err := encodeJSON(r.Value)
	if err != nil {
		return 0, err
	}
	args := make([]any, 0, 8)
	args = append(args, r.ID, raw)
	if c.t.columns != nil {
		args = append(args, c.t.columns(r.Value)...)
	}
	if r.Version == 0 {
		tag, err := c.tx.ptx.Exec(ctx, c.t.insert, args...)
		if err != nil {
			return 0, c.tx.fail(err)
		}
		if tag.RowsAffected() == 1 {
			return 1, nil
		}
	} else {
		var version int64
		err := c.tx.ptx.QueryRow(ctx, c.t.update, append(args, int64(r.Version))...).Scan(&version)
		if err == nil {
			return uint64(version), nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return 0, c.tx.fail(err)
		}
	}
	var stored int64
	err = c.tx.ptx.QueryRow(ctx, c.t.version, r.ID).Scan(&stored)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return 0, c.tx.fail(err)
	}
	return 0, &billing.ConflictError{Kind: c.t.kind, ID: r.ID, Expected: r.Version, Actual: uint64(stored)}
}

// Scan implements billing.Collection. A limit of zero or less returns
// every record after the given ID.
func (c *collection[T]) Scan(ctx context.Context, after string, limit int) ([]billing.Record[T], error) {
	if err := c.tx.check(ctx, false); err != nil {
		return nil, err
	}
	var n any // NULL: no limit
	if limit > 0 {
		n = int64(limit)
	}
	if !storable(after) {
		// PostgreSQL takes no such text: compare with the part before
		// the first NUL or invalid byte. No stored ID sorts after that
		// part and before a NUL; one may before an invalid byte.
		after = storablePrefix(after)
	}
	var rows pgx.Rows
	var err error
	switch {
	case after == "":
		rows, err = c.tx.ptx.Query(ctx, c.t.scanAll, n)
	case !c.t.uuidIDs || canonical(after):
		rows, err = c.tx.ptx.Query(ctx, c.t.scanAfter, n, after)
	default:
		rows, err = c.tx.ptx.Query(ctx, c.t.scanAfterText, n, after)
	}
	if err != nil {
		return nil, c.tx.fail(err)
	}
	var out []billing.Record[T]
	if limit > 0 {
		out = make([]billing.Record[T], 0, min(limit, 1024))
	}
	if out, err = c.decode(rows, out); err != nil {
		return nil, err
	}
	if out == nil {
		out = []billing.Record[T]{}
	}
	return out, nil
}

// InsertMany implements billing.BatchInserter with one statement. IDs are
// checked as Put checks them, and a record whose Version is not 0 is
// refused with a *validation.Error; nothing is inserted then.
func (c *collection[T]) InsertMany(ctx context.Context, recs []billing.Record[T]) error {
	if err := c.tx.check(ctx, true); err != nil {
		return err
	}
	if len(recs) == 0 {
		return nil
	}
	n := len(recs)
	ids, values := make([]string, n), make([][]byte, n)
	var extra [][]*string // by column, then by record
	seen := make(map[string]struct{}, n)
	for i, r := range recs {
		field := "records[" + strconv.Itoa(i) + "]"
		if err := c.t.checkID(r.ID); err != nil {
			var errs validation.Errors
			errs.MergeAt(field, err)
			return errs.Err()
		}
		if r.Version != 0 {
			return validation.New(field+".version", validation.CodeInvalid, "must be 0 to insert a "+c.t.kind)
		}
		if _, ok := seen[r.ID]; ok {
			return &billing.ConflictError{Kind: c.t.kind, ID: r.ID}
		}
		seen[r.ID] = struct{}{}
		raw, err := encodeJSON(r.Value)
		if err != nil {
			return err
		}
		ids[i], values[i] = r.ID, raw
		if c.t.columns == nil {
			continue
		}
		cols := c.t.columns(r.Value)
		if extra == nil {
			extra = make([][]*string, len(cols))
			for k := range extra {
				extra[k] = make([]*string, n)
			}
		}
		for k, v := range cols {
			switch v := v.(type) {
			case nil: // NULL
			case string:
				extra[k][i] = &v
			default:
				text := fmt.Sprint(v)
				extra[k][i] = &text
			}
		}
	}
	args := make([]any, 0, 2+len(extra))
	args = append(args, ids, values)
	for _, col := range extra {
		args = append(args, col)
	}
	tag, err := c.tx.ptx.Exec(ctx, c.t.insertMany, args...)
	if err != nil {
		return c.tx.fail(err)
	}
	switch added := tag.RowsAffected(); {
	case added == int64(n):
		return nil
	case added == 0: // an ID is taken: say which
		var taken string
		var version int64
		if err := c.tx.ptx.QueryRow(ctx, c.t.taken, ids).Scan(&taken, &version); err != nil {
			return c.tx.fail(err)
		}
		return &billing.ConflictError{Kind: c.t.kind, ID: taken, Actual: uint64(version)}
	}
	// Another transaction committed one of the IDs after this one's
	// check: what was inserted cannot be taken back, so the transaction
	// fails as a whole.
	err = &billing.ConflictError{Kind: c.t.kind, ID: ids[0]}
	if c.tx.failed == nil {
		c.tx.failed = err
	}
	return err
}

// encodeJSON returns the JSON of v, or a *validation.Error when it holds
// a NUL character, which a jsonb value cannot hold.
func encodeJSON(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if hasNUL(raw) {
		return nil, validation.New("value", validation.CodeInvalid, "holds a NUL character, which PostgreSQL cannot store")
	}
	return raw, nil
}

// nulEscape is how JSON writes a NUL character.
var nulEscape = []byte(`\u0000`)

// hasNUL reports whether the JSON text raw has an escaped NUL character
// (\u0000) in a string.
func hasNUL(raw []byte) bool {
	for i := 0; ; {
		k := bytes.Index(raw[i:], nulEscape)
		if k < 0 {
			return false
		}
		k += i
		backslashes := 0
		for j := k - 1; j >= 0 && raw[j] == '\\'; j-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return true
		}
		i = k + 1
	}
}
