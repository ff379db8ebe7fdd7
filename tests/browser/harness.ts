/**
 * The browser suite's tools: Debian's Chromium through playwright-core, the
 * builds made by the suite's global setup, and the checks every page must
 * pass. Each check returns the problems it finds (an empty list when the page
 * is fine), so `checker.test.ts` can prove each one fails on a broken page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { serve, type Served } from './serve.ts';

export { chromiumPath };

declare module 'vitest' {
  export interface ProvidedContext {
    browserBuilds: Record<BrowserBuild, string>;
  }
}

/** The builds the global setup makes: the sample site and the test fixture site (with its hostile note). */
export type BrowserBuild = 'sample' | 'fixture';

/** Where a build of this run is, on disk. */
export const buildDir = (name: BrowserBuild): string => inject('browserBuilds')[name];

/** Chromium and a served build, for the tests of one file. */
export interface SiteUnderTest {
  browser: Browser;
  site: Served;
}

/**
 * Starts Chromium and serves `build` before the file's tests, and closes both
 * after them. The fields are set once the file's first `beforeAll` has run.
 */
export function siteUnderTest(build: BrowserBuild): SiteUnderTest {
  const run = {} as SiteUnderTest;
  beforeAll(async () => {
    run.browser = await launchChromium();
    run.site = await serve(buildDir(build));
  });
  afterAll(async () => {
    await run.browser?.close();
    await run.site?.close();
  });
  return run;
}

/** The first Spanish and the first English note page among a build's paths. */
export function firstNotes(paths: readonly string[]): { es: string; en: string } {
  return { es: paths.find((p) => /^\/es\/notas\/[^/]+\/$/.test(p))!, en: paths.find((p) => /^\/en\/news\/[^/]+\/$/.test(p))! };
}

/** The WCAG 2.0, 2.1 and 2.2 A / AA rule tags of axe-core. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Launches headless Chromium the way every test of the suite does. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

/** What a page did that it must not: console errors, uncaught exceptions, CSP violations, requests to other origins. */
export interface PageProblems {
  consoleErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
}

/**
 * Opens a page in `context` that records its problems. Requests to any origin
 * but `origin` are recorded and aborted, so a test never reaches the network.
 */
export async function openPage(context: BrowserContext, origin: string): Promise<{ page: Page; problems: PageProblems }> {
  const problems: PageProblems = { consoleErrors: [], cspViolations: [], foreignRequests: [] };
  const page = await context.newPage();
  await page.exposeBinding('__reportCspViolation', (_source, text: string) => {
    problems.cspViolations.push(text);
  });
  // Runs before any page script; CSP does not apply to scripts the browser is told to inject.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} in ${event.documentURI}`);
    });
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(data|blob|about):/.test(url) || new URL(url).origin === origin) return route.continue();
    problems.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} (${message.location().url})`;
    // Chromium also logs each violation to the console: count it as a CSP violation.
    if (/Content Security Policy/i.test(text)) problems.cspViolations.push(text);
    else problems.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught ${error.message}`));
  return { page, problems };
}

