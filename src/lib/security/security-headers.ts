/**
 * The site's Content Security Policy and the `_headers` file for static hosts.
 *
 * Astro (`security.csp` in astro.config.mjs) writes a `<meta>` policy into each
 * page: `script-src` and `style-src` with the hashes of that page's inline code,
 * plus the directives below. After the build, `headersFile` turns those very
 * policies into HTTP headers, adding what a `<meta>` policy cannot carry
 * (`frame-ancestors`) and the other security headers.
 */
import { closeSync, openSync, readdirSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { DEFAULT_POLICY } from './sanitize-html.ts';

/** The script source only the search page gets: Pagefind compiles WebAssembly. */
export const WASM_SOURCE = "'wasm-unsafe-eval'";

/** A CSP directive other than `script-src` / `style-src` (Astro writes those), as Astro's config accepts it. */
export type CspDirective = `${'default' | 'img' | 'font' | 'connect' | 'manifest' | 'media' | 'worker' | 'frame' | 'object'}-src ${string}` | `${'base-uri' | 'form-action'} ${string}`;

/**
 * The directives every page gets besides `script-src` / `style-src`: nothing
 * from another origin except the video embeds the Markdown allowlist lets in.
 * @example cspDirectives(['player.vimeo.com']) // [..., "frame-src https://player.vimeo.com", ...]
 */
export function cspDirectives(iframeHosts: readonly string[] = DEFAULT_POLICY.iframeHosts): CspDirective[] {
  const frames = iframeHosts.map((host) => `https://${host}`).join(' ') || "'none'";
  return [
    "default-src 'none'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "worker-src 'self'",
    `frame-src ${frames}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/** Headers sent with every file; the CSP and the opener policy are added per page group by `headersFile`. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // The share bar needs the clipboard and the share sheet; nothing else is used.
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), clipboard-write=(self), web-share=(self)',
};

/**
 * The `Cross-Origin-Opener-Policy` of the site's pages: a window of another
 * site that opens one, or that one opens, gets no handle on it.
 */
export const OPENER_POLICY = 'same-origin';

/**
 * The search runs Pagefind, and its WebAssembly, in a worker of its own
 * (src/scripts/search-worker.ts), and a worker takes its policy from its own
 * response, not from the page: this is the workers' policy, ours and
 * Pagefind's (which Pagefind starts where ours cannot start and the page
 * runs the search itself).
 */
export const SEARCH_WORKER_CSP = `default-src 'none'; script-src 'self' ${WASM_SOURCE}; connect-src 'self'`;

/** Where the build writes the site's own workers (astro.config.mjs), below the base: `_headers` gives them SEARCH_WORKER_CSP. */
export const WORKER_FOLDER = '_astro/workers/';

/** A built page and the policy Astro wrote into it. */
export interface PagePolicy {
  /** URL path including the base, e.g. `/convoy/es/notas/x/` or `/404.html`. */
  path: string;
  /** The `content` of the page's `<meta http-equiv="content-security-policy">`. */
  csp: string;
}

/**
 * Parses a policy into its directives, in order.
 * @example parseCsp("img-src 'self'; object-src 'none'") // Map { 'img-src' => ["'self'"], 'object-src' => ["'none'"] }
 */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Joins directives back into a policy string. */
export function serializeCsp(directives: Map<string, string[]>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy allowing what each of `policies` allows (the union of sources per
 * directive), so that it never blocks what a page's own `<meta>` policy allows;
 * the browser enforces both, so the page keeps its stricter one.
 */
export function mergeCsp(policies: string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const [name, sources] of parseCsp(policy)) {
      const set = merged.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      merged.set(name, set);
    }
  }
  const out = new Map<string, string[]>();
  for (const [name, set] of merged) {
    const sources = [...set];
    out.set(name, sources.length > 1 ? sources.filter((s) => s !== "'none'") : sources);
  }
  return serializeCsp(out);
}

/**
 * The rule a page's header policy goes under: pages are grouped by their first
 * two path segments below the base (`/es/notas/*`), so the file stays a dozen
 * rules long however many notes there are (Cloudflare Pages reads 100 at most),
 * while the search pages keep a group, and `'wasm-unsafe-eval'`, of their own.
 * @example pageGroup('/convoy/es/notas/x/', '/convoy/') // '/convoy/es/notas/'
 */
export function pageGroup(path: string, base: string): string {
  const relative = path.slice(base.length);
  const segments = relative.split('/');
  // Fewer than two folders (`/`, `/es/`, `/404.html`): the page is its own group.
  if (segments.length < 3) return path;
  return `${base}${segments.slice(0, 2).join('/')}/`;
}

/**
 * The `_headers` file (Netlify, Cloudflare Pages and hosts that read the same
 * format): the security headers for every path, the search worker's policy,
 * then per group of pages the union of their policies plus
 * `frame-ancestors 'none'`, and the opener policy: `OPENER_POLICY`, or the
 * one `openerPolicies` names for a group (the web editor's sign-in pop-up
 * needs its own). Groups never overlap, so no host ever joins two different
 * policies for one page. A folder group's opener policy is on its `*` rule
 * alone, which also matches the folder's own page: a header written twice
 * for one page is joined with a comma, which no browser reads as a policy.
 */
export function headersFile(pages: PagePolicy[], base: string, openerPolicies: Readonly<Record<string, string>> = {}): string {
  const groups = new Map<string, string[]>();
  for (const page of pages) {
    const group = pageGroup(page.path, base);
    groups.set(group, [...(groups.get(group) ?? []), page.csp]);
  }
  const lines = [
    '# Generated by the build (src/lib/security/security-headers.ts) from the policies in the pages.',
    `${base}*`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  for (const folder of ['pagefind/', WORKER_FOLDER]) lines.push('', `${base}${folder}*`, `  Content-Security-Policy: ${SEARCH_WORKER_CSP}`);
  for (const [group, policies] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const csp = `${mergeCsp(policies)}; frame-ancestors 'none'`;
    // A folder group (`/es/notas/`) also covers every page below it.
    const patterns = group.slice(base.length).split('/').length === 3 ? [group, `${group}*`] : [group];
    const opener = `  Cross-Origin-Opener-Policy: ${openerPolicies[group] ?? OPENER_POLICY}`;
    for (const pattern of patterns) lines.push('', pattern, `  Content-Security-Policy: ${csp}`, ...(pattern === patterns.at(-1) ? [opener] : []));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The policy of a built page's `<meta http-equiv="content-security-policy">`, if any.
 * @example metaCsp('<meta http-equiv="Content-Security-Policy" content="img-src &#39;self&#39;">') // "img-src 'self'"
 */
export function metaCsp(html: string): string | undefined {
  let found: string | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (found === undefined && name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'content-security-policy') {
        found = attrs.content ?? '';
      }
    },
  });
  // The policy is a <meta> in the head: the body (most of the page) need not be parsed.
  const headEnd = html.search(/<\/head\s*>/i);
  parser.end(headEnd === -1 ? html : html.slice(0, headEnd));
  return found?.trim();
}

/** Bytes read at a time. */
const CHUNK = 16_384;
/**
 * Reused by every readHead: reading a site's worth of pages allocates no buffer
 * per page. It keeps the size of the longest head read (16 KiB for Astro's pages).
 */
let readBuffer = Buffer.allocUnsafe(CHUNK);

/**
 * An HTML file from its start to the end of its head (all of it when there is
 * no `</head>`): the policy is there, and a site's worth of page bodies need
 * not be read into memory.
 */
export function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    let length = 0;
    let headEnd = -1;
    let close = -1;
    for (;;) {
      // A head longer than the buffer: double it, keeping what was read.
      if (length === readBuffer.length) readBuffer = Buffer.concat([readBuffer, Buffer.allocUnsafe(readBuffer.length)]);
      const read = readSync(fd, readBuffer, length, Math.min(CHUNK, readBuffer.length - length), null);
      if (read === 0) break;
      // Search the new bytes, and the last few before them where a "</head" may have begun.
      const from = Math.max(0, length - 5);
      length += read;
      const bytes = readBuffer.subarray(0, length);
      if (headEnd === -1) headEnd = headEndIn(bytes, from);
      if (headEnd !== -1 && (close = bytes.indexOf('>', headEnd)) !== -1) break;
    }
    return readBuffer.toString('utf8', 0, close === -1 ? length : close + 1);
  } finally {
    closeSync(fd);
  }
}

/** Where `</head` (or `</HEAD`) starts in `bytes`, searching from `from`; -1 if nowhere. */
function headEndIn(bytes: Buffer, from: number): number {
  const lower = bytes.indexOf('</head', from);
  const upper = bytes.indexOf('</HEAD', from);
  return lower === -1 ? upper : upper === -1 ? lower : Math.min(lower, upper);
}

/**
 * Writes `<dir>/_headers` from the policies of every HTML page in the build
 * folder `dir` (run once Astro has written the pages), with `openerPolicies`
 * as in `headersFile`; returns its text.
 */
export function writeHeadersFile(dir: string, base: string, openerPolicies: Readonly<Record<string, string>> = {}): string {
  const pages: PagePolicy[] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const csp = metaCsp(readHead(join(dir, file)));
    if (csp === undefined) throw new Error(`${file} has no Content-Security-Policy <meta>: is security.csp enabled in astro.config.mjs?`);
    const path = `${base}${file.replace(/\\/g, '/')}`.replace(/(^|\/)index\.html$/, '$1');
    pages.push({ path, csp });
  }
  const text = headersFile(pages, base, openerPolicies);
  writeFileSync(join(dir, '_headers'), text);
  return text;
}
