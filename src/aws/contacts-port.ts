/** A contact (or escalation plan) in Incident Manager Contacts. */
export interface SsmContact {
  arn: string;
  alias: string;
  displayName?: string;
}

export interface EngagementRequest {
  contactArn: string;
  subject: string;
  content: string;
  publicSubject: string;
  publicContent: string;
  /** The Incident Manager ARN when there is one, else the warroom id (`INC-7`). */
  incidentId: string;
  /** Same token, same engagement: a retried stage does not page twice. */
  idempotencyToken: string;
}

export interface ContactPage {
  pageArn: string;
  contactArn: string;
  sentTime?: Date;
  deliveryTime?: Date;
  /** Set once the contact accepted (read) the page. */
  readTime?: Date;
}

/** One shift of an SSM Contacts rotation (ListRotationShifts). */
export interface RotationShift {
  contactArns: string[];
  start: Date;
  end: Date;
}

/** SSM Contacts as warroom uses it: find a contact, engage it, follow and stop the engagement. */
export interface ContactsPort {
  /** By alias or ARN; undefined when there is no such contact. */
  findContact(aliasOrArn: string): Promise<SsmContact | undefined>;
  /** The address of the contact's EMAIL channel, if it has one. */
  emailOf(contactArn: string): Promise<string | undefined>;
  /** The rotations of an on-call-schedule contact (GetContact Plan.RotationIds); undefined: no such contact. */
  rotationIdsOf(aliasOrArn: string): Promise<string[] | undefined>;
  /** The rotation's shifts overlapping [start, end), in order (ListRotationShifts). */
  rotationShifts(rotationArn: string, start: Date, end: Date): Promise<RotationShift[]>;
  startEngagement(request: EngagementRequest): Promise<string>;
  stopEngagement(engagementArn: string, reason: string): Promise<void>;
  listPages(engagementArn: string): Promise<ContactPage[]>;
}
