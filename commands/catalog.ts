import { ackCommand } from './ack.ts';
import { declareCommand } from './declare.ts';
import { followupCommand } from './followup.ts';
import { followupsCommand } from './followups.ts';
import { createHelpCommand } from './help.ts';
import { impactCommand } from './impact.ts';
import { listCommand } from './list.ts';
import { noteCommand } from './note.ts';
import { oncallCommand } from './oncall.ts';
import { pageCommand } from './page.ts';
import { rdsCommand } from './rds.ts';
import { reopenCommand } from './reopen.ts';
import { resolveCommand } from './resolve.ts';
import { reviewCommand } from './review.ts';
import { routeCommand } from './route.ts';
import { runbookCommand } from './runbook.ts';
import { showCommand } from './show.ts';
import { snoozeCommand } from './snooze.ts';
import { splitCommand } from './split.ts';
import { startedCommand } from './started.ts';
import type { AnySubcommand } from './subcommand.ts';
import { takeCommand } from './take.ts';
import { timelineCommand } from './timeline.ts';
import { timesCommand } from './times.ts';
import { unsnoozeCommand } from './unsnooze.ts';
import { updateCommand } from './update.ts';

const others: AnySubcommand[] = [
  declareCommand,
  listCommand,
  showCommand,
  ackCommand,
  takeCommand,
  impactCommand,
  noteCommand,
  updateCommand,
  timelineCommand,
  timesCommand,
  startedCommand,
  followupCommand,
  followupsCommand,
  runbookCommand,
  rdsCommand,
  oncallCommand,
  routeCommand,
  pageCommand,
  snoozeCommand,
  unsnoozeCommand,
  splitCommand,
  resolveCommand,
  reopenCommand,
  reviewCommand,
];

/** Every `/incident` subcommand, in the order help lists them. */
export const SUBCOMMANDS: readonly AnySubcommand[] = [createHelpCommand(others), ...others];
