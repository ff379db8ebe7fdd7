import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLanguage, language, LANGUAGES, languageTag, otherLanguages } from '../src/lib/i18n/languages.ts';

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

describe('the code', () => {
  // A language is data: outside the settings file and the strings files, no
  // comparison, type or property names one (comments and examples aside).
  // Messages for press staff are written in Spanish and English, by design.
  const STAFF_MESSAGES = ['lib/check/content-messages.ts', 'lib/check/cli-messages.ts', 'lib/content/scaffold.ts'];
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|astro|mjs)$/.test(f) && !f.startsWith('i18n') && f !== 'settings.ts' && !STAFF_MESSAGES.includes(f))
    .map((f) => join('src', f));
  const NAMED = /[=!]==\s*['"`](es|en)['"`]|['"`](es|en)['"`]\s*[=!]==|['"](es|en)['"]\s*\|\s*['"]|Record<\s*['"](es|en)|\.(es|en)\b(?!\.|-)|\b(es|en):\s*[{'"]/;
  it.each(files)('%s names no language in code', (file) => {
    const code = readFileSync(file, 'utf8').split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*\*)/.test(line));
    expect(code.filter((line) => NAMED.test(line))).toEqual([]);
  });
});
