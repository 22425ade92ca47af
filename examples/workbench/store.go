package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
)

// busyTimeout is how long a write waits for another writer before SQLite
// gives up with SQLITE_BUSY: the wait is SQLite's own retry loop
// (PRAGMA busy_timeout), so a write that meets a busy database is retried,
// not lost.
const busyTimeout = 5 * time.Second

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store errors.
var (
	// errNotFound reports a row that does not exist.
	errNotFound = errors.New("workbench: not found")
	// errDuplicate reports a name already taken (a stakeholder's, within an
	// engagement).
	errDuplicate = errors.New("workbench: name already used")
	// errFull reports an engagement that already has the most
	// stakeholders it may have.
	errFull = errors.New("workbench: the engagement has its maximum of stakeholders")
	// errPending reports a read-only database whose schema is older than
	// this program: its migrations cannot be applied.
	errPending = errors.New("workbench: the database needs migrations but is opened read-only")
	// errNewerSchema reports a database that records migrations this
	// program does not have: a newer workbench wrote it, and this one
	// would misread its schema.
	errNewerSchema = errors.New("workbench: the database was written by a newer version of the workbench")
)

// dbTrouble classifies a database error the user can do something about.
type dbTrouble int

const (
	dbOK       dbTrouble = iota // no error, or one that is not the database's state
	dbBusy                      // another writer held the database beyond the busy timeout
	dbReadOnly                  // the database (or its file or directory) is read-only
)

// troubleOf says whether err is a busy/locked or a read-only database.
func troubleOf(err error) dbTrouble {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return dbOK
	}
	switch se.Code() & 0xff {
	case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
		return dbBusy
	case 8: // SQLITE_READONLY
		return dbReadOnly
	}
	return dbOK
}

// store is the workbench's SQLite database. It is safe for concurrent use.
type store struct {
	db       *sql.DB
	readOnly bool
}

// openStore opens (creating it if needed) the SQLite database at path and
// applies the pending migrations. The database runs in WAL mode, so readers
// do not wait for the writer, with foreign keys on and a busy timeout;
// write transactions start IMMEDIATE, so two writers queue on the busy
// timeout instead of failing to upgrade a read lock. With readOnly the file is
// opened with mode=ro: every write then fails with SQLITE_READONLY, which the
// pages report. A WAL database in a directory that cannot be written cannot
// be read that way (SQLite needs its shared-memory file); it is then opened
// immutable, which is what a file nobody can write is.
func openStore(ctx context.Context, file string, readOnly bool) (*store, error) {
	s, err := open(ctx, file, readOnly, false)
	if err != nil && readOnly && troubleOf(err) == dbReadOnly {
		s, err = open(ctx, file, true, true)
	}
	return s, err
}

// open opens the database with the given mode and migrates it.
func open(ctx context.Context, file string, readOnly, immutable bool) (*store, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Set("mode", "ro")
		if immutable {
			q.Set("immutable", "1")
		}
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
	}
	// SQLite reads "file:" URIs; escape what would end the path early.
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(file)
	db, err := sql.Open("sqlite", "file:"+esc+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	// One writer at a time is SQLite's rule; a small pool serves the
	// concurrent readers that WAL allows.
	db.SetMaxOpenConns(8)
	db.SetConnMaxIdleTime(time.Minute)
	s := &store{db: db, readOnly: readOnly}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// close closes the database.
func (s *store) close() error { return s.db.Close() }

// migration is one embedded schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order. A file is
// named NNNN_what.sql; NNNN is its version.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive version number and _", base)
		}
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share version %d", ms[i-1].name, ms[i].name, ms[i].version)
		}
	}
	return ms, nil
}

