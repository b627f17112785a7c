import type { Dockerfile, Instruction } from './parse-dockerfile.ts';

/** A problem a rule found: the hadolint code where there is one, the line and why it matters. */
export interface Finding {
  rule: string;
  line: number;
  message: string;
}

type Rule = (file: Dockerfile) => Finding[];

const isJsonArray = (args: string) => {
  try {
    const value: unknown = JSON.parse(args);
    return Array.isArray(value) && value.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
};
const finalStage = (file: Dockerfile) => file.stages.length - 1;
const inFinalStage = (file: Dockerfile) => file.instructions.filter((i) => i.stage === finalStage(file));
/** The shell commands of a RUN, split on &&, ||, ; and pipes (exec-form RUNs as one command). */
const commandsOf = (run: Instruction) =>
  (isJsonArray(run.args)
    ? [(JSON.parse(run.args) as string[]).join(' ')]
    : run.args.split(/&&|\|\||;|\|/)
  ).map((command) => command.trim());
const runs = (file: Dockerfile) => file.instructions.filter((i) => i.keyword === 'RUN');
const stageNames = (file: Dockerfile) =>
  new Set(file.stages.flatMap((stage) => (stage.name ? [stage.name] : [])));

/** DL3006: an untagged image is whatever `latest` is on the day of the build. */
const DL3006: Rule = (file) =>
  file.stages
    .filter((s) => !s.tag && !s.digest && s.image !== 'scratch' && !stageNames(file).has(s.image))
    .filter((s) => !s.image.includes('$'))
    .map((s) => ({ rule: 'DL3006', line: s.line, message: `tag the image explicitly: ${s.image}` }));

/** DL3007: `latest` moves; builds stop being reproducible. */
const DL3007: Rule = (file) =>
  file.stages
    .filter((s) => s.tag === 'latest')
    .map((s) => ({ rule: 'DL3007', line: s.line, message: `pin a version instead of ${s.image}:latest` }));

/** A base image tag naming an exact release (node:24.22.3-…), so a rebuild gets the same Node. */
const exactVersion: Rule = (file) =>
  file.stages
    .filter((s) => s.image !== 'scratch' && !stageNames(file).has(s.image) && !s.digest)
    .filter((s) => s.tag !== undefined && s.tag !== 'latest' && !/^v?\d+\.\d+\.\d+/.test(s.tag))
    .map((s) => ({
      rule: 'exact-version',
      line: s.line,
      message: `${s.image}:${s.tag} is a moving tag; name an exact release such as 24.22.3-bookworm-slim`,
    }));

/** DL3002: the container must not run as root; the final stage has to switch to another user. */
const DL3002: Rule = (file) => {
  const users = inFinalStage(file).filter((i) => i.keyword === 'USER');
  const last = users.at(-1);
  if (!last)
    return [
      {
        rule: 'DL3002',
        line: file.stages.at(-1)?.line ?? 1,
        message: 'the final stage runs as root: add USER',
      },
    ];
  const user = last.args.split(':')[0]?.trim();
  return user === 'root' || user === '0'
    ? [{ rule: 'DL3002', line: last.line, message: 'the last USER is root' }]
    : [];
};

/** DL3020: ADD also fetches URLs and unpacks archives; for plain files COPY says what happens. */
const DL3020: Rule = (file) =>
  file.instructions
    .filter((i) => i.keyword === 'ADD')
    .filter((i) => {
      const sources = i.args
        .split(/\s+/)
        .filter((word) => !word.startsWith('--'))
        .slice(0, -1);
      return sources.some(
        (source) => !/^(https?|git):\/\//.test(source) && !/\.(tar(\.\w+)?|tgz|tbz2?|txz)$/.test(source),
      );
    })
    .map((i) => ({ rule: 'DL3020', line: i.line, message: 'use COPY instead of ADD for files and folders' }));

/** DL3025: shell-form CMD/ENTRYPOINT runs under /bin/sh, which does not pass SIGTERM on. */
const DL3025: Rule = (file) =>
  file.instructions
    .filter((i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !isJsonArray(i.args))
    .map((i) => ({ rule: 'DL3025', line: i.line, message: `use the JSON form for ${i.keyword}` }));

/** DL3000: a relative WORKDIR depends on the one before it. */
const DL3000: Rule = (file) =>
  file.instructions
    .filter((i) => i.keyword === 'WORKDIR' && !/^(["']?\/|["']?\$|[A-Za-z]:[\\/])/.test(i.args))
    .map((i) => ({ rule: 'DL3000', line: i.line, message: `use an absolute WORKDIR, not ${i.args}` }));

/** DL3008, DL3015, DL3009: apt-get installs pinned, without recommends, and lists removed after. */
const aptRules: Rule = (file) =>
  runs(file).flatMap((run) => {
    const installs = commandsOf(run).filter((command) => /^apt-get\s.*\binstall\b/.test(command));
    const findings: Finding[] = [];
    for (const install of installs) {
      const packages = install
        .replace(/^apt-get\s.*?\binstall\b/, '')
        .split(/\s+/)
        .filter((word) => word !== '' && !word.startsWith('-'));
      const unpinned = packages.filter((name) => !name.includes('='));
      if (unpinned.length > 0) {
        findings.push({
          rule: 'DL3008',
          line: run.line,
          message: `pin apt package versions: ${unpinned.join(' ')}`,
        });
      }
      if (!/--no-install-recommends\b/.test(install)) {
        findings.push({
          rule: 'DL3015',
          line: run.line,
          message: 'apt-get install needs --no-install-recommends',
        });
      }
    }
    if (installs.length > 0 && !/rm\s+-r?f?r?\s+\/var\/lib\/apt\/lists/.test(run.args)) {
      findings.push({
        rule: 'DL3009',
        line: run.line,
        message: 'remove /var/lib/apt/lists/* in the same RUN',
      });
    }
    return findings;
  });

/** DL3016: `npm install <package>` without a version installs whatever is newest that day. */
const DL3016: Rule = (file) =>
  runs(file).flatMap((run) =>
    commandsOf(run)
      .filter((command) => /^npm\s+(install|i|add)\b/.test(command))
      .flatMap((command) =>
        command
          .split(/\s+/)
          .slice(2)
          .filter((word) => !word.startsWith('-') && !/^(@[^/@\s]+\/)?[^@\s]+@.+/.test(word))
          .filter((word) => !/^(\.|\/|git\+|https?:)|\.tgz$|#/.test(word))
          .map((name) => ({
            rule: 'DL3016',
            line: run.line,
            message: `pin the npm package version: ${name}`,
          })),
      ),
  );

/** DL4006: `a | b` in /bin/sh fails only when b fails; pipefail must be set through SHELL first. */
const DL4006: Rule = (file) => {
  const findings: Finding[] = [];
  const pipefail = new Set<number>();
  for (const i of file.instructions) {
    if (i.keyword === 'SHELL') {
      if (isJsonArray(i.args) && (JSON.parse(i.args) as string[]).join(' ').includes('-o pipefail'))
        pipefail.add(i.stage);
      else pipefail.delete(i.stage);
    }
    if (i.keyword === 'RUN' && !isJsonArray(i.args) && /[^|]\|[^|]/.test(i.args) && !pipefail.has(i.stage)) {
      findings.push({
        rule: 'DL4006',
        line: i.line,
        message: 'set SHELL ["/bin/bash", "-o", "pipefail", "-c"] before a RUN with a pipe',
      });
    }
  }
  return findings;
};

/** The orchestrator restarts a container whose health check fails; without one it never knows. */
const healthcheck: Rule = (file) => {
  const checks = inFinalStage(file).filter((i) => i.keyword === 'HEALTHCHECK');
  if (checks.length === 0)
    return [{ rule: 'healthcheck', line: 1, message: 'the final stage has no HEALTHCHECK' }];
  return checks
    .filter((i) => /^NONE$/i.test(i.args.trim()))
    .map((i) => ({
      rule: 'healthcheck',
      line: i.line,
      message: 'HEALTHCHECK NONE disables the health check',
    }));
};

/** Build tools stay in a build stage: the final stage copies its results from an earlier one. */
const multiStage: Rule = (file) => {
  const copiesFromStage = inFinalStage(file).some((i) => i.keyword === 'COPY' && /--from=\S+/.test(i.args));
  return file.stages.length >= 2 && copiesFromStage
    ? []
    : [{ rule: 'multi-stage', line: 1, message: 'build in one stage and COPY --from it into a final stage' }];
};

/** Only production dependencies, exactly as locked: `npm ci --omit=dev`, never a bare `npm install`. */
const productionDependencies: Rule = (file) => {
  const commands = runs(file).flatMap((run) => commandsOf(run).map((command) => ({ run, command })));
  const findings = commands
    // `npm install` with no package names installs the project's dependencies, lock file or not.
    .filter(({ command }) => /^npm\s+(install|i)\b/.test(command))
    .filter(({ command }) =>
      command
        .split(/\s+/)
        .slice(2)
        .every((word) => word.startsWith('-')),
    )
    .map(({ run }) => ({
      rule: 'npm-ci',
      line: run.line,
      message: 'use npm ci --omit=dev, not npm install',
    }));
  if (!commands.some(({ command }) => /^npm\s+ci\b.*--omit=dev\b/.test(command))) {
    findings.push({ rule: 'npm-ci', line: 1, message: 'install dependencies with npm ci --omit=dev' });
  }
  return findings;
};

export const DOCKERFILE_RULES: Record<string, Rule> = {
  DL3000,
  DL3002,
  DL3006,
  DL3007,
  DL3020,
  DL3025,
  DL4006,
  DL3016,
  'DL3008/DL3015/DL3009': aptRules,
  'exact-version': exactVersion,
  healthcheck,
  'multi-stage': multiStage,
  'npm-ci': productionDependencies,
};

/** Every finding of every rule, in file order. */
export function checkDockerfileRules(file: Dockerfile): Finding[] {
  return Object.values(DOCKERFILE_RULES)
    .flatMap((rule) => rule(file))
    .sort((a, b) => a.line - b.line);
}
