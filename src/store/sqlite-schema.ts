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
  `
  -- SSM Automation executions started from Slack, followed until finished (state survives restarts).
  CREATE TABLE runbook_executions (
    execution_id TEXT PRIMARY KEY,
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    runbook_id TEXT NOT NULL,
    document TEXT NOT NULL,
    client_token TEXT NOT NULL UNIQUE,
    requested_by TEXT NOT NULL,
    approved_by TEXT,
    parameters TEXT NOT NULL,
    status TEXT NOT NULL,
    steps TEXT NOT NULL,
    failure_message TEXT,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT,
    stop_requested_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    rendered_version INTEGER NOT NULL DEFAULT 0,
    thread_channel TEXT,
    thread_ts TEXT,
    next_poll_at TEXT,
    poll_interval_ms INTEGER NOT NULL
  );
  CREATE INDEX runbook_executions_due ON runbook_executions (next_poll_at);
  CREATE INDEX runbook_executions_incident ON runbook_executions (incident_seq);

  -- Two-person runbooks waiting for a second person's approval.
  CREATE TABLE runbook_requests (
    id TEXT PRIMARY KEY,
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    runbook_id TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    overrides TEXT NOT NULL,
    parameters TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    execution_id TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    rendered_version INTEGER NOT NULL DEFAULT 0,
    thread_channel TEXT,
    thread_ts TEXT
  );
  CREATE INDEX runbook_requests_work ON runbook_requests (status, expires_at);
  `,
  `
  -- Snapshots taken from Slack, watched until RDS says they are available, so the report in the
  -- card's thread survives a restart. status: watching → reporting (claimed, until the lease in
  -- next_check_at runs out) → done.
  CREATE TABLE snapshot_watches (
    kind TEXT NOT NULL,
    snapshot_id TEXT NOT NULL,
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    source_id TEXT NOT NULL,
    started_by TEXT NOT NULL,
    started_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'watching',
    next_check_at TEXT,
    delay_ms INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    outcome TEXT,
    report_attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    done_at TEXT,
    PRIMARY KEY (kind, snapshot_id)
  );
  CREATE INDEX snapshot_watches_due ON snapshot_watches (status, next_check_at);
  `,
  `
  -- Escalation stages of each incident, due at a clock time, so a restart fires what fell due while
  -- warroom was down. status: due → claimed (until claimed_until) → fired, or cancelled.
  CREATE TABLE escalation_stages (
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    stage_index INTEGER NOT NULL,
    policy TEXT NOT NULL,
    notify TEXT NOT NULL,
    due_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'due',
    claimed_until TEXT,
    repeat_every_ms INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    fired_at TEXT,
    cancelled_at TEXT,
    PRIMARY KEY (incident_seq, stage_index)
  );
  CREATE INDEX escalation_stages_due ON escalation_stages (status, due_at);
  `,
  `
  -- SSM Contacts engagements started by pages to contact: targets; stopped on acknowledge or
  -- resolve (retried until stopped_at is set); accepted_at set once the page was read.
  CREATE TABLE contact_engagements (
    engagement_arn TEXT PRIMARY KEY,
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    dedupe_key TEXT NOT NULL,
    contact_arn TEXT NOT NULL,
    contact_alias TEXT NOT NULL,
    slack_user TEXT,
    started_at TEXT NOT NULL,
    stopped_at TEXT,
    accepted_at TEXT,
    stop_attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );
  CREATE INDEX contact_engagements_open ON contact_engagements (stopped_at);
  CREATE UNIQUE INDEX contact_engagements_request ON contact_engagements (dedupe_key, contact_arn);
  `,
  `
  -- DMs sent to paged people: once the incident is acknowledged or resolved, each DM is updated
  -- to say by whom, instead of offering buttons that no longer apply.
  CREATE TABLE page_dms (
    channel TEXT NOT NULL,
    ts TEXT NOT NULL,
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    reason TEXT NOT NULL,
    rendered_version INTEGER NOT NULL,
    PRIMARY KEY (channel, ts)
  );
  CREATE INDEX page_dms_incident ON page_dms (incident_seq, rendered_version);
  `,
  `
  -- A member's page DM moved to its storm when it joined: the DM says which incident it was.
  ALTER TABLE page_dms ADD COLUMN member_seq INTEGER;
  `,
  `
  -- An impact raise re-evaluates the escalation policy once: the first to claim (incident, impact)
  -- replaces the stages; a second raise seen twice, or by a second process, finds the claim.
  CREATE TABLE escalation_impact_rounds (
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    impact INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    PRIMARY KEY (incident_seq, impact)
  );
  `,
  `
  -- Leases on work any process may pick up (src/store/lease-store.ts): one owner at a time, taken
  -- over when it runs out.
  CREATE TABLE leases (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    until TEXT NOT NULL
  );
  `,
  `
  -- Post-incident reviews (src/store/review-store.ts): one per incident, claimed once across
  -- processes; place is where it went (JSON: canvas or file).
  CREATE TABLE reviews (
    incident_seq INTEGER PRIMARY KEY REFERENCES incidents (seq),
    status TEXT NOT NULL,
    claimed_by TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    place TEXT,
    generated_at TEXT,
    completed_by TEXT,
    completed_at TEXT
  );
  `,
  `
  -- Follow-ups of incidents (src/store/follow-up-store.ts), each created once per Slack request
  -- (dedupe_key); ops_item_id is the OpsCenter OpsItem tracking it, when there is one.
  CREATE TABLE follow_ups (
    id TEXT PRIMARY KEY,
    incident_seq INTEGER NOT NULL REFERENCES incidents (seq),
    dedupe_key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    owner TEXT,
    due TEXT,
    status TEXT NOT NULL,
    ops_item_id TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status_at TEXT NOT NULL,
    done_by TEXT,
    done_at TEXT,
    last_synced_at TEXT
  );
  CREATE INDEX follow_ups_incident ON follow_ups (incident_seq, created_at);
  CREATE INDEX follow_ups_status ON follow_ups (status, created_at);
  `,
];
