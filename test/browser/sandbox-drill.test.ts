import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { cardFields, fireScenario, incidentCard, shoot, textOf, waitForText } from './browser-steps.ts';
import { ARTIFACTS, type BrowserSandbox, startBrowserSandbox } from './start-browser-sandbox.ts';

/**
 * A drill played in the local workspace in headless Chromium, by clicks alone: Start drill on a
 * scenario, read the briefing, work the card, and read the debrief warroom's store gives.
 * Screenshots land in test-artifacts/browser/.
 */

const SCENARIO = 'rds-cpu-then-failover';

let run: BrowserSandbox;
let page: Page;

beforeAll(async () => {
  run = await startBrowserSandbox();
  page = run.page;
}, 60_000);

beforeEach((context) => {
  onTestFailed(async () => {
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page?.screenshot({ path: join(ARTIFACTS, `failed-drill-${name}.png`), fullPage: true });
  });
});

afterAll(async () => {
  await run?.stop();
});

const debriefItem = (label: string) =>
  page.locator('[data-testid="drill-debrief"] [data-testid="debrief-item"]').filter({ hasText: label });

describe('a drill in the local workspace', () => {
  it('briefs the team, runs the alerts, and debriefs the acknowledge and the resolve ✓', async () => {
    await page.locator(`[data-testid="start-drill:${SCENARIO}"]`).click();
    const briefing = page.locator('[data-testid="drill-briefing"]');
    await waitForText(briefing, /Drill briefing · RDS CPU alarm, then a Multi-AZ failover/);
    expect(await textOf(briefing.locator('[data-testid="briefing-role"]'))).toContain('Incident commander');
    expect(await textOf(briefing.locator('[data-testid="briefing-checklist"]'))).toMatch(
      /☐ Acknowledged within 5m[\s\S]*☐ Resolved with a summary/,
    );
    expect(await briefing.locator('[data-testid="drill-pace"]').inputValue()).toBe('realtime');
    await shoot(briefing.locator('.ws-modal'), 'drill-01-briefing');

    await briefing.locator('[data-testid="drill-pace"]').selectOption('fast');
    await briefing.locator('[data-testid="drill-begin"]').click();
    await waitForText(briefing, /The drill is on: the briefing is in #alerts/);
    await briefing.locator('[data-dialog-close]').last().click();
    await expect.poll(() => briefing.count()).toBe(0);

    // The briefing is the channel's first message, marked DRILL; the card follows.
    const first = page.locator('[data-testid="messages"] [data-testid="message"]').first();
    expect(await waitForText(first, /DRILL · Briefing · RDS CPU alarm/)).toContain('What good looks like');
    await incidentCard(page).waitFor({ timeout: 30_000 });
    const status = page.locator('[data-testid="drill-status"]');
    await waitForText(status.locator('[data-testid="drill-alerts"]'), /^2 of 2 alerts sent$/);
    expect(await textOf(status.locator('[data-testid="drill-elapsed"]'))).toMatch(/^\d+:\d{2}$/);
    await shoot(status, 'drill-02-status');

    await incidentCard(page).locator('[data-testid="button:warroom_acknowledge"]').click();
    await waitForText(cardFields(page), /Status\s+Acknowledged by @alice/);
    await incidentCard(page).locator('[data-testid="button:warroom_resolve"]').click();
    const modal = page.locator('[data-testid="modal"]');
    await modal.waitFor();
    await modal
      .locator('[data-testid="input:warroom_summary_text"]')
      .fill('Failover done; CPU back to normal.');
    await modal.locator('[data-testid="modal-submit"]').click();
    await waitForText(cardFields(page), /Status\s+\S*\s*Resolved/);

    // Every incident of the drill resolved: the debrief opens by itself.
    const debrief = page.locator('[data-testid="drill-debrief"]');
    await waitForText(debrief, /Debrief · RDS CPU alarm/, 30_000);
    expect(await debriefItem('Acknowledged within 5m').getAttribute('data-outcome')).toBe('met');
    expect(await textOf(debriefItem('Acknowledged within 5m'))).toMatch(
      /✓ Acknowledged within 5m — acknowledged after \d+s by @alice/,
    );
    expect(await debriefItem('Resolved with a summary').getAttribute('data-outcome')).toBe('met');
    expect(await debriefItem('Impact set by a person').getAttribute('data-outcome')).toBe('missed');
    expect(await textOf(debrief.locator('[data-testid="debrief-score"]'))).toBe('2 of 5 checks met');
    expect(await textOf(debrief.locator('[data-testid="debrief-incident"]'))).toMatch(
      /INC-1 orders-db · .*acknowledged .* by @alice.*resolved .* by @alice “Failover done; CPU back to normal\.”/,
    );
    await shoot(debrief.locator('.ws-modal'), 'drill-03-debrief');
    await debrief.locator('[data-dialog-close]').last().click();

    expect(await waitForText(status, /Debriefed: 2 of 5 checks met/)).toContain('Show debrief');
    const last = page.locator('[data-testid="messages"] [data-testid="message"][data-key^="h:"]').last();
    await waitForText(last, /DRILL · Debrief · RDS CPU alarm/);
  }, 120_000);

  it('takes the "fired" toast down when the scenario is done, resets the ⋯ menu, and loads with no 404', async () => {
    const notFound: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
    await page.reload();
    const fired = page.locator('[data-testid="toast"]', { hasText: 'Scenario fired' });
    await fireScenario(page, SCENARIO);
    // Gone with the scenario's last step, well before a plain toast's 8 s.
    await expect.poll(() => fired.count(), { timeout: 4_000 }).toBe(0);

    const open = incidentCard(page).filter({
      has: page.locator('[data-testid="button:warroom_acknowledge"]'),
    });
    await open.first().waitFor({ timeout: 30_000 });
    const menu = open.first().locator('[data-testid="select:warroom_database_menu"]');
    const replies = page.locator('[data-testid="messages"] [data-testid="only-visible-to-you"]');
    const before = await replies.count();
    await menu.selectOption({ label: 'Database status' });
    await expect.poll(() => menu.inputValue()).toBe('');
    await expect.poll(() => replies.count(), { timeout: 20_000 }).toBeGreaterThan(before);
    const once = await replies.count();
    await menu.selectOption({ label: 'Database status' });
    await expect.poll(() => replies.count(), { timeout: 20_000 }).toBeGreaterThan(once);
    expect(notFound).toEqual([]);
  }, 120_000);
});
