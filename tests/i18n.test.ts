import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { languageList, languageName, t } from '../src/lib/i18n/i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every strings file the generator ships, the site's or not: French is used by the three-language fixture.
const FILES = Object.fromEntries(
  readdirSync('src/i18n').map((file) => [basename(file, '.ts'), readFileSync(join('src/i18n', file), 'utf8')]),
);
const stringsOf = async (code: string) => ((await import(`../src/i18n/${code}.ts`)) as { default: Record<string, string> }).default;

describe('strings files', () => {
  it('ships Spanish, English and French', () => {
    expect(Object.keys(FILES).sort()).toEqual(['en', 'es', 'fr']);
  });

  it.each(['en', 'fr'])('%s has exactly the keys of es.ts', async (code) => {
    const es = Object.keys(await stringsOf('es')).sort();
    const other = Object.keys(await stringsOf(code)).sort();
    expect(es.filter((k) => !other.includes(k)), `keys missing in ${code}`).toEqual([]);
    expect(other.filter((k) => !es.includes(k)), `keys only in ${code}`).toEqual([]);
  });

  it.each(['es', 'en', 'fr'])('%s has no empty string', async (code) => {
    expect(Object.entries(await stringsOf(code)).filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
  });

  it.each(['en', 'fr'])('%s uses the same {placeholders} as es.ts', async (code) => {
    const es = await stringsOf('es');
    const other = await stringsOf(code);
    expect(Object.keys(es).filter((key) => placeholders(es[key]!).join() !== placeholders(other[key] ?? '').join())).toEqual([]);
  });

  it.each(['en', 'fr'])('%s is really translated: the home link differs from Spanish', async (code) => {
    expect((await stringsOf(code))['nav.home']).not.toBe((await stringsOf('es'))['nav.home']);
  });

  it('names no language in any key: a language is data, not code', () => {
    for (const text of Object.values(FILES)) expect(text).not.toMatch(/'[\w.]*\.(es|en|fr)'\s*:/);
  });
});

describe('t', () => {
  it('gives the one-language labels the design asks for', () => {
    expect(t('es', 'list.onlyIn', { languages: languageList(['en'], 'es') })).toBe('Disponible solo en inglés');
    expect(t('en', 'list.onlyIn', { languages: languageList(['es'], 'en') })).toBe('Available in Spanish only');
  });

  it('refuses a language the settings do not list, naming the fix', () => {
    expect(() => t('de', 'nav.home')).toThrow('"de" is not a language of this site (es, en): add it to languages in src/settings.ts.');
  });

  it('returns the string of the language asked for', () => {
    expect(t('es', 'nav.home')).toBe('Inicio');
    expect(t('en', 'nav.home')).toBe('Home');
  });

  it('fills every placeholder', () => {
    expect(t('en', 'pagination.page', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    expect(t('es', 'pagination.page', { page: 2, pages: 5 })).toBe('Página 2 de 5');
  });

  it('fills a placeholder with a string', () => {
    expect(t('es', 'banner.embargo', { date: '1 de marzo de 2023' })).toBe('Embargo hasta 1 de marzo de 2023.');
  });

  it('leaves a placeholder visible when no value is given for it', () => {
    expect(t('en', 'pagination.page', { page: 2 })).toBe('Page 2 of {pages}');
  });

  it('fills a zero', () => {
    expect(t('en', 'pagination.page', { page: 0, pages: 0 })).toBe('Page 0 of 0');
  });
});

describe('languageName and languageList', () => {
  it('names a language the way readers of another say it, from the runtime', () => {
    expect(languageName('en', 'es')).toBe('inglés');
    expect(languageName('es', 'en')).toBe('Spanish');
    expect(languageName('fr', 'es')).toBe('francés');
  });

  it('joins several languages as a sentence does', () => {
    expect(languageList(['en', 'fr'], 'es')).toBe('inglés y francés');
    expect(languageList(['es', 'fr'], 'en')).toBe('Spanish and French');
  });
});
