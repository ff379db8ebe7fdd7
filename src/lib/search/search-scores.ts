/**
 * Every note's relevance score for every word of the site, worked out by
 * the build, so that the search page ranks without asking Pagefind for
 * scores. Pagefind gives scores only with its ordinary search, which also
 * returns every place of every word in every note it matches: on a large
 * site the costliest part of a search by far (docs/search.md, "What the
 * scoring search costs"). A score file holds one indexed word's scores for
 * every note that has it, a few bytes a note, and the search page fetches
 * it once.
 *
 * The score is the BM25 that Pagefind computes, over the notes of one
 * language (not one shard): a note scores higher the more often, and the
 * more prominently, the word stands in it (a heading or the summary weighs
 * as Pagefind weighs them, body text 1, the title 7), the shorter the note,
 * and the fewer notes have the word. Each place adds its weight to the
 * word's count, and the count saturates (BM25's k1): a word once in the
 * title weighs about twice one place in the body, and a common word in the
 * title cannot outweigh the rare words of the query.
 *
 * The files are `pagefind/scores/<lang>/<file>.txt` (`scoreFileName`),
 * one line per note that has the word, by the note's place newest first
 * (`src/lib/search/search-shards.ts`, `dateRank`): `step weight`, the step
 * from the place before, and the note's saturated count of the word
 * (`wordWeight`) in hundredths. The page multiplies it by the word's
 * rarity (`inverseFrequency`, from the file's lines and the number of
 * notes) when it reads the file (`parseScores`): written in, a word on
 * every note of a large site would round to nothing.
 */

/** Where the score files live under the Pagefind bundle. */
export const SCORES_DIR = 'scores';

/** Weight of one place in a meta field: the title as the search asks Pagefind to weigh it (src/scripts/search-service.ts), any other field 1. */
export const META_WEIGHTS: Readonly<Record<string, number>> = { title: 7 };

/** BM25's term saturation and page length weights, Pagefind's defaults. */
const SATURATION = 1.4;
const PAGE_LENGTH = 0.75;

/** How much of a word a note has: the sum of its places' weights in the text, and in the meta fields. */
export interface WordCount {
  text: number;
  meta: number;
}

/**
 * One language's index as the scores need it: each note's length in words,
 * by its place newest first, and for each indexed word (Pagefind's stem)
 * what each note that has it has of it, by the same place.
 */
export interface LanguageWords {
  lengths: number[];
  words: Map<string, Map<number, WordCount>>;
}

/**
 * A note's weight for one word, its score before the word's rarity: from 0
 * towards 2.4 as the word's weighted count grows.
 * @example wordWeight({ text: 1, meta: 0 }, 100, 100) // 1: one place, a note of average length
 * @example wordWeight({ text: 0, meta: 7 }, 100, 100) // 2: once in the title
 */
export function wordWeight(count: WordCount, length: number, averageLength: number): number {
  const norm = SATURATION * (1 - PAGE_LENGTH + PAGE_LENGTH * (length / (averageLength || 1)));
  const weighted = count.text + count.meta;
  return ((SATURATION + 1) * weighted) / (norm + weighted);
}

/**
 * How much a word tells the notes apart: more the fewer of them have it.
 * @example inverseFrequency(10, 10) // 0.0465…: every note has it
 */
export function inverseFrequency(notes: number, having: number): number {
  return Math.log((notes - having + 0.5) / (having + 0.5) + 1);
}

/** The score files of one language: file name to content. */
export function scoreFiles(language: LanguageWords): Record<string, string> {
  const notes = language.lengths.length;
  const average = language.lengths.reduce((sum, n) => sum + n, 0) / (notes || 1);
  const files: Record<string, string> = {};
  for (const [word, counts] of language.words) {
    let last = 0;
    const lines: string[] = [];
    for (const place of [...counts.keys()].sort((a, b) => a - b)) {
      const weight = Math.round(100 * wordWeight(counts.get(place)!, language.lengths[place] ?? average, average));
      lines.push(`${place - last} ${weight}\n`);
      last = place;
    }
    files[scoreFileName(word)] = lines.join('');
  }
  return files;
}

/**
 * The file of an indexed word's scores. Prefixed, so that no word makes a
 * name Windows reserves ("con", a Spanish stem, would); a word of other
 * letters than a to z and digits is written in hexadecimal UTF-8.
 * @example scoreFileName('convoy') // '_convoy.txt'
 * @example scoreFileName('東京') // '_xe69db1e4baac.txt'
 */
export function scoreFileName(word: string): string {
  if (/^[a-z0-9]+$/.test(word)) return `_${word}.txt`;
  return `_x${[...new TextEncoder().encode(word)].map((b) => b.toString(16).padStart(2, '0')).join('')}.txt`;
}

/**
 * Reads a score file of a language of `notes` notes: each note's place
 * newest first to its score for the word. Lines that are not two whole
 * numbers are skipped.
 * @example parseScores('0 250\n3 100\n', 4) // Map { 0 => 2.5 × idf, 3 => 1 × idf }, idf = inverseFrequency(4, 2)
 */
export function parseScores(text: string, notes: number): Map<number, number> {
  const weights = new Map<number, number>();
  let place = 0;
  for (const line of text.split('\n')) {
    const [step, weight] = line.split(' ').map(Number);
    if (!Number.isInteger(step) || !Number.isInteger(weight)) continue;
    place += step!;
    weights.set(place, weight! / 100);
  }
  const idf = inverseFrequency(notes, weights.size);
  for (const [at, weight] of weights) weights.set(at, weight * idf);
  return weights;
}
