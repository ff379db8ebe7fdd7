import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadContent } from '../src/lib/content/content.ts';
import { parseContentDate } from '../src/lib/i18n/dates.ts';
import { DATE_FORMAT, editorApiOrigins, editorConfig, type EditorField, type EditorInput } from '../src/lib/editor/editor-config.ts';
import { noteFrontmatter } from '../src/lib/content/schema.ts';
import { NOTE_FORMAT, notesTimeZone } from '../src/lib/editor/note-format.ts';

const MX = 'America/Mexico_City';
const content = loadContent({ root: process.cwd(), contentDir: 'tests/fixtures/site/content', timeZone: MX });
const input: EditorInput = {
  languages: ['es', 'en'],
  timeZone: MX,
  contentDir: 'tests/fixtures/site/content',
  stops: content.stops,
  topics: content.topics,
  backend: { name: 'github', repo: 'prensa/convoy', branch: 'main' },
  site: { url: 'https://a.mx', base: '/convoy/' },
};
const config = editorConfig(input);
const notes = config.collections[0]!;
const field = (name: string) => notes.fields.find((f) => f.name === name)!;
const imageField = (name: string) => (field('image').fields as EditorField[]).find((f) => f.name === name)!;

// The oracle is the zod schema itself, probed by parsing: the editor's rules
// must accept and refuse exactly what `npm run check` accepts and refuses.
type Shape = Record<string, z.ZodType>;
const shape = noteFrontmatter.shape as unknown as Shape;
const imageShape = (noteFrontmatter.shape.image.unwrap() as unknown as { shape: Shape }).shape;
const required = (schema: z.ZodType) => !schema.safeParse(undefined).success;
// The longest text a field takes, found by parsing (from 1 to 1000 characters).
const longest = (schema: z.ZodType, item = (n: number): unknown => 'x'.repeat(n)) => {
  let n = 1;
  while (n <= 1000 && schema.safeParse(item(n)).success) n++;
  return n - 1;
};

describe('every frontmatter field has an editor field with the same rules', () => {
  it('lists each field of the schema once, plus the body', () => {
    expect(notes.fields.map((f) => f.name).sort()).toEqual([...Object.keys(shape), 'body'].sort());
    expect((field('image').fields as EditorField[]).map((f) => f.name).sort()).toEqual(Object.keys(imageShape).sort());
  });

  it.each(Object.keys(shape))('%s is required exactly when the check requires it', (name) => {
    expect(field(name).required).toBe(required(shape[name]!));
  });

  it.each(['src', 'alt', 'credit'])('image.%s is required exactly when the check requires it', (name) => {
    expect(imageField(name).required).toBe(required(imageShape[name]!));
  });

  it.each(['title', 'summary', 'slug'])('%s takes as many characters as the check', (name) => {
    const schema = shape[name]!;
    expect(field(name).maxlength).toBe(longest(schema, (n) => 'a'.repeat(n)));
    expect(schema.safeParse('').success).toBe(false);
    expect(field(name).minlength ?? 0).toBeLessThanOrEqual(1);
  });

  it.each(['alt', 'credit'])('image.%s takes as many characters as the check', (name) => {
    expect(imageField(name).maxlength).toBe(longest(imageShape[name]!));
  });

  it.each(['people', 'organizations'])('each of %s takes as many characters as the check', (name) => {
    const item = (field(name).field as EditorField).maxlength;
    expect(field(name).widget).toBe('list');
    expect(item).toBe(longest(shape[name]!, (n) => ['x'.repeat(n)]));
  });

  it('checks the slug with a pattern that accepts and refuses what the check does', () => {
    const [source] = field('slug').pattern as [string, string];
    const pattern = new RegExp(source);
    for (const slug of ['reunion', 'reunion-con-inversionistas', 'industria-4-0', 'Reunion', 'reunión', 'a--b', '-a', 'a-', 'a b', 'a_b']) {
      expect(pattern.test(slug), slug).toBe(shape.slug!.safeParse(slug).success);
    }
  });

  it('offers as stops exactly the stop files, labelled in every language', () => {
    const options = field('stop').options as { value: string; label: string }[];
    expect(options.map((o) => o.value).sort()).toEqual(content.stops.map((s) => s.id).sort());
    expect(options.find((o) => o.value === 'los-angeles')!.label).toBe('Los Ángeles · Los Angeles');
    expect(field('stop').widget).toBe('select');
  });

  it('offers as topics exactly those of topics.yaml, several at once', () => {
    const options = field('topics').options as { value: string; label: string }[];
    expect(options.map((o) => o.value).sort()).toEqual(Object.keys(content.topics).sort());
    expect(options.find((o) => o.value === 'economy')!.label).toBe('Economía · Economy');
    expect(field('topics').multiple).toBe(true);
  });

  it("takes dates in the site's time zone, in a format without a zone that the check reads as the site's time", () => {
    const sample = DATE_FORMAT.replace('YYYY', '2023').replace('MM', '03').replace('DD', '02').replace('HH', '10').replace('mm', '30');
    expect(sample).toBe('2023-03-02T10:30');
    // 10:30 in Mexico City (UTC-6 in March 2023).
    expect(parseContentDate(sample, MX)?.date.toISOString()).toBe('2023-03-02T16:30:00.000Z');
    for (const name of ['date', 'updated']) {
      expect(field(name)).toMatchObject({ widget: 'datetime', format: DATE_FORMAT, input_timezone: MX });
      expect(field(name).hint).toContain(MX);
    }
    expect(editorConfig({ ...input, timeZone: 'Europe/Madrid' }).collections[0]!.fields.find((f) => f.name === 'date')).toMatchObject({ input_timezone: 'Europe/Madrid' });
    // What the editor's script (src/admin/editor.ts) reads the note dates' zone from.
    expect(notesTimeZone(config)).toBe(MX);
    expect(notesTimeZone(editorConfig({ ...input, timeZone: 'Europe/Madrid' }))).toBe('Europe/Madrid');
    expect(() => notesTimeZone({ collections: [] })).toThrow('no time zone');
    // New notes are dated now; the folder takes the day of the date as stored, the site's day.
    expect(field('date').default).toBe('{{now}}');
    expect(notes.slug).toBe("{{fields.date | date('YYYY-MM-DD')}}-{{title}}");
  });
});

