import type { ContactsPort } from '../aws/contacts-port.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ContactDirectory } from './contact-directory.ts';
import type { SsmRotationRef } from './rotation.ts';

/** How far ahead shifts are read: the shift now and the next one. */
const WINDOW_MS = 14 * 86_400_000;

/** A contact holding a shift: its ARN, alias when known, and the Slack user with its email. */
export interface ShiftHolder {
  contactArn: string;
  alias?: string;
  slackUser?: string;
}

export interface SsmOnCall {
  current?: { holder: ShiftHolder; since: Date; until: Date };
  next?: { holder: ShiftHolder; from: Date };
}

export type SsmOnCallResult = { ok: true; onCall: SsmOnCall } | { ok: false; reason: string };

/**
 * Who is on call in an Incident Manager Contacts rotation: ListRotationShifts from now to two weeks
 * ahead; the shift covering now names the person on call (its first contact), the next shift who
 * follows. Contacts become Slack users by email through the contact directory (cached). Failures are
 * logged and answered in plain words; nothing is cached, so the next read tries again.
 */
export class SsmOnCallReader {
  constructor(
    private readonly deps: { contacts: ContactsPort; directory: ContactDirectory; logger: Logger },
  ) {}

  async read(ref: SsmRotationRef, at: Date): Promise<SsmOnCallResult> {
    try {
      const rotationArn = await this.rotationArnOf(ref);
      if (!rotationArn) {
        return {
          ok: false,
          reason: `contact \`${ref.ssm.id}\` has no on-call rotation in Incident Manager Contacts`,
        };
      }
      const shifts = await this.deps.contacts.rotationShifts(
        rotationArn,
        at,
        new Date(at.getTime() + WINDOW_MS),
      );
      const nowMs = at.getTime();
      const index = shifts.findIndex((s) => s.start.getTime() <= nowMs && nowMs < s.end.getTime());
      const currentShift = index >= 0 ? shifts[index] : undefined;
      const nextShift = shifts.slice(index + 1).find((s) => s.start.getTime() > nowMs && s.contactArns[0]);
      const onCall: SsmOnCall = {};
      const currentArn = currentShift?.contactArns[0];
      if (currentShift && currentArn) {
        onCall.current = {
          holder: await this.holder(currentArn),
          since: currentShift.start,
          until: currentShift.end,
        };
      }
      const nextArn = nextShift?.contactArns[0];
      if (nextShift && nextArn) onCall.next = { holder: await this.holder(nextArn), from: nextShift.start };
      return { ok: true, onCall };
    } catch (error) {
      this.deps.logger.warn(
        { err: error, rotation: ref.ssm.id },
        'could not read an Incident Manager Contacts rotation',
      );
      const why = isBotError(error) ? error.userMessage : 'the request failed';
      return { ok: false, reason: `could not read who is on call from Incident Manager Contacts: ${why}` };
    }
  }

  private async rotationArnOf(ref: SsmRotationRef): Promise<string | undefined> {
    if (ref.ssm.kind === 'rotation') return ref.ssm.id;
    return (await this.deps.contacts.rotationIdsOf(ref.ssm.id))?.[0];
  }

  private async holder(contactArn: string): Promise<ShiftHolder> {
    const found = await this.deps.directory.resolve(`contact:${contactArn}`);
    return { contactArn, alias: found.contact?.alias, slackUser: found.slackUser };
  }
}
