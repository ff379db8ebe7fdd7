import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closest, formatProblem, loadContent } from '../src/lib/content/content.ts';
import type { Lang } from '../src/lib/content/types.ts';

const MX = 'America/Mexico_City';

const stopYaml = (order: number, name: string, dates = 'start: 2023-02-27\nend: 2023-03-03\n') =>
  `order: ${order}\n${dates}es:\n  name: ${name}\n  region: Región\n  country: País\n  summary: Resumen.\nen:\n  name: ${name}\n  region: Region\n  country: Country\n  summary: Summary.\n`;

const BASE: Record<string, string> = {
  'content/topics.yaml': 'economy:\n  es: Economía\n  en: Economy\nfilm:\n  es: Cine\n  en: Film\n',
  'content/stops/los-angeles.yaml': stopYaml(1, 'Los Ángeles'),
  'content/stops/texas.yaml': stopYaml(2, 'Texas', 'start: 2023-04-17\nend: 2023-04-19\n'),
};

/**
 * A note file: line 1 is `---`, `fields[i]` is on line i + 2, then the closing
 * `---`, a blank line and the body.
 */
const noteFile = (fields: string[], body = 'Texto de la nota.') => ['---', ...fields, '---', '', body, ''].join('\n');

//                 line 2                     line 3                        line 4              line 5               line 6
const VALID = ['title: Llega el convoy', 'summary: Resumen de la nota.', 'date: 2023-02-27', 'stop: los-angeles', 'topics: [economy]'];

/** VALID with the field named like `line` replaced by it, or `line` appended. */
const withField = (line: string) => {
  const key = line.split(':')[0];
  const fields = VALID.map((f) => (f.split(':')[0] === key ? line : f));
  return fields.includes(line) ? fields : [...fields, line];
};

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function site(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'convoy-content-'));
  roots.push(root);
  for (const [path, data] of Object.entries({ ...BASE, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), data);
  }
  return root;
}

const load = (files: Record<string, string | Uint8Array>, lang: Lang = 'en') => loadContent({ root: site(files), timeZone: MX, lang });
const problemLines = (files: Record<string, string | Uint8Array>, lang: Lang = 'en') => load(files, lang).problems.map(formatProblem);
const errorLines = (files: Record<string, string | Uint8Array>, lang: Lang = 'en') =>
  load(files, lang).problems.filter((p) => p.severity === 'error').map(formatProblem);

const EN = 'content/notes/2023-02-27-x/index.en.md';
const ES = 'content/notes/2023-02-27-x/index.es.md';

