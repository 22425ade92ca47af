-- 0001: engagements, their stakeholders, the stakeholders' answers and the
-- saved versions of the decision. Tokens are stored as SHA-256 hashes, never
-- in clear; times are Unix seconds (UTC).

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value BLOB NOT NULL
);

CREATE TABLE engagements (
	id               TEXT PRIMARY KEY,   -- random public ID, part of every link
	name             TEXT NOT NULL,
	facilitator_hash BLOB NOT NULL,      -- SHA-256 of the facilitator token
	created_at       INTEGER NOT NULL,
	expires_at       INTEGER NOT NULL,
	profile          TEXT                -- last saved profile (JSON), NULL before the first save
);

CREATE TABLE stakeholders (
	id            INTEGER PRIMARY KEY,
	engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
	name          TEXT NOT NULL,
	token_hash    BLOB NOT NULL UNIQUE,  -- SHA-256 of the stakeholder token
	created_at    INTEGER NOT NULL,
	expires_at    INTEGER NOT NULL,
	finished_at   INTEGER,               -- when the stakeholder said they were done
	UNIQUE (engagement_id, name)
);

CREATE TABLE answers (
	stakeholder_id INTEGER NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
	row            INTEGER NOT NULL,
	col            INTEGER NOT NULL,
	value          REAL NOT NULL,        -- the judgement a_row,col (how many times row matters more than col)
	answered_at    INTEGER NOT NULL,
	PRIMARY KEY (stakeholder_id, row, col),
	CHECK (row >= 0 AND row < col AND value > 0)
);

CREATE TABLE versions (
	engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
	version       INTEGER NOT NULL,
	created_at    INTEGER NOT NULL,
	note          TEXT NOT NULL,         -- why the version was saved
	profile       TEXT NOT NULL,         -- the profile ranked (with the group's weights once stakeholders answered)
	document      TEXT NOT NULL,         -- the decision document (package decision), as JSON
	PRIMARY KEY (engagement_id, version)
);
