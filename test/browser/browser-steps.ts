import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS } from './start-browser-sandbox.ts';

/** What the browser tests do and read on the workspace page, by what a person sees. */

/** The incident card in the open channel: a channel message carrying warroom's card header. */
export function incidentCard(page: Page): Locator {
  return page
    .locator('[data-testid="messages"] [data-testid="message"][data-key^="h:"]')
    .filter({ has: page.locator('[data-block-id="warroom_card_header"]') });
}

export function cardFields(page: Page): Locator {
  return incidentCard(page).locator('[data-block-id="warroom_card_fields"]');
}

export async function textOf(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the tests read what a person sees, laid out.
  return (await locator.count()) > 0 ? locator.first().innerText() : '';
}

/** Waits until the locator's rendered text matches; fails with what it showed instead. */
export async function waitForText(locator: Locator, expected: RegExp, timeout = 20_000): Promise<string> {
  await expect.poll(() => textOf(locator), { timeout, interval: 200 }).toMatch(expected);
  return textOf(locator);
}

/** A live update can redraw the element mid-screenshot; then it is taken again. */
export async function shoot(locator: Locator, name: string, attempts = 3): Promise<void> {
  try {
    await locator.first().screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  } catch (error) {
    const redrawn = /not attached|not an HTMLElement/.test(String(error));
    if (attempts <= 1 || !redrawn) throw error;
    await shoot(locator, name, attempts - 1);
  }
}

/** Types in the channel's message box and sends it with Enter. */
export async function typeInComposer(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="composer"]').fill(text);
  await page.locator('[data-testid="composer"]').press('Enter');
}

/** Fires a scenario from the side panel and waits until it has published every step. */
export async function fireScenario(page: Page, id: string): Promise<void> {
  const fire = page.locator(`[data-testid="fire:${id}"]`);
  await fire.click();
  await waitForText(fire, /^Fire$/, 60_000);
}

export async function becomeUser(page: Page, userId: string): Promise<void> {
  await page.locator('[data-testid="user-switcher"]').selectOption(userId);
  await expect.poll(() => page.locator('[data-testid="user-switcher"]').inputValue()).toBe(userId);
}
