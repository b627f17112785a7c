import { describe, expect, it } from 'vitest';
import { renderMrkdwn } from '../../../sandbox/workspace/blocks/index.ts';
import { CONTEXT, tags, textOf } from './html-probe.ts';

const render = (text: string) => renderMrkdwn(text, CONTEXT);

describe('renderMrkdwn formatting', () => {
  it('draws *bold*, _italic_, ~strike~ and `code`', () => {
    expect(render('*bold* _italic_ ~gone~ `x = 1`')).toBe(
      '<b>bold</b> <i>italic</i> <s>gone</s> <code class="bk-code">x = 1</code>',
    );
  });

  it('nests bold and italic either way round', () => {
    expect(render('*_both_*')).toBe('<b><i>both</i></b>');
    expect(render('_*both*_')).toBe('<i><b>both</b></i>');
  });

  it('leaves marks inside words, snake_case and arithmetic alone', () => {
    expect(render('warroom_card_header 2*3*4 a~b~c')).toBe('warroom_card_header 2*3*4 a~b~c');
  });

  it('needs text right inside the marks: "* not bold *" stays as typed', () => {
    expect(render('* not bold *')).toBe('* not bold *');
  });

  it('does not format inside code spans or ``` blocks', () => {
    expect(render('`*x*`')).toBe('<code class="bk-code">*x*</code>');
    expect(render('```*x* _y_ <@U0ALICE>```')).toBe('<pre class="bk-pre">*x* _y_ &lt;@U0ALICE&gt;</pre>');
  });

  it('draws a ``` block as <pre>, trimming the newlines just inside and beside the fences', () => {
    const html = render('*raw:*\n```\nline 1\nline 2\n```\nafter');
    expect(html).toBe('<b>raw:</b><pre class="bk-pre">line 1\nline 2</pre>after');
  });

  it('bolds around a link and around a code span, as warroom writes them', () => {
    expect(render('*<https://x.test/a|orders-db>*')).toBe(
      '<b><a class="bk-link" href="https://x.test/a" target="_blank" rel="noopener noreferrer">orders-db</a></b>',
    );
    expect(render('*check of DB instance `orders-db`*')).toBe(
      '<b>check of DB instance <code class="bk-code">orders-db</code></b>',
    );
  });

  it('turns line breaks into <br> and drops trailing ones', () => {
    expect(render('one\ntwo\n')).toBe('one<br>two');
  });

  it('quotes runs of > lines (raw or escaped as &gt;) and everything after >>>', () => {
    expect(render('&gt; first\n&gt; second\nafter')).toBe(
      '<blockquote class="bk-quote">first<br>second</blockquote>after',
    );
    expect(render('> *bold* quote')).toBe('<blockquote class="bk-quote"><b>bold</b> quote</blockquote>');
    expect(render('before\n>>> all\nof this')).toBe(
      'before<blockquote class="bk-quote">all<br>of this</blockquote>',
    );
  });

  it('does not quote a > inside a line', () => {
    expect(render('CPUUtilization &gt; 80')).toBe('CPUUtilization &gt; 80');
  });
});

