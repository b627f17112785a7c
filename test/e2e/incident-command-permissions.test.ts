import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { VIEW_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// Bob may triage and declare; resolving is for the SRE group, which the local Slack seeds as
// S0SRE = [U0ALICE]. Carol may do nothing that changes an incident.
const YAML = `${defaultYaml()}permissions:\n  triage: [U0BOB]\n  resolve: [S0SRE]\n  declare: [U0BOB]\n`;

let harness: Harness;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const logger = createLogger({
    level: 'warn',
    destination: { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  harness = await startHarness({ yaml: YAML, start: { logger } });
  await harness.warroom.triage.declare({
    title: 'Replica lag on orders-db',
    impact: 3,
    actor: { userId: 'U0BOB' },
  });
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

const incident = () => harness.warroom.store.getIncident(1);
const timeline = () => harness.warroom.store.listTimeline(1);

function refusal(permission: string): string {
  return `You do not have the \`${permission}\` permission for incidents (set by \`permissions.${permission}\` in warroom's config).`;
}

describe('/incident refuses people without the permission, naming it', () => {
  it('declare with a title: refused for Alice, nothing is declared, the refusal is logged', async () => {
    const { reply } = await runIncidentCommand(harness, 'declare Payments down 1', { userId: 'U0ALICE' });
    expect(reply.text).toBe(refusal('declare'));
    expect(reply.responseType).toBe('ephemeral');
    expect(await harness.warroom.store.getIncident(2)).toBeUndefined();
    expect(logLines).toContainEqual(
      expect.objectContaining({ msg: 'permission refused', userId: 'U0ALICE', permission: 'declare' }),
    );
  });

  it('declare without arguments: refused before the modal opens', async () => {
    const { reply } = await runIncidentCommand(harness, 'declare', { userId: 'U0CAROL' });
    expect(reply.text).toBe(refusal('declare'));
    expect(harness.slack.views('U0CAROL')).toEqual([]);
  });

  it('ack: refused for Alice, allowed for Bob', async () => {
    const refused = await runIncidentCommand(harness, 'ack INC-1', { userId: 'U0ALICE' });
    expect(refused.reply.text).toBe(refusal('triage'));
    expect((await incident())?.status).toBe('open');
    const allowed = await runIncidentCommand(harness, 'ack INC-1', { userId: 'U0BOB' });
    expect(allowed.reply.text).toContain('you acknowledged the incident');
  });

  it('impact: refused for Carol, the impact stays', async () => {
    const { reply } = await runIncidentCommand(harness, 'impact INC-1 1', { userId: 'U0CAROL' });
    expect(reply.text).toBe(refusal('triage'));
    expect((await incident())?.impact).toBe(3);
  });

  it('note: refused for Alice, no note is written', async () => {
    const { reply } = await runIncidentCommand(harness, 'note INC-1 looking into it', { userId: 'U0ALICE' });
    expect(reply.text).toBe(refusal('triage'));
    expect((await timeline()).filter((entry) => entry.kind === 'note')).toEqual([]);
  });

  it('resolve without a summary: refused for Bob before the modal opens', async () => {
    const { reply } = await runIncidentCommand(harness, 'resolve INC-1', { userId: 'U0BOB' });
    expect(reply.text).toBe(refusal('resolve'));
    expect(harness.slack.views('U0BOB').some((view) => view.callback_id === VIEW_IDS.resolveModal)).toBe(
      false,
    );
  });

  it('resolve with a summary: refused for Bob, allowed for Alice through the S0SRE group', async () => {
    const refused = await runIncidentCommand(harness, 'resolve INC-1 lag gone', { userId: 'U0BOB' });
    expect(refused.reply.text).toBe(refusal('resolve'));
    expect((await incident())?.status).toBe('acknowledged');
    const allowed = await runIncidentCommand(harness, 'resolve INC-1 lag gone', { userId: 'U0ALICE' });
    expect(allowed.reply.text).toContain('you resolved the incident: lag gone');
    expect((await incident())?.status).toBe('resolved');
  });

  it('read-only subcommands need no permission', async () => {
    const { all } = await runIncidentCommand(harness, 'timeline INC-1', { userId: 'U0CAROL' });
    expect(all).toContain('*Timeline of INC-1*');
  });
});
