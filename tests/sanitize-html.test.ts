import { describe, expect, test } from 'vitest';
import { findDangers } from './helpers/html-dangers.ts';
import { DEFAULT_POLICY, isSafeUrl, sanitizeHtml } from '../src/lib/security/sanitize-html.ts';

const SERIALIZED_TAG = /<\/?([a-z0-9]+)((?: [a-z]+="[^"<>]*")*)>/g;

/** Checks the output's shape without any parser: only allowlisted tags with quoted attributes, all else escaped. */
function findMalformed(html: string): string[] {
  const problems: string[] = [];
  for (const [tag, name, attributes] of html.matchAll(SERIALIZED_TAG)) {
    const allowed = Object.hasOwn(DEFAULT_POLICY.tags, name ?? '') || name === 'iframe';
    if (!allowed) problems.push(tag);
    if (/ on|style=|class=|id=/.test(attributes ?? '')) problems.push(tag);
  }
  const text = html.replace(SERIALIZED_TAG, '');
  if (/[<>]/.test(text)) problems.push(`unescaped markup in ${JSON.stringify(text)}`);
  if (/&(?!amp;|lt;|gt;|quot;)/.test(html)) problems.push(`bare ampersand in ${JSON.stringify(html)}`);
  return problems;
}

function expectSafe(html: string): void {
  expect(findDangers(html)).toEqual([]);
  expect(findMalformed(html)).toEqual([]);
}

describe('sanitizeHtml', () => {
  test('keeps allowed markup as it is', () => {
    const html =
      '<p>Hi <strong>there</strong>, <em>see</em> <abbr title="World Health Organization">WHO</abbr>.</p>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  test('keeps a table with its cell attributes', () => {
    const html =
      '<table><caption>Stops</caption><thead><tr><th scope="col">Day</th></tr></thead>' +
      '<tbody><tr><td colspan="2" rowspan="1">Lyon</td></tr></tbody></table>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  test('leaves an unmatched open tag open and writes an unmatched end tag as is', () => {
    expect(sanitizeHtml('<b>')).toBe('<b>');
    expect(sanitizeHtml('</b>')).toBe('</b>');
    expect(sanitizeHtml('<div>\n<p>text')).toBe('<div>\n<p>text');
    expect(sanitizeHtml('</em></p>')).toBe('</em></p>');
  });

  test('drops void end tags and keeps void elements unclosed', () => {
    expect(sanitizeHtml('a<br/>b<hr></br></img>')).toBe('a<br>b<hr>');
  });

  test('removes event handlers, style, class and id', () => {
    expect(sanitizeHtml('<b onclick="x()">bold</b>')).toBe('<b>bold</b>');
    expect(sanitizeHtml('<p onclick=alert(1) onmouseover="y">p</p>')).toBe('<p>p</p>');
    expect(sanitizeHtml('<div style="background:url(javascript:x)" class="c" id="i">d</div>')).toBe('<div>d</div>');
  });

  test('lower-cases tag and attribute names and quotes unquoted values', () => {
    expect(sanitizeHtml('<B ONCLICK=x TITLE=Up>up</B>')).toBe('<b title="Up">up</b>');
    expect(sanitizeHtml('<OL START=3 REVERSED><LI>x</LI></OL>')).toBe('<ol start="3" reversed=""><li>x</li></ol>');
  });

  test('keeps the first of duplicated attributes, like browsers', () => {
    expect(sanitizeHtml('<a href="/ok" href="javascript:x">x</a>')).toBe(
      '<a href="/ok" rel="noopener noreferrer">x</a>',
    );
  });

  test('escapes text and attribute values', () => {
    expect(sanitizeHtml('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(sanitizeHtml('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sanitizeHtml(`<span title='say "hi" <b>'>s</span>`)).toBe(
      '<span title="say &quot;hi&quot; &lt;b&gt;">s</span>',
    );
    expect(sanitizeHtml('<img alt="&quot;&gt;<script>x</script>">')).toBe(
      '<img alt="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">',
    );
  });

  test('drops unknown tags but keeps their text', () => {
    expect(sanitizeHtml('<font color=red>red</font> <h1>Title</h1> <x-y>custom</x-y>')).toBe('red Title custom');
    expect(sanitizeHtml('<form action="https://evil.example"><input name=a><button>go</button></form>')).toBe('go');
  });

  test('only looks up tags the policy owns, not ones inherited from Object', () => {
    expect(sanitizeHtml('<constructor title=t>a</constructor>')).toBe('a');
  });

  test.each([
    ['script', '<script>alert(1)</script>'],
    ['script with attributes', '<script src="https://evil.example/x.js"></script>'],
    ['style', '<style>body{background:url(javascript:x)}</style>'],
    ['object', '<object data="x.swf"><param name=a value=b><b>fallback</b></object>'],
    ['embed', '<embed src="x.swf">'],
    ['template', '<template><b>t</b></template>'],
    ['noscript', '<noscript><b>n</b></noscript>'],
    ['textarea', '<textarea><b>t</b></textarea>'],
    ['title', '<title>t</title>'],
    ['xmp', '<xmp><b>x</b></xmp>'],
    ['noembed', '<noembed><b>x</b></noembed>'],
    ['noframes', '<noframes><b>x</b></noframes>'],
    ['math', '<math><mi>x</mi><mtext><b>t</b></mtext></math>'],
    ['svg', '<svg onload=alert(1)><circle r=1 /><text>t</text><script>alert(1)</script></svg>'],
    ['self-closed svg', '<svg onload=alert(1) />'],
    ['nested svg', '<svg><svg></svg>still inside</svg>'],
    ['iframe from another host', '<iframe src="https://evil.example/">fallback</iframe>'],
  ])('drops %s with its content', (_, html) => {
    expect(sanitizeHtml(`before ${html} after`)).toBe('before  after');
  });

  test('plaintext swallows the rest of the fragment', () => {
    expect(sanitizeHtml('a<plaintext><b>b</b>')).toBe('a');
  });

  test('drops comments, CDATA and doctypes', () => {
    expect(sanitizeHtml('a<!-- <script>x</script> -->b<![CDATA[c]]>d<!DOCTYPE html>e')).toBe('abde');
  });

  test('an end tag closing a dropped element is still written', () => {
    expect(sanitizeHtml('<b><object>x</b>after')).toBe('<b></b>after');
  });

  test('is not fooled by a tag split around another one', () => {
    expect(sanitizeHtml('<scr<script>ipt>alert(1)</script>')).toBe('ipt&gt;alert(1)');
    expect(sanitizeHtml('<<script>script>alert(1)<</script>/script>')).toBe('&lt;/script&gt;');
    // The `/` belongs to the unquoted value, so the svg is not self-closed and swallows the rest.
    expect(sanitizeHtml('<svg/onload=alert(1)/>after')).toBe('');
  });

  test('drops a tag cut off by the end of the fragment', () => {
    expect(sanitizeHtml('<div\ntitle="a')).toBe('');
    expect(sanitizeHtml('ok <a href="https://x.example')).toBe('ok ');
  });

  describe('links', () => {
    test('keeps safe URLs and adds rel', () => {
      expect(sanitizeHtml('<a href="https://example.com/?a=1&amp;b=2">x</a>')).toBe(
        '<a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer">x</a>',
      );
      expect(sanitizeHtml('<a href="mailto:press@example.com">mail</a>')).toBe(
        '<a href="mailto:press@example.com" rel="noopener noreferrer">mail</a>',
      );
      expect(sanitizeHtml('<a href="../notes/#top">up</a>')).toBe(
        '<a href="../notes/#top" rel="noopener noreferrer">up</a>',
      );
    });

    test('keeps target only when it is _blank and replaces rel', () => {
      expect(sanitizeHtml('<a href="/x" target="_blank" rel="opener">x</a>')).toBe(
        '<a href="/x" target="_blank" rel="noopener noreferrer">x</a>',
      );
      expect(sanitizeHtml('<a href="/x" target="other">x</a>')).toBe('<a href="/x" rel="noopener noreferrer">x</a>');
    });

    test.each([
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java&#x09;script:alert(1)',
      'java&#x0A;script:alert(1)',
      'java&Tab;script:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript&colon;alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ])('removes href %j but keeps the link text', (url) => {
      const html = `<a href="${url.replaceAll('"', '&quot;')}">x</a>`;
      expect(sanitizeHtml(html)).toBe('<a>x</a>');
    });

    test('removes unsafe image sources and handlers but keeps the image', () => {
      expect(sanitizeHtml('<img src=x onerror=alert(1)>')).toBe('<img src="x" alt="">');
      expect(sanitizeHtml('<IMG SRC="data:image/svg+xml,<svg onload=alert(1)>" alt=a>')).toBe('<img alt="a">');
      expect(sanitizeHtml('<img src="/a.jpg" alt="A" width="10" height="5" loading="lazy" srcset="x 1x">')).toBe(
        '<img src="/a.jpg" alt="A" width="10" height="5" loading="lazy">',
      );
    });
  });

  describe('iframes', () => {
    const sandbox = 'sandbox="allow-scripts allow-same-origin allow-presentation"';

    test('keeps an embed from an allowed host, closed, lazy and sandboxed', () => {
      const html =
        '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abc?start=3" ' +
        'title="Video" frameborder="0" allow="autoplay; encrypted-media" allowfullscreen onload="x()" ' +
        'style="border:0" loading="eager">fallback</iframe>';
      expect(sanitizeHtml(html)).toBe(
        '<iframe src="https://www.youtube-nocookie.com/embed/abc?start=3" title="Video" width="560" height="315" ' +
          `allow="autoplay; encrypted-media" allowfullscreen="" loading="lazy" ${sandbox}></iframe>`,
      );
      expect(sanitizeHtml('<iframe src="https://player.vimeo.com/video/1"></iframe>')).toBe(
        `<iframe src="https://player.vimeo.com/video/1" loading="lazy" ${sandbox}></iframe>`,
      );
    });

    test('writes the allowed iframe only once when its end tag arrives separately', () => {
      expect(sanitizeHtml('<iframe src="https://player.vimeo.com/video/1">')).toBe(
        `<iframe src="https://player.vimeo.com/video/1" loading="lazy" ${sandbox}></iframe>`,
      );
      expect(sanitizeHtml('</iframe>')).toBe('');
    });

    test.each([
      'http://www.youtube-nocookie.com/embed/abc',
      'https://www.youtube.com/embed/abc',
      'https://www.youtube-nocookie.com@evil.example/',
      'https://www.youtube-nocookie.com.evil.example/',
      '//www.youtube-nocookie.com/embed/abc',
      'javascript:alert(1)',
      '',
    ])('drops an iframe with src %j', (src) => {
      expect(sanitizeHtml(`<iframe src="${src}">x</iframe>after`)).toBe('after');
    });

    test('follows the hosts of a custom policy', () => {
      const policy = { ...DEFAULT_POLICY, iframeHosts: ['maps.example.org'] };
      expect(sanitizeHtml('<iframe src="https://maps.example.org/m"></iframe>', policy)).toBe(
        `<iframe src="https://maps.example.org/m" loading="lazy" ${sandbox}></iframe>`,
      );
      expect(sanitizeHtml('<iframe src="https://player.vimeo.com/video/1"></iframe>', policy)).toBe('');
    });
  });

  test('never lets anything dangerous through, for random mixes of hostile pieces', () => {
    const pieces = [
      '<script>',
      '</script>',
      '<svg onload=alert(1)>',
      '</svg>',
      '<style>',
      '<iframe src="https://www.youtube-nocookie.com/embed/x">',
      '<iframe src=javascript:alert(1)>',
      '</iframe>',
      '<a href="javascript:alert(1)">',
      '<a href=" java&#x09;script:x" target=_blank>',
      '<img src=x onerror=alert(1)>',
      '<b onclick=x>',
      '</b>',
      '<p style="x">',
      '<textarea>',
      '<plaintext>',
      '<noscript>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '"',
      "'",
      '<',
      '>',
      '/',
      '=',
      '&',
      '&#106;',
      'javascript:',
      ' onerror=',
      'text',
      '\n',
    ];
    let seed = 42;
    const random = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let run = 0; run < 3000; run += 1) {
      let fragment = '';
      const length = 1 + Math.floor(random() * 12);
      for (let index = 0; index < length; index += 1) fragment += pieces[Math.floor(random() * pieces.length)];
      const output = sanitizeHtml(fragment);
      expect({ fragment, dangers: findDangers(output), malformed: findMalformed(output) }).toEqual({
        fragment,
        dangers: [],
        malformed: [],
      });
      expect(sanitizeHtml(output), `not idempotent for ${JSON.stringify(fragment)}`).toBe(output);
    }
  });

  test('output of hostile fragments is safe when re-parsed', () => {
    const hostile = [
      '<IMG SRC=JaVaScRiPt:alert(1)>',
      '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
      '<div><svg><p><style><img src=x onerror=alert(1)></style></p></svg></div>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<a href="jav&#x09;ascript:alert(1)">x</a><a href="\u0000javascript:alert(1)">y</a>',
      '<details open ontoggle=alert(1)><summary>s</summary></details>',
      '<time datetime="2024" onfocus=x autofocus tabindex=1>t</time>',
    ];
    for (const html of hostile) expectSafe(sanitizeHtml(html));
  });
});

describe('isSafeUrl', () => {
  test.each([
    'https://example.com/',
    'http://example.com/a?b=c#d',
    'HTTPS://EXAMPLE.COM/',
    'mailto:press@example.com',
    'tel:+33123456789',
    '/notes/a/',
    '../b.jpg',
    'image.png',
    '#section',
    '?page=2&x=a:b',
    '//cdn.example.com/x.js',
    '',
    // Browsers drop the space and the tab, so these are plain https links.
    ' https://example.com/',
    'ht\ttps://example.com/',
  ])('accepts %j', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java&#x09;script:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '&#106;avascript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'blob:https://example.com/x',
    'unknown:thing',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  test('follows the schemes of a custom policy', () => {
    expect(isSafeUrl('tel:1', { ...DEFAULT_POLICY, urlSchemes: ['https'] })).toBe(false);
    expect(isSafeUrl('sms:1', { ...DEFAULT_POLICY, urlSchemes: ['sms'] })).toBe(true);
  });
});

describe('sanitizeHtml keeps the markup valid', () => {
  test('drops target and rel from a link whose href was refused', () => {
    expect(sanitizeHtml('<a href="javascript:x" target="_blank">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="https://a.mx/" target="_blank">x</a>')).toBe('<a href="https://a.mx/" target="_blank" rel="noopener noreferrer">x</a>');
  });

  test('gives an image without alt an empty one', () => {
    expect(sanitizeHtml('<img src="/a.jpg">')).toBe('<img src="/a.jpg" alt="">');
  });
});
