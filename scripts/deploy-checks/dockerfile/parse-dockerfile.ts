/** One Dockerfile instruction, continuation lines joined. */
export interface Instruction {
  /** 1-based line the instruction starts on. */
  line: number;
  /** Upper-cased: FROM, RUN, COPY… */
  keyword: string;
  /** Everything after the keyword, continuations joined with a space. */
  args: string;
  /** Index of the build stage (FROM) it belongs to; -1 before the first FROM (ARG). */
  stage: number;
}

/** One `FROM image[:tag|@digest] [AS name]`. */
export interface Stage {
  line: number;
  image: string;
  tag?: string;
  digest?: string;
  name?: string;
}

export interface Dockerfile {
  instructions: Instruction[];
  stages: Stage[];
}

function parseFrom(args: string, line: number): Stage {
  const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
  const [reference = '', as, name] = words;
  const [withoutDigest, digest] = reference.split('@') as [string, string | undefined];
  const colon = withoutDigest.lastIndexOf(':');
  // A colon before the last slash belongs to a registry port (registry:5000/image), not a tag.
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  return {
    line,
    image: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    ...(hasTag ? { tag: withoutDigest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
    ...(as?.toUpperCase() === 'AS' && name ? { name } : {}),
  };
}

/**
 * Splits a Dockerfile into instructions the way BuildKit reads it: comment lines dropped (also inside
 * a continued instruction), lines ending in the escape character (`\`, or the one an `# escape=`
 * directive names) joined. Heredocs (`RUN <<EOF`) are refused rather than misread.
 */
export function parseDockerfile(text: string): Dockerfile {
  const escapeChar = /^#\s*escape\s*=\s*(\S)/m.exec(text.split(/\n(?!#)/)[0] ?? '')?.[1] ?? '\\';
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  let pending: { line: number; text: string } | undefined;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && !pending)) continue;
    const continues = trimmed.endsWith(escapeChar);
    const part = continues ? trimmed.slice(0, -1).trim() : trimmed;
    pending = pending
      ? { line: pending.line, text: `${pending.text} ${part}`.trim() }
      : { line: index + 1, text: part };
    if (continues) continue;
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(pending.text) ?? [];
    if (/<<-?["']?[A-Za-z_]/.test(args) && ['RUN', 'COPY'].includes(keyword.toUpperCase())) {
      throw new Error(`line ${pending.line}: heredocs are not supported by this check`);
    }
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') stages.push(parseFrom(args, pending.line));
    instructions.push({ line: pending.line, keyword: upper, args, stage: stages.length - 1 });
    pending = undefined;
  }
  if (pending) throw new Error(`line ${pending.line}: the file ends inside a continued instruction`);
  return { instructions, stages };
}
