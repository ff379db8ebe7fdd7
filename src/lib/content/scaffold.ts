import { cliMessage } from '../check/cli-messages.ts';
import { contentMessage, staffLanguage } from '../check/content-messages.ts';
import { closest } from './closest.ts';
import { calendarDay, parseContentDate } from '../i18n/dates.ts';
import { KEBAB } from './schema.ts';
import type { Lang, Note, Stop, Topics } from './types.ts';

/** What `npm run new` is told, as typed (flags or answers); all optional. */
export interface NoteRequest {
  stop?: string;
  /** The title of the first language written (the default language's, when it is written). */
  title?: string;
  /** Titles of the other languages written (`--title-<code>`), by code; default the same title. */
  titles?: Record<string, string | undefined>;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`; default today in the site time zone. */
  date?: string;
  /** Comma-separated language codes, e.g. `es,en`; default every language of the site. */
  langs?: string;
  /** Comma-separated topic ids. */
  topics?: string;
  /** The URL slug; default made from the title. */
  slug?: string;
}

/** What the scaffold checks a request against. */
export interface ScaffoldContext {
  stops: readonly Stop[];
  topics: Topics;
  notes: readonly Note[];
  /** Every name already in the notes folder, valid note or not. */
  folders: readonly string[];
  /** The notes folder as staff see it, e.g. `content/notes`. */
  notesDir: string;
  timeZone: string;
  now: Date;
  /** Language of the messages. */
  lang: Lang;
  /** The site's languages, the default first. */
  languages: readonly Lang[];
}

/** The files of a new note bundle, or why it cannot be made. */
export type NotePlan = { folder: string; files: Record<string, string> } | { errors: string[] };

type Checked<T> = { value: T } | { error: string };


/**
 * Turns a title into a URL slug: lowercase ASCII words joined by hyphens,
 * accents dropped, at most 60 characters.
 * @example slugify('Alcaldes se reúnen con inversionistas en Los Ángeles') // 'alcaldes-se-reunen-con-inversionistas-en-los-angeles'
 */
export function slugify(title: string): string {
  const words = title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, 60);
}

/** The stop named by `raw`, or a message naming the valid ones. */
export function checkStop(raw: string | undefined, ctx: ScaffoldContext): Checked<string> {
  const value = (raw ?? '').trim();
  const ids = ctx.stops.map((s) => s.id);
  if (ids.includes(value)) return { value };
  return { error: contentMessage(ctx.lang, 'unknownStop', { value, valid: ids.join(', '), suggestion: closest(value, ids) ?? '' }) };
}

/** A title that the check accepts (1-160 characters). */
export function checkTitle(raw: string | undefined, ctx: ScaffoldContext): Checked<string> {
  const value = (raw ?? '').trim();
  if (!value) return { error: contentMessage(ctx.lang, 'empty') };
  if (value.length > 160) return { error: contentMessage(ctx.lang, 'tooLong', { actual: value.length, max: 160 }) };
  return { value };
}

/** A publication date that exists, as written; default today in the site time zone. */
export function checkDate(raw: string | undefined, ctx: ScaffoldContext): Checked<string> {
  const value = raw?.trim() || calendarDay(ctx.now, ctx.timeZone);
  return parseContentDate(value, ctx.timeZone) ? { value } : { error: contentMessage(ctx.lang, 'badDate', { value }) };
}

/** The languages to write, in the settings' order; default all of the site's. */
export function checkLangs(raw: string | undefined, ctx: Pick<ScaffoldContext, 'lang' | 'languages'>): Checked<Lang[]> {
  const parts = (raw?.trim() || ctx.languages.join(',')).split(/[\s,]+/).filter(Boolean);
  if (!parts.length || parts.some((p) => !ctx.languages.includes(p))) return { error: cliMessage(ctx.lang, 'newBadLangs', { value: raw ?? '', valid: ctx.languages.join(', ') }) };
  return { value: ctx.languages.filter((l) => parts.includes(l)) };
}

/** Topic ids from `content/topics.yaml`; none is fine. */
export function checkTopics(raw: string | undefined, ctx: ScaffoldContext): Checked<string[]> {
  const ids = Object.keys(ctx.topics);
  const value = [...new Set((raw ?? '').split(/[\s,]+/).filter(Boolean))];
  const unknown = value.find((t) => !ids.includes(t));
  if (unknown === undefined) return { value };
  return { error: contentMessage(ctx.lang, 'unknownTopic', { value: unknown, valid: ids.join(', '), suggestion: closest(unknown, ids) ?? '' }) };
}

function checkSlug(raw: string | undefined, title: string, ctx: ScaffoldContext): Checked<string> {
  if (raw !== undefined) return KEBAB.test(raw) && raw.length <= 100 ? { value: raw } : { error: contentMessage(ctx.lang, 'badSlug', { value: raw }) };
  const value = slugify(title);
  return value ? { value } : { error: cliMessage(ctx.lang, 'newNoSlug') };
}

/**
 * Checks a request and, when it is complete and valid, returns the note
 * folder and its files, ready to write. Errors read `--flag  message`.
 */
export function planNote(request: NoteRequest, ctx: ScaffoldContext): NotePlan {
  const errors: string[] = [];
  const take = <T>(flag: string, checked: Checked<T>): T | undefined => {
    if ('error' in checked) errors.push(`--${flag}  ${checked.error}`);
    return 'value' in checked ? checked.value : undefined;
  };
  const stop = take('stop', checkStop(request.stop, ctx));
  const title = take('title', checkTitle(request.title, ctx));
  const titles = Object.entries(request.titles ?? {}).flatMap(([code, raw]) => (raw === undefined ? [] : [[code, take(`title-${code}`, checkTitle(raw, ctx))] as const]));
  const date = take('date', checkDate(request.date, ctx));
  const langs = take('lang', checkLangs(request.langs, ctx));
  const topics = take('topics', checkTopics(request.topics, ctx));
  const slug = title === undefined ? undefined : take('slug', checkSlug(request.slug, title, ctx));
  if (errors.length || !stop || !title || !date || !langs || !topics || !slug) return { errors };
  const titleOf = new Map(titles);

  const folder = `${calendarDay(parseContentDate(date, ctx.timeZone)!.date, ctx.timeZone)}-${slug}`;
  if (ctx.folders.includes(folder)) return { errors: [`--slug  ${cliMessage(ctx.lang, 'newFolderExists', { folder: `${ctx.notesDir}/${folder}` })}`] };
  const taken = ctx.notes.flatMap((n) => langs.map((l) => n.versions[l])).find((v) => v?.slug === slug);
  if (taken) return { errors: [`--slug  ${cliMessage(ctx.lang, 'newSlugTaken', { slug, file: taken.file })}`] };

  // `--title` is the first language's; another language written takes its own `--title-<code>`, else the same.
  const files = Object.fromEntries(
    langs.map((lang, i) => [`index.${lang}.md`, noteTemplate(lang, { title: (i > 0 && titleOf.get(lang)) || title, date, stop, topics })]),
  );
  return { folder, files };
}

const TEMPLATE_TEXT = {
  es: {
    summary: 'Escriba aquí un resumen de una o dos frases: aparece en las listas, en los buscadores y al compartir.',
    draft: 'cámbielo a false cuando la nota esté lista para publicarse',
    optional: 'Campos opcionales: quite el # para usarlos.',
    src: 'un archivo de esta carpeta',
    alt: 'Describa la imagen para quien no la ve',
    credit: 'Foto: SRE',
    body: 'Escriba aquí el texto de la nota.',
  },
  en: {
    summary: 'Write a one- or two-sentence summary here: it shows in listings, in search engines and when shared.',
    draft: 'change it to false when the note is ready to publish',
    optional: 'Optional fields: remove the # to use them.',
    src: 'a file in this folder',
    alt: 'Describe the image for people who cannot see it',
    credit: 'Photo: SRE',
    body: 'Write the text of the note here.',
  },
};

/**
 * The text of one new version: a complete header that passes the check,
 * marked `draft: true` so that a half-written note is never published, and
 * the optional fields as comments to fill in. The `draft` line stays when the
 * note is published (`draft: false`), as the web editor writes it
 * (src/lib/editor/note-format.ts), so that saving there changes no line.
 */
export function noteTemplate(lang: Lang, fields: { title: string; date: string; stop: string; topics: readonly string[] }): string {
  // A language the template is not written in gets the English placeholders to replace.
  const t = TEMPLATE_TEXT[staffLanguage(lang)];
  return [
    '---',
    `title: ${JSON.stringify(fields.title)}`,
    `summary: ${JSON.stringify(t.summary)}`,
    `date: ${fields.date}`,
    `stop: ${fields.stop}`,
    `topics: [${fields.topics.join(', ')}]`,
    `draft: true  # ${t.draft}`,
    `# ${t.optional}`,
    '# updated: 2023-03-02T18:00',
    '# image:',
    `#   src: foto.jpg  # ${t.src}`,
    `#   alt: "${t.alt}"`,
    `#   credit: "${t.credit}"`,
    '# people: ["Marcelo Ebrard"]',
    '# organizations: ["Secretaría de Relaciones Exteriores"]',
    '---',
    '',
    t.body,
    '',
  ].join('\n');
}

