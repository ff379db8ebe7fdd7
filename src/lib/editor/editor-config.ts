/**
 * The configuration of the web editor at /admin/ (Sveltia CMS), as data.
 *
 * Generated at build time from what `npm run check` reads: the note schema
 * (through its JSON Schema, src/lib/content/json-schema.ts), the settings' languages
 * and time zone, and the content's stops and topics. Nothing here is written
 * twice: a field added to src/lib/content/schema.ts without an entry in `FIELD_UI`
 * is a type error, and tests/editor-config.test.ts compares every rule.
 */
import { contentJsonSchemas } from '../content/json-schema.ts';
import type { NoteFrontmatter } from '../content/schema.ts';
import type { Lang, Stop, Topics } from '../content/types.ts';
import { NOTE_FORMAT } from './note-format.ts';
import { previewPathTemplate } from './preview-link.ts';

/** The git host the published editor saves to: named in src/settings.ts (`editor`). */
export interface EditorBackend {
  /** `github` (an OAuth authenticator or a fine-grained token) or `gitlab` (PKCE, no server). */
  name: 'github' | 'gitlab';
  /** `owner/name` of the repository. */
  repo: string;
  branch: string;
  /** GitHub: the authenticator's URL (Sveltia CMS Authenticator); without it, staff sign in with a token. */
  authBaseUrl?: string;
  /** GitLab: the OAuth application's ID, for PKCE sign-in. */
  appId?: string;
  /** A self-hosted GitLab or GitHub Enterprise: its API root, e.g. https://gitlab.example.org/api/v4. */
  apiRoot?: string;
}

/** What the editor's configuration is made from. */
export interface EditorInput {
  /** The site's language codes, the default first. */
  languages: readonly Lang[];
  timeZone: string;
  /** The content folder, relative to the repository root (`content`). */
  contentDir: string;
  stops: readonly Stop[];
  topics: Topics;
  backend: EditorBackend;
  /** The public site, for preview links: origin and base path; no origin on the dev server, whose own origin Sveltia then links. */
  site: { url?: string; base: string };
}

/** A Sveltia CMS field, as the configuration writes it. */
export interface EditorField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  i18n?: boolean | 'duplicate';
  hint?: string;
  [option: string]: unknown;
}

/** How a frontmatter field is shown: its widget, and whether each language has its own value. */
interface FieldUi {
  label: string;
  /** `true`: each language writes its own; `duplicate`: entered once, written into every language's file. */
  i18n: true | 'duplicate';
}

/**
 * Every frontmatter field's presentation. Keyed by the schema's own field
 * names, so a field added to the schema without one here fails the type check.
 */
export const FIELD_UI: Record<keyof NoteFrontmatter, FieldUi> = {
  title: { label: 'Título / Title', i18n: true },
  summary: { label: 'Resumen / Summary', i18n: true },
  date: { label: 'Fecha de publicación / Publication date', i18n: 'duplicate' },
  updated: { label: 'Actualizada / Updated', i18n: 'duplicate' },
  stop: { label: 'Parada / Stop', i18n: 'duplicate' },
  topics: { label: 'Temas / Topics', i18n: 'duplicate' },
  people: { label: 'Personas / People', i18n: true },
  organizations: { label: 'Organizaciones / Organizations', i18n: true },
  image: { label: 'Imagen principal / Main image', i18n: true },
  draft: { label: 'Borrador / Draft', i18n: true },
  slug: { label: 'Dirección (slug) / Address (slug)', i18n: true },
};

/** The image's own fields: the file is shared by every language, the texts are per language. */
const IMAGE_UI: Record<keyof NonNullable<NoteFrontmatter['image']>, FieldUi> = {
  src: { label: 'Archivo / File', i18n: 'duplicate' },
  alt: { label: 'Texto alternativo / Alt text', i18n: true },
  credit: { label: 'Crédito / Credit', i18n: true },
};

/**
 * The date fields' value in the editor: the site's wall-clock time, without a zone
 * (`2023-03-02T10:30`), as the note format (src/lib/editor/note-format.ts) reads it from the file
 * and as the check reads a time without a zone (src/lib/i18n/dates.ts): the site's time.
 */
export const DATE_FORMAT = 'YYYY-MM-DDTHH:mm';

/** A piece of JSON Schema, as far as the editor reads it. */
interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}

