import { describe, expect, it } from 'vitest';
import { escapeExceptMentions, replaceMentions } from '../../src/slack/mentions.ts';

describe('escapeExceptMentions', () => {
  it('keeps user and group mentions (dropping typed labels) and escapes the rest', () => {
    expect(escapeExceptMentions('ask <@U0BOB|bob> & <!subteam^S0SRE|@sre> about a<b')).toBe(
      'ask <@U0BOB> &amp; <!subteam^S0SRE> about a&lt;b',
    );
  });

  it('escapes channel-wide pings, links and half mentions', () => {
    expect(escapeExceptMentions('<!here> <!channel> <https://x.example|x> <@U0BO')).toBe(
      '&lt;!here&gt; &lt;!channel&gt; &lt;https://x.example|x&gt; &lt;@U0BO',
    );
  });
});

describe('replaceMentions', () => {
  it('asks for each mention by kind and id and keeps the text around it', async () => {
    const asked: string[] = [];
    const text = await replaceMentions(
      '<@U0ALICE> paged <!subteam^S0SRE> & <@U0BOB|bob>.',
      async (mention) => {
        asked.push(`${mention.kind}:${mention.id}`);
        return mention.id.toLowerCase();
      },
    );
    expect(text).toBe('u0alice paged s0sre & u0bob.');
    expect(asked).toEqual(['user:U0ALICE', 'group:S0SRE', 'user:U0BOB']);
  });
});
