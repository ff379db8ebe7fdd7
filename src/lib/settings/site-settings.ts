/**
 * The shape of the settings file and its check. `src/settings.ts` calls
 * `defineSettings` with the site's own values; a mistake there stops every
 * command at once with a sentence naming the setting and the fix.
 */
import en from '../../i18n/en.ts';
import type { Strings } from '../i18n/i18n.ts';
import type { EditorBackend } from '../editor/editor-config.ts';

/** The localized words of a language's URLs, e.g. `/es/notas/…`, `/es/paradas/…`. */
export interface UrlWords {
  note: string;
  stop: string;
  topic: string;
  search: string;
  page: string;
}

/** One language of the site, as the settings file writes it. */
export interface LanguageSettings {
  /** Lowercase code used in URLs, file names (`index.<code>.md`) and `hreflang`: `es`, `en`, `fr`, `pt-br`. */
  code: string;
  /** The language's name in itself, shown in the language switcher: `Español`. */
  name: string;
  /** The locale dates and Open Graph use, with its region: `es-MX`, `en-US`. */
  locale: string;
  /** The tag of feeds and JSON-LD `inLanguage`, when it differs from `locale` (`en`). */
  tag?: string;
  words: UrlWords;
  /** The interface strings, one file per language under `src/i18n/`. */
  strings: Strings;
  /** The site's name, description and publisher in this language. */
  site: { name: string; description: string; publisher: string };
}

/** What the settings file holds. */
export interface SettingsInput {
  /** Public origin, no trailing slash. */
  url: string;
  /** Sub-path the site lives under, `/` for the root. */
  base: string;
  /** Languages in order; the first is the default. */
  languages: readonly LanguageSettings[];
  /** IANA time zone for dates without an offset and for display. */
  timeZone: string;
  publisherUrl: string;
  /** Brand colours, used by the stylesheet and the share images. */
  colors: { primary: string; primaryDark: string; accent: string; accentLight: string };
  /** Notes per listing page. */
  pageSize: number;
  /** The git host the web editor at /admin/ saves to (see content/README.md, "The web editor"). */
  editor?: EditorBackend;
}

/** The settings as the code reads them: language codes in order, and per-code facts. */
export interface Settings extends Omit<SettingsInput, 'languages' | 'publisherUrl'> {
  /** Language codes in order; the first is the default. */
  languages: readonly string[];
  defaultLanguage: string;
  /** Each language's settings, by code. */
  language: Readonly<Record<string, LanguageSettings>>;
  name: Readonly<Record<string, string>>;
  description: Readonly<Record<string, string>>;
  publisher: { name: Readonly<Record<string, string>>; url: string };
}

const CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;
const WORD = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Checks the settings file and derives what the code reads from it.
 * Throws with every mistake found, each naming the setting and the fix.
 * @example defineSettings({ languages: [{ code: 'es', … }], … }).defaultLanguage // 'es'
 */
export function defineSettings(input: SettingsInput): Settings {
  const mistakes = settingsMistakes(input);
  if (mistakes.length) throw new Error(`src/settings.ts has ${mistakes.length} mistake(s):\n${mistakes.map((m) => `  ${m}`).join('\n')}`);
  const { languages, publisherUrl, ...rest } = input;
  const byCode = <T>(pick: (l: LanguageSettings) => T) => Object.fromEntries(languages.map((l) => [l.code, pick(l)]));
  return {
    ...rest,
    languages: languages.map((l) => l.code),
    defaultLanguage: languages[0]!.code,
    language: byCode((l) => l),
    name: byCode((l) => l.site.name),
    description: byCode((l) => l.site.description),
    publisher: { name: byCode((l) => l.site.publisher), url: publisherUrl },
  };
}

/** Every mistake in a settings file, as sentences for the site operator. */
export function settingsMistakes(input: SettingsInput): string[] {
  const mistakes: string[] = [];
  if (!input.languages.length) mistakes.push('languages: list at least one language; the first is the default.');
  const seen = new Set<string>();
  for (const [i, lang] of input.languages.entries()) {
    const at = `languages[${i}]${lang.code ? ` (${lang.code})` : ''}`;
    if (!CODE.test(lang.code)) mistakes.push(`${at}.code: "${lang.code}" is not a language code. Use a lowercase code such as es, en, fr or pt-br.`);
    if (seen.has(lang.code)) mistakes.push(`${at}.code: "${lang.code}" is listed twice. List each language once.`);
    seen.add(lang.code);
    if (!lang.name.trim()) mistakes.push(`${at}.name: write the language's name in itself, e.g. Français.`);
    if (!isLocale(lang.locale)) mistakes.push(`${at}.locale: "${lang.locale}" is not a locale this Node.js knows. Use one such as es-MX or fr-FR.`);
    if (lang.tag !== undefined && !isLocale(lang.tag)) mistakes.push(`${at}.tag: "${lang.tag}" is not a language tag. Use one such as en or fr-FR, or delete it.`);
    const words = Object.entries(lang.words);
    for (const [key, word] of words) {
      if (!WORD.test(word)) mistakes.push(`${at}.words.${key}: "${word}" cannot be a URL word. Use lowercase letters without accents, digits and hyphens.`);
    }
    if (new Set(words.map(([, w]) => w)).size < words.length) mistakes.push(`${at}.words: two URL words are the same. Give note, stop, topic, search and page different words.`);
    const missing = Object.keys(en).filter((key) => typeof (lang.strings as Record<string, unknown>)[key] !== 'string');
    if (missing.length) mistakes.push(`${at}.strings: the strings file lacks ${missing.join(', ')}. Add them, translated.`);
    for (const key of ['name', 'description', 'publisher'] as const) {
      if (!lang.site[key]?.trim()) mistakes.push(`${at}.site.${key}: write the site's ${key} in this language.`);
    }
  }
  for (const [key, value] of Object.entries(input.colors)) {
    if (!COLOR.test(value)) mistakes.push(`colors.${key}: "${value}" is not a colour. Write it as #rrggbb.`);
  }
  if (!isTimeZone(input.timeZone)) mistakes.push(`timeZone: "${input.timeZone}" is not an IANA time zone. Use one such as America/Mexico_City.`);
  return mistakes;
}

function isLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
