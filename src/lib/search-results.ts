/**
 * What the search page shows for Pagefind's answers: excerpts as text with
 * the matches marked, filter choices in reading order, the result count.
 * Pure functions, so the page's script only moves them into the DOM.
 */
import type { SearchFilter } from './search-state.ts';
import type { Lang } from './types.ts';

/** A run of excerpt text, marked when it is what the reader searched for. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Splits a Pagefind excerpt (text with `<` and `>` escaped, matches wrapped
 * in `<mark>`) into parts to render as text nodes, never as HTML. Pagefind
 * marks whole tokens, punctuation included; only the word is kept marked.
 * @example excerptParts('con <mark>inversión.</mark> &lt;b&gt;')
 * // [{ text: 'con ', mark: false }, { text: 'inversión', mark: true }, { text: '. <b>', mark: false }]
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const add = (text: string, mark: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.mark === mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  for (const chunk of excerpt.split(/(<mark>.*?<\/mark>)/s)) {
    const mark = chunk.startsWith('<mark>');
    const text = (mark ? chunk.slice(6, -7) : chunk).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    if (!mark) {
      add(text, false);
      continue;
    }
    const [, before = '', word = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(text) ?? [];
    add(before, false);
    add(word, true);
    add(after, false);
  }
  return parts;
}

/**
 * The values a filter offers, in reading order: years newest first, the
 * rest alphabetically for readers of `lang`. A value chosen in the URL
 * stays offered even when the index does not know it, so the control
 * always shows what is applied.
 * @example filterValues('year', ['2023', '2024'], 'es') // ['2024', '2023']
 */
export function filterValues(filter: SearchFilter, values: readonly string[], lang: Lang, chosen?: string): string[] {
  const all = [...new Set(chosen ? [...values, chosen] : values)];
  if (filter === 'year') return all.sort((a, b) => b.localeCompare(a));
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  return all.sort(collator.compare);
}

/** The result count sentences, in the page's language; `{count}` is filled in. */
export interface CountMessages {
  none: string;
  one: string;
  many: string;
}

/**
 * The sentence that tells how many notes matched.
 * @example resultCountText(3, { none: 'Nada.', one: '1 nota.', many: '{count} notas.' }, 'es') // '3 notas.'
 */
export function resultCountText(count: number, messages: CountMessages, lang: Lang): string {
  const text = count === 0 ? messages.none : count === 1 ? messages.one : messages.many;
  return text.replace('{count}', new Intl.NumberFormat(lang).format(count));
}

/** Every sentence the search page's script says, in the page's language. */
export interface SearchMessages extends CountMessages {
  prompt: string;
  loading: string;
}
