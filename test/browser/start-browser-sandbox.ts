import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { parseNotification } from '../../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../../handlers/register-slack-handlers.ts';
import { SANDBOX_SIGNING_SECRET, type Sandbox, startSandbox } from '../../sandbox/run-sandbox.ts';
import { startWorkspaceUi, type WorkspaceUi } from '../../sandbox/workspace/start-workspace-ui.ts';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'browser');

export interface BrowserSandbox {
  sandbox: Sandbox;
  ui: WorkspaceUi;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

/**
 * The sandbox in this process (warroom, local AWS, local Slack), its workspace UI on a free port,
 * and headless Chromium (launch() gives it a fresh profile) on the page. Which Chromium (CHROMIUM_PATH,
 * the system's, or the npm package's) was settled once for the run by ./chromium/provide-chromium.ts.
 */
export async function startBrowserSandbox(): Promise<BrowserSandbox> {
  const found = inject('chromium');
  if (!found) throw new Error('no Chromium provided: run the browser tests through vitest.config.ts');
  mkdirSync(ARTIFACTS, { recursive: true });
  const sandbox = await startSandbox({
    adapters: { parseNotification, registerSlackHandlers },
    port: 0,
    write: () => {},
  });
  const ui = await startWorkspaceUi({ sandbox, signingSecret: SANDBOX_SIGNING_SECRET, port: 0 });
  const browser = await chromium
    .launch({
      executablePath: found.executablePath,
      env: { ...process.env, ...found.env },
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    .catch(async (error: unknown) => {
      await ui.close();
      await sandbox.stop();
      throw error;
    });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // Nothing on the page may reach the internet (console links open in new tabs; none are clicked).
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(ui.url);
  return {
    sandbox,
    ui,
    browser,
    page,
    stop: async () => {
      await browser.close();
      await ui.close();
      await sandbox.stop();
    },
  };
}
