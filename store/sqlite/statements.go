package sqlite

// stmt names a statement that Open prepares once for the life of the
// Store; transactions bind it to their connection (see tx.stmt).
type stmt int

// The statements of one collection, in the order collectionStatements
// lists them; add the table's first statement (table.first) to get the
// statement of a given table.
const (
	opGet stmt = iota
	opInsert
	opUpdate
	opVersion
	opScan
	opsPerTable
)

// Tables of the collections, in the order of their statements.
var tables = []string{"quotes", "contracts", "invoices", "ledgers", "approvals"}

// The statements that are not a collection's.
const (
	stmtEventInsert stmt = stmt(5*opsPerTable) + iota
	stmtMarkInsert
	stmtMarkGet
	stmtSeriesGet
	stmtSeriesPut
	numStmts
)

// statements holds the SQL of each stmt.
var statements = func() [numStmts]string {
	var s [numStmts]string
	for i, t := range tables {
		first := stmt(i) * opsPerTable
		s[first+opGet] = `SELECT version, value FROM ` + t + ` WHERE id = ?`
		s[first+opInsert] = `INSERT INTO ` + t + ` (id, version, value) VALUES (?, 1, ?) ON CONFLICT (id) DO NOTHING`
		s[first+opUpdate] = `UPDATE ` + t + ` SET version = version + 1, value = ? WHERE id = ? AND version = ?`
		s[first+opVersion] = `SELECT version FROM ` + t + ` WHERE id = ?`
		s[first+opScan] = `SELECT id, version, value FROM ` + t + ` WHERE id > ? ORDER BY id LIMIT ?`
	}
	s[stmtEventInsert] = `INSERT INTO events (id, at_sec, at_nsec, object_kind, object_id, value)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`
	s[stmtMarkInsert] = `INSERT INTO marks (key, invoice_id) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`
	s[stmtMarkGet] = `SELECT invoice_id FROM marks WHERE key = ?`
	s[stmtSeriesGet] = `SELECT last, last_date FROM series WHERE id = ?`
	s[stmtSeriesPut] = `INSERT INTO series (id, last, last_date) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET last = excluded.last, last_date = excluded.last_date`
	return s
}()
