/** What a build takes from its environment, on top of the settings file. */
export interface BuildEnv {
  url: string;
  base: string;
  /** Content folder, relative to the project root. */
  contentDir: string;
  /** Show drafts and embargoed notes with a banner. */
  preview: boolean;
  /** The moment that decides what is published. */
  now: Date;
  /** Astro's cache folder, where the build also keeps its content check (`ASTRO_CACHE_DIR`). */
  cacheDir: string;
}

/**
 * Reads the build's environment: `SITE_URL`, `BASE_PATH`, `CONTENT_DIR`,
 * `PREVIEW=1`, `BUILD_NOW` (an ISO date, for reproducible tests) and
 * `ASTRO_CACHE_DIR` override the settings file and the defaults.
 * @example buildEnv({ url: 'https://a.mx', base: '/' }, { BASE_PATH: 'convoy' }).base // '/convoy/'
 */
export function buildEnv(site: { url: string; base: string }, env: Record<string, string | undefined>, dev = false): BuildEnv {
  const base = `/${(env.BASE_PATH ?? site.base).replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const now = env.BUILD_NOW ? new Date(env.BUILD_NOW) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`BUILD_NOW="${env.BUILD_NOW}" is not a date. Use an ISO date such as 2023-03-01T12:00:00Z.`);
  return {
    url: (env.SITE_URL ?? site.url).replace(/\/+$/, ''),
    base,
    contentDir: env.CONTENT_DIR ?? 'content',
    preview: dev || env.PREVIEW === '1' || env.PREVIEW === 'true',
    now,
    cacheDir: env.ASTRO_CACHE_DIR ?? 'node_modules/.astro',
  };
}
