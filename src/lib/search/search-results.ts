/**
 * What the search page shows for Pagefind's answers: excerpts as text with
 * the matches marked, filter choices in reading order, the result count.
 * Pure functions, so the page's script only moves them into the DOM.
 */
import type { SearchFilter } from './search-state.ts';
import { byCodeUnits, foldWord, textWords } from './search-words.ts';

/** A run of excerpt text, marked when it is what the reader searched for. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Words an excerpt shows. */
export const EXCERPT_WORDS = 24;

/**
 * The excerpt of a note's indexed text (Pagefind's fragment `content`) around
 * the words found at `locations` (positions in the text's whitespace-separated
 * words, as Pagefind counts them): the stretch of `length` words holding the
 * most of them, with those words marked (their punctuation left unmarked),
 * and "…" where the text goes on. Rendered as text nodes, never as HTML.
 * @example excerptFromContent('Con la inversión, más empleo.', [2], 3)
 * // [{ text: '… la ', mark: false }, { text: 'inversión', mark: true }, { text: ', más …', mark: false }]
 */
export function excerptFromContent(content: string, locations: readonly number[], length = EXCERPT_WORDS): ExcerptPart[] {
  const words = contentWords(content);
  const marked = new Set(locations.filter((l) => l >= 0 && l < words.length));
  const start = excerptStart([...marked].sort((a, b) => a - b), words.length, length);
  const end = Math.min(words.length, start + length);
  const parts: ExcerptPart[] = [];
  const add = (text: string, mark: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && !last.mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) add('… ', false);
  for (let i = start; i < end; i++) {
    if (i > start && words[i - 1] !== '') add(' ', false);
    const word = words[i]!;
    if (word === '') continue;
    if (!marked.has(i)) {
      add(word, false);
      continue;
    }
    const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word) ?? [];
    add(before, false);
    add(core, true);
    add(after, false);
  }
  if (end < words.length) add(' …', false);
  return parts;
}

/**
 * The positions of the words of `content` (as `excerptFromContent` counts
 * them) that are, folded, one of `folded`; a word written with a hyphen or
 * a sign counts when one of its parts is.
 * @example wordPlaces('La Inversión, y US-Mexico', new Set(['inversion', 'mexico'])) // [1, 3]
 */
export function wordPlaces(content: string, folded: ReadonlySet<string>): number[] {
  return contentWords(content).flatMap((word, i) => (textWords(word).some((part) => folded.has(foldWord(part))) ? [i] : []));
}

/** A note's indexed text split exactly as Pagefind counts positions, empty first word included. */
function contentWords(content: string): string[] {
  return content.split(/[\r\n\s]+/g);
}

/** Where the window of `length` words holding the most marked positions starts, a few words before its first. */
function excerptStart(sorted: readonly number[], total: number, length: number): number {
  if (sorted.length === 0 || total <= length) return 0;
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! < sorted[i]! - length + 1) j++;
    // sorted[j..i] all fit in a window ending at sorted[i].
    if (i - j + 1 > bestCount) {
      bestCount = i - j + 1;
      best = j;
    }
  }
  const first = sorted[best]!;
  const last = sorted[best + bestCount - 1]!;
  const lead = Math.max(0, Math.floor((length - (last - first + 1)) / 3));
  return Math.max(0, Math.min(first - lead, total - length));
}

/**
 * The values a filter offers, in reading order: years newest first, the
 * rest as readers of the page's language sort them (`readingKey`, by the
 * language's `search.filter.alphabet`). A value chosen in the URL stays
 * offered even when the index does not know it, so the control always
 * shows what is applied.
 * @example filterValues('year', ['2023', '2024'], 'abc') // ['2024', '2023']
 */
export function filterValues(filter: SearchFilter, values: readonly string[], alphabet: string, chosen?: string): string[] {
  const all = [...new Set(chosen ? [...values, chosen] : values)];
  if (filter === 'year') return all.sort((a, b) => byCodeUnits(b, a));
  const keys = new Map(all.map((value) => [value, readingKey(value, alphabet)]));
  return all.sort((a, b) => byCodeUnits(keys.get(a)!, keys.get(b)!) || byCodeUnits(a, b));
}