describe('loadContent: a clean note', () => {
  it('reports no problem for valid content', () => {
    expect(load({ [EN]: noteFile(VALID), [ES]: noteFile(VALID) }).problems).toEqual([]);
  });

  it('turns a clean bilingual note into its two versions', () => {
    const es = noteFile([
      'title: "  Llega el convoy a Los Ángeles  "',
      'summary: Resumen en español.',
      'date: 2023-02-27T12:00:00-08:00',
      'updated: 2023-02-28 09:00',
      'stop: los-angeles',
      'topics: [economy, film]',
      'people: [Marcelo Ebrard, Karen Bass]',
      'organizations: [Secretaría de Relaciones Exteriores]',
      'image:',
      '  src: hero.jpg',
      '  alt: Vista de Los Ángeles',
      '  credit: Foto de prensa',
    ]);
    // 14:00 in Mexico City is the same instant as 12:00 in Los Angeles (PST): 20:00 UTC.
    const en = noteFile([
      'title: The convoy arrives in Los Angeles',
      'summary: Summary in English.',
      'date: 2023-02-27T14:00',
      'stop: los-angeles',
      'topics: [film, economy]',
      'slug: arrival-in-los-angeles',
      'draft: true',
    ]);
    const folder = '2023-02-27-llegada';
    const content = load({
      [`content/notes/${folder}/index.es.md`]: es,
      [`content/notes/${folder}/index.en.md`]: en,
      [`content/notes/${folder}/hero.jpg`]: 'jpeg',
    });
    expect(content.problems).toEqual([]);
    expect(content.notes).toEqual([
      {
        folder,
        versions: {
          es: {
            id: `${folder}/es`,
            folder,
            lang: 'es',
            file: `content/notes/${folder}/index.es.md`,
            slug: 'llegada',
            title: 'Llega el convoy a Los Ángeles',
            summary: 'Resumen en español.',
            date: new Date('2023-02-27T20:00:00Z'),
            dateOnly: false,
            updated: new Date('2023-02-28T15:00:00Z'),
            stop: 'los-angeles',
            topics: ['economy', 'film'],
            people: ['Marcelo Ebrard', 'Karen Bass'],
            organizations: ['Secretaría de Relaciones Exteriores'],
            image: { src: 'hero.jpg', alt: 'Vista de Los Ángeles', credit: 'Foto de prensa' },
            draft: false,
            source: expect.any(String),
          },
          en: {
            id: `${folder}/en`,
            folder,
            lang: 'en',
            file: `content/notes/${folder}/index.en.md`,
            slug: 'arrival-in-los-angeles',
            title: 'The convoy arrives in Los Angeles',
            summary: 'Summary in English.',
            date: new Date('2023-02-27T20:00:00Z'),
            dateOnly: false,
            stop: 'los-angeles',
            topics: ['film', 'economy'],
            people: [],
            organizations: [],
            draft: true,
            source: expect.any(String),
          },
        },
      },
    ]);
  });

  it('marks a date without time as date-only, at the start of the day in Mexico City', () => {
    const version = load({ [EN]: noteFile(VALID) }).notes[0]?.versions.en;
    expect(version?.date).toEqual(new Date('2023-02-27T06:00:00Z'));
    expect(version?.dateOnly).toBe(true);
  });

  it('accepts a file saved with a byte-order mark and CRLF line ends', () => {
    const content = load({ [ES]: `\uFEFF${noteFile(VALID).replace(/\n/g, '\r\n')}` }, 'es');
    expect(content.problems).toEqual([]);
    expect(content.notes[0]?.versions.es?.title).toBe('Llega el convoy');
  });

  it('reads an .mdx version', () => {
    const content = load({ 'content/notes/2023-02-27-x/index.es.mdx': noteFile(VALID) });
    expect(content.problems).toEqual([]);
    expect(content.notes[0]?.versions.es?.file).toBe('content/notes/2023-02-27-x/index.es.mdx');
  });

  it('fingerprints the text and the images of each version, and nothing else', () => {
    const hero = 'content/notes/2023-02-27-x/hero.jpg';
    const photo = 'content/notes/2023-02-27-x/photo.jpg';
    const es = noteFile([...VALID, 'image: { src: hero.jpg, alt: Vista }'], 'Texto.\n\n![Foto](./photo.jpg)');
    const root = site({ [EN]: noteFile(VALID), [ES]: es, [hero]: 'jpeg', [photo]: 'jpeg' });
    const sources = () => {
      const { versions } = loadContent({ root, timeZone: MX }).notes[0]!;
      return { es: versions.es!.source, en: versions.en!.source };
    };
    const first = sources();
    expect(first.es).not.toBe(first.en);
    expect(sources(), 'the same files give the same fingerprint').toEqual(first);

    writeFileSync(join(root, hero), 'another photo');
    const heroChanged = sources();
    expect(heroChanged.es, 'a new hero photo under the same name').not.toBe(first.es);
    writeFileSync(join(root, photo), 'another photo');
    const photoChanged = sources();
    expect(photoChanged.es, 'a new photo in the body').not.toBe(heroChanged.es);
    writeFileSync(join(root, ES), es.replace('Texto.', 'Texto corregido.'));
    const textChanged = sources();
    expect(textChanged.es, 'an edited text').not.toBe(photoChanged.es);
    expect(textChanged.en, 'the other version is untouched').toBe(first.en);
  });

  it('loads stops in itinerary order (not file-name order) and the topics', () => {
    const content = load({
      [EN]: noteFile(VALID),
      'content/stops/los-angeles.yaml': stopYaml(2, 'Los Ángeles'),
      'content/stops/texas.yaml': stopYaml(1, 'Texas', 'start: 2023-04-17\nend: 2023-04-19\n'),
      'content/stops/japan.yaml': stopYaml(3, 'Japón', ''),
    });
    expect(content.problems).toEqual([]);
    expect(content.stops.map((s) => [s.id, s.order, s.start, s.end])).toEqual([
      ['texas', 1, '2023-04-17', '2023-04-19'],
      ['los-angeles', 2, '2023-02-27', '2023-03-03'],
      ['japan', 3, undefined, undefined],
    ]);
    expect(content.stops[2]?.text.es?.name).toBe('Japón');
    expect(content.topics).toEqual({ economy: { es: 'Economía', en: 'Economy' }, film: { es: 'Cine', en: 'Film' } });
  });
});

