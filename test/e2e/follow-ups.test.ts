import { SSMClient, UpdateOpsItemCommand } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResponsePost } from '../../sandbox/slack/response-urls.ts';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS, BLOCK_IDS, SHORTCUT_IDS } from '../../src/slack/ids.ts';
import { replyTo, runIncidentCommand, sendIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { textState } from '../handlers/actions/slack-interactions.ts';
import { sendEvent, sendInteraction } from '../support/slack-requests.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// INC-1 (impact 2) is declared in the alert channel; the cases add follow-ups to it in turn.
const clock = new ManualClock('2026-11-22T09:30:00Z');
let harness: Harness;
let opsCenter: SSMClient;

beforeAll(async () => {
  harness = await startHarness({ clock });
  await runIncidentCommand(harness, 'declare "Orders DB slow" 2');
  await harness.warroom.settled();
  // A person working in the OpsCenter console, with the SDK.
  opsCenter = new SSMClient({
    region: 'us-east-1',
    endpoint: harness.aws.url,
    credentials: { accessKeyId: 'AKIDPERSON', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  opsCenter.destroy();
  await harness.stop();
});

const opsItems = () => [...harness.aws.state.ssm.opsItems.values()];
const followUpsOf = (seq: number) => harness.warroom.store.followUps.listFor(seq);

function cardTs(): string {
  const card = harness.slack.messages(ALERT_CHANNEL).find((message) => !message.thread_ts);
  if (!card) throw new Error('no card');
  return card.ts;
}

interface ButtonBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  accessory?: { type: string; action_id: string; value: string; text: { text: string } };
}

/** Clicks the Done/Reopen button beside the follow-up titled `title` in an ephemeral list reply. */
async function clickBeside(reply: ResponsePost, title: string, userId = 'U0ALICE'): Promise<ResponsePost> {
  const block = (reply.blocks as ButtonBlock[]).find((candidate) => candidate.text?.text.includes(title));
  if (!block?.accessory) throw new Error(`no button beside ${title}`);
  const responseUrl = harness.slack.issueResponseUrl(userId, reply.channel);
  const response = await sendInteraction(harness.warroom.url, {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId, team_id: 'T0WARROOM' },
    api_app_id: 'A0WARROOM',
    team: { id: 'T0WARROOM', domain: 'warroom' },
    container: { type: 'message', message_ts: '1.000001', channel_id: reply.channel, is_ephemeral: true },
    trigger_id: harness.slack.issueTriggerId(userId),
    channel: { id: reply.channel, name: 'alerts' },
    response_url: responseUrl,
    actions: [{ ...block.accessory, block_id: block.block_id ?? 'b', action_ts: `${Date.now() / 1000}` }],
  });
  expect(response.status).toBe(200);
  return replyTo(harness, responseUrl);
}

function shortcut(message: { ts: string; text: string; thread_ts?: string }, channel = ALERT_CHANNEL) {
  const user = 'U0CAROL';
  const responseUrl = harness.slack.issueResponseUrl(user, channel);
  const payload = {
    type: 'message_action',
    callback_id: SHORTCUT_IDS.makeFollowUp,
    trigger_id: harness.slack.issueTriggerId(user),
    response_url: responseUrl,
    action_ts: `${Date.now() / 1000}`,
    message_ts: message.ts,
    token: 'deprecated-verification-token',
    team: { id: 'T0WARROOM', domain: 'warroom' },
    user: { id: user, name: 'carol', team_id: 'T0WARROOM' },
    channel: { id: channel, name: 'alerts' },
    message: { type: 'message', user: 'U0BOB', ...message },
  };
  return { responseUrl, response: sendInteraction(harness.warroom.url, payload) };
}

describe('/incident followup', () => {
  it('adds a follow-up with owner and due date as an OpsCenter OpsItem, once per command', async () => {
    const { sent, reply } = await runIncidentCommand(
      harness,
      'followup INC-1 Add a replica lag alarm <@U0BOB> in 3d',
    );
    expect(reply.text).toMatch(
      /^INC-1: follow-up added: “Add a replica lag alarm”, owner <@U0BOB>, due 2026-11-25; tracked in OpsCenter as <https:\/\/us-east-1\.console\.aws\.amazon\.com\/systems-manager\/opsitems\/oi-[0-9a-f]{12}\?region=us-east-1\|oi-[0-9a-f]{12}>\.$/,
    );
    const [item] = opsItems();
    expect(item).toMatchObject({
      title: 'Add a replica lag alarm',
      source: 'warroom',
      severity: '2',
      status: 'Open',
    });
    expect(item?.description).toContain('Follow-up of INC-1: Orders DB slow');
    expect(item?.description).toContain(`Incident: https://warroom.slack.com/archives/${ALERT_CHANNEL}/p`);
    expect(item?.operationalData).toMatchObject({
      warroomIncident: { Value: 'INC-1', Type: 'SearchableString' },
      warroomOwner: { Value: 'U0BOB' },
      warroomDue: { Value: '2026-11-25' },
    });
    const [followUp] = await followUpsOf(1);
    expect(followUp).toMatchObject({
      status: 'open',
      owner: 'U0BOB',
      due: '2026-11-25',
      opsItemId: item?.id,
    });

    // Slack delivers the same command again (same trigger_id): nothing new is made.
    const again = await sendIncidentCommand(
      harness,
      'followup INC-1 Add a replica lag alarm <@U0BOB> in 3d',
      {
        triggerId: sent.triggerId,
      },
    );
    expect((await replyTo(harness, again.responseUrl)).text).toContain('that follow-up was already added');
    expect(await followUpsOf(1)).toHaveLength(1);
    expect(opsItems()).toHaveLength(1);
  });

  it('refuses a due date that does not exist, is past or is not a date, saying why, and keeps nothing', async () => {
    const cases: Array<[string, string]> = [
      ['followup INC-1 Check backups 2026-02-30', '2026-02-30 is not a date: there is no such day.'],
      ['followup INC-1 Check backups 2026-11-01', '2026-11-01 is in the past'],
      ['followup INC-1 Check backups in 3 fortnights', '"in 3 fortnights" is not a due date'],
      ['followup INC-1 <@U0BOB>', 'Write what needs doing'],
    ];
    for (const [command, problem] of cases) {
      const { reply } = await runIncidentCommand(harness, command);
      expect(reply.text).toContain(problem);
    }
    expect(await followUpsOf(1)).toHaveLength(1);
  });
});

describe('the Make follow-up shortcut', () => {
  it("opens the modal with a thread reply's text, and makes one follow-up though submitted twice", async () => {
    const message = harness.slack.postAsUser(
      ALERT_CHANNEL,
      'U0BOB',
      'We should alert on free storage below 10%',
      {
        threadTs: cardTs(),
      },
    );
    const { response } = shortcut({ ts: message.ts, text: message.text, thread_ts: cardTs() });
    expect((await response).status).toBe(200);
    const clicker = cardClicker(harness);
    const modal = await vi.waitFor(() => clicker.openModal('U0CAROL'));
    const blocks = modal['blocks'] as Array<{ block_id?: string; element?: { initial_value?: string } }>;
    expect(
      blocks.find((block) => block.block_id === BLOCK_IDS.followUpTitleInput)?.element?.initial_value,
    ).toBe('We should alert on free storage below 10%');
    const values = {
      [BLOCK_IDS.followUpTitleInput]: {
        [ACTION_IDS.followUpTitle]: textState('Alert on free storage below 10%'),
      },
      [BLOCK_IDS.followUpOwnerInput]: {
        [ACTION_IDS.followUpOwner]: { type: 'users_select', selected_user: 'U0CAROL' },
      },
      [BLOCK_IDS.followUpDueInput]: {
        [ACTION_IDS.followUpDue]: { type: 'datepicker', selected_date: '2026-12-01' },
      },
    };
    await Promise.all([clicker.submit(modal, 'U0CAROL', values), clicker.submit(modal, 'U0CAROL', values)]);
    await clicker.settled();
    const made = (await followUpsOf(1)).filter(
      (followUp) => followUp.title === 'Alert on free storage below 10%',
    );
    expect(made).toEqual([
      expect.objectContaining({ owner: 'U0CAROL', due: '2026-12-01', createdBy: 'U0CAROL' }),
    ]);
    expect(opsItems()).toHaveLength(2);
    const told = harness.slack
      .ephemerals(ALERT_CHANNEL)
      .filter((message) => message.user === 'U0CAROL' && message.text.includes('Alert on free storage'));
    expect(told.map((message) => message.text)).toEqual([
      expect.stringMatching(
        /^INC-1: follow-up added: “Alert on free storage below 10%”, owner <@U0CAROL>, due 2026-12-01; tracked in OpsCenter as /,
      ),
    ]);
  });

  it('keeps the modal open with the reason when the due date is past', async () => {
    const message = harness.slack.postAsUser(ALERT_CHANNEL, 'U0BOB', 'rotate the keys', {
      threadTs: cardTs(),
    });
    await (await shortcut({ ts: message.ts, text: message.text, thread_ts: cardTs() }).response).text();
    const clicker = cardClicker(harness);
    const modal = await vi.waitFor(() => {
      const view = clicker.openModal('U0CAROL');
      if (!JSON.stringify(view).includes('rotate the keys')) throw new Error('not yet');
      return view;
    });
    const submitted = await clicker.submit(modal, 'U0CAROL', {
      [BLOCK_IDS.followUpTitleInput]: { [ACTION_IDS.followUpTitle]: textState('rotate the keys') },
      [BLOCK_IDS.followUpDueInput]: {
        [ACTION_IDS.followUpDue]: { type: 'datepicker', selected_date: '2026-11-02' },
      },
    });
    expect(JSON.parse(submitted.body)).toEqual({
      response_action: 'errors',
      errors: {
        [BLOCK_IDS.followUpDueInput]: '2026-11-02 is in the past: a follow-up is due today or later.',
      },
    });
    expect((await followUpsOf(1)).some((followUp) => followUp.title === 'rotate the keys')).toBe(false);
  });

  it('says where it works when used on a message that belongs to no incident', async () => {
    const chatter = harness.slack.postAsUser(ALERT_CHANNEL, 'U0BOB', 'lunch?');
    const { responseUrl, response } = shortcut({ ts: chatter.ts, text: chatter.text });
    expect((await response).status).toBe(200);
    expect((await replyTo(harness, responseUrl)).text).toContain(
      "Make follow-up works on messages in an incident's own channel, on its card, or in the card's thread.",
    );
  });
});

describe('listing, Done and Reopen', () => {
  it('lists an incident’s follow-ups with status, and Done / Reopen update OpsCenter and redraw the list', async () => {
    const { reply } = await runIncidentCommand(harness, 'followups INC-1');
    expect(reply.text).toBe('Follow-ups of INC-1: 2 open, 0 done.');
    const done = await clickBeside(reply, 'Add a replica lag alarm');
    expect(done.replaceOriginal).toBe(true);
    expect(done.text).toMatch(
      /^INC-1: follow-up “Add a replica lag alarm” marked done; OpsCenter <[^|]+\|oi-/,
    );
    expect(JSON.stringify(done.blocks)).toContain('✅ *Add a replica lag alarm*');
    expect(JSON.stringify(done.blocks)).toContain('done by <@U0ALICE>');
    const item = opsItems().find((candidate) => candidate.title === 'Add a replica lag alarm');
    expect(item?.status).toBe('Resolved');

    const reopened = await clickBeside(done, 'Add a replica lag alarm');
    expect(reopened.text).toContain('reopened');
    expect(item?.status).toBe('Open');
    expect((await followUpsOf(1)).find((followUp) => followUp.id)?.doneBy).toBeUndefined();
  });

  it('lists only your open follow-ups with mine, and every open one with open', async () => {
    const mine = await runIncidentCommand(harness, 'followups mine', { userId: 'U0BOB' });
    expect(mine.reply.text).toBe('Your open follow-ups: 1 open, 0 done.');
    expect(mine.all).toContain('Add a replica lag alarm');
    expect(mine.all).not.toContain('free storage');
    const open = await runIncidentCommand(harness, 'followups open');
    expect(open.reply.text).toBe('Open follow-ups: 2 open, 0 done.');
    const bad = await runIncidentCommand(harness, 'followups yours');
    expect(bad.reply.text).toContain('`yours` is not an incident id, mine or open.');
  });

  it('reads back a change made in OpsCenter: in the background, and at once when listed', async () => {
    const item = opsItems().find((candidate) => candidate.title === 'Add a replica lag alarm');
    await opsCenter.send(new UpdateOpsItemCommand({ OpsItemId: item?.id, Status: 'Resolved' }));
    // Read back a minute after the last sync, a few per pass.
    clock.advance(61_000);
    expect(await harness.warroom.followUps.syncSome()).toBeGreaterThan(0);
    const synced = (await followUpsOf(1)).find((followUp) => followUp.opsItemId === item?.id);
    expect(synced).toMatchObject({ status: 'done', doneAt: clock.now() });
    expect(synced?.doneBy).toBeUndefined();

    // Reopened in OpsCenter: the very next list shows it open, without waiting for the sync.
    await opsCenter.send(new UpdateOpsItemCommand({ OpsItemId: item?.id, Status: 'InProgress' }));
    const { reply } = await runIncidentCommand(harness, 'followups INC-1');
    expect(reply.text).toBe('Follow-ups of INC-1: 2 open, 0 done.');
  });

  it("shows a person's open follow-ups in App Home, with a Done button", async () => {
    const before = harness.slack.callsTo('views.publish').length;
    const response = await sendEvent(harness.warroom.url, {
      type: 'app_home_opened',
      user: 'U0CAROL',
      channel: 'D0WARROOM',
      tab: 'home',
      event_ts: `${Date.now() / 1000}`,
    });
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(harness.slack.callsTo('views.publish').length).toBeGreaterThan(before));
    const home = harness.slack.views('U0CAROL').find((view) => view.type === 'home');
    const blocks = home?.['blocks'] as ButtonBlock[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Your follow-ups' } });
    expect(blocks[1]?.text?.text).toContain('Alert on free storage below 10%');
    expect(blocks[1]?.accessory).toMatchObject({
      action_id: ACTION_IDS.followUpDone,
      text: { text: 'Done' },
    });
    expect(JSON.stringify(blocks)).not.toContain('Add a replica lag alarm');
  });
});

describe('a Done that OpsCenter did not take', () => {
  it('is kept, told, and written to OpsCenter when next listed rather than undone by it', async () => {
    const { reply } = await runIncidentCommand(harness, 'followups INC-1', { userId: 'U0CAROL' });
    // Refused (a 400 the SDK does not retry), for the click and for the redraw of its list.
    harness.aws.failNext('ssm', 'UpdateOpsItem', {
      code: 'OpsItemInvalidParameterException',
      message: 'no',
      times: 2,
    });
    const done = await clickBeside(reply, 'Alert on free storage below 10%', 'U0CAROL');
    expect(done.text).toContain(
      'marked done; kept in warroom; OpsCenter failed: Systems Manager rejected the request',
    );
    expect(JSON.stringify(done.blocks)).toContain('✅ *Alert on free storage below 10%*');
    const item = opsItems().find((candidate) => candidate.title === 'Alert on free storage below 10%');
    expect(item?.status).toBe('Open');
    clock.advance(1_000);
    const listed = await runIncidentCommand(harness, 'followups INC-1');
    expect(listed.all).toContain('✅ *Alert on free storage below 10%*');
    expect(item?.status).toBe('Resolved');
  });
});

describe('when OpsCenter is refused', () => {
  it('says so once, then keeps warroom’s own record without repeating the advice', async () => {
    harness.aws.failNext('ssm', 'CreateOpsItem', {
      code: 'AccessDeniedException',
      message: 'not allowed',
      times: 2,
    });
    const first = await runIncidentCommand(harness, 'followup INC-1 Write the postmortem');
    expect(first.reply.text).toContain(
      'kept in warroom only: AWS refused warroom the OpsCenter call (check that its role allows ssm:CreateOpsItem',
    );
    const second = await runIncidentCommand(harness, 'followup INC-1 Share the postmortem');
    expect(second.reply.text).toContain('kept in warroom only (OpsCenter refused warroom).');
    const kept = (await followUpsOf(1)).filter((followUp) => followUp.title.endsWith('the postmortem'));
    expect(kept).toHaveLength(2);
    expect(kept.every((followUp) => followUp.opsItemId === undefined)).toBe(true);
    expect(opsItems()).toHaveLength(2);
  });

  it('tracks them in OpsCenter later, once AWS allows it, one per background pass', async () => {
    clock.advance(5 * 60_000);
    await harness.warroom.followUps.syncSome();
    await harness.warroom.followUps.syncSome();
    const kept = (await followUpsOf(1)).filter((followUp) => followUp.title.endsWith('the postmortem'));
    expect(kept.map((followUp) => followUp.opsItemId)).toEqual([
      expect.stringMatching(/^oi-/),
      expect.stringMatching(/^oi-/),
    ]);
    expect(opsItems().filter((item) => item.title.endsWith('the postmortem'))).toHaveLength(2);
  });
});

describe('an incident in Incident Manager', () => {
  it('relates its OpsItems to the incident record, with OpsCenter severity from the impact', async () => {
    harness.aws.state.incidents.addResponsePlan({ name: 'db', title: 'Database incident', impact: 3 });
    const recordArn = harness.aws.state.incidents.addIncidentRecord({
      title: 'Orders DB degraded',
      impact: 3,
      responsePlanName: 'db',
      resourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
    });
    const pointer = signedMessage(`Incident ${recordArn} started from response plan db`, {
      subject: 'Incident Manager',
    });
    expect((await harness.postSns(pointer.body)).status).toBe(200);
    await harness.warroom.settled();
    expect((await harness.warroom.store.getIncident(2))?.incidentManagerArn).toBe(recordArn);
    await runIncidentCommand(harness, 'followup INC-2 Review the failover runbook');
    const item = opsItems().find((candidate) => candidate.title === 'Review the failover runbook');
    expect(item?.severity).toBe('3');
    expect(JSON.parse(item?.operationalData['/aws/resources']?.Value ?? '[]')).toEqual([{ arn: recordArn }]);
  });
});

describe('with followups.opsCenter off', () => {
  let off: Harness;
  beforeAll(async () => {
    off = await startHarness({
      yaml: `${defaultYaml()}followups:\n  opsCenter: false\npermissions:\n  triage: [U0ALICE]\n`,
    });
  });
  afterAll(async () => {
    await off.stop();
  });

  it('keeps warroom’s own record, calls no OpsCenter, and Done works all the same', async () => {
    await runIncidentCommand(off, 'declare "Queue backlog" 3');
    const made = await runIncidentCommand(off, 'followup INC-1 Scale the consumers');
    expect(made.reply.text).toBe('INC-1: follow-up added: “Scale the consumers”; kept in warroom.');
    const { reply } = await runIncidentCommand(off, 'followups INC-1');
    const block = (reply.blocks as ButtonBlock[]).find((candidate) => candidate.accessory);
    expect(block?.accessory?.action_id).toBe(ACTION_IDS.followUpDone);
    expect(off.aws.requestsTo('ssm').filter((request) => request.operation.endsWith('OpsItem'))).toEqual([]);
    expect((await off.warroom.store.followUps.listFor(1))[0]?.status).toBe('open');
  });

  it('refuses follow-ups and Done to someone without permissions.triage, saying which permission', async () => {
    const refused = await runIncidentCommand(off, 'followup INC-1 Tune the autoscaler', { userId: 'U0BOB' });
    expect(refused.reply.text).toContain('triage');
    const { reply } = await runIncidentCommand(off, 'followups INC-1', { userId: 'U0BOB' });
    const responseUrl = off.slack.issueResponseUrl('U0BOB', ALERT_CHANNEL);
    const block = (reply.blocks as ButtonBlock[]).find((candidate) => candidate.accessory);
    await sendInteraction(off.warroom.url, {
      type: 'block_actions',
      user: { id: 'U0BOB', username: 'bob', name: 'U0BOB', team_id: 'T0WARROOM' },
      api_app_id: 'A0WARROOM',
      team: { id: 'T0WARROOM', domain: 'warroom' },
      container: { type: 'message', message_ts: '1.000001', channel_id: ALERT_CHANNEL, is_ephemeral: true },
      trigger_id: off.slack.issueTriggerId('U0BOB'),
      channel: { id: ALERT_CHANNEL, name: 'alerts' },
      response_url: responseUrl,
      actions: [{ ...block?.accessory, block_id: 'b', action_ts: `${Date.now() / 1000}` }],
    });
    expect((await replyTo(off, responseUrl)).text).toContain('triage');
    const kept = await off.warroom.store.followUps.listFor(1);
    expect(kept.map((followUp) => [followUp.title, followUp.status])).toEqual([
      ['Scale the consumers', 'open'],
    ]);
  });
});

describe('an owner named as Slack sends a mention it does not escape', () => {
  it('looks @name up as the owner, and adds nothing for a name that is nobody', async () => {
    const before = (await followUpsOf(1)).length;
    const { reply } = await runIncidentCommand(
      harness,
      'followup INC-1 Check the failover alarm @carol tomorrow',
    );
    expect(reply.text).toContain('owner <@U0CAROL>');
    const nobody = await runIncidentCommand(harness, 'followup INC-1 Check it again @nobody-here');
    expect(nobody.reply.text).toContain('No follow-up added.');
    const after = await followUpsOf(1);
    expect(after).toHaveLength(before + 1);
    expect(after.find((followUp) => followUp.title === 'Check the failover alarm')).toMatchObject({
      owner: 'U0CAROL',
    });
  });
});
