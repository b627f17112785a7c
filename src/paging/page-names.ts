import type { SlackGateway, SlackPerson } from '../slack/slack-gateway.ts';

/** What one name typed after `/incident page` turned out to be. */
export type NameMatch =
  | { kind: 'found'; name: string; target: string }
  | { kind: 'several'; name: string; people: SlackPerson[] }
  | { kind: 'none'; name: string };

type Directory = Pick<SlackGateway, 'listPeople' | 'listUsergroups'>;

const lower = (text: string) => text.trim().toLowerCase();

/**
 * Finds whom names mean: `@carol` or `carol` (a person's handle or display name), `@sre` (a user
 * group's handle), `Carol Chen` (a real name). An exact match wins; failing that, a first name or
 * the start of a display name. Slack is asked once per call (users.list, usergroups.list), and
 * only when there are names to find.
 */
export async function matchPageNames(slack: Directory, names: readonly string[]): Promise<NameMatch[]> {
  if (names.length === 0) return [];
  const [people, groups] = await Promise.all([slack.listPeople(), slack.listUsergroups()]);
  return names.map((name) => {
    const wanted = lower(name.replace(/^@/, ''));
    const exactGroups = groups.filter((group) => lower(group.handle) === wanted);
    const exactPeople = people.filter((person) =>
      [person.handle, person.displayName, person.realName].some((field) => field && lower(field) === wanted),
    );
    if (exactGroups.length + exactPeople.length === 1)
      return { kind: 'found', name, target: exactGroups[0]?.id ?? (exactPeople[0] as SlackPerson).id };
    if (exactPeople.length > 1) return { kind: 'several', name, people: exactPeople };
    if (exactGroups.length > 0 && exactPeople.length > 0)
      return { kind: 'found', name, target: (exactGroups[0] as { id: string }).id };
    const loose = people.filter((person) =>
      [person.displayName, person.realName].some(
        (field) => field && (lower(field).split(/\s+/)[0] === wanted || lower(field).startsWith(wanted)),
      ),
    );
    if (loose.length === 1) return { kind: 'found', name, target: (loose[0] as SlackPerson).id };
    if (loose.length > 1) return { kind: 'several', name, people: loose };
    return { kind: 'none', name };
  });
}

/** The answer for names that did not name exactly one person or group; empty when all did. */
export function unmatchedNamesText(matches: readonly NameMatch[]): string {
  return matches
    .flatMap((match) => {
      if (match.kind === 'several') {
        const who = match.people
          .map((person) => `<@${person.id}> (${person.realName || person.handle})`)
          .join(', ');
        return [
          `\`${match.name}\` matches several people: ${who}. Which one? Page them by their @handle or mention.`,
        ];
      }
      if (match.kind === 'none')
        return [
          `Nobody in this workspace is called \`${match.name}\`: check the spelling, or mention them (<@…>).`,
        ];
      return [];
    })
    .join('\n');
}