describe('loadContent: file problems', () => {
  it('reports a file without frontmatter on line 1', () => {
    expect(problemLines({ [EN]: 'Llega el convoy.\n' })).toEqual([
      `${EN}:1  -  The header (frontmatter) is missing. Start the file with a \`---\` line, the fields, and another \`---\` line.`,
    ]);
  });

  it('reports a file that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(noteFile(VALID), 'utf16le')]);
    expect(problemLines({ [EN]: bytes })).toEqual([`${EN}  -  The file is not saved as UTF-8. Save it again with UTF-8 encoding.`]);
  });

  it('reports a Latin-1 file (a Spanish accent saved in the wrong encoding)', () => {
    expect(problemLines({ [ES]: Buffer.from(noteFile(withField('title: Llegó el convoy')), 'latin1') }, 'es')).toEqual([
      `${ES}  -  El archivo no está guardado como UTF-8. Vuelva a guardarlo con la codificación UTF-8.`,
    ]);
  });

  it('reports a YAML syntax error on its line in the file', () => {
    // line 7: `title` a second time
    expect(problemLines({ [EN]: noteFile([...VALID, 'title: Otra vez']) })).toEqual([
      `${EN}:7  -  This field is already higher up in the header. Keep only one.`,
    ]);
  });

  it('reports a note without body text', () => {
    const [problem, ...rest] = load({ [EN]: noteFile(VALID, '') }).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: EN, field: 'body', severity: 'error', message: 'The note has no text after the header. Write the body of the note.' });
  });

  it('warns about a stray file in the note folder without failing', () => {
    const content = load({ [EN]: noteFile(VALID), 'content/notes/2023-02-27-x/notas.txt': 'apuntes' });
    expect(content.problems.map(formatProblem)).toEqual([
      'content/notes/2023-02-27-x/notas.txt  -  No version of the note uses this file. Delete it or use it as an image.',
    ]);
    expect(content.problems[0]?.severity).toBe('warning');
    expect(content.notes).toHaveLength(1);
  });

  it('does not warn about the image a version uses', () => {
    const content = load({ [EN]: noteFile([...VALID, 'image:', '  src: hero.jpg', '  alt: Vista']), 'content/notes/2023-02-27-x/hero.jpg': 'jpeg' });
    expect(content.problems).toEqual([]);
  });

  it('reports a language file with a wrong name', () => {
    expect(problemLines({ [EN]: noteFile(VALID), 'content/notes/2023-02-27-x/fr.md': noteFile(VALID) })).toEqual([
      'content/notes/2023-02-27-x/fr.md  -  "fr.md" is not a valid version name. Use index.es.md, index.en.md (or .mdx).',
    ]);
  });

  it.each(['es.md', 'en.mdx'])('refuses a version named the old way (%s), never skipping it silently', (name) => {
    expect(errorLines({ [EN.replace('index.en.md', name)]: noteFile(VALID) })).toEqual([
      `content/notes/2023-02-27-x/${name}  -  Versions are no longer named "${name}": rename it to index.${name}.`,
      'content/notes/2023-02-27-x  -  The folder has no version. Add at least one: index.es.md, index.en.md.',
    ]);
  });

  it('refuses a version in a language the settings do not list', () => {
    expect(problemLines({ [EN]: noteFile(VALID), 'content/notes/2023-02-27-x/index.de.md': noteFile(VALID) })).toEqual([
      'content/notes/2023-02-27-x/index.de.md  -  "de" is not a language of the site. Use index.es.md, index.en.md (or .mdx), or add the language in src/settings.ts.',
    ]);
  });

  it('gives the old-name message in Spanish too', () => {
    const content = loadContent({ root: site({ 'content/notes/2023-02-27-x/es.md': noteFile(VALID) }), timeZone: MX, lang: 'es' });
    expect(content.problems[0]?.message).toBe('Las versiones ya no se llaman «es.md»: cámbiele el nombre a index.es.md.');
  });

  it('reads a site language from a version\'s file name, whatever the list of languages', () => {
    const stop = 'order: 1\nfr:\n  name: Los Angeles fr\n  region: Californie\n  country: États-Unis\n  summary: Première étape.\n';
    const root = site({ 'content/notes/2023-02-27-x/index.fr.md': noteFile(VALID), 'content/stops/los-angeles.yaml': stop, 'content/stops/texas.yaml': stop.replace('1', '2'), 'content/topics.yaml': 'economy: { fr: Économie }\n' });
    const content = loadContent({ root, timeZone: MX, languages: ['fr'] });
    expect(content.problems).toEqual([]);
    expect(Object.keys(content.notes[0]!.versions)).toEqual(['fr']);
    expect(content.stops[0]!.text).toEqual({ fr: { name: 'Los Angeles fr', region: 'Californie', country: 'États-Unis', summary: 'Première étape.' } });
  });

  it('reports an .md and an .mdx for the same language', () => {
    expect(problemLines({ [ES]: noteFile(VALID), 'content/notes/2023-02-27-x/index.es.mdx': noteFile(VALID) })).toEqual([
      'content/notes/2023-02-27-x/index.es.mdx  -  There is both a .md and an .mdx for the same language. Keep only one.',
    ]);
  });

  it('reports a note folder without any version', () => {
    expect(errorLines({ 'content/notes/2023-02-27-x/hero.jpg': 'jpeg' })).toEqual([
      'content/notes/2023-02-27-x  -  The folder has no version. Add at least one: index.es.md, index.en.md.',
    ]);
  });

  it.each(['llegada-los-angeles', '2023-02-30-llegada', '2023-02-27-Llegada', '2023-02-27_llegada'])('reports the bad folder name %s', (folder) => {
    expect(problemLines({ [`content/notes/${folder}/index.en.md`]: noteFile(VALID) })).toEqual([
      `content/notes/${folder}  -  The folder name must be YYYY-MM-DD-identifier (for example, 2023-02-27-arrival-los-angeles).`,
    ]);
  });
});

