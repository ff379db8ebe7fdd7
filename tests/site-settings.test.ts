import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.ts';
import fr from '../src/i18n/fr.ts';
import { defineSettings, settingsMistakes, type LanguageSettings, type SettingsInput } from '../src/lib/settings/site-settings.ts';

const french: LanguageSettings = {
  code: 'fr', name: 'Français', locale: 'fr-FR',
  words: { note: 'actualites', stop: 'etapes', topic: 'themes', search: 'recherche', page: 'page' },
  strings: fr,
  site: { name: 'Convoi', description: 'Notes de presse.', publisher: 'Ministère' },
};
const english: LanguageSettings = { ...french, code: 'en', name: 'English', locale: 'en-US', tag: 'en', strings: en, words: { note: 'news', stop: 'stops', topic: 'topics', search: 'search', page: 'page' }, site: { name: 'Convoy', description: 'Press notes.', publisher: 'Ministry' } };
const input = (over: Partial<SettingsInput> = {}): SettingsInput => ({
  url: 'https://a.mx', base: '/', languages: [french, english], timeZone: 'America/Mexico_City', publisherUrl: 'https://a.mx/m',
  colors: { primary: '#9f2241', primaryDark: '#691c32', accent: '#bc955c', accentLight: '#ddc9a3' }, pageSize: 12, ...over,
});

describe('defineSettings', () => {
  it('makes the first language the default and keys every text by language code', () => {
    const settings = defineSettings(input());
    expect(settings.languages).toEqual(['fr', 'en']);
    expect(settings.defaultLanguage).toBe('fr');
    expect(settings.name).toEqual({ fr: 'Convoi', en: 'Convoy' });
    expect(settings.publisher).toEqual({ name: { fr: 'Ministère', en: 'Ministry' }, url: 'https://a.mx/m' });
    expect(settings.language.en?.words.note).toBe('news');
  });

  it('refuses a settings file with mistakes, naming each setting and the fix', () => {
    expect(() => defineSettings(input({ languages: [] }))).toThrow('src/settings.ts has 1 mistake(s):\n  languages: list at least one language; the first is the default.');
  });
});

describe('settingsMistakes', () => {
  it('finds nothing wrong in a good file', () => {
    expect(settingsMistakes(input())).toEqual([]);
  });

  it('names every mistake at once', () => {
    const { nav: _, ...noHome } = { nav: 0, ...fr };
    const broken = { ...french, code: 'FR', locale: 'xx-??', words: { ...french.words, stop: 'Étapes', page: 'actualites' }, strings: { ...noHome, 'nav.home': undefined } as unknown as typeof fr };
    expect(settingsMistakes(input({ languages: [broken, english, english], colors: { ...input().colors, accent: 'gold' }, timeZone: 'Mars/Olympus' }))).toEqual([
      'languages[0] (FR).code: "FR" is not a language code. Use a lowercase code such as es, en, fr or pt-br.',
      'languages[0] (FR).locale: "xx-??" is not a locale this Node.js knows. Use one such as es-MX or fr-FR.',
      'languages[0] (FR).words.stop: "Étapes" cannot be a URL word. Use lowercase letters without accents, digits and hyphens.',
      'languages[0] (FR).words: two URL words are the same. Give note, stop, topic, search and page different words.',
      'languages[0] (FR).strings: the strings file lacks nav.home. Add them, translated.',
      'languages[2] (en).code: "en" is listed twice. List each language once.',
      'colors.accent: "gold" is not a colour. Write it as #rrggbb.',
      'timeZone: "Mars/Olympus" is not an IANA time zone. Use one such as America/Mexico_City.',
    ]);
  });
});
