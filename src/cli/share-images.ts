import type { Page } from '../lib/pages.ts';

/** What the share-image step did, for the build summary. */
export interface ShareImageReport {
  rendered: number;
  cached: number;
}

/**
 * Writes the 1200x630 share image of every note page into `outDir`.
 * (Placeholder until share images land: renders nothing.)
 */
export async function writeShareImages(_pages: readonly Page[], _outDir: string): Promise<ShareImageReport> {
  return { rendered: 0, cached: 0 };
}
