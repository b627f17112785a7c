import { describe, expect, it } from 'vitest';
import {
  BLOCK_KIT_CSS,
  blockIdFor,
  renderBlocks,
  renderPlainText,
} from '../../../sandbox/workspace/blocks/index.ts';
import { byTestId, CONTEXT, controls, tags, textOf } from './html-probe.ts';

const plain = (text: string, emoji?: boolean) => ({
  type: 'plain_text',
  text,
  ...(emoji === undefined ? {} : { emoji }),
});
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const render = (blocks: unknown[]) => renderBlocks(blocks, CONTEXT);

describe('layout blocks', () => {
  it('draws a header as a heading, plain text taken literally', () => {
    const html = render([{ type: 'header', block_id: 'h', text: plain('CPU > 80 *not bold* :fire:') }]);
    expect(html).toContain('<h2 class="bk-block bk-header" data-block-id="h">CPU &gt; 80 *not bold* 🔥</h2>');
  });

  it('draws a divider as a rule', () => {
    expect(render([{ type: 'divider', block_id: 'd' }])).toContain(
      '<hr class="bk-block bk-divider" data-block-id="d">',
    );
  });

  it('draws a section’s text, its fields as a grid and its accessory beside them', () => {
    const html = render([
      {
        type: 'section',
        text: mrkdwn('*Title*'),
        fields: [mrkdwn('*Impact*\n2 · High'), plain('plain *field*')],
        accessory: { type: 'button', action_id: 'go', text: plain('Go'), value: 'v' },
      },
    ]);
    expect(html).toContain('<div class="bk-section-text"><b>Title</b></div>');
    expect(tags(html, 'div').filter((tag) => tag.attrs['class'] === 'bk-field')).toHaveLength(2);
    expect(html).toContain('<div class="bk-field">plain *field*</div>');
    expect(html).toMatch(/<div class="bk-accessory"><button[^>]*data-testid="button:go"/);
  });

  it('draws an image accessory and context images, loading only http(s) sources', () => {
    const html = render([
      {
        type: 'section',
        text: mrkdwn('x'),
        accessory: { type: 'image', image_url: 'https://img.test/a.png', alt_text: 'graph "a"' },
      },
      {
        type: 'context',
        elements: [
          { type: 'image', image_url: 'javascript:alert(1)', alt_text: 'bad' },
          mrkdwn('by <@U0ALICE>'),
          plain('plain'),
        ],
      },
    ]);
    const images = tags(html, 'img');
    expect(images.map((image) => image.attrs['src'])).toEqual(['https://img.test/a.png']);
    expect(images[0]?.attrs['alt']).toBe('graph "a"');
    expect(html).not.toContain('javascript:');
    expect(textOf(html)).toContain('🖼 bad');
    expect(textOf(html)).toContain('by @alice');
  });

  it('draws an image block with its title', () => {
    const html = render([
      {
        type: 'image',
        block_id: 'img',
        image_url: 'https://img.test/cpu.png',
        alt_text: 'CPU',
        title: plain('CPU, 1h'),
      },
    ]);
    expect(html).toContain('<figure class="bk-block bk-image" data-block-id="img">');
    expect(html).toContain('<figcaption class="bk-image-title">CPU, 1h</figcaption>');
    expect(tags(html, 'img')[0]?.attrs['src']).toBe('https://img.test/cpu.png');
  });

  it('draws video, file and markdown blocks', () => {
    const html = render([
      {
        type: 'video',
        title: plain('Postmortem'),
        title_url: 'https://v.test/1',
        video_url: 'https://v.test/embed/1',
        thumbnail_url: 'https://v.test/1.png',
        alt_text: 'recording',
      },
      { type: 'file', external_id: 'runbook-pdf', source: 'remote' },
      {
        type: 'markdown',
        text: '# Plan\n- **one** [docs](https://d.test) [x](javascript:alert(1))\n1. two `<b>`',
      },
    ]);
    expect(tags(html, 'a').map((tag) => tag.attrs['href'])).toEqual(['https://v.test/1', 'https://d.test']);
    expect(textOf(html)).toContain('📄 Remote file runbook-pdf');
    expect(html).toContain('<div class="bk-md-heading bk-md-h1">Plan</div>');
    expect(html).toContain('<li><b>one</b>');
    expect(html).toContain('<code class="bk-code">&lt;b&gt;</code>');
    expect(html).not.toContain('javascript:alert(1)"');
  });
});

