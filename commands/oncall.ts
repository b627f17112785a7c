import { z } from 'zod';
import {
  buildNoRotationsText,
  buildOnCallMessage,
  buildUnknownRotationText,
  isSsmRotation,
  type ShownRotation,
  whoIsOnCall,
} from '../src/paging/index.ts';
import { parseArguments } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const oncallArgs = z.union([
  z.tuple([]).transform(() => ({ rotation: undefined })),
  z.tuple([z.string()]).transform(([rotation]) => ({ rotation: rotation.toLowerCase() })),
]);

/** `/incident oncall [rotation]`: who is on call now and next. Read-only, so anyone may ask. */
export const oncallCommand: Subcommand<{ rotation: string | undefined }> = {
  name: 'oncall',
  usage: '/incident oncall [rotation]',
  summary: 'who is on call now and next, for one rotation or all',
  hint: 'name one rotation, or none for all',
  parse: (text) => parseArguments(oncallArgs, text),
  async run(ctx) {
    const { rotations } = ctx.deps.config.oncall;
    const names = Object.keys(rotations);
    if (names.length === 0) {
      await ctx.reply(buildNoRotationsText());
      return;
    }
    const wanted = ctx.args.rotation;
    if (wanted !== undefined && !Object.hasOwn(rotations, wanted)) {
      await ctx.reply(buildUnknownRotationText(wanted, names));
      return;
    }
    const now = ctx.deps.clock.now();
    const shown = wanted === undefined ? names : [wanted];
    const { ssmOnCall } = ctx.deps;
    const entries = await Promise.all(
      shown.map(async (name): Promise<ShownRotation[]> => {
        const rotation = rotations[name];
        if (!rotation) return [];
        if (!isSsmRotation(rotation)) return [{ name, rotation, onCall: whoIsOnCall(rotation, now) }];
        const ssm = ssmOnCall
          ? await ssmOnCall.read(rotation, now)
          : { ok: false as const, reason: 'Incident Manager Contacts is not configured' };
        return [{ name, ssm }];
      }),
    );
    await ctx.reply(buildOnCallMessage(entries.flat()));
  },
};
