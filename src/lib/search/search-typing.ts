/**
 * How long the search box waits for a pause in typing before it searches.
 * A search that the next key makes stale still holds Pagefind's worker until
 * its current call ends (a call cannot be stopped midway), so the box waits
 * as long as searches take on this site, up to TYPING_PAUSE: on a small site
 * results follow every key, on a large one the worker is free for the query
 * the reader stopped at.
 */

/** The longest wait, in ms, for a pause in typing before searching (Pagefind's own debounce is 300). */
export const TYPING_PAUSE = 150;

/** One search as the box saw it. */
export interface TimedSearch {
  /** Milliseconds from its start to its results shown, or to where it stopped. */
  took: number;
  /** It asked Pagefind something (the box held words, or a filter was chosen). */
  asked: boolean;
  /** It ran to its end (not stopped by a newer search). */
  finished: boolean;
}

/**
 * What the box knows of how long a search takes, after `search`, given what
 * it knew before (start with TYPING_PAUSE: nothing is known yet, so a first
 * query typed does not start a search at every key). A search that asked
 * nothing (an emptied box) says nothing of the site; one stopped midway took
 * at least as long as it ran.
 * @example searchCost(150, { took: 3, asked: false, finished: true }) // 150
 * @example searchCost(40, { took: 90, asked: true, finished: false }) // 90
 * @example searchCost(400, { took: 25, asked: true, finished: true }) // 25
 */
export function searchCost(before: number, search: TimedSearch): number {
  if (!search.asked) return before;
  return search.finished ? search.took : Math.max(before, search.took);
}

/**
 * The wait for a pause in typing, from what a search costs (`searchCost`).
 * @example typingPause(40) // 40
 * @example typingPause(900) // 150
 */
export function typingPause(cost: number): number {
  return Math.min(cost, TYPING_PAUSE);
}