describe('rich_text blocks', () => {
  const richText = {
    type: 'rich_text',
    block_id: 'rt',
    elements: [
      {
        type: 'rich_text_section',
        elements: [
          { type: 'text', text: 'bold ', style: { bold: true } },
          { type: 'text', text: 'it', style: { italic: true, strike: true } },
          { type: 'text', text: ' code', style: { code: true } },
          { type: 'link', url: 'https://l.test', text: 'link' },
          { type: 'link', url: 'javascript:alert(1)', text: 'nolink' },
          { type: 'user', user_id: 'U0ALICE' },
          { type: 'channel', channel_id: 'C0ALERTS' },
          { type: 'usergroup', usergroup_id: 'S0SRE' },
          { type: 'emoji', name: 'rotating_light' },
          { type: 'emoji', name: 'flag-us', unicode: '1f1fa-1f1f8' },
          { type: 'emoji', name: 'custom_party' },
          { type: 'broadcast', range: 'here' },
          { type: 'date', timestamp: 1795338000, format: '{date}', fallback: 'Nov 22' },
          { type: 'text', text: '<script>' },
        ],
      },
      {
        type: 'rich_text_list',
        style: 'bullet',
        indent: 0,
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'first' }] }],
      },
      {
        type: 'rich_text_list',
        style: 'ordered',
        indent: 1,
        offset: 2,
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'third' }] }],
      },
      { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'SELECT 1;\n<b>' }] },
      { type: 'rich_text_quote', elements: [{ type: 'text', text: 'quoted' }] },
      { type: 'rich_text_table' },
    ],
  };
  const html = render([richText]);

  it('draws styled text runs', () => {
    expect(html).toContain('<b>bold </b><i><s>it</s></i><code class="bk-code"> code</code>');
  });

  it('links only safe URLs and names users, channels and groups', () => {
    expect(tags(html, 'a').map((tag) => tag.attrs['href'])).toEqual(['https://l.test']);
    expect(textOf(html)).toContain('linknolink@alice#alerts@sre-team');
  });

  it('draws emoji by name or code points, keeps unknown names as :shortcode:', () => {
    expect(textOf(html)).toContain('🚨🇺🇸:custom_party:@here');
  });

  it('shows a date by its fallback and escapes text', () => {
    expect(html).toContain('datetime="2026-11-22T09:00:00.000Z">Nov 22</time>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('draws bullet and ordered lists with indent and offset', () => {
    expect(html).toMatch(
      /<ul class="bk-rt-list bk-rt-indent-0" style="list-style-type:disc;margin-left:1.5em"><li>/,
    );
    expect(html).toMatch(
      /<ol class="bk-rt-list bk-rt-indent-1" start="3" style="list-style-type:lower-alpha;/,
    );
  });

  it('draws preformatted and quote parts, and labels an unknown part', () => {
    expect(html).toContain('<pre class="bk-pre">SELECT 1;<br>&lt;b&gt;</pre>');
    expect(html).toContain('<blockquote class="bk-quote">quoted</blockquote>');
    expect(textOf(html)).toContain('unsupported element: rich_text_table');
  });
});

describe('unsupported blocks and block ids', () => {
  it('draws a visible, labelled box for an unknown block, a non-object and a missing type', () => {
    const html = render([{ type: 'table', rows: [] }, 'text', { block_id: 'x' }, null]);
    expect(textOf(html)).toBe(
      'unsupported block: tableunsupported block: (not an object: string)unsupported block: (undefined)unsupported block: (not an object: null)',
    );
    expect(html).toContain('<div class="bk-unsupported bk-unsupported-block" data-block-type="table">');
  });

  it('escapes the type it names', () => {
    expect(render([{ type: '<img src=x onerror=alert(1)>' }])).not.toContain('<img');
  });

  it('draws a non-array as an unsupported box rather than failing', () => {
    expect(textOf(renderBlocks('nope' as unknown as unknown[], CONTEXT))).toBe(
      'unsupported block: blocks (not an array)',
    );
  });

  it('gives a block without block_id a deterministic generated one, the same blockIdFor returns', () => {
    const blocks = [
      { type: 'divider' },
      { type: 'actions', elements: [{ type: 'button', action_id: 'b', text: plain('B') }] },
    ];
    const first = render(blocks);
    expect(render(blocks)).toBe(first);
    const generated = blockIdFor(blocks[1], 1);
    expect(generated).toMatch(/^bk[0-9a-z]+$/);
    expect(byTestId(first, 'button:b').attrs['data-block-id']).toBe(generated);
    expect(blockIdFor(blocks[0], 0)).not.toBe(blockIdFor(blocks[0], 2));
    expect(blockIdFor({ type: 'divider', block_id: 'mine' }, 0)).toBe('mine');
  });

  it('generates an action id for an element without one', () => {
    const html = render([
      { type: 'actions', block_id: 'a', elements: [{ type: 'button', text: plain('B') }] },
    ]);
    expect(controls(html)[0]?.attrs['data-action-id']).toMatch(/^bk[0-9a-z]+$/);
  });
});

describe('renderPlainText and BLOCK_KIT_CSS', () => {
  it('escapes plain text and converts shortcodes unless emoji is false', () => {
    expect(renderPlainText(plain('<b> & :fire:'))).toBe('&lt;b&gt; &amp; 🔥');
    expect(renderPlainText(plain(':fire:', true))).toBe('🔥');
    expect(renderPlainText(plain(':fire:', false))).toBe(':fire:');
    expect(renderPlainText(plain('&amp; stays'))).toBe('&amp;amp; stays');
    expect(renderPlainText(undefined)).toBe('');
  });

  it('styles every class family the renderer emits', () => {
    for (const name of [
      'bk-blocks',
      'bk-header',
      'bk-section',
      'bk-fields',
      'bk-button-primary',
      'bk-button-danger',
      'bk-select',
      'bk-overflow',
      'bk-input-label',
      'bk-hint',
      'bk-unsupported',
      'bk-mention',
      'bk-pre',
      'bk-quote',
    ]) {
      expect(BLOCK_KIT_CSS).toContain(`.${name}`);
    }
  });
});
