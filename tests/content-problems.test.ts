import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadContent } from '../src/lib/content/content.ts';
import type { Lang } from '../src/lib/content/types.ts';

// Problems beyond the list (see tests/check.test.ts for those, one
// fixture each): YAML mistakes press staff make, stops, topics, body images.

const STOP = 'order: 1\nes: { name: Los Ángeles, region: California, country: EUA, summary: Parada. }\nen: { name: Los Angeles, region: California, country: USA, summary: Stop. }\n';
const BASE = {
  'content/topics.yaml': 'economy:\n  es: Economía\n  en: Economy\n',
  'content/stops/los-angeles.yaml': STOP,
};
const FIELDS = ['title: Llega el convoy', 'summary: Resumen.', 'date: 2023-02-27', 'stop: los-angeles']; // lines 2-5
const ES = 'content/notes/2023-02-27-x/index.es.md';
const note = (fields: string[], body = 'Texto.') => ['---', ...fields, '---', '', body, ''].join('\n');

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function problems(files: Record<string, string>, lang: Lang = 'en'): string[] {
  const root = mkdtempSync(join(tmpdir(), 'convoy-problems-'));
  roots.push(root);
  for (const [path, text] of Object.entries({ ...BASE, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return loadContent({ root, timeZone: 'America/Mexico_City', lang }).problems.map((p) => `${p.severity} ${formatProblem(p)}`);
}

describe('YAML mistakes, each with its own message and the line to look at', () => {
  it.each([
    ['an unclosed quote, on the line it opens', ['title: "Llega el convoy', ...FIELDS.slice(1)], 2, 'The quote opened on this line is never closed. Close it at the end of the text, with the same kind of quote.'],
    ['an unclosed list, on the line it opens', [...FIELDS, 'topics: [economy'], 6, 'The list opened on this line with [ is never closed. Close it with ] on the same line.'],
    ['text after a closing quote', ['title: "Hola" dijo Ebrard', ...FIELDS.slice(1)], 2, `There is text after the closing quote. Put the whole value in double quotes and use single quotes inside: "Ebrard said 'welcome'".`],
    ['a value starting with *', ['title: *Urgente* reunión', ...FIELDS.slice(1)], 2, 'A value cannot start with *, @, ` or %. Put it in quotes.'],
    ['a value starting with @', ['title: @SRE_mx en Los Ángeles', ...FIELDS.slice(1)], 2, 'A value cannot start with *, @, ` or %. Put it in quotes.'],
    ['a colon inside an unquoted value', ['title: Ebrard: bienvenidos', ...FIELDS.slice(1)], 2, 'The indentation or the colons do not fit. Write each field on its own line as `name: value`, and put text that contains a colon in quotes.'],
    ['a tab in the indentation', [...FIELDS, 'image:', '\tsrc: hero.jpg'], 7, 'The indentation has tabs. Use spaces.'],
    ['a field written twice', [...FIELDS, 'title: Otra vez'], 6, 'This field is already higher up in the header. Keep only one.'],
  ])('%s', (_, fields, line, message) => {
    expect(problems({ [ES]: note(fields) })).toEqual([`error ${ES}:${line}  -  ${message}`]);
  });

  it('keeps the YAML library text for rarer mistakes, in a sentence that says where to look', () => {
    expect(problems({ [ES]: note([...FIELDS, ']']) }, 'es')).toEqual([
      `error ${ES}:6  -  El encabezado no es YAML válido: Unexpected flow-seq-end token in YAML stream: "]". Revise comillas, dos puntos y sangría en esa línea.`,
    ]);
  });

  it('reports a header that is not a list of fields', () => {
    expect(problems({ [ES]: note(['- Llega el convoy', '- Resumen']) })).toEqual([
      `error ${ES}:2  -  The header must be a list of fields, one per line: \`name: value\`. Check that every line has its colon.`,
    ]);
  });

  it('warns that a hashtag after " #" is lost as a comment, without failing', () => {
    expect(problems({ [ES]: note(['title: Llega el convoy', 'summary: Arranca el convoy #MunicipiosMexicanos', ...FIELDS.slice(2)]) })).toEqual([
      `warning ${ES}:3  summary  What follows " #" is lost: in the header it is a comment. If it is part of the text, put the whole value in quotes.`,
    ]);
    expect(problems({ [ES]: note(['title: Llega el convoy', 'summary: "Arranca el convoy #MunicipiosMexicanos"', ...FIELDS.slice(2)]) })).toEqual([]);
  });
});

describe('field values', () => {
  it('reports a field written with no value', () => {
    expect(problems({ [ES]: note([...FIELDS, 'updated:']) })).toEqual([
      `error ${ES}:6  updated  It has no value. Write it after the colon, or delete the line if the field is optional.`,
    ]);
  });

  it('reports a number where text belongs, saying to quote it', () => {
    expect(problems({ [ES]: note(['title: 2023', ...FIELDS.slice(1)]) }, 'es')).toEqual([
      `error ${ES}:2  title  Debe ser un texto (escríbalo entre comillas). Corrija el valor.`,
    ]);
  });

  it('reports a date written as a number', () => {
    expect(problems({ [ES]: note([...FIELDS.slice(0, 2), 'date: 2023', FIELDS[3]!]) })).toEqual([
      `error ${ES}:4  date  "2023" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.`,
    ]);
  });

  it('reports topics written as text instead of a list', () => {
    expect(problems({ [ES]: note([...FIELDS, 'topics: economy']) })).toEqual([
      `error ${ES}:6  topics  It must be a list, for example [economy, diplomacy]. Fix the value.`,
    ]);
  });
});

describe('stops and topics', () => {
  const stop = (extra: string) => ({ 'content/stops/texas.yaml': STOP.replace('order: 1\n', `order: 2\n${extra}`) });

  it('suggests the stop field a typo meant, not a note field', () => {
    expect(problems(stop('ned: 2023-04-19\n'))).toEqual([`error content/stops/texas.yaml:2  ned  Unknown field "ned". Did you mean "end"? Fix or delete it.`]);
  });

  it('reports coordinates off the globe and a pair that is not a pair', () => {
    expect(problems(stop('coordinates: [91, -97.7]\n'))).toEqual([`error content/stops/texas.yaml:2  coordinates.0  It must be at most 90. Fix the value.`]);
    expect(problems(stop('coordinates: [30.2]\n'))).toEqual([
      `error content/stops/texas.yaml:2  coordinates  It must be a list of 2 values, for example [34.05, -118.24]. Fix the value.`,
    ]);
  });

  it('reports a topic id that is not kebab-case, on its line', () => {
    expect(problems({ 'content/topics.yaml': 'economy:\n  es: Economía\n  en: Economy\nComercio:\n  es: Comercio\n  en: Trade\n' })).toEqual([
      `error content/topics.yaml:4  Comercio  "Comercio" is not a valid identifier. Use lowercase letters without accents, digits and hyphens (for example, meeting-with-investors).`,
    ]);
  });

  it('warns about files that are not content where content goes', () => {
    expect(problems({ 'content/stops/notas.txt': 'x', 'content/notes/README.md': 'x' })).toEqual([
      'warning content/stops/notas.txt  -  The site does not use this file: content/notes holds only note folders and content/stops only .yaml files. Move or delete it.',
      'warning content/notes/README.md  -  The site does not use this file: content/notes holds only note folders and content/stops only .yaml files. Move or delete it.',
    ]);
  });

  it('ignores the files operating systems leave behind', () => {
    expect(problems({ [ES]: note(FIELDS), 'content/notes/2023-02-27-x/.DS_Store': 'x', 'content/notes/2023-02-27-x/Thumbs.db': 'x', 'content/stops/.DS_Store': 'x' })).toEqual([]);
  });
});

describe('images in the body', () => {
  const IMAGE = 'content/notes/2023-02-27-x/reunion.jpg';

  it('counts an image of the body as used, also in a subfolder or with ./', () => {
    expect(problems({ [ES]: note(FIELDS, '![Alcaldes](./reunion.jpg)\n\n![Mapa](fotos/mapa.png "Mapa")'), [IMAGE]: 'jpeg', 'content/notes/2023-02-27-x/fotos/mapa.png': 'png' })).toEqual([]);
  });

  it('reports a remote image in the body: the site loads nothing from other sites', () => {
    expect(problems({ [ES]: note(FIELDS, 'Texto.\n\n![Alcaldes](https://example.com/a.jpg)') })).toEqual([
      `error ${ES}:10  body  The image "https://example.com/a.jpg" is not a file in the note folder. Copy the image into the folder and write just its name.`,
    ]);
  });

  it('keeps an image used by a version with other mistakes from looking stray', () => {
    expect(problems({ [ES]: note([...FIELDS, 'titel: x', 'image:', '  src: reunion.jpg', '  alt: Alcaldes']), [IMAGE]: 'jpeg' })).toEqual([
      `error ${ES}:6  titel  Unknown field "titel". Did you mean "title"? Fix or delete it.`,
    ]);
  });

  it('reports an empty body together with the header mistakes, on the closing --- line', () => {
    expect(problems({ [ES]: note([...FIELDS, 'draft: "no"'], '') })).toEqual([
      `error ${ES}:7  body  The note has no text after the header. Write the body of the note.`,
      `error ${ES}:6  draft  It must be \`true\` or \`false\`. Fix the value.`,
    ]);
  });
});
