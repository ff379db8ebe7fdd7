import { describe, expect, it } from 'vitest';
import { otherLang, strings, t } from '../src/lib/i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('strings', () => {
  it('has exactly the same keys in Spanish and English', () => {
    const es = Object.keys(strings.es).sort();
    const en = Object.keys(strings.en).sort();
    expect(es.filter((k) => !en.includes(k)), 'keys missing in English').toEqual([]);
    expect(en.filter((k) => !es.includes(k)), 'keys missing in Spanish').toEqual([]);
  });

  it('has no empty string in either language', () => {
    for (const lang of ['es', 'en'] as const) {
      const empty = Object.entries(strings[lang]).filter(([, text]) => !text.trim()).map(([key]) => `${lang}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('uses the same {placeholders} in both languages', () => {
    const mismatched = Object.keys(strings.es).filter(
      (key) => placeholders(strings.es[key as keyof typeof strings.es]).join() !== placeholders(strings.en[key as keyof typeof strings.en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('is really translated: the home link differs between the languages', () => {
    expect(strings.es['nav.home']).not.toBe(strings.en['nav.home']);
  });
});

describe('t', () => {
  it('gives the one-language labels the design asks for', () => {
    expect(t('es', 'list.onlyIn.es')).toBe('Disponible solo en español');
    expect(t('en', 'list.onlyIn.en')).toBe('Available in English only');
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

describe('otherLang', () => {
  it('switches between Spanish and English', () => {
    expect(otherLang('es')).toBe('en');
    expect(otherLang('en')).toBe('es');
  });
});
