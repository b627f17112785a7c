import type { Incident, TimelineEntry } from '../incidents/index.ts';
import { describeStormKey } from './storm-key.ts';

// How a storm follows its members: its title, worst impact, counts, and when it resolves.

/** `Storm: CPUUtilization alarms on 20 resources`. */
export function stormTitle(key: string, count: number): string {
  return `Storm: ${describeStormKey(key)} on ${count} resources`;
}

/** The member with the worst (lowest) impact. */
export function worstOf(members: readonly Incident[]): Incident {
  return members.reduce((worst, member) => (member.impact < worst.impact ? member : worst));
}

/** What a storm's members make of it: changed fields and the timeline entry saying why, or undefined. */
export function followMembers(
  storm: Incident,
  members: readonly Incident[],
  now: Date,
): { fields: Partial<Incident>; entry: Omit<TimelineEntry, 'at' | 'actor'> } | undefined {
  if (members.length === 0 || !storm.storm) return undefined;
  const membersShown = showMembers(members);
  const info = { ...storm.storm, membersShown };
  // Only a member's own move resolves the storm: a storm a person reopened stays open.
  const allResolved = members.every((member) => member.status === 'resolved');
  if (storm.status !== 'resolved' && allResolved && membersShown !== storm.storm.membersShown) {
    return {
      fields: { storm: info, status: 'resolved', resolvedAt: now },
      entry: {
        kind: 'status',
        text: `resolved the storm: all ${members.length} incidents in it are resolved`,
        from: storm.status,
        to: 'resolved',
      },
    };
  }
  const worst = worstOf(members);
  const title = stormTitle(storm.storm.key, members.length);
  const impact =
    storm.impactSetBy === 'signal'
      ? (Math.min(storm.impact, worst.impact) as Incident['impact'])
      : storm.impact;
  const signalCount = members.reduce((sum, member) => sum + member.signalCount, 0);
  // The entry says what moved: the count of resources, the impact, the members' states, the signals.
  const moved = [
    title !== storm.title ? `storm now ${title}` : undefined,
    impact !== storm.impact ? `impact now ${impact} (worst member)` : undefined,
    membersShown !== storm.storm.membersShown ? `members now ${countStatuses(members)}` : undefined,
    signalCount !== storm.signalCount ? `${signalCount} signals` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (moved.length === 0) return undefined;
  return {
    fields: { title, impact, signalCount, latestSignal: worst.latestSignal, storm: info },
    entry: { kind: 'annotation', text: moved.join('; ') },
  };
}

/** Each member's status and impact, in one comparable string. */
function showMembers(members: readonly Incident[]): string {
  return [...members]
    .sort((a, b) => a.seq - b.seq)
    .map((member) => `${member.seq}:${member.status}:${member.impact}`)
    .join(',');
}

/** `18 open · 1 acknowledged · 0 resolved`; mitigated members are counted only when there are some. */
function countStatuses(members: readonly Incident[]): string {
  const count = (status: Incident['status']) => members.filter((member) => member.status === status).length;
  const statuses: Incident['status'][] = ['open', 'acknowledged', 'mitigated', 'resolved'];
  return statuses
    .filter((status) => status !== 'mitigated' || count(status) > 0)
    .map((status) => `${count(status)} ${status}`)
    .join(' · ');
}
