// The npm mirror this project installs from lacks some platform builds of optional packages
// (biome's macOS/Windows/Android/musl binaries). `npm install` then leaves them out of the lock,
// and `npm ci` calls the lock out of sync. This adds lock entries for them with their real os/cpu
// constraints, so npm skips them on other platforms and resolves them where they are needed.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORMS = {
  'win32-x64': { os: ['win32'], cpu: ['x64'] },
  'win32-arm64': { os: ['win32'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'android-x64': { os: ['android'], cpu: ['x64'] },
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
};

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const biome = lock.packages['node_modules/@biomejs/biome'];
let added = 0;
for (const [platform, constraints] of Object.entries(PLATFORMS)) {
  const key = `node_modules/@biomejs/cli-${platform}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = {
    version: biome.version,
    ...constraints,
    dev: true,
    license: 'MIT OR Apache-2.0',
    optional: true,
  };
  added++;
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} lock entries`);
