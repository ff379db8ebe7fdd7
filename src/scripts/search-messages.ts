/**
 * What the search page (src/scripts/search.ts) and its worker
 * (src/scripts/search-worker.ts) say to each other. Each search has a run
 * number; a reply carries the number of the search it answers, and the page
 * drops any that is not the latest.
 */
import type { SearchQuestion, ShownNote } from '../lib/search/search-engine.ts';

export type { ShownNote };

/** Where the worker finds the index, from the search page's data attributes, and the page's language. */
export interface StartOptions {
  bundle: string;
  baseUrl: string;
  shards: string;
  vocabulary: string;
  scores: string;
  lang: string;
}

export type SearchRequest =
  | { type: 'start'; options: StartOptions }
  /** Answers `question`, stopping the search under way. */
  | { type: 'search'; run: number; question: SearchQuestion }
  /** The fragments of `count` notes of run `run`'s answer, from the `from`-th. */
  | { type: 'notes'; run: number; from: number; count: number };

export type SearchReply =
  | { type: 'started' }
  | { type: 'filters'; filters: Record<string, Record<string, number>> }
  /** `count` undefined: nothing to search yet (no words, no filter). */
  | { type: 'answer'; run: number; count: number | undefined; correctedQuery?: string; suggestions: string[] }
  | { type: 'stopped'; run: number }
  | { type: 'notes'; run: number; notes: ShownNote[] }
  | { type: 'failed'; run?: number; message: string };
