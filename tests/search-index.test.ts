import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseScores, scoreFileName } from '../src/lib/search/search-scores.ts';
import { BuiltSite } from './helpers/built-site.ts';
import { fixtureBuild } from './setup/fixture-builds.ts';

const site = new BuiltSite(await fixtureBuild('root'));
const bundle = join(site.dir, 'pagefind');

/** A Pagefind file as bytes: gzip, then a `pagefind_dcd` signature. */
const decode = (file: string) => gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length);

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
const fragments = (): Fragment[] =>
  readdirSync(join(bundle, 'fragment')).map((f) => JSON.parse(decode(join(bundle, 'fragment', f)).toString('utf8')) as Fragment);
const fragment = (url: string) => fragments().find((f) => f.url === url);

describe('the search index of a build', () => {
  it('has one index per language, each holding the published notes of that language only', () => {
    const entry = JSON.parse(site.text('/pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'es']);
    const byLanguage = Object.fromEntries(['es', 'en'].map((lang) => [lang, fragments().filter((f) => f.url.startsWith(`/${lang}/`)).map((f) => f.url).sort()]));
    expect(byLanguage).toEqual({
      es: ['/es/notas/bilingue/', '/es/notas/solo-espanol/'],
      en: ['/en/news/bilingual-test/', '/en/news/tricky-en/'],
    });
    expect(entry.languages.es!.page_count).toBe(2);
    expect(entry.languages.en!.page_count).toBe(2);
  });

  it('never holds a word of a draft or of an embargoed note', () => {
    const files = readdirSync(bundle, { recursive: true, encoding: 'utf8' }).filter((f) => /\.pf_(fragment|index|meta|filter)$/.test(f));
    expect(files.length).toBeGreaterThan(4);
    const text = files.map((f) => decode(join(bundle, f)).toString('latin1')).join('\n');
    expect(text).toContain('inversi'); // the probe works: a published word is there
    expect(text).not.toContain('zanahoriaborrador');
    expect(text).not.toContain('pepinoembargo');
  });

  it('writes the vocabulary of each language from the published notes only, one small file per first letter', () => {
    const vocabulary = (lang: string, letter: string) => site.text(`/pagefind/vocabulary/${lang}/${letter}.txt`);
    // "inversión" and the title's "bilingüe", each in one note, as written.
    expect(vocabulary('es', 'i')).toMatch(/^inversión\t1\t/m);
    expect(vocabulary('es', 'b')).toMatch(/^bilingüe\t1\t/m);
    expect(vocabulary('en', 'e')).toContain('English\t');
    expect(vocabulary('en', 'e')).not.toContain('español');
    const all = readdirSync(join(bundle, 'vocabulary'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(bundle, 'vocabulary', f), 'utf8'))
      .join('');
    expect(all).not.toMatch(/zanahoriaborrador|pepinoembargo|secreto/i);
  });

  it('scores each word in each note, naming the notes by their place newest first: the title above the summary, only the notes that have it', () => {
    const line = (letter: string, form: string) => site.text(`/pagefind/vocabulary/es/${letter}.txt`).split('\n').find((l) => l.startsWith(`${form}\t`))!.split('\t');
    const scores = (stem: string) => parseScores(site.text(`/pagefind/scores/es/${scoreFileName(stem)}`), 2);
    // The newest Spanish note is solo-espanol (place 0), then bilingue (1).
    // "nota": the title of bilingue, the summary of solo-espanol.
    const [, notes, nota] = line('n', 'nota');
    expect(notes).toBe('2');
    const byPlace = scores(nota!);
    expect([...byPlace.keys()]).toEqual([0, 1]);
    expect(byPlace.get(1)).toBeGreaterThan(byPlace.get(0)!);
    // "inversión": in the body of bilingue only.
    expect([...scores(line('i', 'inversión')[2]!).keys()]).toEqual([1]);
    // "Solo": title and body of solo-espanol only.
    expect([...scores(line('s', 'Solo')[2]!).keys()]).toEqual([0]);
  });

  it('writes a score file for every word of the vocabulary that has an indexed word', () => {
    for (const lang of ['es', 'en']) {
      const dir = join(bundle, 'vocabulary', lang);
      const stems = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').flatMap((l) => l.split('\t')[2] ?? []));
      expect(stems.length).toBeGreaterThan(5);
      for (const stem of stems) expect(existsSync(join(bundle, 'scores', lang, scoreFileName(stem))), `${lang}: ${stem}`).toBe(true);
    }
  });

  it('gives the summary more weight than the body', () => {
    expect(site.page('/es/notas/bilingue/').querySelector('.lede')?.getAttribute('data-pagefind-weight')).toBe('3');
  });

  it('indexes only the summary and the body; the title is searched as metadata', () => {
    expect(fragment('/es/notas/bilingue/')?.content).toBe('Resumen en español. Cuerpo en español con inversión.');
    expect(fragment('/en/news/bilingual-test/')?.content).toBe('English summary. Body in English.');
  });

  it('gives each result its title, the date readers see, and its stop', () => {
    expect(fragment('/es/notas/bilingue/')?.meta).toEqual({
      title: 'Nota bilingüe de prueba',
      date: '27 de febrero de 2023 a las 12:00 p.m. GMT-6',
      stop: 'Los Ángeles',
    });
    expect(fragment('/es/notas/solo-espanol/')?.meta.date).toBe('28 de febrero de 2023');
  });

  it('files each note under its stop, topics, year, people and organizations, in the reader’s language', () => {
    expect(fragment('/es/notas/bilingue/')?.filters).toEqual({
      stop: ['Los Ángeles'], topic: ['Cine', 'Economía'], year: ['2023'], person: ['Karen Bass'], organization: ['Netflix', 'Secretaría de Relaciones Exteriores'],
    });
    expect(fragment('/en/news/bilingual-test/')?.filters).toEqual({ stop: ['Los Angeles'], topic: ['Film', 'Economy'], year: ['2023'] });
  });

  it('keeps a site smaller than a search shard in one index, and says so to the search page', () => {
    expect(JSON.parse(site.text('/pagefind/shards.json'))).toEqual({ es: 1, en: 1 });
    expect(existsSync(join(bundle, 'shards'))).toBe(false);
  });

  it('ships Pagefind’s search engine but none of its unused interfaces', () => {
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'wasm.es.pagefind', 'wasm.en.pagefind']) expect(existsSync(join(bundle, file)), file).toBe(true);
    for (const file of ['pagefind-ui.js', 'pagefind-component-ui.js', 'pagefind-modular-ui.js', 'pagefind-highlight.js']) expect(existsSync(join(bundle, file)), file).toBe(false);
  });
});

