import { buildRouteAnswerText, type RouteQuestion } from '../src/routes/index.ts';
import { buildUsageText } from '../src/slack/command-help.ts';
import { parseArguments } from './parse-args.ts';
import { routeArgs } from './route-args.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * `/incident route <resource or ARN> [signal=<type>] [impact=<1-5>]`: which route, channel, policy
 * and team a signal about that resource would get, and why. Read-only, so anyone may ask.
 */
export const routeCommand: Subcommand<RouteQuestion> = {
  name: 'route',
  usage: '/incident route <resource or ARN> [signal=<type>] [impact=<1-5>]',
  summary: 'where a signal about a resource would go (route, channel, policy, team) and why',
  hint: 'an RDS DB instance or cluster ARN, a CloudWatch alarm ARN, or a DB instance name in warroom’s Region; signal defaults to cloudwatch-alarm:ALARM',
  parse: (text) => parseArguments(routeArgs, text),
  async run(ctx) {
    const answer = await ctx.deps.routeInquiry.ask(ctx.args);
    const text = buildRouteAnswerText(answer);
    await ctx.reply(
      answer.outcome === 'no-such-database' ? `${text}\n${buildUsageText(routeCommand)}` : text,
    );
  },
};