describe('loadContent: field problems', () => {
  it('reports a missing required field at the top of the header', () => {
    expect(problemLines({ [EN]: noteFile(VALID.filter((f) => !f.startsWith('summary'))) })).toEqual([
      `${EN}:2  summary  This required field is missing. Add it to the header.`,
    ]);
  });

  it('reports a missing required field in Spanish', () => {
    expect(problemLines({ [ES]: noteFile(VALID.filter((f) => !f.startsWith('stop'))) }, 'es')).toEqual([
      `${ES}:2  stop  Falta este campo obligatorio. Agréguelo al encabezado.`,
    ]);
  });

  it('reports an empty title', () => {
    expect(problemLines({ [EN]: noteFile(withField('title: ""')) })).toEqual([`${EN}:2  title  It is empty. Write some text.`]);
  });

  it('reports a title of only spaces as empty', () => {
    expect(problemLines({ [EN]: noteFile(withField('title: "   "')) })).toEqual([`${EN}:2  title  It is empty. Write some text.`]);
  });

  it('reports a title that is too long, with its length', () => {
    expect(problemLines({ [EN]: noteFile(withField(`title: ${'x'.repeat(170)}`)) })).toEqual([
      `${EN}:2  title  It has 170 characters; the maximum is 160. Shorten it.`,
    ]);
  });

  it('reports a summary that is too long', () => {
    expect(problemLines({ [EN]: noteFile(withField(`summary: ${'s'.repeat(301)}`)) })).toEqual([
      `${EN}:3  summary  It has 301 characters; the maximum is 300. Shorten it.`,
    ]);
  });

  it('reports a value of the wrong type', () => {
    // line 7
    expect(problemLines({ [EN]: noteFile([...VALID, 'draft: "no"']) })).toEqual([`${EN}:7  draft  It must be \`true\` or \`false\`. Fix the value.`]);
  });

  it('reports an unknown field and suggests the closest one', () => {
    expect(problemLines({ [EN]: noteFile([...VALID, 'titel: Otra']) })).toEqual([
      `${EN}:7  titel  Unknown field "titel". Did you mean "title"? Fix or delete it.`,
    ]);
  });

  it('reports an unknown field in Spanish, with the suggestion', () => {
    expect(problemLines({ [ES]: noteFile([...VALID, 'sumary: Otro']) }, 'es')).toEqual([
      `${ES}:7  sumary  Campo desconocido «sumary». ¿Quiso decir «summary»? Corríjalo o bórrelo.`,
    ]);
  });

  it('reports an unknown field without a suggestion when nothing is close', () => {
    expect(problemLines({ [EN]: noteFile([...VALID, 'colour: red']) })).toEqual([`${EN}:7  colour  Unknown field "colour". Fix or delete it.`]);
  });

  it('reports an unknown field inside image on its own line', () => {
    const fields = [...VALID, 'image:', '  src: hero.jpg', '  alt: Vista', '  captoin: Pie']; // captoin on line 10
    expect(errorLines({ [EN]: noteFile(fields), 'content/notes/2023-02-27-x/hero.jpg': 'jpeg' })).toEqual([
      `${EN}:10  image.captoin  Unknown field "captoin". Fix or delete it.`,
    ]);
  });

  it('reports an impossible date', () => {
    expect(problemLines({ [EN]: noteFile(withField('date: 2023-02-30')) })).toEqual([
      `${EN}:4  date  "2023-02-30" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.`,
    ]);
  });

  it('reports 29 February of a year that is not a leap year', () => {
    expect(problemLines({ [EN]: noteFile(withField('date: 2023-02-29')) })).toEqual([
      `${EN}:4  date  "2023-02-29" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.`,
    ]);
  });

  it('reports an impossible update date', () => {
    expect(problemLines({ [EN]: noteFile([...VALID, 'updated: 2023-02-28T24:00']) })).toEqual([
      `${EN}:7  updated  "2023-02-28T24:00" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.`,
    ]);
  });

  it('reports an update before the publication', () => {
    expect(problemLines({ [EN]: noteFile([...VALID, 'updated: 2023-02-26']) })).toEqual([
      `${EN}:7  updated  The update date is before the publication date. Fix \`updated\` or \`date\`.`,
    ]);
  });

  it('accepts an update later the same day', () => {
    expect(problemLines({ [EN]: noteFile([...VALID, 'updated: 2023-02-27 18:00']) })).toEqual([]);
  });

  it('reports an unknown stop and lists the valid ones', () => {
    expect(problemLines({ [EN]: noteFile(withField('stop: mars')) })).toEqual([
      `${EN}:5  stop  There is no stop "mars". Use one of: los-angeles, texas.`,
    ]);
  });

  it('reports an unknown topic and lists the valid ones', () => {
    expect(problemLines({ [EN]: noteFile(withField('topics: [economy, space]')) })).toEqual([
      `${EN}:6  topics  There is no topic "space". Use one of: economy, film.`,
    ]);
  });

  it('reports an invalid slug', () => {
    expect(problemLines({ [EN]: noteFile([...VALID, 'slug: Llegada a LA']) })).toEqual([
      `${EN}:7  slug  "Llegada a LA" is not a valid identifier. Use lowercase letters without accents, digits and hyphens (for example, meeting-with-investors).`,
    ]);
  });
});

