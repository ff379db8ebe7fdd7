/**
 * Pages reused between builds. Astro's incremental build
 * (`experimental.incrementalBuild` in astro.config.mjs) copies a page from
 * the last build instead of rendering it again when the code behind the page
 * and the page's `cacheKey` are both unchanged. Astro hashes the code; the
 * key made here covers the data.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BuildEnv } from './build-env.ts';
import type { Page } from '../pages/pages.ts';
import type { Stop, Topics } from '../content/types.ts';

/** What any page may show besides its own data. */
export interface SiteData {
  env: Pick<BuildEnv, 'url' | 'base' | 'preview'>;
  stops: readonly Stop[];
  topics: Topics;
}

/**
 * The cache key of each page, in order: a hash of the page's own data (which
 * includes its note's text and images, through `NoteVersion.source`) and of
 * the site data. Templates read only these and the modules they import; a
 * template that starts reading anything else (the build's clock, another
 * file) must add it here, or its pages would be copied out of date.
 */
export function pageCacheKeys(pages: readonly Page[], site: SiteData): string[] {
  const shared = createHash('sha256')
    .update(JSON.stringify([site.env.url, site.env.base, site.env.preview, site.stops, site.topics]))
    .digest('base64url');
  return pages.map((page) => createHash('sha256').update(shared).update(JSON.stringify(page)).digest('base64url'));
}

/**
 * The code a build's caches depend on besides what Astro hashes itself:
 * everything under src/lib (the content check, the search indexer, and the
 * Markdown pipeline astro.config.mjs sets up, whose output Astro keeps while
 * a note's text is unchanged), the integrations (the hooks that draw the
 * share images and run the indexer), the interface strings (src/i18n), the
 * settings (or the SETTINGS_FILE that replaces them), the Astro configuration
 * and the lockfile. The build renders and indexes everything again when
 * their fingerprint changes.
 */
export function siteCodeFiles(root: string): string[] {
  const folders = ['lib', 'integrations', 'i18n'].map((dir) => join(root, 'src', dir)).filter((dir) => existsSync(dir));
  const files = folders.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)).filter((file) => file.endsWith('.ts')));
  // SETTINGS_FILE, when set, replaces src/settings.ts (fixture builds).
  const settingsFile = process.env.SETTINGS_FILE ? resolve(root, process.env.SETTINGS_FILE) : undefined;
  return [...files.sort(), ...['src/settings.ts', 'astro.config.mjs', 'package-lock.json'].map((file) => join(root, file)), ...(settingsFile ? [settingsFile] : [])].filter((file) => existsSync(file));
}

/** How the pages that carry a cache key were made by a build. */
export interface Reuse {
  rendered: number;
  /** Copied from the last build, unchanged. */
  reused: number;
}

interface Manifest {
  version: number;
  configHash: string;
  lockfileHash: string;
  routes: Record<string, { dependencyHash: string; paths: Record<string, { cacheKey: string; contentHashes?: Record<string, string> }> }>;
}

/**
 * What a build rendered and reused, from Astro's incremental-build manifest
 * (`incremental-build.json` in the cache folder) before and after it, by
 * Astro's own rule: a page is reused when the configuration, the lockfile,
 * the code of its route and its cache key all match the last build.
 * `before` is undefined after a build that could not reuse anything (none
 * before it, or `--force`). Undefined when the manifest is not in the form
 * this reads, so a newer Astro makes the build quieter, not wrong.
 */
export function pageReuse(before: string | undefined, after: string): Reuse | undefined {
  const next = parseManifest(after);
  if (!next) return undefined;
  const previous = before === undefined ? undefined : parseManifest(before);
  const sameSetup = previous?.configHash === next.configHash && previous.lockfileHash === next.lockfileHash;
  const reuse: Reuse = { rendered: 0, reused: 0 };
  for (const [component, route] of Object.entries(next.routes)) {
    const old = sameSetup ? previous!.routes[component] : undefined;
    const sameCode = old?.dependencyHash === route.dependencyHash;
    for (const [path, entry] of Object.entries(route.paths)) {
      const was = sameCode ? old!.paths[path] : undefined;
      const same = was?.cacheKey === entry.cacheKey && JSON.stringify(was.contentHashes ?? {}) === JSON.stringify(entry.contentHashes ?? {});
      if (same) reuse.reused++;
      else reuse.rendered++;
    }
  }
  return reuse;
}

function parseManifest(text: string): Manifest | undefined {
  try {
    const data = JSON.parse(text) as Manifest;
    return data.version === 1 && typeof data.routes === 'object' && data.routes !== null ? data : undefined;
  } catch {
    return undefined;
  }
}
