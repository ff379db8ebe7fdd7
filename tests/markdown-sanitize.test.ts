import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { findDangers } from './helpers/html-dangers.ts';
import { sanitizeMarkdownPlugin } from '../src/lib/security/markdown-sanitize.ts';
import { DEFAULT_POLICY } from '../src/lib/security/sanitize-html.ts';

const SANDBOX = 'sandbox="allow-scripts allow-same-origin allow-presentation"';

function render(markdown: string, plugin = sanitizeMarkdownPlugin()): string {
  return markdownToHtml(markdown, { hastPlugins: [plugin] }).html;
}

const HOSTILE_MARKDOWN = [
  '<script>alert(1)</script>',
  'Hi <script>alert(1)</script> there',
  '<img src=x onerror=alert(1)>',
  'An <IMG SRC=x ONERROR=alert(1)> image',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="java&#x0A;script:alert(1)">newline</a>',
  '[x](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '<javascript:alert(1)>',
  '[x][r]\n\n[r]: JAVASCRIPT:alert(1)',
  '<iframe src="https://evil.example/"></iframe>',
  'Inline <iframe src="https://evil.example/"></iframe> frame',
  '<svg onload=alert(1)>',
  '<style>body{display:none}</style>',
  '<div style="position:fixed;inset:0">cover</div>',
  '<p onclick="alert(1)">para</p>',
  '<span title=unquoted onmouseover=alert(1)>s</span>',
  '<scr<script>ipt>alert(1)</script>',
  '<div\ntitle="a\n\nonclick=alert(1)>',
  '| a | b |\n|---|---|\n| <b onclick=x>1</b> | [x](javascript:y) |',
].join('\n\n');

