import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cspDirectives, headersFile, mergeCsp, metaCsp, OPENER_POLICY, pageGroup, parseCsp, readHead, writeHeadersFile } from '../src/lib/security/security-headers.ts';
import { parseHeadersFile } from './browser/serve.ts';

describe('cspDirectives', () => {
  test('denies by default and frames only the embeds the Markdown allowlist accepts', () => {
    const directives = cspDirectives(['www.youtube-nocookie.com']);
    expect(directives[0]).toBe("default-src 'none'");
    expect(directives).toContain('frame-src https://www.youtube-nocookie.com');
    expect(directives).toContain("object-src 'none'");
    expect(directives.join(';')).not.toMatch(/script-src|style-src|unsafe/);
    expect(cspDirectives([])).toContain("frame-src 'none'");
  });
});

describe('mergeCsp', () => {
  test('allows what any of the policies allows, and drops a none another policy overrides', () => {
    expect(mergeCsp(["script-src 'self' 'sha256-a'; img-src 'none'", "script-src 'self' 'sha256-b'; img-src 'self'"])).toBe(
      "script-src 'self' 'sha256-a' 'sha256-b'; img-src 'self'",
    );
  });
});

describe('pageGroup', () => {
  test.each([
    ['/', '/', '/'],
    ['/es/', '/', '/es/'],
    ['/404.html', '/', '/404.html'],
    ['/es/notas/', '/', '/es/notas/'],
    ['/es/notas/una-nota/', '/', '/es/notas/'],
    ['/convoy/en/search/', '/convoy/', '/convoy/en/search/'],
    ['/convoy/en/news/page/2/', '/convoy/', '/convoy/en/news/'],
  ])('%s under %s: %s', (path, base, group) => {
    expect(pageGroup(path, base)).toBe(group);
  });
});

describe('headersFile', () => {
  const note = "default-src 'none'; script-src 'self' 'sha256-n'";
  const search = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-s'";
  const text = headersFile(
    [
      { path: '/convoy/es/', csp: note },
      { path: '/convoy/es/notas/a/', csp: note },
      { path: '/convoy/es/notas/b/', csp: "default-src 'none'; script-src 'self' 'sha256-b'" },
      { path: '/convoy/es/buscar/', csp: search },
    ],
    '/convoy/',
  );

  test('sends the security headers for every path under the base', () => {
    expect(text).toContain('/convoy/*\n  Strict-Transport-Security: max-age=63072000; includeSubDomains\n  X-Content-Type-Options: nosniff\n');
    expect(text).toMatch(/Referrer-Policy: strict-origin-when-cross-origin/);
    expect(text).toMatch(/Permissions-Policy: .*camera=\(\).*web-share=\(self\)/);
  });

  test('gives each group of pages the union of their policies, with frame-ancestors', () => {
    expect(text).toContain(`\n/convoy/es/notas/\n  Content-Security-Policy: default-src 'none'; script-src 'self' 'sha256-n' 'sha256-b'; frame-ancestors 'none'\n`);
    expect(text).toContain(`\n/convoy/es/notas/*\n  Content-Security-Policy: default-src 'none'; script-src 'self' 'sha256-n' 'sha256-b'; frame-ancestors 'none'\n`);
    expect(text).toContain(`\n/convoy/es/\n  Content-Security-Policy: ${note}; frame-ancestors 'none'\n`);
  });

  test('gives every page the strict opener policy once, on the rule that covers it, and the groups it names their own', () => {
    const rules = parseHeadersFile(text);
    const opener = (path: string) => rules.filter((r) => r.pattern.test(path)).flatMap((r) => r.headers).filter(([name]) => name === 'Cross-Origin-Opener-Policy').map(([, value]) => value);
    for (const path of ['/convoy/es/', '/convoy/es/notas/', '/convoy/es/notas/a/', '/convoy/es/buscar/']) expect(opener(path), path).toEqual([OPENER_POLICY]);
    expect(OPENER_POLICY).toBe('same-origin');
    const editor = parseHeadersFile(headersFile([{ path: '/convoy/es/', csp: note }, { path: '/convoy/admin/', csp: note }], '/convoy/', { '/convoy/admin/': 'unsafe-none' }));
    const editorOpener = (path: string) => editor.filter((r) => r.pattern.test(path)).flatMap((r) => r.headers).filter(([name]) => name === 'Cross-Origin-Opener-Policy').map(([, value]) => value);
    expect(editorOpener('/convoy/admin/')).toEqual(['unsafe-none']);
    expect(editorOpener('/convoy/es/')).toEqual(['same-origin']);
  });

  test("keeps 'wasm-unsafe-eval' to the search page's own rules and the workers, Pagefind's and the site's own", () => {
    const rules = text.split('\n\n').filter((rule) => rule.includes('wasm-unsafe-eval'));
    expect(rules.map((rule) => rule.split('\n')[0])).toEqual(['/convoy/pagefind/*', '/convoy/_astro/workers/*', '/convoy/es/buscar/', '/convoy/es/buscar/*']);
    for (const folder of ['pagefind', '_astro/workers']) {
      expect(text).toContain(`\n/convoy/${folder}/*\n  Content-Security-Policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'\n`);
    }
  });
});