/** How the prompts talk to the person at the terminal. */
export interface PromptIO {
  ask(question: string): Promise<string>;
  say(text: string): void;
}

/**
 * Asks for every detail the request leaves out, re-asking until each answer
 * is valid: stop (by number or id), languages, title(s), date and topics.
 */
export async function askMissing(request: NoteRequest, ctx: ScaffoldContext, io: PromptIO): Promise<NoteRequest> {
  const result = { ...request };
  const until = async <T>(question: string, check: (raw: string) => Checked<T>, fallback = ''): Promise<string> => {
    for (;;) {
      const answer = (await io.ask(fallback ? `${question} [${fallback}]: ` : `${question}: `)).trim() || fallback;
      const checked = check(answer);
      if ('value' in checked) return answer;
      io.say(checked.error);
    }
  };
  const m = (code: Parameters<typeof cliMessage>[1], params = {}) => cliMessage(ctx.lang, code, params);
  const shown = shownLanguage(ctx);
  if (result.stop === undefined) {
    io.say(ctx.stops.map((s, i) => `  ${i + 1}. ${s.id}  ${s.text[shown]?.name}`).join('\n'));
    const byNumber = (raw: string) => ctx.stops[Number(raw) - 1]?.id ?? raw;
    result.stop = byNumber(await until(m('askStop'), (raw) => checkStop(byNumber(raw), ctx)));
  }
  result.langs ??= await until(m('askLangs', { valid: ctx.languages.join(', ') }), (raw) => checkLangs(raw, ctx), ctx.languages.join(','));
  const langs = (checkLangs(result.langs, ctx) as { value?: Lang[] }).value ?? [ctx.languages[0]!];
  result.title ??= await until(m('askTitle', { lang: langs[0]! }), (raw) => checkTitle(raw, ctx));
  result.titles = { ...result.titles };
  for (const lang of langs.slice(1)) result.titles[lang] ??= await until(m('askTitle', { lang }), (raw) => checkTitle(raw, ctx), result.title);
  result.date ??= await until(m('askDate'), (raw) => checkDate(raw, ctx), calendarDay(ctx.now, ctx.timeZone));
  if (result.topics === undefined) {
    io.say(Object.entries(ctx.topics).map(([id, label]) => `  ${id}  ${label[shown]}`).join('\n'));
    result.topics = await until(m('askTopics'), (raw) => checkTopics(raw, ctx));
  }
  return result;
}

// Stop names and topic labels in the messages' language when the site has it, else the default's.
function shownLanguage(ctx: Pick<ScaffoldContext, 'lang' | 'languages'>): Lang {
  return ctx.languages.includes(ctx.lang) ? ctx.lang : ctx.languages[0]!;
}

/** The stops and topics staff may use, as `npm run new -- --list` prints them: names in every language, the messages' first. */
export function listChoices(ctx: Pick<ScaffoldContext, 'stops' | 'topics' | 'lang' | 'languages'>): string {
  const first = shownLanguage(ctx);
  const order = [first, ...ctx.languages.filter((l) => l !== first)];
  return [
    cliMessage(ctx.lang, 'newStops'),
    ...ctx.stops.map((s) => `  ${s.id}  ${order.map((l) => s.text[l]?.name).join(' / ')}`),
    '',
    cliMessage(ctx.lang, 'newTopics'),
    ...Object.entries(ctx.topics).map(([id, label]) => `  ${id}  ${order.map((l) => label[l]).join(' / ')}`),
  ].join('\n');
}
