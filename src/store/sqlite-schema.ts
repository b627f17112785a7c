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
  `
  ALTER TABLE timeline ADD COLUMN from_value TEXT;
  ALTER TABLE timeline ADD COLUMN to_value TEXT;

  -- Writes to Incident Manager, queued in the same transaction as the change that caused them and
  -- retried until they succeed, so Slack and the console never disagree for long.
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    created_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    done_at TEXT
  );
  CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
  CREATE INDEX outbox_incident ON outbox (incident_seq, status);
  CREATE INDEX incidents_channel ON incidents (json_extract(data, '$.channelId'));
  `,
  `
  -- An incident can have a card in the alert channel and one in its own channel.
  CREATE TABLE cards_by_channel (
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    channel TEXT NOT NULL,
    ts TEXT,
    post_started_at TEXT NOT NULL,
    rendered_version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (incident_seq, channel)
  );
  INSERT INTO cards_by_channel (incident_seq, channel, ts, post_started_at, rendered_version)
    SELECT incident_seq, channel, ts, post_started_at, rendered_version FROM cards;
  DROP TABLE cards;
  ALTER TABLE cards_by_channel RENAME TO cards;
  CREATE INDEX cards_channel_ts ON cards (channel, ts);
  `,
];
