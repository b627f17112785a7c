import { describe, expect, it } from 'vitest';
import { CAPTURE_GUIDANCE, captureReplyText } from '../../../handlers/events/capture-replies.ts';
import { openIncident } from '../../support/incident-fixtures.ts';

const incident = openIncident({ seq: 42 });
const message = { ts: '1795338313.000200', text: 'lag', user: 'U0BOB', threadTs: '1795338000.000100' };

describe('captureReplyText', () => {
  it('confirms an added message, naming its author and the incident', () => {
    const entry = { at: new Date(), kind: 'message' as const, actor: 'U0ALICE', text: '' };
    expect(captureReplyText({ kind: 'added', incident, entry, message })).toBe(
      '📌 <@U0BOB>’s message is on the INC-42 timeline now.',
    );
    expect(
      captureReplyText({ kind: 'added', incident, entry, message: { ...message, user: undefined } }),
    ).toContain('The message is on the INC-42 timeline');
  });

  it('says a repeat changed nothing, and names the permission a refusal is about', () => {
    expect(captureReplyText({ kind: 'duplicate', incident, message })).toContain(
      'already on the INC-42 timeline',
    );
    expect(
      captureReplyText({ kind: 'denied', incident, denial: { permission: 'triage' }, message }),
    ).toContain('permissions.triage');
  });

  it('explains where the shortcut works, and when a message could not be read', () => {
    expect(captureReplyText({ kind: 'not-incident' })).toBe(CAPTURE_GUIDANCE);
    expect(captureReplyText({ kind: 'message-gone' })).toContain('could not be read');
  });
});
