/**
 * Interface strings. Each language's strings are a file of their own under
 * `src/i18n/`, named in the settings file; `es.ts` defines the keys and a
 * test fails when another file lacks one.
 */
import type es from '../../i18n/es.ts';
import { language } from './languages.ts';
import type { Lang } from '../content/types.ts';

/** An interface string id. */
export type StringKey = keyof typeof es;

/** One language's interface strings: every key, translated. */
export type Strings = Record<StringKey, string>;

/**
 * An interface string in `lang`, with `{name}` placeholders filled.
 * @example t('en', 'pagination.page', { page: 2, pages: 5 }) // 'Page 2 of 5'
 */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return language(lang).strings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/**
 * The name of language `code` as readers of `lang` say it, from the runtime's
 * own language names, so that no strings file needs a name per language.
 * @example languageName('en', 'es') // 'inglés'
 */
export function languageName(code: Lang, lang: Lang): string {
  return new Intl.DisplayNames([language(lang).locale], { type: 'language' }).of(code) ?? code;
}

/**
 * Languages named and joined for readers of `lang`.
 * @example languageList(['en', 'fr'], 'es') // 'inglés y francés'
 */
export function languageList(codes: readonly Lang[], lang: Lang): string {
  return new Intl.ListFormat([language(lang).locale], { type: 'conjunction' }).format(codes.map((code) => languageName(code, lang)));
}
