import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  becomeUser,
  cardFields,
  fireScenario,
  incidentCard,
  shoot,
  typeInComposer,
  waitForText,
} from './browser-steps.ts';
import { type BrowserSandbox, startBrowserSandbox } from './start-browser-sandbox.ts';

/**
 * What needs several people, in one browser through the "you are" switcher: paging someone by
 * DM, a two-person runbook approved by a second responder, and App Home. Clicks and typing only.
 */

let run: BrowserSandbox;

beforeAll(async () => {
  run = await startBrowserSandbox();
}, 60_000);

afterAll(async () => {
  await run?.stop();
});

describe('several people in the sandbox workspace', () => {
  it('pages bob, who gets a DM and takes the incident from it', async () => {
    const { page } = run;
    await fireScenario(page, 'rds-cpu-then-failover');
    await incidentCard(page).waitFor();
    await typeInComposer(page, '/incident page U0BOB');
    await waitForText(page.locator('[data-testid="only-visible-to-you"]').last().locator('..'), /paged @bob/);

    await becomeUser(page, 'U0BOB');
    await page.locator('[data-testid="dm:warroom"]').click();
    const dm = page.locator('[data-testid="messages"] [data-testid="message"]').filter({ hasText: 'INC-1' });
    await waitForText(dm, /paged by @alice/);
    await shoot(dm, '10-page-dm');
    await dm.locator('[data-testid="button:warroom_take_incident"]').click();

    await page.locator('[data-testid="channel:alerts"]').click();
    await waitForText(cardFields(page), /Status\s+Acknowledged and owned by @bob/);
  }, 120_000);

  it('runs a two-person runbook only once a second person approves it', async () => {
    const { page } = run;
    await becomeUser(page, 'U0ALICE');
    await incidentCard(page).locator('[data-testid="button:warroom_run_runbook"]').click();
    const modal = page.locator('[data-testid="modal"]');
    await modal.locator('[data-testid="select:warroom_runbook_choice"]').selectOption('stop-instance');
    await waitForText(modal, /AWS-StopRdsInstance[\s\S]*second person/);
    await modal.locator('[data-testid="modal-submit"]').click();
    await expect.poll(() => modal.count()).toBe(0);

    await becomeUser(page, 'U0BOB');
    await incidentCard(page).locator('[data-testid="replies"]').click();
    const request = page
      .locator('[data-testid="thread-messages"] [data-testid="message"]')
      .filter({ has: page.locator('[data-testid="button:warroom_runbook_approve"]') });
    await waitForText(request, /@alice asks to run Stop DB instance/);
    await shoot(request, '11-approval-request');
    await request.locator('[data-testid="button:warroom_runbook_approve"]').click();
    const confirm = page.locator('[data-testid="confirm-dialog"]');
    if (await confirm.isVisible()) await confirm.locator('[data-testid="confirm-confirm"]').click();

    const progress = page
      .locator('[data-testid="thread-messages"] [data-testid="message"]')
      .filter({ hasText: 'Runbook: Stop DB instance' });
    await waitForText(progress, /Status:\s*\S*\s*(Pending|In progress)/);
    const execution = page.locator('[data-testid="aws-execution"]', { hasText: 'AWS-StopRdsInstance' });
    await waitForText(execution, /InProgress|Pending/);

    // Stop has Slack's confirm dialog: "Keep running" sends nothing, "Stop" cancels the run.
    await progress.locator('[data-testid="button:warroom_runbook_stop"]').click();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    expect(await waitForText(dialog, /Stop this runbook\?/)).toMatch(
      /cancelled where it is now[\s\S]*Keep running/,
    );
    await shoot(dialog.locator('.ws-modal'), '12-stop-confirm');
    await dialog.locator('[data-testid="confirm-deny"]').click();
    expect(await dialog.count()).toBe(0);
    await progress.locator('[data-testid="button:warroom_runbook_stop"]').click();
    await dialog.locator('[data-testid="confirm-confirm"]').click();
    await waitForText(execution, /Cancelled/);
    await waitForText(progress, /Status:\s*\S*\s*Cancelled/, 30_000);
  }, 120_000);

  it('publishes App Home with the open incidents when carol opens it', async () => {
    const { page } = run;
    await becomeUser(page, 'U0CAROL');
    await page.locator('[data-testid="app-home"]').click();
    const home = page.locator('[data-testid="home-tab"]');
    await waitForText(home, /Open incidents[\s\S]*INC-1/);
    await shoot(home, '13-app-home');
  }, 60_000);
});
