import type { ContactsPort, SsmContact } from '../aws/contacts-port.ts';
import type { Logger } from '../logger.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';

/** A `contact:` target, resolved: the SSM contact (if it exists) and the Slack user with its email. */
export interface ResolvedContact {
  target: string;
  contact?: SsmContact;
  slackUser?: string;
}

/**
 * Finds SSM Contacts contacts by alias or ARN and the Slack user with the same email (users.lookupByEmail).
 * Both lookups are cached for the process: contacts and their people change rarely, and a page must
 * not wait on them. A failed lookup is logged and not cached, so the next page tries again.
 */
export class ContactDirectory {
  private readonly contacts = new Map<string, SsmContact | undefined>();
  private readonly slackUsers = new Map<string, string | undefined>();

  constructor(
    private readonly deps: {
      contacts: ContactsPort;
      slack: Pick<SlackGateway, 'userIdByEmail'>;
      logger: Logger;
    },
  ) {}

  async resolve(target: string): Promise<ResolvedContact> {
    const id = target.slice('contact:'.length);
    try {
      if (!this.contacts.has(id)) this.contacts.set(id, await this.deps.contacts.findContact(id));
      const contact = this.contacts.get(id);
      if (!contact) return { target };
      return { target, contact, slackUser: await this.slackUserOf(contact) };
    } catch (error) {
      this.deps.logger.warn({ err: error, target }, 'could not look up an SSM Contacts contact');
      return { target };
    }
  }

  private async slackUserOf(contact: SsmContact): Promise<string | undefined> {
    if (this.slackUsers.has(contact.arn)) return this.slackUsers.get(contact.arn);
    try {
      const email = await this.deps.contacts.emailOf(contact.arn);
      const user = email ? await this.deps.slack.userIdByEmail(email) : undefined;
      this.slackUsers.set(contact.arn, user);
      return user;
    } catch (error) {
      this.deps.logger.warn(
        { err: error, contact: contact.alias },
        'could not find the Slack user of a contact',
      );
      return undefined;
    }
  }
}