// migrate applies the migrations not yet recorded in schema_migrations, in
// order, each in its own transaction together with its record, so a failed
// migration leaves the schema as it was. A database that records a version
// above the highest embedded one is refused (errNewerSchema).
func (s *store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if !s.readOnly {
		if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
			return fmt.Errorf("schema_migrations: %w", err)
		}
	}
	applied := map[int]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		if s.readOnly {
			return fmt.Errorf("%w: %w", errPending, err)
		}
		return err
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		applied[v] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if err := checkKnown(ms, applied); err != nil {
		return err
	}
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		if s.readOnly {
			return fmt.Errorf("%w: %s", errPending, m.name)
		}
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, time.Now().Unix())
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// checkKnown refuses a database that records a migration version above
// the highest embedded one (errNewerSchema, naming the versions): its
// schema may have changed in ways this program cannot read.
func checkKnown(ms []migration, applied map[int]bool) error {
	highest := 0
	if len(ms) > 0 {
		highest = ms[len(ms)-1].version
	}
	var newer []int
	for v := range applied {
		if v > highest {
			newer = append(newer, v)
		}
	}
	if len(newer) == 0 {
		return nil
	}
	sort.Ints(newer)
	return fmt.Errorf("%w: it records schema version(s) %s, and this workbench knows versions up to %d; run the newer workbench, or a copy of the database made before it was upgraded",
		errNewerSchema, strings.Trim(fmt.Sprint(newer), "[]"), highest)
}

// schemaVersions returns the versions recorded in schema_migrations.
func (s *store) schemaVersions(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	return vs, rows.Err()
}

// tx runs fn in a transaction (IMMEDIATE: see openStore) and commits it if
// fn returns nil.
func (s *store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// csrfKey returns the key that signs form tokens, created on first use
// and kept in the database so that forms stay valid across restarts. A
// read-only database without one gets a key for this run only.
func (s *store) csrfKey(ctx context.Context) ([]byte, error) {
	var key []byte
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'csrf_key'`).Scan(&key)
	if err == nil && len(key) == 32 {
		return key, nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	key = make([]byte, 32)
	rand.Read(key)
	if s.readOnly {
		return key, nil
	}
	if _, err := s.db.ExecContext(ctx, `INSERT OR IGNORE INTO settings (key, value) VALUES ('csrf_key', ?)`, key); err != nil {
		return nil, err
	}
	// Another process may have won the race: read what is stored.
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'csrf_key'`).Scan(&key); err != nil {
		return nil, err
	}
	return key, nil
}

// engagementRow is an engagement as stored.
type engagementRow struct {
	ID              string
	Name            string
	FacilitatorHash []byte
	Created         time.Time
	Expires         time.Time
	// Profile is the last saved profile as JSON; "" before the first save.
	Profile string
}

// createEngagement stores a new engagement.
func (s *store) createEngagement(ctx context.Context, e engagementRow) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO engagements (id, name, facilitator_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		e.ID, e.Name, e.FacilitatorHash, e.Created.Unix(), e.Expires.Unix())
	return err
}

