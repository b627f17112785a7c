import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { fireScenario, incidentCard, shoot, textOf, typeInComposer, waitForText } from './browser-steps.ts';
import { ARTIFACTS, type BrowserSandbox, startBrowserSandbox } from './start-browser-sandbox.ts';

/**
 * The 20-database alarm storm in the sandbox workspace, read and worked by clicks and typing only:
 * one storm card lists its members (worst first) and where they run, and one Acknowledge on it
 * acknowledges all twenty.
 */

let run: BrowserSandbox;
let page: Page;

beforeAll(async () => {
  run = await startBrowserSandbox();
  page = run.page;
}, 60_000);

beforeEach((context) => {
  onTestFailed(async () => {
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page?.screenshot({ path: join(ARTIFACTS, `failed-${name}.png`), fullPage: true });
  });
});

afterAll(async () => {
  await run?.stop();
});

const STORM_HEADER = /Storm: CPUUtilization alarms on \d+ resources/;
const stormCards = () => incidentCard(page).filter({ hasText: STORM_HEADER });
const stormSection = () => stormCards().locator('[data-block-id="warroom_card_storm"]');
/** The message in the storm card's thread listing every member, one line each. */
const memberList = () =>
  page
    .locator('[data-testid="thread-messages"] [data-testid="message"]')
    .filter({ hasText: /\d+ incidents in storm INC-\d+/ });
const POLL = { timeout: 20_000, interval: 200 };
const firstMember = (text: string) => text.split('\n').find((line) => line.startsWith('•'));
const memberLines = async () =>
  (await textOf(memberList())).split('\n').filter((line) => line.startsWith('•'));

describe('an alarm storm in the sandbox workspace', () => {
  it('shows one storm card with its members, worst first, and where they run', async () => {
    await fireScenario(page, 'rds-alarm-storm');
    const section = await waitForText(stormSection(), /Storm: 20 resources\s*\(20 open\)/, 60_000);
    expect(await stormCards().count()).toBe(1);
    expect(section).toContain('CPUUtilization alarms · AZs us-east-1a (7), us-east-1b (7), us-east-1c (6)');
    // Eight members named on the card, the other twelve counted.
    expect(section.split('\n').filter((line) => line.startsWith('•'))).toHaveLength(8);
    expect(section).toContain('… and 12 more');

    await stormCards().locator('[data-testid="replies"]').click();
    await waitForText(memberList(), /20 incidents in storm INC-\d+/);
    expect(await memberList().count()).toBe(1);
    const lines = await memberLines();
    expect(lines).toHaveLength(20);
    expect(lines.every((line) => /· 3 · Medium · open ·/.test(line))).toBe(true);

    // One shard made worse by hand moves to the top of the card's list and of the thread's.
    const shard20 = /INC-\d+/.exec(lines.find((line) => line.includes('orders-shard-20')) ?? '')?.[0];
    expect(shard20).toBeDefined();
    await typeInComposer(page, `/incident impact ${shard20} 2`);
    const worst = `• ${shard20} · orders-shard-20 · 2 · High`;
    await expect.poll(async () => firstMember(await textOf(stormSection())), POLL).toContain(worst);
    await expect.poll(async () => (await memberLines())[0], POLL).toContain(worst);
    await shoot(stormCards(), '20-storm-card');
  }, 90_000);

  it("acknowledges every member from the storm card's Acknowledge", async () => {
    await stormCards().locator('[data-testid="button:warroom_acknowledge"]').click();
    // Generous: Slack's chat.update limit (Tier 3) may pace the updates after the storm's burst.
    await waitForText(stormSection(), /Storm: 20 resources\s*\(0 open\)/, 60_000);
    expect(await stormCards().locator('[data-testid="button:warroom_acknowledge"]').count()).toBe(0);
    const acknowledged = async () =>
      (await memberLines()).filter((line) => line.includes('· acknowledged ·')).length;
    await expect.poll(acknowledged, { ...POLL, timeout: 60_000 }).toBe(20);
    expect(await memberLines()).toHaveLength(20);
    await shoot(stormCards(), '21-storm-acknowledged');
  }, 60_000);
});
