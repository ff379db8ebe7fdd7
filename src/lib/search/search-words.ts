/**
 * Words as the search sees them: split the way Pagefind splits text into
 * words, compared without case or accents (Pagefind folds both), and the
 * one-letter edits a typo correction forgives.
 */

/** The most words of a query that are searched; the rest are ignored (a pasted paragraph is not a query). */
export const MAX_QUERY_WORDS = 8;

/**
 * The words of a text: runs of letters and digits, as written.
 * @example textWords('La «inversión», 4.0 y US-Mexico') // ['La', 'inversión', '4', '0', 'y', 'US', 'Mexico']
 */
export function textWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A word folded for comparison: lower case, without accents (ñ becomes n,
 * as in Pagefind's index).
 * @example foldWord('Ángeles') // 'angeles'
 */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Strings in a fixed order, code unit by code unit. Not `localeCompare` on
 * the search page: its first call makes the page's first collator, tens of
 * milliseconds of a phone's main thread (docs/search.md, "Lighthouse on the
 * search pages").
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A query split into the words to search. */
export interface QueryWords {
  /** The words as the reader wrote them, at most MAX_QUERY_WORDS. */
  words: string[];
  /** The last word may be unfinished: the reader has not typed a space or sign after it. */
  typing: boolean;
}

/**
 * The words of a query, and whether its last word may still be being typed.
 * @example queryWords('Karen Ba') // { words: ['Karen', 'Ba'], typing: true }
 * @example queryWords('Karen Bass ') // { words: ['Karen', 'Bass'], typing: false }
 */
export function queryWords(query: string): QueryWords {
  const words = textWords(query).slice(0, MAX_QUERY_WORDS);
  return { words, typing: words.length > 0 && /[\p{L}\p{N}]$/u.test(query) && textWords(query).length <= MAX_QUERY_WORDS };
}

/**
 * The edit distance between two folded words, counting a letter changed,
 * missing, added, or two neighbours swapped as one edit each (optimal string
 * alignment). Stops counting past `max` and returns `max + 1`.
 * @example editDistance('netflx', 'netflix') // 1
 * @example editDistance('sarandso', 'sarandos') // 1
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const A = [...a];
  const B = [...b];
  let before = new Array<number>(B.length + 1).fill(0);
  let previous = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[B.length]!;
}
