/**
 * The note file format of the web editor (registered in src/admin/editor.ts
 * as the notes collection's `format`): how a version file's text becomes the
 * editor's fields and back.
 *
 * Our own rather than Sveltia's `yaml-frontmatter` for two reasons. A file
 * without `draft:` is published for the build, but Sveltia would fill in the
 * field's default for new notes (`true`) and saving would unpublish it; here
 * it reads as `false`. And the header is written the way `npm run new`
 * (src/lib/content/scaffold.ts) and the sample notes write it, so opening a
 * note and saving it leaves its file as it was.
 *
 * Dates are shown and typed as the site's wall-clock time (the date fields'
 * `input_timezone`, src/lib/editor/editor-config.ts), whatever the zone of the
 * computer: a stored `2023-02-27T10:00:00-08:00` opens as `2023-02-27T12:00`
 * for a Mexico City site. A date typed in the editor is written that way,
 * without a zone, which the check reads as the site's time; a date left as it
 * opened is written back as it was in the file.
 */
import { parseYaml, splitFrontmatter } from '../content/frontmatter.ts';
import type { NoteFrontmatter } from '../content/schema.ts';
import { parseContentDate, wallClock } from '../i18n/zone-time.ts';

/**
 * The editor's name for the format (the collection's `format`). Sveltia 0.221.1 refuses a
 * configuration whose `.md` collection names a format not ending in `-frontmatter`.
 */
export const NOTE_FORMAT = 'convoy-frontmatter';

/** The fields of one version as the editor holds them: the frontmatter's, and the Markdown `body`. */
export type NoteFields = Record<string, unknown> & { body?: string };

/**
 * The header's field order: the content contract's (src/lib/content/schema.ts;
 * tests/note-format.test.ts compares them). A field left out here is a type error.
 */
export const FIELD_ORDER = [
  'title',
  'summary',
  'date',
  'updated',
  'stop',
  'topics',
  'people',
  'organizations',
  'image',
  'draft',
  'slug',
] as const satisfies readonly (keyof NoteFrontmatter)[];
type Covered = (typeof FIELD_ORDER)[number];
// Fails to compile when the schema gains a field FIELD_ORDER does not name.
const everyField: Record<Exclude<keyof NoteFrontmatter, Covered>, never> = {};
void everyField;

const IMAGE_ORDER = ['src', 'alt', 'credit'] as const satisfies readonly (keyof NonNullable<NoteFrontmatter['image']>)[];

/** The fields holding a date and time. */
const DATE_FIELDS = ['date', 'updated'] as const satisfies readonly (keyof NoteFrontmatter)[];

/** Fields of ids, file names and dates: written bare when YAML reads them back as the same text. */
const BARE = new Set<string>(['date', 'updated', 'stop', 'topics', 'slug', 'src']);

/**
 * Reads a version file into the editor's fields: its frontmatter (YAML 1.2,
 * dates kept as written, as the check reads it) and its `body`. A file
 * without `draft` reads as published (`draft: false`), as the build takes it.
 * @example readNoteFile('---\ntitle: "Hola"\n---\n\nTexto\n') // { title: 'Hola', draft: false, body: 'Texto' }
 */
export function readNoteFile(text: string): NoteFields {
  const split = splitFrontmatter(text);
  // The blank line after the header and the file's last line end belong to the format, not to the text.
  const body = split.body.replace(/^\n/, '').trimEnd();
  if (split.yaml === undefined) return { draft: false, body };
  const parsed = parseYaml(split.yaml, split.yamlLine);
  const [error] = parsed.errors;
  if (error) throw new Error(`Line ${error.line}: ${error.message}`);
  const data = parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
  return { ...data, draft: data.draft ?? false, body };
}

/**
 * Writes the editor's fields as a version file: the header in the contract's
 * order, in the style of `npm run new` (texts in double quotes, ids and dates
 * bare, lists on one line, the image as a block), `draft` always written,
 * empty optional fields left out; then a blank line and the body.
 * @example writeNoteFile({ title: 'Hola', draft: false, body: 'Texto' }) // '---\ntitle: "Hola"\ndraft: false\n---\n\nTexto\n'
 */
export function writeNoteFile(fields: NoteFields): string {
  const { body, ...header } = fields;
  const names = [...FIELD_ORDER, ...Object.keys(header).filter((name) => !(FIELD_ORDER as readonly string[]).includes(name))];
  const lines = ['---'];
  for (const name of names) {
    const value = name === 'draft' ? header.draft === true : header[name];
    if (isEmpty(value)) continue;
    lines.push(...fieldLines(name, value, ''));
  }
  lines.push('---');
  const text = typeof body === 'string' ? body.replace(/\r\n?/g, '\n').trimEnd() : '';
  return `${lines.join('\n')}\n${text ? `\n${text}\n` : ''}`;
}

