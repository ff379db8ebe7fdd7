import { describe, expect, it } from 'vitest';
import { isLanguage, language, LANGUAGES, languageTag, otherLanguages } from '../src/lib/languages.ts';

// The sample site's settings (src/settings.ts): Spanish, then English.
describe('languages', () => {
  it('lists the settings languages in order, the default first', () => {
    expect(LANGUAGES).toEqual(['es', 'en']);
    expect(otherLanguages('es')).toEqual(['en']);
  });

  it('knows what a code means, and refuses one the settings do not list', () => {
    expect(language('en').words.note).toBe('news');
    expect(isLanguage('fr')).toBe(false);
    expect(() => language('fr')).toThrow('"fr" is not a language of this site (es, en): add it to languages in src/settings.ts.');
  });

  it('tags feeds and JSON-LD with the language tag, else the locale', () => {
    expect(languageTag('es')).toBe('es-MX');
    expect(languageTag('en')).toBe('en');
  });
});
