import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/content/content.ts';
import { askMissing, listChoices, noteTemplate, planNote, slugify, type NoteRequest, type ScaffoldContext } from '../src/lib/content/scaffold.ts';
import type { Lang } from '../src/lib/content/types.ts';
import { ScratchSite } from './helpers/scratch-site.ts';

const MX = 'America/Mexico_City';
const fixture = loadContent({ root: process.cwd(), contentDir: 'tests/fixtures/site/content', timeZone: MX });

const context = (lang: Lang = 'en'): ScaffoldContext => ({
  stops: fixture.stops,
  topics: fixture.topics,
  notes: fixture.notes,
  folders: fixture.notes.map((n) => n.folder),
  notesDir: 'content/notes',
  timeZone: MX,
  now: new Date('2026-11-24T12:00:00Z'),
  lang,
  languages: ['es', 'en'],
});

const REQUEST: NoteRequest = { stop: 'los-angeles', title: 'Alcaldes se reúnen con inversionistas', date: '2023-03-05' };

describe('slugify', () => {
  it.each([
    ['Alcaldes se reúnen con inversionistas en Los Ángeles', 'alcaldes-se-reunen-con-inversionistas-en-los-angeles'],
    ['Señal: ¡Año 2023!', 'senal-ano-2023'],
    ['  Muchos   espacios  ', 'muchos-espacios'],
    ['Reunión con la Cámara de Comercio México-Estados Unidos sobre inversión y comercio', 'reunion-con-la-camara-de-comercio-mexico-estados-unidos'],
    ['¡¿?!', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});

describe('planNote', () => {
  it('plans a folder named by day and slug with both versions, Spanish first', () => {
    const plan = planNote(REQUEST, context());
    expect(plan).toMatchObject({ folder: '2023-03-05-alcaldes-se-reunen-con-inversionistas' });
    expect(Object.keys('files' in plan ? plan.files : {})).toEqual(['index.es.md', 'index.en.md']);
  });

  it('writes a complete Spanish header, a draft, with the optional fields as comments', () => {
    const plan = planNote({ ...REQUEST, topics: 'economy,film' }, context());
    expect('files' in plan && plan.files['index.es.md']).toBe(
      [
        '---',
        'title: "Alcaldes se reúnen con inversionistas"',
        'summary: "Escriba aquí un resumen de una o dos frases: aparece en las listas, en los buscadores y al compartir."',
        'date: 2023-03-05',
        'stop: los-angeles',
        'topics: [economy, film]',
        'draft: true  # cámbielo a false cuando la nota esté lista para publicarse',
        '# Campos opcionales: quite el # para usarlos.',
        '# updated: 2023-03-02T18:00',
        '# image:',
        '#   src: foto.jpg  # un archivo de esta carpeta',
        '#   alt: "Describa la imagen para quien no la ve"',
        '#   credit: "Foto: SRE"',
        '# people: ["Marcelo Ebrard"]',
        '# organizations: ["Secretaría de Relaciones Exteriores"]',
        '---',
        '',
        'Escriba aquí el texto de la nota.',
        '',
      ].join('\n'),
    );
  });

  it('uses the English title for index.en.md when one is given', () => {
    const plan = planNote({ ...REQUEST, titles: { en: 'Mayors meet investors' } }, context());
    expect('files' in plan && plan.files['index.en.md']).toMatch(/^---\ntitle: "Mayors meet investors"\nsummary: "Write a one- or two-sentence summary here/);
  });

  it('writes only the languages asked for', () => {
    const plan = planNote({ ...REQUEST, langs: 'en' }, context());
    expect(Object.keys('files' in plan ? plan.files : {})).toEqual(['index.en.md']);
  });

  it('dates the note today, in the site time zone, when no date is given', () => {
    // 03:00 UTC on 25 November is still 24 November in Mexico City.
    const plan = planNote({ ...REQUEST, date: undefined }, { ...context(), now: new Date('2026-11-25T03:00:00Z') });
    expect(plan).toMatchObject({ folder: '2026-11-24-alcaldes-se-reunen-con-inversionistas' });
  });

  it('names the folder by the day in the site time zone for a time with another offset', () => {
    expect(planNote({ ...REQUEST, date: '2023-03-01T23:30:00-08:00' }, context())).toMatchObject({ folder: '2023-03-02-alcaldes-se-reunen-con-inversionistas' });
  });

  it('refuses an unknown stop, suggesting the closest and listing the valid ones', () => {
    expect(planNote({ ...REQUEST, stop: 'los-angelez' }, context('es'))).toEqual({
      errors: ['--stop  No existe la parada «los-angelez». ¿Quiso decir «los-angeles»? Use una de: los-angeles, japan.'],
    });
  });

  it('refuses an existing folder', () => {
    expect(planNote({ stop: 'los-angeles', title: 'Bilingüe', date: '2023-02-27' }, context())).toEqual({
      errors: ['--slug  The folder content/notes/2023-02-27-bilingue already exists. Choose another title, another date, or another address with --slug.'],
    });
  });

  it('refuses a slug another note already uses, which the check would refuse too', () => {
    expect(planNote({ stop: 'los-angeles', title: 'Bilingüe', date: '2023-03-09' }, context())).toEqual({
      errors: ['--slug  The address "bilingue" is already used by tests/fixtures/site/content/notes/2023-02-27-bilingue/index.es.md. Choose another with --slug.'],
    });
  });

  it('lists every mistake of a request at once', () => {
    expect(planNote({ stop: 'mars', title: ' ', date: '2023-02-30', langs: 'es,fr', topics: 'economia' }, context())).toEqual({
      errors: [
        '--stop  There is no stop "mars". Use one of: los-angeles, japan.',
        '--title  It is empty. Write some text.',
        '--date  "2023-02-30" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.',
        `--lang  "es,fr" is not a list of the site's languages. Use one or more of es, en, separated by commas.`,
        '--topics  There is no topic "economia". Did you mean "economy"? Use one of: film, economy.',
      ],
    });
  });

  it('refuses a title that makes no slug, and a bad --slug', () => {
    expect(planNote({ ...REQUEST, title: '¡¿?!' }, context())).toEqual({
      errors: ['--slug  This title does not make an address. Give one with --slug, for example --slug meeting-with-investors.'],
    });
    expect(planNote({ ...REQUEST, slug: 'Reunión' }, context())).toEqual({
      errors: ['--slug  "Reunión" is not a valid identifier. Use lowercase letters without accents, digits and hyphens (for example, meeting-with-investors).'],
    });
  });
});

describe('noteTemplate', () => {
  it('keeps quotes and accents of a title intact in YAML', () => {
    const site = new ScratchSite('template');
    try {
      const title = 'Ebrard: "México \\ Estados Unidos" — 100% inversión 🎬';
      const plan = planNote({ stop: 'los-angeles', title, date: '2023-03-05' }, context());
      if (!('files' in plan)) throw new Error(plan.errors.join('\n'));
      const files = Object.fromEntries(Object.entries(plan.files).map(([name, text]) => [`${plan.folder}/${name}`, text]));
      writeNotes(site, files);
      const content = loadContent({ root: process.cwd(), contentDir: site.contentDir, timeZone: MX });
      expect(content.problems).toEqual([]);
      expect(content.notes.find((n) => n.folder === plan.folder)?.versions.es?.title).toBe(title);
    } finally {
      site.remove();
    }
  });

  it('writes the English placeholders in an English version', () => {
    expect(noteTemplate('en', { title: 'T', date: '2023-03-05', stop: 'japan', topics: [] })).toContain('draft: true  # change it to false when the note is ready to publish\n');
  });
});

describe('askMissing', () => {
  /** Answers the questions in order and records what was asked and said. */
  const scripted = (answers: string[]) => {
    const asked: string[] = [];
    const said: string[] = [];
    return {
      asked,
      said,
      io: {
        ask: async (question: string) => {
          asked.push(question);
          if (!answers.length) throw new Error(`no answer left for: ${question}`);
          return answers.shift()!;
        },
        say: (text: string) => void said.push(text),
      },
    };
  };

  it('asks for stop, languages, titles, date and topics, re-asking after a wrong answer', async () => {
    const { io, asked, said } = scripted(['9', '2', '', 'Reunión en Tokio', 'Meeting in Tokyo', '2023-02-30', '', 'economy']);
    const request = await askMissing({}, context(), io);
    expect(request).toEqual({ stop: 'japan', langs: 'es,en', title: 'Reunión en Tokio', titles: { en: 'Meeting in Tokyo' }, date: '2026-11-24', topics: 'economy' });
    expect(asked).toEqual([
      'Stop (number or id): ',
      'Stop (number or id): ',
      'Languages (es, en, separated by commas) [es,en]: ',
      'Title in Spanish: ',
      'Title in English [Reunión en Tokio]: ',
      'Publication date (YYYY-MM-DD or YYYY-MM-DDTHH:MM) [2026-11-24]: ',
      'Publication date (YYYY-MM-DD or YYYY-MM-DDTHH:MM) [2026-11-24]: ',
      'Topics, separated by commas (Enter for none): ',
    ]);
    expect(said).toEqual([
      '  1. los-angeles  Los Angeles\n  2. japan  Japan',
      'There is no stop "9". Use one of: los-angeles, japan.',
      '"2023-02-30" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.',
      '  film  Film\n  economy  Economy',
    ]);
  });

  it('asks only for what the flags left out', async () => {
    const { io, asked } = scripted(['Título']);
    const request = await askMissing({ stop: 'japan', langs: 'es', date: '2023-03-05', topics: '' }, context('es'), io);
    expect(asked).toEqual(['Título en español: ']);
    expect(planNote(request, context('es'))).toMatchObject({ folder: '2023-03-05-titulo' });
  });
});

describe('a site of three languages', () => {
  const three = (): ScaffoldContext => ({ ...context(), languages: ['es', 'en', 'fr'] });

  it('writes one index.<code>.md per language, each title its own, the French one with English placeholders', () => {
    const plan = planNote({ ...REQUEST, titles: { fr: 'Les maires rencontrent des investisseurs' } }, three());
    const files = 'files' in plan ? plan.files : {};
    expect(Object.keys(files)).toEqual(['index.es.md', 'index.en.md', 'index.fr.md']);
    expect(files['index.en.md']).toMatch(/^---\ntitle: "Alcaldes se reúnen con inversionistas"\n/);
    expect(files['index.fr.md']).toMatch(/^---\ntitle: "Les maires rencontrent des investisseurs"\nsummary: "Write a one- or two-sentence summary here/);
  });

  it('refuses a language the site does not have, naming those it has', () => {
    expect(planNote({ ...REQUEST, langs: 'es,de' }, three())).toEqual({
      errors: [`--lang  "es,de" is not a list of the site's languages. Use one or more of es, en, fr, separated by commas.`],
    });
  });

  it('lists stops and topics with their names in every language', () => {
    const withFrench = { ...three(), stops: [{ ...fixture.stops[0]!, text: { ...fixture.stops[0]!.text, fr: { name: 'Los Angeles (fr)', region: '', country: '', summary: '' } } }], topics: { film: { es: 'Cine', en: 'Film', fr: 'Cinéma' } } };
    expect(listChoices(withFrench)).toBe(['Stops (--stop):', '  los-angeles  Los Angeles / Los Ángeles / Los Angeles (fr)', '', 'Topics (--topics):', '  film  Film / Cine / Cinéma'].join('\n'));
  });
});

describe('listChoices', () => {
  it('lists stop and topic ids with their names in both languages', () => {
    expect(listChoices(context('es'))).toBe(
      ['Paradas (--stop):', '  los-angeles  Los Ángeles / Los Angeles', '  japan  Japón / Japan', '', 'Temas (--topics):', '  film  Cine / Film', '  economy  Economía / Economy'].join('\n'),
    );
  });
});

describe('npm run new', () => {
  const site = new ScratchSite('new');
  afterAll(() => site.remove());
  const folder = '2023-03-05-alcaldes-se-reunen-con-inversionistas';

  it('lists the valid stops and topics with --list', () => {
    const run = site.run('new', ['--list']);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['Paradas (--stop):', '  los-angeles  Los Ángeles / Los Angeles', '  japan  Japón / Japan']);
    expect(run.status).toBe(0);
  });

  it('asks for the missing flags when it is not run in a terminal', () => {
    const run = site.run('new', ['--title', 'Hola']);
    expect(run.stderr.trim()).toBe('Faltan datos: --stop. Escriba, por ejemplo: npm run new -- --stop los-angeles --title "Título" (vea npm run new -- --help).');
    expect(run.status).toBe(1);
  });

  it('refuses an unknown stop and writes nothing', () => {
    const run = site.run('new', ['--stop', 'mars', '--title', 'Hola', '--date', '2023-03-05'], { LANG: 'en_US.UTF-8' });
    expect(run.stderr.trim().split('\n')).toEqual([
      '--stop  There is no stop "mars". Use one of: los-angeles, japan.',
      '',
      'See the valid stops and topics with: npm run new -- --list',
    ]);
    expect(run.status).toBe(1);
    expect(existsSync(join(site.contentDir, 'notes', '2023-03-05-hola'))).toBe(false);
  });

  it('scaffolds both versions, which pass the check as they are', () => {
    const run = site.run('new', ['--stop', 'los-angeles', '--title', 'Alcaldes se reúnen con inversionistas', '--date', '2023-03-05', '--lang', 'es,en', '--topics', 'economy']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`Nota creada en content/notes/${folder}/`);
    expect(readFileSync(join(site.contentDir, 'notes', folder, 'index.en.md'), 'utf8')).toMatch(/^---\ntitle: "Alcaldes se reúnen con inversionistas"\n/);
    const check = site.run('check');
    expect(check.stdout).not.toMatch(/^(error|aviso)/m);
    expect(check.status).toBe(0);
  });

  it('refuses the same folder a second time', () => {
    const run = site.run('new', ['--stop', 'los-angeles', '--title', 'Alcaldes se reúnen con inversionistas', '--date', '2023-03-05']);
    expect(run.stderr.split('\n')[0]).toBe(
      `--slug  Ya existe la carpeta content/notes/${folder}. Elija otro título, otra fecha o otra dirección con --slug.`,
    );
    expect(run.status).toBe(1);
  });

  // tests/preview.test.ts builds a note scaffolded this way, in a preview build.
});

function writeNotes(site: ScratchSite, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const file = join(site.contentDir, 'notes', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
