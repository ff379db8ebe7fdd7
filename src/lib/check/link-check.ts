import { editDistance } from '../content/closest.ts';
import type { MessageCode } from './content-messages.ts';
import { withBase } from '../pages/routes.ts';

/** Schemes a note may link out to; anything else (`javascript:`, `file:`, `ftp:`) is refused. */
export const EXTERNAL_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'] as const;

/** A note version a link may point to that this build does not publish. */
export interface UnpublishedTarget {
  file: string;
  reason: 'draft' | 'embargo';
  date: string;
}

/** What the link check knows of the site this build publishes. */
export interface LinkTargets {
  /** The site's URL and base path (`/` or `/convoy/`). */
  url: string;
  base: string;
  /** Every site path the build publishes (`/es/notas/x/`, `/es/rss.xml`), without the base. */
  published: ReadonlySet<string>;
  /** Note pages that exist in the content but are not published, and why. */
  unpublished: ReadonlyMap<string, UnpublishedTarget>;
}

/** What is wrong with one link, as a message of content-messages.ts. */
export interface LinkIssue {
  code: MessageCode;
  params: Record<string, string | number>;
}

/**
 * Checks one link of a note whose page is at `from` (a site path): an
 * internal link must lead to a page this build publishes, an external one
 * must use http, https, mailto or tel. Undefined when the link is fine.
 * @example checkLink('/es/notas/falta/', '/es/notas/x/', targets) // { code: 'linkMissing', params: { value: '/es/notas/falta/', nearest: '/es/notas/x/' } }
 */
export function checkLink(href: string, from: string, targets: LinkTargets): LinkIssue | undefined {
  const value = href.trim();
  if (!value || value.startsWith('#') || value.startsWith('?')) return undefined;
  // Browsers ignore spaces and control characters inside a scheme ("java\tscript:").
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(value.replace(/[\0-\x20]/g, ''))?.[1]?.toLowerCase();
  if (scheme && !(EXTERNAL_SCHEMES as readonly string[]).includes(scheme)) return { code: 'linkScheme', params: { value } };
  if (scheme === 'mailto:' || scheme === 'tel:') return undefined;
  const own = new URL(withBase('/', targets.base), `${targets.url}/`);
  let url: URL;
  try {
    url = new URL(value, new URL(withBase(from, targets.base), own));
  } catch {
    return { code: 'linkMissing', params: { value, nearest: nearest('/', targets) } };
  }
  // Not fetched: the build has no network, and another site's pages are not this build's to vouch for.
  if (url.origin !== own.origin) return undefined;
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith(own.pathname)) {
    // Written without the base path: it would leave the site on a server that serves it under one.
    const under = `/${path.replace(/^\/+/, '')}`;
    const fixed = targets.published.has(under) ? withBase(under, targets.base) : nearest(under, targets);
    return { code: 'linkNoBase', params: { value, base: targets.base, nearest: fixed } };
  }
  const sitePath = `/${path.slice(own.pathname.length)}`;
  const page = targets.published.has(sitePath) || targets.published.has(`${sitePath}/`) ? undefined : sitePath;
  if (page === undefined) return undefined;
  const hidden = targets.unpublished.get(sitePath) ?? targets.unpublished.get(`${sitePath}/`);
  if (hidden) return { code: hidden.reason === 'draft' ? 'linkDraft' : 'linkEmbargo', params: { value, file: hidden.file, date: hidden.date, nearest: nearest(sitePath, targets) } };
  return { code: 'linkMissing', params: { value, nearest: nearest(sitePath, targets) } };
}

// The published URL closest to what was written, to offer as the fix.
function nearest(path: string, targets: LinkTargets): string {
  let best = '/';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of targets.published) {
    const d = editDistance(path, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return withBase(best, targets.base);
}