/**
 * What a value sorts by: the order of `Intl.Collator(lang, { sensitivity:
 * 'base', numeric: true })` for the names filters hold, from the language's
 * alphabet (its letters, in order): case aside, a letter outside it sorts
 * as its letter without accent (á as a), one in it as itself (Spanish ñ
 * after n), numbers by value, before letters. Not a collator: making the
 * first one took about 40 ms of the search page's main thread as it loaded
 * (150 to 180 ms at Lighthouse's 4x CPU slowdown), most of the page's own
 * blocking time.
 * @example readingKey('Ñuñoa', 'abcdefghijklmnñopqrstuvwxyz') > readingKey('Nuevo León', 'abcdefghijklmnñopqrstuvwxyz') // true
 */
export function readingKey(value: string, alphabet: string): string {
  const letters = [...alphabet];
  let key = '';
  for (const character of value.normalize('NFC').toLowerCase()) {
    const letter = letters.includes(character) ? character : foldWord(character);
    const rank = letters.indexOf(letter);
    // Above every digit, space and mark of punctuation, in the alphabet's order.
    key += rank >= 0 ? String.fromCharCode(0x100 + rank) : letter;
  }
  return key.replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(12, '0'));
}

/** The result count sentences, in the page's language; `{count}` is filled in. */
export interface CountMessages {
  none: string;
  one: string;
  many: string;
  /** How the language writes a count (`digitGroups` in search-page.ts). */
  groups: DigitGroups;
}

/** How a language writes a whole number: the mark between groups of three digits, and the fewest digits it groups (4 or 5). */
export interface DigitGroups {
  separator: string;
  from: number;
}

/**
 * The sentence that tells how many notes matched, the count written as the
 * language writes numbers. Not with `Intl.NumberFormat`: the page's first
 * one took 50 to 90 ms of its main thread, on the first search.
 * @example resultCountText(12345, { none: 'Nada.', one: '1 nota.', many: '{count} notas.', groups: { separator: '.', from: 5 } }) // '12.345 notas.'
 */
export function resultCountText(count: number, messages: CountMessages): string {
  const text = count === 0 ? messages.none : count === 1 ? messages.one : messages.many;
  const digits = String(count);
  const { separator, from } = messages.groups;
  const written = digits.length < from ? digits : digits.replace(/\B(?=(\d{3})+$)/g, separator);
  return text.replace('{count}', written);
}

/**
 * What the folded filters' title says of how many filters are on: nothing for none.
 * @example filtersOnText(2, { filtersOne: '1 filtro activo', filtersMany: '{count} filtros activos', groups: { separator: ' ', from: 5 } }) // '2 filtros activos'
 */
export function filtersOnText(on: number, messages: Pick<SearchMessages, 'filtersOne' | 'filtersMany' | 'groups'>): string {
  return resultCountText(on, { none: '', one: messages.filtersOne, many: messages.filtersMany, groups: messages.groups });
}

/** Every sentence the search page's script says, in the page's language. */
export interface SearchMessages extends CountMessages {
  prompt: string;
  loading: string;
  /** `{query}`: the query searched instead of the reader's. */
  corrected: string;
  exactInstead: string;
  /** `{words}`: the suggestions, each `suggestWord`, the last two joined by `suggestOr`. */
  suggest: string;
  suggestOr: string;
  suggestWord: string;
  /** The language's letters in order, by which the filters' lists sort (`filterValues`). */
  alphabet: string;
  /** How many filters are on, beside the folded filters' title: `{count}` as in `many`. */
  filtersOne: string;
  filtersMany: string;
}

/** A piece of a sentence: text, or a link to search `query` (`exact`: as written, forgiving no typo). */
export type SentencePart = { text: string } | { text: string; query: string; exact?: boolean };

/**
 * The "did you mean" sentence as text and links, one link per suggested query.
 * @example suggestionParts(['Netflix', 'Netflux'], { suggest: '¿Quiso decir {words}?', suggestOr: ' o ', suggestWord: '«{word}»' })
 * // [{ text: '¿Quiso decir ' }, { text: '«Netflix»', query: 'Netflix' }, { text: ' o ' }, { text: '«Netflux»', query: 'Netflux' }, { text: '?' }]
 */
export function suggestionParts(queries: readonly string[], messages: Pick<SearchMessages, 'suggest' | 'suggestOr' | 'suggestWord'>): SentencePart[] {
  if (queries.length === 0) return [];
  const [before = '', after = ''] = messages.suggest.split('{words}');
  const parts: SentencePart[] = [{ text: before }];
  queries.forEach((query, i) => {
    if (i > 0) parts.push({ text: i === queries.length - 1 ? messages.suggestOr : ', ' });
    parts.push({ text: messages.suggestWord.replace('{word}', query), query });
  });
  parts.push({ text: after });
  return parts.filter((part) => part.text !== '');
}
