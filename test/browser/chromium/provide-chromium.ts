import type { TestProject } from 'vitest/node';
import { type FoundChromium, findChromium } from './find-chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: FoundChromium;
  }
}

/**
 * The browser project's global setup: finds (and, from the npm package, unpacks) Chromium once,
 * before the browser test files start in parallel, says which one this run uses, and hands it to
 * them (`inject('chromium')`).
 */
export default async function provideChromium(project: TestProject): Promise<void> {
  const chromium = await findChromium();
  console.log(`Browser tests drive Chromium at ${chromium.description}`);
  project.provide('chromium', chromium);
}