/** The note frontmatter's JSON Schema, the form of the schema that carries its rules as plain data. */
export const noteJsonSchema = (): JsonSchema => contentJsonSchemas()['note.schema.json'] as JsonSchema;

/**
 * The editor's whole configuration (what `CMS.init({ config })` takes).
 * @example editorConfig(input).collections[0].path // '{{slug}}/index'
 */
export function editorConfig(input: EditorInput) {
  const [defaultLanguage] = input.languages;
  return {
    load_config_file: false,
    backend: backendConfig(input.backend),
    app_title: 'Convoy: notas de prensa / press notes',
    ...(input.site.url ? { site_url: `${input.site.url.replace(/\/+$/, '')}${input.site.base.replace(/\/$/, '')}` } : {}),
    // The site's own icon: the tab shows it, and the browser asks for no /favicon.ico.
    logo: { src: `${input.site.base}favicon.svg` },
    // Images go into the note's own folder (content/notes/<folder>/hero.jpg), written `hero.jpg`.
    media_folder: '',
    public_folder: '',
    i18n: {
      structure: 'multiple_files',
      locales: [...input.languages],
      default_locale: defaultLanguage,
      // A new note starts in the default language; staff switch the others on as they translate.
      initial_locales: 'default',
    },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', maxlength: 80 },
    // Only what the note says: an emptied optional field is left out, as the check expects. (How the
    // header is written is the note format's: src/lib/editor/note-format.ts.)
    output: { omit_empty_optional_fields: true },
    collections: [notesCollection(input)],
  };
}

/** The editor's configuration type. */
export type EditorConfig = ReturnType<typeof editorConfig>;

function backendConfig(backend: EditorBackend) {
  const { name, repo, branch, authBaseUrl, appId, apiRoot } = backend;
  return {
    name,
    repo,
    branch,
    ...(name === 'gitlab' && appId ? { auth_type: 'pkce', app_id: appId } : {}),
    ...(authBaseUrl ? { base_url: authBaseUrl } : {}),
    ...(apiRoot ? { api_root: apiRoot } : {}),
  };
}

/**
 * The origins the editor talks to once signed in (its CSP `connect-src`):
 * the git host's API. (Not the host's status page: src/admin/editor.ts keeps Sveltia from asking it.)
 * @example editorApiOrigins({ name: 'github', repo: 'a/b', branch: 'main' }) // ['https://api.github.com']
 */
export function editorApiOrigins(backend: EditorBackend): string[] {
  if (backend.apiRoot) return [new URL(backend.apiRoot).origin];
  return backend.name === 'github' ? ['https://api.github.com'] : ['https://gitlab.com'];
}

function notesCollection(input: EditorInput) {
  const schema = noteJsonSchema();
  const required = new Set(schema.required ?? []);
  const fields: EditorField[] = Object.entries(schema.properties ?? {}).map(([name, rules]) =>
    noteField(name as keyof NoteFrontmatter, rules, required.has(name), input),
  );
  fields.push({ name: 'body', label: 'Texto / Text', widget: 'markdown', i18n: true, required: true, modes: ['raw', 'rich_text'] });
  return {
    name: 'notes',
    label: 'Notas / Notes',
    label_singular: 'Nota / Note',
    folder: `${input.contentDir.replace(/\/+$/, '')}/notes`,
    // content/notes/<YYYY-MM-DD-slug>/index.<code>.md: the folder from the date and the default language's title.
    path: '{{slug}}/index',
    slug: "{{fields.date | date('YYYY-MM-DD')}}-{{title}}",
    // Our own reader and writer (src/lib/editor/note-format.ts, registered by src/admin/editor.ts): a file
    // without `draft:` opens as published, and a saved note keeps the form `npm run new` writes.
    extension: 'md',
    format: NOTE_FORMAT,
    media_folder: '',
    public_folder: '',
    i18n: true,
    create: true,
    delete: true,
    identifier_field: 'title',
    summary: "{{fields.date | date('YYYY-MM-DD')}} · {{title}}",
    // "View on Live Site": Sveltia joins this to the site's origin; src/admin/editor.ts completes it (src/lib/editor/preview-link.ts).
    preview_path: previewPathTemplate(input.site.base),
    sortable_fields: ['date', 'title'],
    fields,
  };
}