describe('loadContent: image problems', () => {
  // image on line 7, src on line 8, alt on line 9
  const image = (src: string, alt = 'Vista de la ciudad') => noteFile([...VALID, 'image:', `  src: ${src}`, `  alt: ${alt}`]);

  it('reports an image that is not in the note folder', () => {
    expect(problemLines({ [EN]: image('hero.jpg') })).toEqual([
      `${EN}:8  image.src  The image "hero.jpg" is not in the note folder. Check the name or copy the file.`,
    ]);
  });

  it('reports a remote image URL', () => {
    expect(problemLines({ [EN]: image('https://example.com/hero.jpg') })).toEqual([
      `${EN}:8  image.src  The image "https://example.com/hero.jpg" is not a file in the note folder. Copy the image into the folder and write just its name.`,
    ]);
  });

  it('refuses a javascript: image source', () => {
    expect(problemLines({ [EN]: image('"javascript:alert(1)"') })).toEqual([
      `${EN}:8  image.src  The image "javascript:alert(1)" is not a file in the note folder. Copy the image into the folder and write just its name.`,
    ]);
  });

  it('refuses an image outside the note folder, even if the file exists', () => {
    expect(problemLines({ [EN]: image('../2023-02-28-y/hero.jpg'), 'content/notes/2023-02-28-y/hero.jpg': 'jpeg' })).toContain(
      `${EN}:8  image.src  The image "../2023-02-28-y/hero.jpg" is not a file in the note folder. Copy the image into the folder and write just its name.`,
    );
  });

  it('reports an empty alt text', () => {
    expect(errorLines({ [EN]: image('hero.jpg', '""'), 'content/notes/2023-02-27-x/hero.jpg': 'jpeg' })).toEqual([
      `${EN}:9  image.alt  It is empty. Write some text.`,
    ]);
  });

  it('reports a missing alt text', () => {
    expect(errorLines({ [EN]: noteFile([...VALID, 'image:', '  src: hero.jpg']), 'content/notes/2023-02-27-x/hero.jpg': 'jpeg' })).toEqual([
      `${EN}:7  image.alt  This required field is missing. Add it to the header.`,
    ]);
  });
});

