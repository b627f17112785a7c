import { z } from 'zod';
import { whoIsOnCall } from '../src/oncall/who-is-on-call.ts';
import {
  buildNoRotationsText,
  buildOnCallMessage,
  buildUnknownRotationText,
} from '../src/slack/oncall-text.ts';
import { parseWith, words } from './parse-args.ts';
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
  parse: (text) => parseWith(oncallArgs, words(text)),
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
    await ctx.reply(
      buildOnCallMessage(
        shown.flatMap((name) => {
          const rotation = rotations[name];
          return rotation ? [{ name, rotation, onCall: whoIsOnCall(rotation, now) }] : [];
        }),
      ),
    );
  },
};
