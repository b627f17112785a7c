import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { fireScenario, incidentCard, shoot, typeInComposer, waitForText } from './browser-steps.ts';
import { ARTIFACTS, type BrowserSandbox, startBrowserSandbox } from './start-browser-sandbox.ts';

/**
 * A follow-up made from a message and marked done, in the sandbox's local Slack workspace in
 * headless Chromium, by clicks and typing alone. Screenshots land in test-artifacts/browser/.
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
    await page?.screenshot({ path: join(ARTIFACTS, `failed-follow-ups-${name}.png`), fullPage: true });
  });
});

afterAll(async () => {
  await run?.stop();
});

/** A week from today (UTC), as the date picker takes it. */
const nextWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

describe('follow-ups in the sandbox workspace', () => {
  it('makes a follow-up from the card with the Make follow-up shortcut, lists it and marks it done', async () => {
    await fireScenario(page, 'rds-cpu-then-failover');
    const card = incidentCard(page);
    await card.waitFor();

    await card.hover();
    await card.locator('[data-menu="shortcut"][data-callback-id="warroom_make_follow_up"]').click();
    const modal = page.locator('[data-testid="modal"]');
    await modal.waitFor();
    await modal
      .locator('[data-testid="input:warroom_follow_up_title"]')
      .fill('Alert on CPU above 80% for 5 min');
    await modal.locator('[data-testid="input:warroom_follow_up_due"]').fill(nextWeek());
    await shoot(modal.locator('.ws-modal'), 'follow-up-01-modal');
    await modal.locator('[data-testid="modal-submit"]').click();
    await expect.poll(() => modal.count()).toBe(0);
    const told = page
      .locator('[data-testid="messages"] [data-testid="message"]')
      .filter({ has: page.locator('[data-testid="only-visible-to-you"]') })
      .filter({ hasText: 'follow-up added' });
    expect(await waitForText(told.last(), /tracked in OpsCenter as oi-[0-9a-f]{12}/)).toContain(
      `due ${nextWeek()}`,
    );

    await typeInComposer(page, '/incident followups INC-1');
    const list = page
      .locator('[data-testid="messages"] [data-testid="message"]')
      .filter({ hasText: 'Follow-ups of INC-1' });
    await waitForText(list.last(), /1 open, 0 done/);
    await shoot(list.last(), 'follow-up-02-list');
    await list.last().locator('[data-testid="button:warroom_follow_up_done"]').click();
    await waitForText(list.last(), /0 open, 1 done/);
    expect(await list.last().locator('[data-testid="button:warroom_follow_up_reopen"]').count()).toBe(1);
    await shoot(list.last(), 'follow-up-03-done');
  }, 180_000);
});