describe('loadContent: the two versions of a note', () => {
  it('reports versions that disagree on the date, on the English file', () => {
    expect(problemLines({ [ES]: noteFile(VALID), [EN]: noteFile(withField('date: 2023-02-28')) })).toEqual([
      `${EN}:4  date  It does not match ${ES} (2023-02-28 versus 2023-02-27). Every version must have the same value.`,
    ]);
  });

  it('reports versions that disagree on the stop', () => {
    expect(problemLines({ [ES]: noteFile(VALID), [EN]: noteFile(withField('stop: texas')) })).toEqual([
      `${EN}:5  stop  It does not match ${ES} (texas versus los-angeles). Every version must have the same value.`,
    ]);
  });

  it('reports versions that disagree on the topics', () => {
    expect(problemLines({ [ES]: noteFile(VALID), [EN]: noteFile(withField('topics: [economy, film]')) })).toEqual([
      `${EN}:6  topics  It does not match ${ES} (economy, film versus economy). Every version must have the same value.`,
    ]);
  });

  it('accepts the same topics in another order', () => {
    expect(problemLines({ [ES]: noteFile(withField('topics: [film, economy]')), [EN]: noteFile(withField('topics: [economy, film]')) })).toEqual([]);
  });

  it('reports a slug used by two notes, on both files', () => {
    const a = 'content/notes/2023-02-27-arrival/index.en.md';
    const b = 'content/notes/2023-02-28-arrival/index.en.md';
    expect(problemLines({ [a]: noteFile(VALID), [b]: noteFile(withField('date: 2023-02-28')) })).toEqual([
      `${a}  slug  The address "arrival" is already used by ${b}. Choose another \`slug\`.`,
      `${b}  slug  The address "arrival" is already used by ${a}. Choose another \`slug\`.`,
    ]);
  });

  it('allows the same slug in the two languages', () => {
    expect(problemLines({ [ES]: noteFile(VALID), [EN]: noteFile(VALID) })).toEqual([]);
  });

  it('accepts an explicit slug that makes two folders distinct', () => {
    const a = 'content/notes/2023-02-27-arrival/index.en.md';
    const b = 'content/notes/2023-02-28-arrival/index.en.md';
    expect(problemLines({ [a]: noteFile(VALID), [b]: noteFile([...withField('date: 2023-02-28'), 'slug: second-arrival']) })).toEqual([]);
  });
});