describe('the search pages', () => {
  it('are the only pages that load Pagefind', () => {
    const loading = site.htmlPaths().filter((path) => site.text(path).includes('pagefind.js'));
    expect(loading).toEqual(['/en/search/', '/es/buscar/']);
  });

  it('load Pagefind and link results under the base path', async () => {
    const based = new BuiltSite(await fixtureBuild('sample'), '/convoy/');
    const root = based.page('/es/buscar/').querySelector('[data-search]');
    expect(root?.getAttribute('data-bundle')).toBe('/convoy/pagefind/pagefind.js');
    expect(root?.getAttribute('data-base-url')).toBe('/convoy/');
    expect(existsSync(join(based.dir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('speak the page’s language and say what to do without JavaScript', () => {
    const es = site.page('/es/buscar/');
    expect(es.querySelector('label[for="search-topic"]')?.textContent).toBe('Tema');
    expect(es.querySelector('noscript')?.innerHTML).toContain('La búsqueda necesita JavaScript');
    expect(es.querySelector('noscript')?.innerHTML).toContain('href="/es/notas/"');
    const en = site.page('/en/search/');
    expect([...en.querySelectorAll('#search-sort option')].map((o) => o.textContent)).toEqual(['Most relevant first', 'Newest first', 'Oldest first']);
    expect(JSON.parse(en.querySelector('[data-search]')?.getAttribute('data-messages') ?? '{}').many).toBe('{count} stories found.');
  });
});