function noteField(name: keyof NoteFrontmatter, rules: JsonSchema, required: boolean, input: EditorInput): EditorField {
  const ui = FIELD_UI[name];
  if (!ui) throw new Error(`The note field "${name}" has no editor field: add it to FIELD_UI in src/lib/editor/editor-config.ts.`);
  const base = { name, label: ui.label, i18n: ui.i18n, required, ...(rules.description ? { hint: rules.description } : {}) };
  switch (name) {
    case 'date':
    case 'updated':
      // Shown, typed and stored in the site's time, whatever the computer's zone: with a zone name and a
      // format without an offset, Sveltia 0.221.1 reads and writes the wall-clock value unchanged, and
      // "Now" and `{{now}}` give the site's time. (A format with an offset, `…Z`, made the form hang.)
      return {
        ...base,
        hint: `Hora de ${input.timeZone}, sea cual sea la zona de su computadora; se guarda así, sin zona (2026-12-01T10:30). / ${input.timeZone} time, whatever your computer's time zone; stored as such, without a zone (2026-12-01T10:30).`,
        widget: 'datetime',
        format: DATE_FORMAT,
        input_timezone: input.timeZone,
        ...(name === 'date' ? { default: '{{now}}' } : {}),
      };
    case 'stop':
      return { ...base, widget: 'select', options: stopOptions(input) };
    case 'topics':
      return { ...base, widget: 'select', multiple: true, options: topicOptions(input), default: rules.default ?? [] };
    case 'draft':
      // New notes start as drafts: a note reaches the site only once someone unticks this. An existing
      // file without `draft:` is read as `false` by the note format, so this default never reaches it.
      return { ...base, widget: 'boolean', default: true };
    case 'image':
      return { ...base, widget: 'object', fields: imageFields(rules) };
    default:
      return { ...base, ...valueField(rules) };
  }
}

/** A text field, or a list of texts, with the schema's lengths and pattern. */
function valueField(rules: JsonSchema): { widget: string; [option: string]: unknown } {
  if (rules.type === 'array') {
    return { widget: 'list', default: rules.default ?? [], field: { name: 'item', label: ' ', widget: 'string', ...lengthsOf(rules.items ?? {}) } };
  }
  const long = (rules.maxLength ?? 0) > 200;
  return { widget: long ? 'text' : 'string', ...lengthsOf(rules), ...patternOf(rules) };
}

function imageFields(rules: JsonSchema): EditorField[] {
  const required = new Set(rules.required ?? []);
  return Object.entries(rules.properties ?? {}).map(([name, sub]) => {
    const ui = IMAGE_UI[name as keyof typeof IMAGE_UI];
    if (!ui) throw new Error(`The image field "${name}" has no editor field: add it to IMAGE_UI in src/lib/editor/editor-config.ts.`);
    const base = { name, label: ui.label, i18n: ui.i18n, required: required.has(name), ...(sub.description ? { hint: sub.description } : {}) };
    if (name === 'src') return { ...base, widget: 'image', choose_url: false, media_folder: '', public_folder: '' };
    return { ...base, ...valueField(sub) };
  });
}

const lengthsOf = (rules: JsonSchema) => ({
  ...(rules.minLength !== undefined ? { minlength: rules.minLength } : {}),
  ...(rules.maxLength !== undefined ? { maxlength: rules.maxLength } : {}),
});

// Sveltia shows the message when the value does not match; in both languages of press staff.
const patternOf = (rules: JsonSchema) =>
  rules.pattern ? { pattern: [rules.pattern, 'Minúsculas sin acentos, cifras y guiones, p. ej. reunion-inversionistas / Lowercase letters without accents, digits and hyphens'] } : {};

/** The stops, in itinerary order, labelled in every language ("Los Ángeles · Los Angeles"). */
function stopOptions(input: EditorInput) {
  return [...input.stops]
    .sort((a, b) => a.order - b.order)
    .map((stop) => ({ value: stop.id, label: labelIn(input.languages, (lang) => stop.text[lang]?.name) }));
}

/** The topics, in the file's order, labelled in every language. */
function topicOptions(input: EditorInput) {
  return Object.entries(input.topics).map(([id, labels]) => ({ value: id, label: labelIn(input.languages, (lang) => labels[lang]) }));
}

// "Economía · Economy": each language's label once, in the settings' order.
const labelIn = (languages: readonly Lang[], pick: (lang: Lang) => string | undefined) => [...new Set(languages.map(pick).filter(Boolean))].join(' · ');