describe('metaCsp', () => {
  test('reads the policy of a page, decoding entities', () => {
    expect(metaCsp(`<head><meta http-equiv="Content-Security-Policy" content="img-src &#39;self&#39;"></head>`)).toBe("img-src 'self'");
    expect(metaCsp('<head><meta name="description" content="x"></head>')).toBeUndefined();
  });

  test('reads only the head, as browsers do: a policy <meta> in the body (say, from a note) is not the page\'s', () => {
    const body = '<body><p>Text</p><meta http-equiv="Content-Security-Policy" content="script-src *"></body>';
    expect(metaCsp(`<html><head><title>x</title></head>${body}</html>`)).toBeUndefined();
    expect(metaCsp(`<html><head><meta http-equiv="content-security-policy" content="img-src 'self'"></HEAD >${body}</html>`)).toBe("img-src 'self'");
  });
});

describe('readHead', () => {
  test('reads a page only as far as the end of its head, even a head longer than one read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-head-'));
    try {
      const head = `<!doctype html><html lang="es"><head><meta http-equiv="content-security-policy" content="img-src 'self'"><title>Año</title>${'<meta name="x" content="ñ">'.repeat(800)}</head>`;
      const body = `<body>${'<p>Texto del cuerpo de la nota.</p>'.repeat(5000)}</body></html>`;
      writeFileSync(join(dir, 'page.html'), head + body);
      const read = readHead(join(dir, 'page.html'));
      expect(Buffer.byteLength(head)).toBeGreaterThan(16_384);
      expect(read).toBe(head);
      expect(metaCsp(read)).toBe("img-src 'self'");
      // The buffer is reused: nothing of the longer page read before may leak into a shorter one.
      writeFileSync(join(dir, 'headless.html'), '<p>No head at all</p>');
      expect(readHead(join(dir, 'headless.html'))).toBe('<p>No head at all</p>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('finds a </head> that one read cut in two', () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-head-'));
    try {
      // Each read takes 16 KiB: put "</head>" across the end of the first and of the second.
      for (const boundary of [16_384, 32_768]) {
        for (let shift = 0; shift <= 7; shift++) {
          const head = `<head><title>x</title>${'a'.repeat(boundary - shift - 22)}</head>`;
          expect(Buffer.byteLength(head)).toBe(boundary - shift + 7);
          writeFileSync(join(dir, 'page.html'), `${head}<body>${'b'.repeat(70_000)}</body>`);
          expect(readHead(join(dir, 'page.html'))).toBe(head);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writeHeadersFile', () => {
  test('writes _headers from the pages of a build, and refuses a page without a policy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headers-'));
    mkdirSync(join(dir, 'es'));
    writeFileSync(join(dir, 'es', 'index.html'), `<meta http-equiv="content-security-policy" content="default-src 'none'">`);
    writeHeadersFile(dir, '/');
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toContain("\n/es/\n  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\n");
    writeFileSync(join(dir, '404.html'), '<title>x</title>');
    expect(() => writeHeadersFile(dir, '/')).toThrow('404.html has no Content-Security-Policy <meta>: is security.csp enabled in astro.config.mjs?');
    rmSync(dir, { recursive: true });
    expect(parseCsp("a 'x'; b")).toEqual(new Map([['a', ["'x'"]], ['b', []]]));
  });
});