describe('loadContent: stop problems', () => {
  it('reports a stop that starts after it ends', () => {
    expect(problemLines({ 'content/stops/texas.yaml': stopYaml(2, 'Texas', 'start: 2023-04-19\nend: 2023-04-17\n') })).toEqual([
      'content/stops/texas.yaml:3  end  The start date is after the end date. Fix `start` or `end`.',
    ]);
  });

  it('reports a stop with a start but no end', () => {
    expect(problemLines({ 'content/stops/texas.yaml': stopYaml(2, 'Texas', 'start: 2023-04-17\n') })).toEqual([
      'content/stops/texas.yaml:2  start  A stop with dates needs both `start` and `end`; a planned stop has neither.',
    ]);
  });
});

describe('loadContent: every problem in one pass', () => {
  it('reports three problems in one file', () => {
    const fields = ['title: Llega el convoy', 'summary: Resumen.', 'date: 2023-02-30', 'stop: mars', 'topics: [space]'];
    expect(problemLines({ [EN]: noteFile(fields) })).toEqual([
      `${EN}:4  date  "2023-02-30" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.`,
      `${EN}:5  stop  There is no stop "mars". Use one of: los-angeles, texas.`,
      `${EN}:6  topics  There is no topic "space". Use one of: economy, film.`,
    ]);
  });

  it('reports three header mistakes in one file', () => {
    const fields = ['title: Llega el convoy', 'summary: ""', 'date: 2023-02-27', 'stop: los-angeles', 'draft: "no"', 'titel: Otra'];
    expect(problemLines({ [EN]: noteFile(fields) }).sort()).toEqual([
      `${EN}:3  summary  It is empty. Write some text.`,
      `${EN}:6  draft  It must be \`true\` or \`false\`. Fix the value.`,
      `${EN}:7  titel  Unknown field "titel". Did you mean "title"? Fix or delete it.`,
    ]);
  });

  it('reports problems of several files and folders together', () => {
    const problems = problemLines({
      [ES]: noteFile(withField('stop: mars')),
      [EN]: noteFile(withField('title: ""')),
      'content/notes/hola/index.es.md': noteFile(VALID),
    });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.split('  ')[0])).toEqual(expect.arrayContaining([`${ES}:5`, `${EN}:2`, 'content/notes/hola']));
  });
});

describe('closest', () => {
  it('suggests the known name one typo away', () => {
    expect(closest('titel', ['title', 'summary', 'date'])).toBe('title');
  });

  it('ignores the case of the typo', () => {
    expect(closest('Summary', ['title', 'summary'])).toBe('summary');
  });

  it('suggests nothing when no name is close', () => {
    expect(closest('colour', ['title', 'summary', 'date'])).toBeUndefined();
  });
});

describe('formatProblem', () => {
  it('writes path:line  field  message', () => {
    expect(formatProblem({ file: 'content/x.md', line: 3, field: 'title', message: 'Bad.', severity: 'error' })).toBe('content/x.md:3  title  Bad.');
  });

  it('leaves out the line and writes - for a problem of the whole file', () => {
    expect(formatProblem({ file: 'content/x', message: 'Bad.', severity: 'error' })).toBe('content/x  -  Bad.');
  });
});