describe('every language side by side', () => {
  it('writes content/notes/<folder>/index.<code>.md, the default language first and required', () => {
    expect(config.i18n).toEqual({ structure: 'multiple_files', locales: ['es', 'en'], default_locale: 'es', initial_locales: 'default' });
    expect(notes).toMatchObject({ folder: 'tests/fixtures/site/content/notes', path: '{{slug}}/index', extension: 'md', format: NOTE_FORMAT, i18n: true });
  });

  it('reads and writes notes with our own format, under a name Sveltia accepts for .md files', () => {
    // Sveltia 0.221.1 refuses the whole configuration ("The `md` extension doesn't match the `…` format")
    // for a custom format on `.md` files whose name does not end in `-frontmatter`.
    expect(notes.format).toBe(NOTE_FORMAT);
    expect(NOTE_FORMAT).toMatch(/-frontmatter$/);
    expect(NOTE_FORMAT).not.toMatch(/^(yaml|toml|json)-frontmatter$/);
  });

  it('names the folder from the date and the title', () => {
    expect(notes.slug).toBe("{{fields.date | date('YYYY-MM-DD')}}-{{title}}");
    expect(config.slug).toMatchObject({ encoding: 'ascii', clean_accents: true });
  });

  it('enters date, stop and topics once, and the texts per language', () => {
    for (const name of ['date', 'updated', 'stop', 'topics']) expect(field(name).i18n, name).toBe('duplicate');
    for (const name of ['title', 'summary', 'slug', 'body', 'people', 'organizations', 'draft', 'image']) expect(field(name).i18n, name).toBe(true);
    expect(imageField('src').i18n).toBe('duplicate');
    expect(imageField('alt').i18n).toBe(true);
  });

  it('starts new notes as drafts', () => {
    expect(field('draft')).toMatchObject({ widget: 'boolean', default: true });
  });

  it("uploads images into the note's own folder, written as a file name", () => {
    expect(notes).toMatchObject({ media_folder: '', public_folder: '' });
    expect(imageField('src')).toMatchObject({ widget: 'image', media_folder: '', public_folder: '' });
  });

  it('follows the settings: a third language', () => {
    const three = editorConfig({ ...input, languages: ['es', 'en', 'fr'] });
    expect(three.i18n.locales).toEqual(['es', 'en', 'fr']);
    expect(three.i18n.default_locale).toBe('es');
  });
});

describe('the git host', () => {
  it('names the repository and branch of the settings', () => {
    expect(config.backend).toEqual({ name: 'github', repo: 'prensa/convoy', branch: 'main' });
    expect(editorConfig({ ...input, backend: { name: 'github', repo: 'a/b', branch: 'web', authBaseUrl: 'https://auth.a.mx' } }).backend).toEqual({ name: 'github', repo: 'a/b', branch: 'web', base_url: 'https://auth.a.mx' });
  });

  it('signs in to GitLab with PKCE when given an application id', () => {
    expect(editorConfig({ ...input, backend: { name: 'gitlab', repo: 'a/b', branch: 'main', appId: 'x1' } }).backend).toEqual({ name: 'gitlab', repo: 'a/b', branch: 'main', auth_type: 'pkce', app_id: 'x1' });
  });

  it("lets the editor's policy reach only that host's API", () => {
    expect(editorApiOrigins({ name: 'github', repo: 'a/b', branch: 'main' })).toEqual(['https://api.github.com']);
    expect(editorApiOrigins({ name: 'gitlab', repo: 'a/b', branch: 'main' })).toEqual(['https://gitlab.com']);
    expect(editorApiOrigins({ name: 'gitlab', repo: 'a/b', branch: 'main', apiRoot: 'https://git.a.mx/api/v4' })).toEqual(['https://git.a.mx']);
  });
});
