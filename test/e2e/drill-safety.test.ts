import { describe, expect, it } from 'vitest';
import { DRILL_NOTICE, markDrillMessage } from '../../src/drill/drill-marking.ts';
import {
  assertAwsStaysLocal,
  localAwsEnvironment,
  useLocalAwsOnly,
} from '../../src/drill/local-aws-guard.ts';
import { buildIncidentCard } from '../../src/incidents/incident-card.ts';
import type { KnownBlock } from '../../src/slack/block-kit.ts';
import { openIncident } from '../support/incident-fixtures.ts';

// Unit tests of the two promises a drill makes (kept beside the drill's end-to-end tests):
// every message is marked DRILL, and no AWS endpoint points anywhere but the local emulator.

const EMULATOR = {
  url: 'http://127.0.0.1:4566',
  endpointEnv: () => ({ AWS_ENDPOINT_URL_RDS: 'http://127.0.0.1:4566' }),
};

describe('the DRILL marking', () => {
  it('starts the card header and text with "DRILL · " and puts the notice under the header', () => {
    const card = buildIncidentCard(openIncident({ seq: 7, title: 'CPUUtilization > 80 on orders-db' }), {
      defaultRegion: 'us-east-1',
    });
    const marked = markDrillMessage({ channel: 'C0ALERTS', ...card });
    expect(marked.text).toMatch(/^DRILL · INC-7 /);
    expect(marked.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringMatching(/^DRILL · .* INC-7 · /) },
    });
    expect(marked.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: DRILL_NOTICE }] });
    expect(marked.blocks.slice(2)).toEqual(card.blocks.slice(1));
    expect(marked.metadata).toEqual(card.metadata);
  });

  it('marks once, however often a message is marked (a card re-rendered and updated)', () => {
    const once = markDrillMessage({
      text: 'hello',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }],
    });
    expect(markDrillMessage(once)).toEqual(once);
    expect(once.blocks[0]).toMatchObject({ type: 'context' });
    expect(markDrillMessage({ text: 'plain thread reply' })).toEqual({ text: 'DRILL · plain thread reply' });
  });

  it('stays inside Slack limits: a 150-character header, 50 blocks', () => {
    const header: KnownBlock = { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(150) } };
    const long = markDrillMessage({ text: 't', blocks: [header] });
    expect((long.blocks[0] as { text: { text: string } }).text.text).toHaveLength(150);
    const full = Array.from({ length: 50 }, (): KnownBlock => ({ type: 'divider' }));
    expect(markDrillMessage({ text: 't', blocks: full }).blocks).toHaveLength(50);
  });
});

describe('the local-AWS guard', () => {
  it('accepts the environment it makes itself', () => {
    expect(() => assertAwsStaysLocal(localAwsEnvironment(EMULATOR, 'us-east-1'), EMULATOR.url)).not.toThrow();
    expect(localAwsEnvironment(EMULATOR, 'us-east-1')).toMatchObject({
      AWS_ENDPOINT_URL: EMULATOR.url,
      AWS_ENDPOINT_URL_RDS: EMULATOR.url,
      AWS_ACCESS_KEY_ID: 'AKIDLOCALEMULATOR',
    });
  });

  it('refuses every endpoint that points elsewhere, naming each', () => {
    const env = {
      ...localAwsEnvironment(EMULATOR, 'us-east-1'),
      AWS_ENDPOINT_URL_S3: 'https://s3.amazonaws.com',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
    };
    expect(() => assertAwsStaysLocal(env, EMULATOR.url)).toThrow(
      /AWS_ENDPOINT_URL_S3 points at https:\/\/s3\.amazonaws\.com, not at the local AWS emulator \(http:\/\/127\.0\.0\.1:4566\)\n- AWS_ENDPOINT_URL_DYNAMODB points at http:\/\/127\.0\.0\.1:8000/,
    );
  });

  it('refuses without a catch-all endpoint, with the SDK told to ignore endpoints, or an emulator off loopback', () => {
    const { AWS_ENDPOINT_URL: _dropped, ...withoutCatchAll } = localAwsEnvironment(EMULATOR, 'us-east-1');
    expect(() => assertAwsStaysLocal(withoutCatchAll, EMULATOR.url)).toThrow(/AWS_ENDPOINT_URL is not set/);
    expect(() =>
      assertAwsStaysLocal(
        { ...localAwsEnvironment(EMULATOR, 'us-east-1'), AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE' },
        EMULATOR.url,
      ),
    ).toThrow(/AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is set/);
    const remote = { url: 'http://10.0.0.5:4566', endpointEnv: () => ({}) };
    expect(() => assertAwsStaysLocal(localAwsEnvironment(remote, 'us-east-1'), remote.url)).toThrow(
      /not a loopback address/,
    );
  });

  it('changes nothing when it refuses, and drops real credentials when it accepts', () => {
    const refused: Record<string, string | undefined> = { AWS_ENDPOINT_URL_S3: 'https://s3.amazonaws.com' };
    expect(() =>
      useLocalAwsOnly(refused, localAwsEnvironment(EMULATOR, 'us-east-1'), EMULATOR.url),
    ).toThrow();
    expect(refused).toEqual({ AWS_ENDPOINT_URL_S3: 'https://s3.amazonaws.com' });
    const accepted: Record<string, string | undefined> = {
      AWS_SESSION_TOKEN: 'real-session',
      AWS_PROFILE: 'prod-admin',
      AWS_ENDPOINT_URL_RDS: 'https://rds.us-east-1.amazonaws.com',
    };
    useLocalAwsOnly(accepted, localAwsEnvironment(EMULATOR, 'us-east-1'), EMULATOR.url);
    expect(accepted).toMatchObject({ AWS_ENDPOINT_URL_RDS: EMULATOR.url, AWS_ENDPOINT_URL: EMULATOR.url });
    expect(accepted).not.toHaveProperty('AWS_SESSION_TOKEN');
    expect(accepted).not.toHaveProperty('AWS_PROFILE');
  });
});
