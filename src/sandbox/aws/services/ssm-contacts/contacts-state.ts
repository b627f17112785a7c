import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../../clock.ts';
import { IdempotencyCache } from '../idempotency-cache.ts';

export type ContactType = 'PERSONAL' | 'ESCALATION' | 'ONCALL_SCHEDULE';

export interface ContactRecord {
  arn: string;
  alias: string;
  displayName?: string;
  type: ContactType;
  /** Becomes an activated EMAIL contact channel (ListContactChannels). */
  email?: string;
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