// engagement returns the engagement with the given ID, or errNotFound.
func (s *store) engagement(ctx context.Context, id string) (engagementRow, error) {
	var e engagementRow
	var created, expires int64
	var profile sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT id, name, facilitator_hash, created_at, expires_at, profile FROM engagements WHERE id = ?`, id).
		Scan(&e.ID, &e.Name, &e.FacilitatorHash, &created, &expires, &profile)
	if errors.Is(err, sql.ErrNoRows) {
		return e, errNotFound
	}
	e.Created, e.Expires, e.Profile = time.Unix(created, 0).UTC(), time.Unix(expires, 0).UTC(), profile.String
	return e, err
}

// versionRow is one saved version of an engagement's decision.
type versionRow struct {
	Version int
	Created time.Time
	Note    string
	// Profile is the profile ranked, as JSON.
	Profile string
	// Document is the decision document, as JSON.
	Document string
	// Recommendation is the recommendation the version showed when it
	// was saved (placement.Recommendation as JSON); "" for a version
	// saved before the workbench kept it.
	Recommendation string
}

// saveVersion stores v as the engagement's next version, numbered from 1,
// and returns its number. With setProfile the engagement's current profile
// becomes profile, in the same transaction.
func (s *store) saveVersion(ctx context.Context, engagement string, v versionRow, setProfile string) (int, error) {
	var n int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if setProfile != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE engagements SET profile = ? WHERE id = ?`, setProfile, engagement); err != nil {
				return err
			}
		}
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM versions WHERE engagement_id = ?`, engagement).Scan(&n); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO versions (engagement_id, version, created_at, note, profile, document, recommendation) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			engagement, n, v.Created.Unix(), v.Note, v.Profile, v.Document, v.Recommendation)
		return err
	})
	return n, err
}

// versions lists the engagement's versions, newest first, without their
// documents.
func (s *store) versions(ctx context.Context, engagement string) ([]versionRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version, created_at, note FROM versions WHERE engagement_id = ? ORDER BY version DESC`, engagement)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var vs []versionRow
	for rows.Next() {
		var v versionRow
		var created int64
		if err := rows.Scan(&v.Version, &created, &v.Note); err != nil {
			return nil, err
		}
		v.Created = time.Unix(created, 0).UTC()
		vs = append(vs, v)
	}
	return vs, rows.Err()
}

// version returns one version with its profile, document and
// recommendation; n ≤ 0 means the latest. It returns errNotFound when
// there is none.
func (s *store) version(ctx context.Context, engagement string, n int) (versionRow, error) {
	const cols = `SELECT version, created_at, note, profile, document, COALESCE(recommendation, '') FROM versions WHERE engagement_id = ?`
	q := cols + ` AND version = ?`
	args := []any{engagement, n}
	if n <= 0 {
		q = cols + ` ORDER BY version DESC LIMIT 1`
		args = args[:1]
	}
	var v versionRow
	var created int64
	err := s.db.QueryRowContext(ctx, q, args...).Scan(&v.Version, &created, &v.Note, &v.Profile, &v.Document, &v.Recommendation)
	if errors.Is(err, sql.ErrNoRows) {
		return v, errNotFound
	}
	v.Created = time.Unix(created, 0).UTC()
	return v, err
}

// stakeholderRow is a stakeholder as stored, with their answers.
type stakeholderRow struct {
	ID         int64
	Engagement string
	Name       string
	Created    time.Time
	Expires    time.Time
	Finished   bool
	// Answers are the stakeholder's judgements, keyed by pair.
	Answers map[pair]float64
}

// pair is a pair of criteria, by index in placement.Criteria, Row < Col.
type pair struct{ Row, Col int }

// addStakeholder stores a stakeholder with the hash of their token and
// returns their ID. A name already used in the engagement is errDuplicate;
// an engagement with limit stakeholders already is errFull. The count and
// the insert are one statement, so two facilitators adding at once cannot
// take the engagement past limit.
func (s *store) addStakeholder(ctx context.Context, engagement, name string, hash []byte, now, expires time.Time, limit int) (int64, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO stakeholders (engagement_id, name, token_hash, created_at, expires_at)
		SELECT ?, ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM stakeholders WHERE engagement_id = ?) < ?`,
		engagement, name, hash, now.Unix(), expires.Unix(), engagement, limit)
	if err != nil {
		var se *sqlite.Error
		if errors.As(err, &se) && se.Code() == 2067 { // SQLITE_CONSTRAINT_UNIQUE
			return 0, errDuplicate
		}
		return 0, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, err
	} else if n == 0 {
		return 0, errFull
	}
	return res.LastInsertId()
}

// reissueStakeholder replaces a stakeholder's token (the old link stops
// working) and extends its expiry.
func (s *store) reissueStakeholder(ctx context.Context, engagement string, id int64, hash []byte, expires time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE stakeholders SET token_hash = ?, expires_at = ? WHERE id = ? AND engagement_id = ?`,
		hash, expires.Unix(), id, engagement)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return errNotFound
	}
	return err
}

