import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { textState } from '../handlers/actions/slack-interactions.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;

// The local Slack seeds user group S0SRE = [U0ALICE] (sandbox/slack/workspace.ts).
beforeAll(async () => {
  harness = await startHarness({
    yaml: `${defaultYaml()}permissions:\n  triage: [U0BOB]\n  resolve: [S0SRE]\n`,
  });
  clicker = cardClicker(harness);
  const [alarm] = signedOrdersDbScenario();
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

const incident = () => harness.warroom.store.getIncident(1);
const peopleEntries = async () =>
  (await harness.warroom.store.listTimeline(1)).filter(
    (entry) => !entry.actor.startsWith('aws:') && entry.actor !== 'warroom',
  );

describe('permissions on the card (triage: [U0BOB], resolve: [S0SRE])', () => {
  it('refuses Acknowledge to someone not listed, naming the permission, and changes nothing', async () => {
    const before = await incident();
    const click = await clicker.click(clicker.card(1), 'U0CAROL', ACTION_IDS.acknowledge);
    await clicker.settled();
    expect(clicker.replies(click.responseUrl)).toEqual([expect.stringContaining('`triage` permission')]);
    expect(clicker.replies(click.responseUrl)[0]).toContain('permissions.triage');
    expect(await incident()).toEqual(before);
    expect(await peopleEntries()).toEqual([]);
  });

  it('lets the listed user acknowledge', async () => {
    await clicker.click(clicker.card(1), 'U0BOB', ACTION_IDS.acknowledge);
    await clicker.settled();
    expect(await incident()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'U0BOB' });
  });

  it('refuses Resolve to someone outside the group before any modal opens', async () => {
    const click = await clicker.click(clicker.card(1), 'U0BOB', ACTION_IDS.resolve);
    await clicker.settled();
    expect(clicker.replies(click.responseUrl)).toEqual([expect.stringContaining('`resolve` permission')]);
    expect(harness.slack.views('U0BOB')).toEqual([]);
    expect((await incident())?.status).toBe('acknowledged');
  });

  it('lets a member of the listed user group resolve, and then refuses Reopen to others', async () => {
    await clicker.click(clicker.card(1), 'U0ALICE', ACTION_IDS.resolve);
    await clicker.settled();
    await clicker.submit(clicker.openModal('U0ALICE'), 'U0ALICE', {
      [BLOCK_IDS.summaryInput]: { [ACTION_IDS.summaryText]: textState('Rebooted the writer') },
    });
    await clicker.settled();
    expect(await incident()).toMatchObject({ status: 'resolved', resolvedBy: 'U0ALICE' });

    const reopen = await clicker.click(clicker.card(1), 'U0BOB', ACTION_IDS.reopen);
    await clicker.settled();
    expect(clicker.replies(reopen.responseUrl)).toEqual([expect.stringContaining('`resolve` permission')]);
    expect((await incident())?.status).toBe('resolved');
  });
});
