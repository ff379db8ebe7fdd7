/** What the search step did, for the build summary. */
export interface SearchReport {
  pages: number;
}

/**
 * Builds the search index of the site written in `outDir`.
 * (Placeholder until search lands: indexes nothing.)
 */
export async function writeSearchIndex(_outDir: string): Promise<SearchReport> {
  return { pages: 0 };
}