describe('sanitizeMarkdownPlugin', () => {
  describe('hostile raw HTML', () => {
    test.each([
      ['a script block', '<script>alert(1)</script>', ''],
      // Inline, `alert(1)` is a Markdown text node between two raw nodes: shown, escaped, inert.
      ['an inline script', 'Hi <script>alert(1)</script> there', '<p>Hi alert(1) there</p>\n'],
      ['an onerror handler', '<img src=x onerror=alert(1)>', '<img src="x" alt="">\n'],
      ['a mixed-case javascript: href', '<a href="JaVaScRiPt:alert(1)">click</a>', '<p><a>click</a></p>\n'],
      ['an entity newline in javascript:', '<a href="java&#x0A;script:alert(1)">t</a>', '<p><a>t</a></p>\n'],
      ['an iframe from another host', '<iframe src="https://evil.example/"></iframe>', ''],
      ['an svg with onload', '<svg onload=alert(1)>', ''],
      ['a style block', '<style>body{display:none}</style>', ''],
      ['a style attribute', '<div style="position:fixed;inset:0">cover</div>', '<div>cover</div>\n'],
      ['an onclick on p', '<p onclick="alert(1)">para</p>', '<p>para</p>\n'],
      ['upper-case names', '<DIV ONCLICK=alert(1) TITLE=T>\nshout\n</DIV>', '<div title="T">\nshout\n</div>\n'],
      ['unquoted attributes', '<span title=unquoted onmouseover=alert(1)>s</span>', '<p><span title="unquoted">s</span></p>\n'],
      // `&lt;scr` and `ipt&gt;` are Markdown text around the dropped raw `<script>`.
      ['a split script tag', '<scr<script>ipt>alert(1)</script>', '<p>&lt;script&gt;alert(1)</p>\n'],
      ['a block cut inside an attribute', '<div\ntitle="a\n\nonclick=alert(1)>', '\n<p>onclick=alert(1)&gt;</p>\n'],
      ['a comment', '<!-- draft note -->\n\nvisible', '\n<p>visible</p>\n'],
    ])('neutralizes %s', (_, markdown, expected) => {
      expect(render(markdown)).toBe(expected);
    });
  });

  describe('unsafe Markdown links and images', () => {
    test.each([
      ['a javascript: link', '[x](javascript:alert(1))', '<p><a>x</a></p>\n'],
      ['an entity-encoded javascript: link', '[x](&#106;avascript:alert(1))', '<p><a>x</a></p>\n'],
      ['a javascript: autolink', '<javascript:alert(1)>', '<p><a>javascript:alert(1)</a></p>\n'],
      ['a javascript: reference', '[x][r]\n\n[r]: JAVASCRIPT:alert(1)', '<p><a>x</a></p>\n'],
      ['a javascript: image', '![x](javascript:alert(1))', '<p><img alt="x"></p>\n'],
      ['a data: image', '![x](data:image/svg+xml,<svg>)', '<p><img alt="x"></p>\n'],
    ])('removes the URL of %s', (_, markdown, expected) => {
      expect(render(markdown)).toBe(expected);
    });
  });

  describe('good content', () => {
    test('keeps bold and strong whose tags arrive as separate raw nodes', () => {
      expect(render('Some <b>bold</b> and <strong class="x">strong</strong> text')).toBe(
        '<p>Some <b>bold</b> and <strong>strong</strong> text</p>\n',
      );
    });

    test('keeps an HTML table', () => {
      const markdown = '<table>\n<tr><th scope="col">Stop</th><td colspan=2>Lyon</td></tr>\n</table>';
      expect(render(markdown)).toBe(
        '<table>\n<tr><th scope="col">Stop</th><td colspan="2">Lyon</td></tr>\n</table>\n',
      );
    });

    test('keeps a Markdown table with inline HTML', () => {
      expect(render('| a | b |\n|---|---|\n| <b onclick=x>1</b> | [x](javascript:y) |')).toBe(
        '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n' +
          '<tbody>\n<tr>\n<td><b>1</b></td>\n<td><a>x</a></td>\n</tr>\n</tbody>\n</table>\n',
      );
    });

    test('keeps https, mailto, relative and autolinked URLs', () => {
      expect(
        render('[site](https://example.com/a?b=1&c=2), [mail](mailto:press@example.com), [up](../), <https://x.example>'),
      ).toBe(
        '<p><a href="https://example.com/a?b=1&amp;c=2">site</a>, <a href="mailto:press@example.com">mail</a>, ' +
          '<a href="../">up</a>, <a href="https://x.example">https://x.example</a></p>\n',
      );
    });

    test('keeps raw HTML links with a safe href and adds rel', () => {
      expect(render('See <a href="https://example.com/" target="_blank">the site</a>.')).toBe(
        '<p>See <a href="https://example.com/" target="_blank" rel="noopener noreferrer">the site</a>.</p>\n',
      );
    });

    test('keeps a Markdown image with a relative source', () => {
      expect(render('![A bus](./bus.jpg "The bus")')).toBe('<p><img src="./bus.jpg" alt="A bus" title="The bus"></p>\n');
    });

    test('keeps a youtube-nocookie embed, lazy and sandboxed', () => {
      const markdown =
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Clip" allowfullscreen onload="x()"></iframe>';
      expect(render(markdown)).toBe(
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Clip" allowfullscreen="" ' +
          `loading="lazy" ${SANDBOX}></iframe>\n`,
      );
    });

    test('keeps an inline embed whose end tag is a separate raw node', () => {
      expect(render('Watch <iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe> now')).toBe(
        `<p>Watch <iframe src="https://www.youtube-nocookie.com/embed/abc" loading="lazy" ${SANDBOX}></iframe> now</p>\n`,
      );
    });
  });

  test('follows a custom policy', () => {
    const plugin = sanitizeMarkdownPlugin({ ...DEFAULT_POLICY, urlSchemes: ['https'] });
    expect(render('[mail](mailto:a@example.com) <a href="tel:1">call</a>', plugin)).toBe(
      '<p><a>mail</a> <a>call</a></p>\n',
    );
  });

  test('a page of hostile Markdown is dangerous without the plugin and safe with it', () => {
    const unsanitized = markdownToHtml(HOSTILE_MARKDOWN).html;
    expect(findDangers(unsanitized).length).toBeGreaterThan(10);
    expect(findDangers(render(HOSTILE_MARKDOWN))).toEqual([]);
  });
});
