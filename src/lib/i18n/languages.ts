/**
 * The site's languages, as the settings file lists them: the one place the
 * code asks what a language code means (its URL words, locale, strings).
 */
import { settings } from '../../settings.ts';
import type { LanguageSettings } from '../settings/site-settings.ts';
import type { Lang } from '../content/types.ts';

/** The site's language codes in order, the default first. */
export const LANGUAGES: readonly Lang[] = settings.languages;

/** The settings of one site language; throws for a code the settings do not list. */
export function language(code: Lang): LanguageSettings {
  const found = settings.language[code];
  if (!found) throw new Error(`"${code}" is not a language of this site (${LANGUAGES.join(', ')}): add it to languages in src/settings.ts.`);
  return found;
}

/** Whether `code` is one of the site's languages. */
export const isLanguage = (code: string): code is Lang => Object.hasOwn(settings.language, code);

/**
 * The site's other languages, in the settings' order.
 * @example otherLanguages('es') // ['en'] on the sample site
 */
export const otherLanguages = (code: Lang): Lang[] => LANGUAGES.filter((l) => l !== code);

/**
 * The tag feeds and JSON-LD `inLanguage` give a language: its `tag`, else its locale.
 * @example languageTag('es') // 'es-MX' on the sample site
 */
export const languageTag = (code: Lang): string => language(code).tag ?? language(code).locale;

/**
 * The text of `record` in `lang`, where the settings check or the content
 * check has made sure every language has one.
 * @example inLanguage({ es: 'Cine', en: 'Film' }, 'en') // 'Film'
 */
export function inLanguage<T>(record: Readonly<Record<string, T>>, lang: Lang): T {
  const value = record[lang];
  if (value === undefined) throw new Error(`No "${lang}" text in ${JSON.stringify(record).slice(0, 120)}: every language of src/settings.ts needs one.`);
  return value;
}
