import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkDockerfileRules } from '../../scripts/deploy-checks/dockerfile/dockerfile-rules.ts';
import { lintDockerfile } from '../../scripts/deploy-checks/dockerfile/lint-dockerfile.ts';
import { parseDockerfile } from '../../scripts/deploy-checks/dockerfile/parse-dockerfile.ts';

const DOCKERFILE = readFileSync('Dockerfile', 'utf8');

/** A Dockerfile every rule accepts; each case below breaks it in one way. */
const GOOD = `FROM node:24.22.3-bookworm AS deps
WORKDIR /app
RUN npm ci --omit=dev
FROM node:24.22.3-bookworm-slim
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
USER node
HEALTHCHECK CMD ["node", "-e", "1"]
CMD ["node", "bin/warroom.ts"]
`;
const rulesHit = (text: string) => [
  ...new Set(checkDockerfileRules(parseDockerfile(text)).map((f) => f.rule)),
];
const breakGood = (from: string, to: string) => {
  expect(GOOD).toContain(from);
  return rulesHit(GOOD.replace(from, to));
};

describe('Dockerfile', () => {
  it('is clean: no dockerfile-utils diagnostics and no rule findings', () => {
    expect(lintDockerfile(DOCKERFILE)).toEqual([]);
  });

  it('runs warroom the way npm start does, checks /healthz, and keeps /data for the store', () => {
    const { instructions } = parseDockerfile(DOCKERFILE);
    const args = (keyword: string) => instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
    expect(args('CMD')).toEqual(['["node", "--import", "tsx", "bin/warroom.ts"]']);
    expect(args('HEALTHCHECK').join(' ')).toContain(
      "'http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz'",
    );
    expect(args('ENV').join(' ')).toContain('WARROOM_STORE=sqlite:/data/warroom.db');
    expect(args('VOLUME')).toEqual(['["/data"]']);
  });

  it("runs one exact Node 24 release in both stages, which package.json's engines accepts", () => {
    const versions = parseDockerfile(DOCKERFILE).stages.map((stage) => ({
      image: stage.image,
      version: /^(\d+)\.(\d+)\.(\d+)-/
        .exec(stage.tag ?? '')
        ?.slice(1, 4)
        .map(Number),
    }));
    expect(versions).toHaveLength(2);
    expect(versions.every((v) => v.image === 'node')).toBe(true);
    expect(new Set(versions.map((v) => v.version?.join('.'))).size).toBe(1);
    const [major, minor, patch] = versions[0]!.version!;
    expect(major).toBe(24);
    expect(acceptedByEngines(major!, minor!, patch!)).toBe(true);
  });

  it("package.json's engines accepts the development Node and the image's, and no Node the suite does not pass on", () => {
    const [major, minor, patch] = process.versions.node.split('.').map(Number);
    expect(acceptedByEngines(major!, minor!, patch!)).toBe(true);
    expect(acceptedByEngines(22, 22, 0)).toBe(false);
    expect(acceptedByEngines(26, 0, 0)).toBe(false);
    expect(acceptedByEngines(20, 18, 0)).toBe(false);
    // 24.19 to 24.21 abort when the GC collects a better-sqlite3 12 statement (sqlite-native-gc.test.ts).
    expect(acceptedByEngines(24, 21, 0)).toBe(false);
  });
});

/** Whether engines.node (caret ranges joined by ||, as package.json writes it) takes this Node. */
function acceptedByEngines(major: number, minor: number, patch: number): boolean {
  const engines = z
    .object({ engines: z.object({ node: z.string() }) })
    .parse(JSON.parse(readFileSync('package.json', 'utf8'))).engines.node;
  return engines.split('||').some((range) => {
    const caret = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(range);
    if (!caret) throw new Error(`engines.node "${engines}": write each range as ^major.minor.patch`);
    const [low1, low2, low3] = caret.slice(1).map(Number);
    return major === low1 && (minor > low2! || (minor === low2 && patch >= low3!));
  });
}