describe('renderMrkdwn escaping', () => {
  it('shows Slack-escaped text as the characters it stands for, HTML-escaped', () => {
    expect(render('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" \'single\'')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;',
    );
  });

  it('decodes one level only: &amp;lt; is the text "&lt;"', () => {
    expect(textOf(render('&amp;lt;'))).toBe('&lt;');
  });

  it('never lets an unescaped <script> or <img> through as markup', () => {
    const html = render('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/i);
    expect(textOf(html)).toContain('alert(1)');
  });

  it('draws a missing text as nothing', () => {
    expect(renderMrkdwn(undefined as unknown as string, CONTEXT)).toBe('');
  });

  it('cannot forge the renderer’s own placeholders', () => {
    const html = render('\ue0000\ue001 `code`');
    expect(html).toBe('\ufffd0\ufffd <code class="bk-code">code</code>');
  });
});

describe('renderMrkdwn links', () => {
  it('links http, https and mailto, with or without a label', () => {
    const html = render(
      '<https://a.test/x?q=1&amp;r=2|the &amp; label> <http://b.test> <mailto:oncall@x.test|mail>',
    );
    expect(tags(html, 'a').map((tag) => tag.attrs['href'])).toEqual([
      'https://a.test/x?q=1&r=2',
      'http://b.test',
      'mailto:oncall@x.test',
    ]);
    expect(textOf(html)).toBe('the & label http://b.test mail');
    expect(tags(html, 'a')[0]?.attrs['rel']).toBe('noopener noreferrer');
  });

  it('never links javascript:, data: or relative URLs: their label shows as text', () => {
    const html = render(
      '<javascript:alert(1)|click> <data:text/html,hi|data> <JAVASCRIPT:x> </etc/passwd|rel>',
    );
    expect(html).not.toContain('<a');
    expect(html).not.toMatch(/href/);
    expect(textOf(html)).toBe('click data JAVASCRIPT:x rel');
  });

  it('keeps quotes in a URL inside the attribute', () => {
    const html = render('<https://x.test/"onmouseover="alert(1)|x>');
    expect(html).not.toContain('" onmouseover');
    expect(html).toContain('href="https://x.test/&quot;onmouseover=&quot;alert(1)"');
  });
});

describe('renderMrkdwn mentions, dates and emoji', () => {
  it('names users from the context, else by the label Slack sent, else by id', () => {
    expect(textOf(render('<@U0ALICE> <@U0CAROL|carol> <@U0DAVE>'))).toBe('@alice @carol @U0DAVE');
    expect(render('<@U0ALICE>')).toBe(
      '<span class="bk-mention bk-user" data-user-id="U0ALICE">@alice</span>',
    );
  });

  it('names channels from the context first, then the label, then the id', () => {
    expect(textOf(render('<#C0ALERTS|old-name> <#C0OTHER|general> <#C0NONE>'))).toBe(
      '#alerts #general #C0NONE',
    );
  });

  it('draws @here, @channel, @everyone and user groups', () => {
    expect(textOf(render('<!here> <!channel> <!everyone>'))).toBe('@here @channel @everyone');
    expect(textOf(render('<!subteam^S0SRE|@old> <!subteam^S0DBA|@dba> <!subteam^S0X>'))).toBe(
      '@sre-team @dba @S0X',
    );
  });

  it('shows a date by its fallback in a <time> carrying the instant', () => {
    const html = render('<!date^1795338000^{date_short_pretty} {time}|2026-11-22T09:00:00.000Z>');
    expect(html).toBe(
      '<time class="bk-date" datetime="2026-11-22T09:00:00.000Z">2026-11-22T09:00:00.000Z</time>',
    );
  });

  it('asks the context to format a date when it can, with the format Slack was given', () => {
    const seen: Array<[number, string]> = [];
    const formatDate = (epoch: number, format: string) => {
      seen.push([epoch, format]);
      return format === '{time}' ? undefined : 'Nov 22nd at 10:00';
    };
    const html = renderMrkdwn(
      '<!date^1795338000^{date_short_pretty} {time}|iso> <!date^1795338000^{time}|fallback>',
      {
        ...CONTEXT,
        formatDate,
      },
    );
    expect(textOf(html)).toBe('Nov 22nd at 10:00 fallback');
    expect(seen).toEqual([
      [1795338000, '{date_short_pretty} {time}'],
      [1795338000, '{time}'],
    ]);
  });

  it('turns known shortcodes into emoji and leaves unknown ones as text', () => {
    expect(render(':rotating_light: :hourglass: :white_check_mark: :+1: :not_an_emoji:')).toBe(
      '🚨 ⌛ ✅ 👍 :not_an_emoji:',
    );
  });

  it('finds a shortcode right after an unknown one sharing its colon', () => {
    expect(render('aws:rds::fire:')).toBe('aws:rds:🔥');
  });

  it('does not read shortcodes inside code', () => {
    expect(render('`:fire:`')).toBe('<code class="bk-code">:fire:</code>');
  });
});
