import { describe, expect, it } from 'vitest';
import { finding } from '../../src/rds/posture-finding.ts';
import { buildRdsCheckReply, findingLine } from '../../src/rds/rds-check-text.ts';
import { buildLogSnippetText, LOG_TEXT_BUDGET } from '../../src/rds/rds-log-snippet.ts';
import { buildInstanceStatusReply } from '../../src/rds/rds-status-text.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';

describe('buildRdsCheckReply', () => {
  it('counts the ✗, lists failures first, and tells how to run the fixing runbook', () => {
    const reply = buildRdsCheckReply(
      { seq: 7, version: 3 },
      'DB instance `orders-db`',
      [
        finding('encryption', true, 'Storage is encrypted'),
        finding(
          'public-access',
          false,
          'Publicly accessible',
          'AWSConfigRemediation-DisablePublicAccessToRDSInstance',
        ),
        finding('iam-auth', false, 'IAM database authentication is off'),
      ],
      {
        catalog: (document) =>
          document.includes('PublicAccess')
            ? { id: 'disable-public-access', title: 'Disable public access', fits: true }
            : undefined,
      },
    );
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe('*INC-7 · database check of DB instance `orders-db`*: 2 of 3 checks fail');
    expect(lines[1]).toMatch(
      /^✗ \*Publicly accessible\* — .+ Fix: `AWSConfigRemediation-DisablePublicAccessToRDSInstance`; run it with `\/incident runbook INC-7 disable-public-access`\.$/,
    );
    expect(lines[2]).toMatch(/^✗ \*IAM database authentication is off\* — .+ No AWS runbook fixes this/);
    expect(lines[3]).toMatch(/^✓ \*Storage is encrypted\* — /);
    // The headline, the ✗ with its Run button beside it, then the rest packed in one section.
    expect(reply.blocks).toHaveLength(3);
    expect(reply.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: lines[1] },
      accessory: {
        type: 'button',
        action_id: ACTION_IDS.runRemediation,
        text: { type: 'plain_text', text: 'Run Disable public access' },
        value: '{"seq":7,"v":3,"runbook":"disable-public-access"}',
      },
    });
    expect(JSON.stringify(reply.blocks[2])).toContain('IAM database authentication is off');
  });

  it('offers no Run button for a runbook that is missing or runs on another kind of resource', () => {
    const reply = buildRdsCheckReply(
      { seq: 7, version: 3 },
      'DB instance `orders-db`',
      [
        finding('encryption', false, 'Storage is not encrypted', 'AWS-CreateEncryptedRdsSnapshot'),
        finding('public-snapshots', false, 'Public', 'AWSSupport-ModifyRDSSnapshotPermission'),
      ],
      {
        note: 'A note.',
        catalog: (document) =>
          document.includes('Snapshot') && !document.includes('Encrypted')
            ? { id: 'make-snapshot-private', title: 'Make snapshot private', fits: false }
            : undefined,
      },
    );
    expect(JSON.stringify(reply.blocks)).not.toContain(ACTION_IDS.runRemediation);
    expect(reply.blocks).toHaveLength(1);
    expect(reply.text.split('\n').at(-1)).toBe('_A note._');
  });

  it('says when the runbook is not in the catalog, or is for another kind of resource', () => {
    const publicSnapshot = finding(
      'public-snapshots',
      false,
      'Public',
      'AWSSupport-ModifyRDSSnapshotPermission',
    );
    expect(findingLine(7, publicSnapshot)).toContain(
      "Fix: `AWSSupport-ModifyRDSSnapshotPermission`; it is not in warroom's runbook catalog (add it under `runbooks:` to run it from Slack).",
    );
    expect(
      findingLine(7, publicSnapshot, () => ({
        id: 'make-snapshot-private',
        title: 'Make snapshot private',
        fits: false,
      })),
    ).toContain(
      'Fix: `AWSSupport-ModifyRDSSnapshotPermission` (runbook `make-snapshot-private`, run from an incident about that resource).',
    );
  });

  it('escapes what came from AWS', () => {
    expect(findingLine(1, finding('public-snapshots', true, 'No <!here> & co'))).toContain(
      'No &lt;!here&gt; &amp; co',
    );
  });
});

describe('buildInstanceStatusReply', () => {
  it('says free space is not known rather than guessing, and lists pending maintenance', () => {
    const reply = buildInstanceStatusReply(
      3,
      {
        id: 'orders-db',
        engine: 'postgres',
        engineVersion: '16.4',
        instanceClass: 'db.t3.medium',
        status: 'available',
        multiAZ: false,
        publiclyAccessible: false,
        storageEncrypted: true,
        backupRetentionDays: 7,
        deletionProtection: false,
        iamAuth: false,
        allocatedStorageGiB: 100,
        storageType: 'gp3',
        endpoint: { address: 'orders-db.abc.us-east-1.rds.amazonaws.com', port: 5432 },
      },
      [
        {
          action: 'system-update',
          description: 'New OS update',
          autoAppliedAfter: new Date('2026-12-01T00:00:00Z'),
        },
      ],
    );
    expect(reply.text).toContain('• Storage: 100 GiB allocated (gp3); free space not known');
    expect(reply.text).toContain('• Endpoint: `orders-db.abc.us-east-1.rds.amazonaws.com:5432`');
    expect(reply.text).toContain('◦ `system-update`: New OS update (applied after <!date^1796083200^');
  });
});

describe('buildLogSnippetText', () => {
  const file = {
    name: 'error/postgresql.log',
    lastWritten: new Date('2026-11-22T09:00:00Z'),
    size: 20_000_000,
  };

  it('puts the lines in a code block that a log line cannot close or turn into a mention', () => {
    const text = buildLogSnippetText({
      seq: 2,
      instanceId: 'orders-db',
      file,
      lines: ['ERROR: x ``` y', 'user <@U123> & co'],
      requestedBy: 'U0ALICE',
      complete: true,
    });
    expect(text).toContain("```\nERROR: x ''' y\nuser &lt;@U123&gt; &amp; co\n```");
    expect(text).toContain('(19.1 MB, written <!date^');
    expect(text).toContain('asked for by <@U0ALICE>');
  });

  it('stays within one Slack message, keeping the newest lines', () => {
    const lines = Array.from({ length: 500 }, (_, index) => `${index} ${'x'.repeat(990)}`);
    const text = buildLogSnippetText({
      seq: 2,
      instanceId: 'db',
      file,
      lines,
      requestedBy: 'U1',
      complete: false,
    });
    expect(text.length).toBeLessThan(40_000);
    expect(text.length).toBeGreaterThan(LOG_TEXT_BUDGET - 2000);
    expect(text).toContain(`499 ${'x'.repeat(990)}`);
    expect(text).toMatch(/_\d+ earlier lines did not fit in one Slack message\._/);
    expect(text).toContain('_The file grew while warroom read it');
  });
});