// stakeholderByToken returns the engagement's stakeholder whose token has
// the given hash, with their answers, or errNotFound.
func (s *store) stakeholderByToken(ctx context.Context, engagement string, hash []byte) (stakeholderRow, error) {
	var st stakeholderRow
	var created, expires int64
	var finished sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT id, engagement_id, name, created_at, expires_at, finished_at FROM stakeholders WHERE engagement_id = ? AND token_hash = ?`,
		engagement, hash).Scan(&st.ID, &st.Engagement, &st.Name, &created, &expires, &finished)
	if errors.Is(err, sql.ErrNoRows) {
		return st, errNotFound
	}
	if err != nil {
		return st, err
	}
	st.Created, st.Expires, st.Finished = time.Unix(created, 0).UTC(), time.Unix(expires, 0).UTC(), finished.Valid
	st.Answers = map[pair]float64{}
	rows, err := s.db.QueryContext(ctx, `SELECT row, col, value FROM answers WHERE stakeholder_id = ?`, st.ID)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var p pair
		var v float64
		if err := rows.Scan(&p.Row, &p.Col, &v); err != nil {
			return st, err
		}
		st.Answers[p] = v
	}
	return st, rows.Err()
}

// stakeholders returns the engagement's stakeholders in the order they
// were added, with their answers, read in one transaction so that the
// answers match the list.
func (s *store) stakeholders(ctx context.Context, engagement string) ([]stakeholderRow, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	// A deferred read transaction: one consistent snapshot under WAL that
	// takes no write lock (database/sql's BeginTx would start IMMEDIATE,
	// see openStore).
	if _, err := conn.ExecContext(ctx, `BEGIN DEFERRED`); err != nil {
		return nil, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
	tx := conn
	rows, err := tx.QueryContext(ctx, `SELECT id, name, created_at, expires_at, finished_at FROM stakeholders WHERE engagement_id = ? ORDER BY id`, engagement)
	if err != nil {
		return nil, err
	}
	var list []stakeholderRow
	byID := map[int64]int{}
	for rows.Next() {
		st := stakeholderRow{Engagement: engagement, Answers: map[pair]float64{}}
		var created, expires int64
		var finished sql.NullInt64
		if err := rows.Scan(&st.ID, &st.Name, &created, &expires, &finished); err != nil {
			rows.Close()
			return nil, err
		}
		st.Created, st.Expires, st.Finished = time.Unix(created, 0).UTC(), time.Unix(expires, 0).UTC(), finished.Valid
		byID[st.ID] = len(list)
		list = append(list, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT a.stakeholder_id, a.row, a.col, a.value FROM answers a JOIN stakeholders s ON s.id = a.stakeholder_id WHERE s.engagement_id = ?`, engagement)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var p pair
		var v float64
		if err := rows.Scan(&id, &p.Row, &p.Col, &v); err != nil {
			return nil, err
		}
		if i, ok := byID[id]; ok {
			list[i].Answers[p] = v
		}
	}
	return list, rows.Err()
}

// answer stores (or replaces) a stakeholder's judgement on one pair.
func (s *store) answer(ctx context.Context, stakeholder int64, p pair, value float64, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO answers (stakeholder_id, row, col, value, answered_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (stakeholder_id, row, col) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at`,
		stakeholder, p.Row, p.Col, value, now.Unix())
	return err
}

// finish records that a stakeholder has said they are done.
func (s *store) finish(ctx context.Context, stakeholder int64, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE stakeholders SET finished_at = ? WHERE id = ?`, now.Unix(), stakeholder)
	return err
}

// countAnswers returns the number of answers stored for the engagement.
func (s *store) countAnswers(ctx context.Context, engagement string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM answers a JOIN stakeholders s ON s.id = a.stakeholder_id WHERE s.engagement_id = ?`, engagement).Scan(&n)
	return n, err
}
