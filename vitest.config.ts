import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two test files at a time, also on a 2-core machine (vitest's default there is one): most files
    // wait on processes, sockets and timers, and loading each file's modules is the rest. Measured
    // here: the suite in 453 s with two, 727 s with one.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
        },
      },
      {
        // Its own project so Chromium is found (and unpacked from npm if need be) only when a
        // browser test runs, once, before the files start in parallel.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/chromium/provide-chromium.ts'],
        },
      },
    ],
  },
});