function fieldLines(name: string, value: unknown, indent: string): string[] {
  if (Array.isArray(value)) return [`${indent}${name}: [${value.map((item) => scalar(name, item)).join(', ')}]`];
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const order = name === 'image' ? [...IMAGE_ORDER, ...Object.keys(object).filter((k) => !(IMAGE_ORDER as readonly string[]).includes(k))] : Object.keys(object);
    const inner = order.filter((key) => !isEmpty(object[key])).flatMap((key) => fieldLines(key, object[key], `${indent}  `));
    return inner.length ? [`${indent}${name}:`, ...inner] : [];
  }
  return [`${indent}${name}: ${scalar(name, value)}`];
}

// YAML reads a bare `los-angeles` or `2023-03-01` as that text; `true`, `1e3`, `null` or `a: b` it would not.
const SAFE_BARE = /^[A-Za-z0-9][A-Za-z0-9._:+/-]*$/;
const NOT_TEXT = /^(?:true|false|null|~|[-+]?(?:\d[\d_]*)?\.?\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/i;

function scalar(name: string, value: unknown): string {
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (BARE.has(name) && SAFE_BARE.test(text) && !NOT_TEXT.test(text) && !/:(?:\s|$)/.test(text)) return text;
  // JSON's double-quoted strings are YAML's too.
  return JSON.stringify(text);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.values(value as object).every(isEmpty);
  return false;
}

/** As much of the editor configuration (src/lib/editor/editor-config.ts) as notesTimeZone reads. */
export interface ConfigWithNotes {
  collections?: ReadonlyArray<{ format?: string; fields?: ReadonlyArray<{ name: string; input_timezone?: string }> }>;
}

/**
 * The zone the editor shows and takes note dates in: the notes collection's date field's
 * `input_timezone`, which editorConfig sets to the site's. Throws when the configuration has none,
 * rather than let the editor read dates in the computer's zone.
 */
export function notesTimeZone(config: ConfigWithNotes): string {
  const notes = config.collections?.find((collection) => collection.format === NOTE_FORMAT);
  const zone = notes?.fields?.find((field) => field.name === 'date')?.input_timezone;
  if (!zone) throw new Error('The editor configuration gives the note dates no time zone (input_timezone).');
  return zone;
}

/** The note format the editor registers: reads and writes files, with dates in `timeZone`'s wall-clock time. */
export interface NoteFormat {
  fromFile(text: string): NoteFields;
  toFile(fields: NoteFields): string;
}

/**
 * The editor's note format for a site in `timeZone`: `readNoteFile` and
 * `writeNoteFile`, with each date turned into the site's wall-clock time
 * (`YYYY-MM-DDTHH:mm`) on reading. It remembers the text each wall-clock value
 * was read from, so a date that was not changed is written back as it was,
 * unless two files' different texts read as the same minute: then the
 * wall-clock value is written, the same time in the site's zone.
 * @example noteFormat('America/Mexico_City').fromFile('---\ndate: 2023-02-27T10:00:00-08:00\n---\n').date // '2023-02-27T12:00'
 */
export function noteFormat(timeZone: string): NoteFormat {
  // Wall-clock value → the text it was read from (null once two different texts read as it).
  const asWritten = new Map<string, string | null>();
  return {
    fromFile(text) {
      const fields = readNoteFile(text);
      for (const name of DATE_FIELDS) {
        const value = fields[name];
        const wall = typeof value === 'string' ? siteClock(value, timeZone) : undefined;
        if (wall === undefined) continue;
        const seen = asWritten.get(wall);
        asWritten.set(wall, seen === undefined || seen === value ? (value as string) : null);
        fields[name] = wall;
      }
      return fields;
    },
    toFile(fields) {
      const restored: NoteFields = { ...fields };
      for (const name of DATE_FIELDS) {
        const value = restored[name];
        const original = typeof value === 'string' ? asWritten.get(value) : undefined;
        if (original) restored[name] = original;
      }
      return writeNoteFile(restored);
    },
  };
}

/**
 * A stored date as the site's wall-clock time, `YYYY-MM-DDTHH:mm`, read by the check's own rules
 * (src/lib/i18n/zone-time.ts): a date with an offset is moved into `timeZone`, one without is
 * already the site's time (a day alone is its midnight). Undefined for a text that is no date,
 * or no real one, which the editor then shows as it is and the check reports.
 * @example siteClock('2023-02-27T10:00:00-08:00', 'America/Mexico_City') // '2023-02-27T12:00'
 */
export function siteClock(value: string, timeZone: string): string | undefined {
  const parsed = parseContentDate(value, timeZone);
  return parsed && wallClock(parsed.date, timeZone).slice(0, 16);
}