describe('the Dockerfile rules', () => {
  it('accept the reference Dockerfile the cases below break', () => {
    expect(rulesHit(GOOD)).toEqual([]);
  });

  it('DL3007: no latest tag', () => {
    expect(breakGood('FROM node:24.22.3-bookworm-slim', 'FROM node:latest')).toContain('DL3007');
  });

  it('DL3006: no untagged image', () => {
    expect(breakGood('FROM node:24.22.3-bookworm-slim', 'FROM node')).toContain('DL3006');
  });

  it('DL3006 does not take a registry port for a tag, nor a stage name for an image', () => {
    expect(breakGood('FROM node:24.22.3-bookworm-slim', 'FROM registry.local:5000/node')).toContain('DL3006');
    expect(breakGood('FROM node:24.22.3-bookworm-slim', 'FROM deps')).not.toContain('DL3006');
  });

  it('exact-version: a moving major tag such as node:24-bookworm-slim is refused', () => {
    expect(breakGood('FROM node:24.22.3-bookworm-slim', 'FROM node:24-bookworm-slim')).toEqual([
      'exact-version',
    ]);
  });

  it('DL3002: the last USER must not be root, and the final stage must have one', () => {
    expect(breakGood('USER node', 'USER node\nUSER root')).toEqual(['DL3002']);
    expect(breakGood('USER node', 'USER 0:0')).toEqual(['DL3002']);
    expect(breakGood('USER node\n', '')).toEqual(['DL3002']);
  });

  it('DL3020: COPY, not ADD, for files (ADD stays allowed for URLs and archives)', () => {
    expect(breakGood('WORKDIR /app\nCOPY', 'WORKDIR /app\nADD src ./src\nCOPY')).toEqual(['DL3020']);
    expect(breakGood('WORKDIR /app\nCOPY', 'WORKDIR /app\nADD rootfs.tar.gz /\nCOPY')).toEqual([]);
  });

  it('DL3025: JSON form for CMD and ENTRYPOINT', () => {
    expect(breakGood('CMD ["node", "bin/warroom.ts"]', 'CMD node bin/warroom.ts')).toEqual(['DL3025']);
    expect(breakGood('CMD ["node", "bin/warroom.ts"]', 'ENTRYPOINT npm start')).toEqual(['DL3025']);
  });

  it('DL3008/DL3015/DL3009: apt-get installs pinned, without recommends, lists removed', () => {
    const apt = (run: string) => breakGood('WORKDIR /app\nRUN npm ci', `WORKDIR /app\n${run}\nRUN npm ci`);
    expect(
      apt(
        'RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*',
      ),
    ).toEqual(['DL3008']);
    expect(
      apt('RUN apt-get update && apt-get install -y make=4.3-4.1 && rm -rf /var/lib/apt/lists/*'),
    ).toEqual(['DL3015']);
    expect(apt('RUN apt-get update && apt-get install -y --no-install-recommends make=4.3-4.1')).toEqual([
      'DL3009',
    ]);
    expect(
      apt(
        'RUN apt-get update \\\n && apt-get install -y --no-install-recommends make=4.3-4.1 \\\n && rm -rf /var/lib/apt/lists/*',
      ),
    ).toEqual([]);
  });

  it('DL3016: npm install of a package needs a version', () => {
    expect(breakGood('RUN npm ci --omit=dev', 'RUN npm ci --omit=dev && npm install -g tsx')).toEqual([
      'DL3016',
    ]);
    expect(
      breakGood(
        'RUN npm ci --omit=dev',
        'RUN npm ci --omit=dev && npm install -g tsx@4.23.15 @scope/x@1.0.0',
      ),
    ).toEqual([]);
  });

  it('DL4006: a pipe in RUN needs SHELL with -o pipefail first', () => {
    const piped = 'RUN npm ci --omit=dev | tee /tmp/npm.log';
    expect(breakGood('RUN npm ci --omit=dev', piped)).toEqual(['DL4006']);
    expect(
      breakGood('RUN npm ci --omit=dev', `SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${piped}`),
    ).toEqual([]);
    expect(breakGood('RUN npm ci --omit=dev', 'RUN npm ci --omit=dev || exit 1')).toEqual([]);
  });

  it('DL3000: WORKDIR is absolute', () => {
    expect(breakGood('WORKDIR /app\nCOPY', 'WORKDIR app\nCOPY')).toEqual(['DL3000']);
  });

  it('healthcheck: the final stage has a HEALTHCHECK, and not NONE', () => {
    expect(breakGood('HEALTHCHECK CMD ["node", "-e", "1"]\n', '')).toEqual(['healthcheck']);
    expect(breakGood('HEALTHCHECK CMD ["node", "-e", "1"]', 'HEALTHCHECK NONE')).toEqual(['healthcheck']);
  });

  it('multi-stage: the final stage copies from a build stage', () => {
    const single =
      'FROM node:24.22.3-bookworm-slim\nWORKDIR /app\nRUN npm ci --omit=dev\nUSER node\nHEALTHCHECK CMD ["true"]\nCMD ["node"]\n';
    expect(rulesHit(single)).toEqual(['multi-stage']);
  });

  it('npm-ci: dependencies come from npm ci --omit=dev, never a bare npm install', () => {
    expect(breakGood('RUN npm ci --omit=dev', 'RUN npm ci')).toEqual(['npm-ci']);
    expect(breakGood('RUN npm ci --omit=dev', 'RUN npm install --omit=dev')).toEqual(['npm-ci']);
  });

  it('reads continuation lines and comments inside them as BuildKit does', () => {
    const continued = 'RUN npm ci \\\n# a comment inside the instruction\n  --omit=dev';
    expect(breakGood('RUN npm ci --omit=dev', continued)).toEqual([]);
  });

  it('dockerfile-utils reports what the rules do not: unknown instructions, a second CMD', () => {
    const lines = lintDockerfile(
      GOOD.replace('WORKDIR /app\nRUN', 'WORKDIR /app\nRUNN echo\nRUN').concat('CMD ["x"]\n'),
    );
    expect(lines.filter((line) => line.includes('dockerfile-utils')).sort()).toEqual([
      expect.stringMatching(/^line 10: dockerfile-utils \d+: There can only be one CMD instruction/),
      'line 3: dockerfile-utils 38: Unknown instruction: RUNN',
    ]);
  });
});
