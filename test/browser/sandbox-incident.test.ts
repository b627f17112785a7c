import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import {
  cardFields as cardFieldsOf,
  fireScenario,
  incidentCard,
  shoot,
  textOf,
  typeInComposer,
  waitForText,
} from './browser-steps.ts';
import { ARTIFACTS, type BrowserSandbox, startBrowserSandbox } from './start-browser-sandbox.ts';

/**
 * A whole incident driven through the sandbox's local Slack workspace in headless Chromium, by
 * clicks and typing only: every step reaches warroom as a signed Slack request, and every state is
 * read back from what the page renders. Screenshots of the card land in test-artifacts/browser/.
 */

const SCENARIO = 'rds-cpu-then-failover';
const RUNBOOK = 'disable-public-access';

let run: BrowserSandbox;
let page: Page;

beforeAll(async () => {
  run = await startBrowserSandbox();
  page = run.page;
}, 60_000);

beforeEach((context) => {
  // What the page showed when a step failed, for the CI artifacts.
  onTestFailed(async () => {
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page?.screenshot({ path: join(ARTIFACTS, `failed-${name}.png`), fullPage: true });
  });
});

afterAll(async () => {
  await run?.stop();
});

const card = () => incidentCard(page);
const cardFields = () => cardFieldsOf(page);

async function confirmIfAsked(): Promise<void> {
  const dialog = page.locator('[data-testid="confirm-dialog"]');
  if (await dialog.isVisible()) await dialog.locator('[data-testid="confirm-confirm"]').click();
}

describe('the sandbox workspace in a browser', () => {
  it('runs an RDS incident from alarm to resolution by clicks and typing alone', async () => {
    await fireScenario(page, SCENARIO);
    await card().waitFor();
    expect(await waitForText(cardFields(), /Status\s+Open/)).toMatch(/Resource\s+orders-db/);
    await expect.poll(() => page.locator('[data-testid="replies"]').count()).toBeGreaterThan(0);
    await shoot(card(), '01-open');

    await card().locator('[data-testid="button:warroom_acknowledge"]').click();
    await waitForText(cardFields(), /Status\s+Acknowledged by @alice/);
    expect(await card().locator('[data-testid="button:warroom_acknowledge"]').count()).toBe(0);
    await shoot(card(), '02-acknowledged');

    // Impact 2 · High unless the scenario opened it at 2 already; then 1 · Critical (it must change).
    const opened = /Impact\s+(\d)/.exec(await textOf(cardFields()))?.[1];
    const impact = opened === '2' ? { value: '1', label: '1 · Critical' } : { value: '2', label: '2 · High' };
    await card().locator('[data-testid="select:warroom_impact_select"]').selectOption(impact.value);
    await waitForText(cardFields(), new RegExp(`Impact\\s+${impact.label}`));
    await shoot(card(), '03-impact');

    await card().locator('[data-testid="button:warroom_run_runbook"]').click();
    const modal = page.locator('[data-testid="modal"]');
    await modal.waitFor();
    await modal.locator('[data-testid="select:warroom_runbook_choice"]').selectOption(RUNBOOK);
    await waitForText(modal, /AWSConfigRemediation-DisablePublicAccessToRDSInstance[\s\S]*Steps/);
    await shoot(modal.locator('.ws-modal'), '04-runbook-modal');
    await modal.locator('[data-testid="modal-submit"]').click();
    await confirmIfAsked();
    await expect.poll(() => modal.count()).toBe(0);

    await card().locator('[data-testid="replies"]').click();
    const progress = page
      .locator('[data-testid="thread-messages"] [data-testid="message"]')
      .filter({ hasText: 'Runbook: Disable public access' });
    await waitForText(progress, /Status:\s*\S*\s*(Pending|In progress)/);
    await shoot(progress, '05-runbook-running');
    // The emulator's execution takes ~37 s of steps; warroom polls every 5 s while steps move.
    await waitForText(progress, /Status:\s*\S*\s*Success/, 120_000);
    await shoot(progress, '06-runbook-success');
    const execution = page.locator('[data-testid="aws-execution"]', { hasText: 'DisablePublicAccess' });
    await waitForText(execution, /Success/);

    const note = 'Failover finished; CPU back under 40 %.';
    await typeInComposer(page, `/incident note ${note}`);
    const reply = page
      .locator('[data-testid="messages"] [data-testid="message"]')
      .filter({ has: page.locator('[data-testid="only-visible-to-you"]') })
      .filter({ hasText: 'note' });
    expect(await waitForText(reply.last(), /INC-1/)).toContain('INC-1');
    await shoot(card(), '07-noted');

    await card().locator('[data-testid="button:warroom_resolve"]').click();
    await modal.waitFor();
    await modal
      .locator('[data-testid="input:warroom_summary_text"]')
      .fill('Failover completed; no action needed.');
    await modal.locator('[data-testid="modal-submit"]').click();
    await expect.poll(() => modal.count()).toBe(0);
    await waitForText(cardFields(), /Status\s+\S*\s*Resolved/);
    expect(await card().locator('[data-testid="button:warroom_reopen"]').count()).toBe(1);
    await shoot(card(), '08-resolved');
  }, 240_000);

  it('shows the error warroom returns under the input of a modal, and keeps the modal open', async () => {
    await fireScenario(page, SCENARIO);
    const open = card().filter({ has: page.locator('[data-testid="button:warroom_resolve"]') });
    await open.first().waitFor({ timeout: 30_000 });
    await open.first().locator('[data-testid="button:warroom_resolve"]').click();
    const modal = page.locator('[data-testid="modal"]');
    await modal.waitFor();
    // Slack's client refuses an empty required field itself; blanks pass it and reach warroom.
    await modal.locator('[data-testid="input:warroom_summary_text"]').fill('   ');
    await modal.locator('[data-testid="modal-submit"]').click();
    const error = modal.locator('[data-testid="error:warroom_summary_input"]');
    expect(await waitForText(error, /Say what happened/)).toBe('Say what happened and what fixed it.');
    await shoot(modal.locator('.ws-modal'), '09-modal-error');
    await modal.locator('[data-testid="modal-close"]').click();
    await expect.poll(() => modal.count()).toBe(0);
  }, 120_000);
});
