/** Applied in order; PRAGMA user_version records how many ran. Never edit a shipped step. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE notifications (
    message_id TEXT PRIMARY KEY,
    topic_arn TEXT NOT NULL,
    subject TEXT,
    message TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    outcome TEXT,
    incident_seq INTEGER,
    processed_at TEXT
  );
  CREATE INDEX notifications_due ON notifications (status, next_attempt_at);

  CREATE TABLE incidents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    group_key TEXT NOT NULL,
    -- set while the incident is not resolved: at most one open incident per problem
    open_group_key TEXT UNIQUE,
    status TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  );

  CREATE TABLE timeline (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    text TEXT NOT NULL,
    signal_type TEXT,
    dedupe_key TEXT UNIQUE
  );
  CREATE INDEX timeline_incident ON timeline (incident_seq, at);

  CREATE TABLE cards (
    incident_seq INTEGER PRIMARY KEY REFERENCES incidents (seq),
    channel TEXT NOT NULL,
    ts TEXT,
    post_started_at TEXT NOT NULL,
    rendered_version INTEGER NOT NULL DEFAULT 0
  );
  `,
];
