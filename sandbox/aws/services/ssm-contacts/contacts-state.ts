import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../../src/clock.ts';
import { IdempotencyCache } from '../idempotency-cache.ts';

export type ContactType = 'PERSONAL' | 'ESCALATION' | 'ONCALL_SCHEDULE';

export interface ContactRecord {
  arn: string;
  alias: string;
  displayName?: string;
  type: ContactType;
  /** Becomes an activated EMAIL contact channel (ListContactChannels). */
  email?: string;
  /** For ONCALL_SCHEDULE contacts: GetContact's Plan.RotationIds. */
  rotationIds?: string[];
}

/** A rotation: the contacts take `shiftHours`-long turns from `start`, in order, forever. */
export interface RotationRecord {
  arn: string;
  name: string;
  contactArns: string[];
  shiftMs: number;
  start: Date;
}

export interface ShiftRecord {
  contactArns: string[];
  start: Date;
  end: Date;
}

export interface EngagementRecord {
  arn: string;
  contactArn: string;
  sender: string;
  subject: string;
  content: string;
  publicSubject?: string;
  publicContent?: string;
  incidentId?: string;
  startTime: Date;
  stopTime?: Date;
  stopReason?: string;
}

export interface PageRecord {
  arn: string;
  engagementArn: string;
  contactArn: string;
  sender: string;
  incidentId?: string;
  sentTime: Date;
  deliveryTime?: Date;
  readTime?: Date;
}

/** SSM Contacts: contacts seeded by tests, engagements and their pages (one page per contact). */
export class ContactsState {
  readonly contacts = new Map<string, ContactRecord>();
  readonly engagements = new Map<string, EngagementRecord>();
  readonly pages = new Map<string, PageRecord>();
  readonly rotations = new Map<string, RotationRecord>();
  readonly idempotency = new IdempotencyCache();

  constructor(private readonly env: { accountId: string; region: string; clock: Clock }) {}

  private arn(kind: string, rest: string): string {
    return `arn:aws:ssm-contacts:${this.env.region}:${this.env.accountId}:${kind}/${rest}`;
  }

  /** Adds a contact; answers its ARN (`…:contact/<alias>`). */
  addContact(contact: Omit<ContactRecord, 'arn'>): string {
    const arn = this.arn('contact', contact.alias);
    this.contacts.set(arn, { ...contact, arn });
    return arn;
  }

  /**
   * Adds a rotation (default: 24-hour shifts from now); answers its ARN (`…:rotation/<name>`). Shifts
   * are computed from the clock when listed, so they hand off as the clock advances.
   */
  addRotation(rotation: { name: string; contactArns: string[]; shiftHours?: number; start?: Date }): string {
    if (rotation.contactArns.length === 0) throw new Error('a rotation needs at least one contact');
    const arn = this.arn('rotation', rotation.name);
    this.rotations.set(arn, {
      arn,
      name: rotation.name,
      contactArns: [...rotation.contactArns],
      shiftMs: (rotation.shiftHours ?? 24) * 3_600_000,
      start: rotation.start ?? this.env.clock.now(),
    });
    return arn;
  }

  /** The rotation's shifts overlapping [from, to), at most `limit`. */
  shiftsOf(rotationArn: string, from: Date, to: Date, limit = 1024): ShiftRecord[] {
    const rotation = this.rotations.get(rotationArn);
    if (!rotation) return [];
    const origin = rotation.start.getTime();
    const first = Math.max(0, Math.floor((from.getTime() - origin) / rotation.shiftMs));
    const shifts: ShiftRecord[] = [];
    for (let k = first; shifts.length < limit; k += 1) {
      const start = origin + k * rotation.shiftMs;
      if (start >= to.getTime()) break;
      const contact = rotation.contactArns[k % rotation.contactArns.length] as string;
      shifts.push({
        contactArns: [contact],
        start: new Date(start),
        end: new Date(start + rotation.shiftMs),
      });
    }
    return shifts;
  }

  /** Starts an engagement and pages its contact (delivered at once). */
  startEngagement(engagement: Omit<EngagementRecord, 'arn' | 'startTime'>): EngagementRecord {
    const contact = this.contacts.get(engagement.contactArn);
    const id = randomUUID();
    const now = this.env.clock.now();
    const record = {
      ...engagement,
      arn: this.arn('engagement', `${contact?.alias ?? 'contact'}/${id}`),
      startTime: now,
    };
    this.engagements.set(record.arn, record);
    const page = this.arn('page', `${contact?.alias ?? 'contact'}/${randomUUID()}`);
    this.pages.set(page, {
      arn: page,
      engagementArn: record.arn,
      contactArn: engagement.contactArn,
      sender: engagement.sender,
      incidentId: engagement.incidentId,
      sentTime: now,
      deliveryTime: now,
    });
    return record;
  }

  /** The contact accepts (reads) a page, as AcceptPage with AcceptType READ does. */
  acceptPage(pageArn: string): void {
    const page = this.pages.get(pageArn);
    if (!page) throw new Error(`no page ${pageArn}`);
    page.readTime ??= this.env.clock.now();
  }

  pagesOf(engagementArn: string): PageRecord[] {
    return [...this.pages.values()].filter((page) => page.engagementArn === engagementArn);
  }
}