/** The problems recorded so far, with the list emptied (for a page reused across URLs). */
export function takeProblems(problems: PageProblems): PageProblems {
  const taken = structuredClone(problems);
  problems.consoleErrors.length = 0;
  problems.cspViolations.length = 0;
  problems.foreignRequests.length = 0;
  return taken;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The axe violations of the WCAG A/AA rules, one readable line per failing
 * element. (axe-core is run directly rather than through AxeBuilder, which
 * opens an extra page per run and made the suite several times slower.)
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async (tags) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })) }));
    },
    WCAG_TAGS,
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target}: ${n.summary.split('\n').slice(1).join(' ').trim()}`));
}

/** How many CSS pixels the page is wider than its viewport (0 when it does not scroll sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);
}

/** Which of `selectors` still show with print emulation on (empty when all are hidden). */
export async function shownInPrint(page: Page, selectors: string[]): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  try {
    const shown: string[] = [];
    for (const selector of selectors) {
      if (await page.locator(selector).first().isVisible()) shown.push(selector);
    }
    return shown;
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

/**
 * Waits until the page has not scrolled for five frames in a row (a smooth
 * scroll has ended), or two seconds at most. One unchanged frame is not
 * enough: a loaded machine can skip frames in the middle of an animation.
 */
async function scrollSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    const until = performance.now() + 2000;
    for (let last = scrollY, still = 0; still < 5 && performance.now() < until; ) {
      await frame();
      still = scrollY === last ? still + 1 : 0;
      last = scrollY;
    }
  });
}

/**
 * Presses Tab from the top of the page until `selector` has focus, and checks
 * that it is then visible: inside the viewport, not clipped to nothing, not
 * transparent, with a focus indicator. Returns the problems (empty when fine).
 * Given several selectors, checks each as Tab reaches it, in one pass down the page.
 */
export async function keyboardProblems(page: Page, selector: string | readonly string[], maxTabs = 40): Promise<string[]> {
  const waiting = typeof selector === 'string' ? [selector] : [...selector];
  // A smooth scroll still running (from a skip link, say) would carry the page
  // away after we return to the top, so let it end first. Then move the
  // sequential focus starting point to the top of the page: focus a throwaway
  // element there, then remove it.
  await scrollSettled(page);
  await page.evaluate(() => {
    window.scrollTo({ top: 0, behavior: 'instant' });
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
  });
  const problems: string[] = [];
  for (let tabs = 1; tabs <= maxTabs && waiting.length > 0; tabs++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((selectors) => selectors.filter((sel) => document.activeElement?.matches(sel)), waiting);
    if (reached.length === 0) continue;
    await scrollSettled(page);
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      let opacity = 1;
      for (let node: Element | null = el; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
      return {
        width: box.width,
        height: box.height,
        inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
        opacity,
        visibility: style.visibility,
        clipped: style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)',
        indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
      };
    });
    for (const sel of reached) {
      waiting.splice(waiting.indexOf(sel), 1);
      if (state.width < 2 || state.height < 2 || state.clipped) problems.push(`${sel} is focused but has no visible size`);
      if (!state.inViewport) problems.push(`${sel} is focused but outside the viewport`);
      if (state.opacity < 0.5 || state.visibility !== 'visible') problems.push(`${sel} is focused but transparent or hidden`);
      if (!state.indicator) problems.push(`${sel} is focused but shows no focus indicator (outline or box-shadow)`);
    }
  }
  return [...problems, ...waiting.map((sel) => `${sel} is not reached with ${maxTabs} presses of Tab`)];
}

/**
 * The URL paths to check in a build: every `<loc>` of its sitemaps
 * (`/sitemap-index.xml`), plus `/404.html`, which no sitemap lists.
 * Falls back to every HTML file while a build has no sitemap.
 */
export function sitePaths(dir: string, base = '/'): string[] {
  const index = join(dir, 'sitemap-index.xml');
  if (!existsSync(index)) return htmlPaths(dir, base);
  const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => new URL(decodeXml(m[1]!)).pathname);
  const pages = locs(readFileSync(index, 'utf8')).flatMap((sitemap) => locs(readFileSync(join(dir, sitemap.slice(base.length)), 'utf8')));
  return [...new Set([...pages, `${base}404.html`])];
}

function htmlPaths(dir: string, base: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && file !== 'index.html')
    .map((file) => `${base}${file.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
}

const decodeXml = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

/**
 * Sets traps on a page for script a note must never run: `alert`, `confirm`
 * and `prompt` (what hostile Markdown usually calls) and any dialog. Returns
 * a function listing what was caught.
 */
export async function trapScripts(page: Page): Promise<() => Promise<string[]>> {
  const caught: string[] = [];
  page.on('dialog', (dialog) => {
    caught.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const log: string[] = [];
    Object.assign(window, { __trapped: log });
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      Object.defineProperty(window, name, { configurable: true, value: (...args: unknown[]) => void log.push(`${name}(${args.join(', ')})`) });
    }
  });
  return async () => [...caught, ...(await page.evaluate(() => (window as unknown as { __trapped?: string[] }).__trapped ?? []))];
}

/**
 * Markup in the page that could run script: an inline script whose hash the
 * page's CSP does not list (the build vouches for its own), a script from
 * another origin, event handler attributes, `javascript:` URLs.
 */
export function scriptableMarkup(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const found: string[] = [];
    const policy = document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '';
    for (const script of document.querySelectorAll('script')) {
      if (script.type.toLowerCase() === 'application/ld+json') continue;
      if (script.src) {
        if (new URL(script.src).origin !== location.origin) found.push(`<script src=${script.src}>`);
        continue;
      }
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.textContent ?? ''));
      const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
      if (!policy.includes(`'sha256-${hash}'`)) found.push(`inline <script>: ${script.textContent?.slice(0, 60)}`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
        else if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      }
    }
    return found;
  });
}
