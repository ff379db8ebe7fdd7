/**
 * The site's languages, as the settings file lists them: the one place the
 * code asks what a language code means (its URL words, locale, strings).
 */
import { settings } from '../settings.ts';
import type { LanguageSettings } from './site-settings.ts';
import type { Lang } from './types.ts';

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
