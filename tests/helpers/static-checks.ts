/**
 * Checks over a finished build that need no browser: valid HTML, internal
 * links and assets that resolve, XML that parses, JSON-LD that parses. Each
 * returns its problems as readable lines (empty when the build is fine), so
 * `tests/static-checks.test.ts` can also show each one failing on a broken page.
 *
 * HTML rules: `.htmlvalidate.json` (html-validate's recommended and document
 * presets, minus four that are about style, not validity: `void-style` (Astro
 * writes `<meta />`), `require-sri` (every script and stylesheet is
 * same-origin), `long-title` (a search-engine hint; titles carry the long site
 * name) and multiple `<h1>` (the bilingual 404 page has one per language)).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import type { BuiltSite } from './built-site.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** html-validate errors of one document, as `file:line:column  rule  message`; `file` also picks the config. */
export async function htmlErrors(html: string, file: string): Promise<string[]> {
  const report = await validator.validateString(html, file);
  return report.results.flatMap((result) =>
    result.messages.filter((m) => m.severity === 2).map((m) => `${file}:${m.line}:${m.column}  ${m.ruleId}  ${m.message}`),
  );
}

/** Files of a build with one of the extensions, as paths relative to its folder. */
export function filesOf(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.replace(/\\/g, '/'))
    .filter((file) => file.endsWith(extension))
    .sort();
}

/** Where a page links to: every URL-bearing attribute that a browser or crawler would follow or load. */
const LINK_ATTRIBUTES: Array<[selector: string, attribute: string]> = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['iframe[src]', 'src'],
  ['video[src]', 'src'],
  ['audio[src]', 'src'],
  ['source[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[name="twitter:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
];

/**
 * Internal links and assets of every page (and of the XML outputs and JSON-LD)
 * that the build does not serve, and `#fragment`s with no such id on the
 * target page. `origin` is the site's public origin: absolute URLs on it count
 * as internal. Each problem reads `page -> url`.
 */
export function brokenLinks(site: BuiltSite, origin: string): string[] {
  const problems: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (path: string) => {
    let set = ids.get(path);
    if (!set) {
      const doc = site.page(path.slice(site.base.length - 1));
      set = new Set([...doc.querySelectorAll('[id], a[name]')].map((el) => el.getAttribute('id') ?? el.getAttribute('name')!));
      ids.set(path, set);
    }
    return set;
  };
  const check = (from: string, raw: string) => {
    let url: URL;
    try {
      url = new URL(raw, `${origin}${from}`);
    } catch {
      problems.push(`${from} -> ${raw} (not a URL)`);
      return;
    }
    if (url.protocol === 'javascript:') problems.push(`${from} -> ${raw} (javascript: URL)`);
    if (url.origin !== origin) return;
    if (!site.serves(url.pathname)) {
      problems.push(`${from} -> ${raw}`);
      return;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    const isPage = url.pathname.endsWith('/') || url.pathname.endsWith('.html');
    if (fragment && isPage && !idsOf(url.pathname).has(fragment)) problems.push(`${from} -> ${raw} (no id "${fragment}")`);
  };

  for (const path of site.htmlPaths()) {
    const from = `${site.base}${path.slice(1)}`;
    const doc = site.page(path);
    for (const [selector, attribute] of LINK_ATTRIBUTES) {
      for (const el of doc.querySelectorAll(selector)) check(from, el.getAttribute(attribute)!);
    }
    for (const el of doc.querySelectorAll('img[srcset], source[srcset]')) {
      for (const candidate of el.getAttribute('srcset')!.split(',')) check(from, candidate.trim().split(/\s+/)[0]!);
    }
    for (const el of doc.querySelectorAll('meta[http-equiv="refresh" i]')) {
      const target = /url=(.*)$/i.exec(el.getAttribute('content') ?? '')?.[1];
      if (target) check(from, target.trim());
    }
    for (const block of doc.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        for (const value of stringsIn(JSON.parse(block.textContent ?? ''))) if (value.startsWith(`${origin}/`)) check(from, value);
      } catch {
        // jsonLdErrors reports it.
      }
    }
  }
  for (const file of [...filesOf(site.dir, '.xml'), ...filesOf(site.dir, '.txt')]) {
    const from = `${site.base}${file}`;
    const text = readFileSync(join(site.dir, file), 'utf8');
    for (const match of text.matchAll(/(?:<loc>|<link>|href="|Sitemap:)\s*(https?:\/\/[^<"\s]+)/g)) check(from, decodeXml(match[1]!));
  }
  return problems;
}

/** Why an XML document is not well-formed, or undefined when it is. */
export function xmlError(text: string): string | undefined {
  const result = XMLValidator.validate(text);
  return result === true ? undefined : `line ${result.err.line}: ${result.err.msg}`;
}

/** Problems of the JSON-LD blocks of a page: JSON that does not parse, or that is not schema.org data with a type. */
export function jsonLdErrors(doc: Document): string[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].flatMap((block, index) => {
    let data: unknown;
    try {
      data = JSON.parse(block.textContent ?? '');
    } catch (error) {
      return [`block ${index + 1}: ${(error as Error).message}`];
    }
    const items = Array.isArray(data) ? data : [data];
    return items.flatMap((item: Record<string, unknown>) => {
      const problems: string[] = [];
      if (typeof item !== 'object' || item === null) return [`block ${index + 1}: not an object`];
      if (!String(item['@context'] ?? '').startsWith('https://schema.org')) problems.push(`block ${index + 1}: @context is not https://schema.org`);
      if (!item['@type'] && !item['@graph']) problems.push(`block ${index + 1}: no @type`);
      return problems;
    });
  });
}

function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* stringsIn(item);
}

const decodeXml = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
