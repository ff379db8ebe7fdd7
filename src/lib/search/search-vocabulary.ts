/**
 * The site's own words, per language, for what Pagefind cannot do alone:
 * finishing the word being typed, forgiving a typo, and offering "did you
 * mean" words. The build writes them in small files, one per first letter
 * (`pagefind/vocabulary/es/n.txt`), so the search page fetches only the
 * file a query needs, and only when it needs it.
 *
 * A file holds one line per word, `form<TAB>notes<TAB>stem`: the way the
 * word is most often written, how many notes use it, and the word Pagefind
 * indexed it under, whose score file ranks the notes
 * (`src/lib/search/search-scores.ts`); lines sorted by the folded word.
 */
import { byCodeUnits, editDistance, foldWord, textWords } from './search-words.ts';

/** A word of the site, the number of notes that use it, and the word Pagefind indexed it under (when the build found it). */
export interface VocabularyWord {
  form: string;
  folded: string;
  notes: number;
  stem?: string;
}

/** Where the vocabulary files live under the Pagefind bundle. */
export const VOCABULARY_DIR = 'vocabulary';

/**
 * The file a word belongs in: its first folded letter or digit, `_` for anything else.
 * @example vocabularyShard('Ángeles') // 'a'
 */
export function vocabularyShard(word: string): string {
  const first = foldWord(word).charAt(0);
  return /^[a-z0-9]$/.test(first) ? first : '_';
}

/** Every vocabulary file name: a-z, 0-9 and `_`. */
export const VOCABULARY_SHARDS = [...'abcdefghijklmnopqrstuvwxyz0123456789_'];

/**
 * The vocabulary files of one language, from the text of each indexed note
 * (title and body, as Pagefind indexed them): file name (`n.txt`) to content.
 * Every file is there, empty when no word starts with its letter, so the
 * search page never asks for a file that does not exist. `stems` gives
 * each folded word's indexed word.
 * @example vocabularyFiles(['Netflix y Netflix', 'netflix'], new Map([['netflix', 'netflix']]))['n.txt'] // 'Netflix\t2\tnetflix\n'
 */
export function vocabularyFiles(notes: readonly string[], stems: ReadonlyMap<string, string> = new Map()): Record<string, string> {
  const words = new Map<string, { notes: number; forms: Map<string, number> }>();
  for (const text of notes) {
    const seen = new Set<string>();
    for (const form of textWords(text)) {
      const folded = foldWord(form);
      let word = words.get(folded);
      if (!word) words.set(folded, (word = { notes: 0, forms: new Map() }));
      word.forms.set(form, (word.forms.get(form) ?? 0) + 1);
      if (!seen.has(folded)) {
        seen.add(folded);
        word.notes++;
      }
    }
  }
  const files: Record<string, string> = Object.fromEntries(VOCABULARY_SHARDS.map((shard) => [`${shard}.txt`, '']));
  for (const folded of [...words.keys()].sort()) {
    const word = words.get(folded)!;
    // The most used form; on a tie, the lower-case one (a word capitalized only at a sentence start).
    const form = [...word.forms].sort((a, b) => b[1] - a[1] || (a[0] === folded ? -1 : b[0] === folded ? 1 : a[0].localeCompare(b[0])))[0]![0];
    const name = `${vocabularyShard(folded)}.txt`;
    const stem = stems.get(folded);
    files[name] += `${form}\t${word.notes}${stem ? `\t${stem}` : ''}\n`;
  }
  return files;
}

/** Reads a vocabulary file; lines that are not `form<TAB>count`, with or without `<TAB>stem`, are skipped. */
export function parseVocabulary(text: string): VocabularyWord[] {
  const words: VocabularyWord[] = [];
  for (const line of text.split('\n')) {
    const [form, count, stem] = line.split('\t');
    const notes = Number(count);
    if (form && Number.isInteger(notes) && notes > 0) words.push({ form, folded: foldWord(form), notes, ...(stem ? { stem } : {}) });
  }
  return words;
}

/**
 * The site's words (folded) that an indexed word stands for at a place
 * where Pagefind put it: the place's one word, or, in a compound Pagefind
 * indexes whole ("US-Mexico" as "usmexico"), those of its parts that begin
 * with the indexed word.
 * @example stemmedForms('inversiones,', 'inversion') // ['inversiones']
 * @example stemmedForms('US-Mexico', 'mexic') // ['mexico']
 */
export function stemmedForms(written: string, indexed: string): string[] {
  const forms = textWords(written).map(foldWord);
  return forms.length === 1 ? forms : forms.filter((form) => form.startsWith(indexed));
}

/**
 * The words that finish `prefix`, most used first, at most `limit`; the
 * prefix itself is not one of them.
 * @example completions(words, 'inver', 2).map((w) => w.form) // ['inversión', 'inversionistas']
 */
export function completions(words: readonly VocabularyWord[], prefix: string, limit: number): VocabularyWord[] {
  const start = foldWord(prefix);
  return words
    .filter((w) => w.folded.startsWith(start) && w.folded !== start)
    .sort((a, b) => b.notes - a.notes || byCodeUnits(a.folded, b.folded))
    .slice(0, limit);
}

/**
 * The site's words nearest to `word` (at most `maxDistance` edits), nearest
 * first, then most used; at most `limit`. The word itself is not one of them.
 * @example nearestWords(words, 'Netflx', 1, 3).map((w) => w.form) // ['Netflix']
 */
export function nearestWords(words: readonly VocabularyWord[], word: string, maxDistance: number, limit: number): VocabularyWord[] {
  const target = foldWord(word);
  return words
    .map((w) => ({ w, d: editDistance(target, w.folded, maxDistance) }))
    .filter(({ w, d }) => d > 0 && d <= maxDistance && w.folded !== target)
    .sort((a, b) => a.d - b.d || b.w.notes - a.w.notes || byCodeUnits(a.w.folded, b.w.folded))
    .slice(0, limit)
    .map(({ w }) => w);
}

/**
 * The vocabulary files a typo in `word` is looked up in: those of its first
 * and second letters. They hold every word one edit away except those whose
 * first letter the reader changed or left out (slips readers rarely make, and
 * finding them would mean fetching every file).
 * @example typoShards('Netflx') // ['n', 'e']
 */
export function typoShards(word: string): string[] {
  const folded = foldWord(word);
  return [...new Set([vocabularyShard(folded), vocabularyShard(folded.slice(1) || folded)])];
}
