import { calendarDay } from '../i18n/dates.ts';
import { inLanguage } from '../i18n/languages.ts';
import { paginate } from './pagination.ts';
import { unpublishedReason, type Unpublished } from '../content/publish.ts';
import { homePath, notePath, notesPath, searchPath, stopPath, topicPath } from './routes.ts';
import { stopStatus, type StopStatus } from '../content/stops.ts';
import type { Lang, Note, NoteVersion, Stop, StopText, Topics } from '../content/types.ts';

/** A note as a listing shows it: in the reader's language, or the only one it has. */
export interface ListedNote {
  versionId: string;
  title: string;
  summary: string;
  date: Date;
  dateOnly: boolean;
  /** Site path of the version linked to. */
  href: string;
  /** Language of the linked version. */
  lang: Lang;
  /** Set when the note is not in the reader's language: the language linked to. */
  onlyIn?: Lang;
  /** Set with `onlyIn`: every language the note is written in, in the settings' order. */
  availableIn?: Lang[];
  stop: string;
  topics: string[];
  hasImage: boolean;
}

/** A stop with what a reader of one language needs. */
export interface StopView extends StopText {
  id: string;
  href: string;
  status: StopStatus;
  start?: string;
  end?: string;
  notes: number;
}

/** A topic link in one language. */
export interface TopicView {
  id: string;
  label: string;
  href: string;
}

interface PageBase {
  path: string;
  lang: Lang;
  /** Paths of the true translations of this page, including itself. */
  alternates: Partial<Record<Lang, string>>;
  /** The language switcher: each other language with the counterpart, or its nearest page. */
  switcher: SwitchLink[];
}

/** One link of the language switcher. */
export interface SwitchLink {
  lang: Lang;
  path: string;
}

/** Previous / next page links of a listing. */
export interface Pager {
  page: number;
  pages: number;
  previous?: string;
  next?: string;
}

export type Page =
  | (PageBase & { kind: 'home'; latest: ListedNote[]; stops: StopView[]; topics: TopicView[] })
  | (PageBase & { kind: 'note'; version: NoteVersion; unpublished: Unpublished; stop: StopView; topics: TopicView[]; related: ListedNote[]; previous?: ListedNote; next?: ListedNote })
  | (PageBase & { kind: 'list'; list: 'news' | 'stop' | 'topic'; title: string; stop?: StopView; items: ListedNote[]; pager: Pager })
  | (PageBase & { kind: 'search' });

export interface PageOptions {
  languages: readonly Lang[];
  timeZone: string;
  now: Date;
  /** Include drafts and embargoed notes (dev server and preview builds). */
  preview: boolean;
  pageSize: number;
  /** Notes on the home page. */
  homeSize?: number;
  relatedSize?: number;
}

const byNewest = (a: { date: Date; id?: string }, b: { date: Date }) => b.date.getTime() - a.date.getTime();

/**
 * Every page of the site, computed once from the content: the single source
 * for `getStaticPaths`, listings, the language switcher and hreflang.
 */
export function buildPages(content: { notes: Note[]; stops: Stop[]; topics: Topics }, options: PageOptions): Page[] {
  const { languages, now, preview } = options;
  const visible = content.notes
    .map((note) => ({
      folder: note.folder,
      versions: Object.fromEntries(
        Object.entries(note.versions).filter(([, v]) => preview || unpublishedReason(v, now) === undefined),
      ) as Note['versions'],
    }))
    .filter((note) => Object.keys(note.versions).length > 0);
  const byFolder = new Map(visible.map((note) => [note.folder, note]));
  const today = calendarDay(now, options.timeZone);
  const pages: Page[] = [];

  for (const lang of languages) {
    const others = languages.filter((l) => l !== lang);
    const switcher = (path: (other: Lang) => string): SwitchLink[] => others.map((other) => ({ lang: other, path: path(other) }));
    const listed = visible
      .map((note) => listedNote(note, lang, languages))
      .sort(byNewest);
    const stops = content.stops.map((stop) => stopView(stop, lang, today, listed));
    const stopById = new Map(stops.map((s) => [s.id, s]));
    const topicViews = Object.entries(content.topics).map(([id, label]) => ({ id, label: inLanguage(label, lang), href: topicPath(lang, id) }));
    const topicById = new Map(topicViews.map((t) => [t.id, t]));
    const own = visible.flatMap((note) => (note.versions[lang] ? [note.versions[lang]] : [])).sort(byNewest);
    const ownListed = new Map(listed.filter((l) => !l.onlyIn).map((l) => [l.versionId, l]));
    const poolOf = relatedPools(own);

    pages.push({ kind: 'home', lang, path: homePath(lang), alternates: both(languages, homePath), switcher: switcher(homePath), latest: listed.slice(0, options.homeSize ?? 6), stops, topics: topicViews });
    pages.push({ kind: 'search', lang, path: searchPath(lang), alternates: both(languages, searchPath), switcher: switcher(searchPath) });
    pages.push(...listing(lang, languages, 'news', listed, options.pageSize, (l, p) => notesPath(l, p)));
    for (const stop of stops) {
      const items = listed.filter((n) => n.stop === stop.id);
      pages.push(...listing(lang, languages, 'stop', items, options.pageSize, (l, p) => stopPath(l, stop.id, p), stop.name, stop));
    }
    for (const topic of topicViews) {
      const items = listed.filter((n) => n.topics.includes(topic.id));
      pages.push(...listing(lang, languages, 'topic', items, options.pageSize, (l, p) => topicPath(l, topic.id, p), topic.label));
    }
    own.forEach((version, index) => {
      const versions = byFolder.get(version.folder)!.versions;
      // The page's own language first, then the others in the settings' order.
      const alternates = Object.fromEntries([lang, ...others].flatMap((l) => (versions[l] ? [[l, notePath(l, versions[l].slug)]] : [])));
      pages.push({
        kind: 'note',
        lang,
        path: notePath(lang, version.slug),
        alternates,
        switcher: switcher((other) => alternates[other] ?? stopPath(other, version.stop)),
        version,
        unpublished: unpublishedReason(version, now),
        stop: stopById.get(version.stop)!,
        topics: version.topics.map((id) => topicById.get(id)!).filter(Boolean),
        related: related(version, poolOf(version), options.relatedSize ?? 3).map((v) => ownListed.get(v.id)!),
        next: index > 0 ? ownListed.get(own[index - 1]!.id) : undefined,
        previous: index < own.length - 1 ? ownListed.get(own[index + 1]!.id) : undefined,
      });
    });
  }
  return pages;
}

function both(languages: readonly Lang[], path: (lang: Lang) => string): Partial<Record<Lang, string>> {
  return Object.fromEntries(languages.map((l) => [l, path(l)]));
}

function listedNote(note: Note, lang: Lang, languages: readonly Lang[]): ListedNote & { id: string } {
  const version = note.versions[lang] ?? languages.map((l) => note.versions[l]).find(Boolean)!;
  return {
    id: version.id,
    versionId: version.id,
    title: version.title,
    summary: version.summary,
    date: version.date,
    dateOnly: version.dateOnly,
    href: notePath(version.lang, version.slug),
    lang: version.lang,
    onlyIn: version.lang === lang ? undefined : version.lang,
    availableIn: version.lang === lang ? undefined : languages.filter((l) => note.versions[l]),
    stop: version.stop,
    topics: version.topics,
    hasImage: Boolean(version.image),
  };
}

function stopView(stop: Stop, lang: Lang, today: string, listed: ListedNote[]): StopView {
  return {
    ...inLanguage(stop.text, lang),
    id: stop.id,
    href: stopPath(lang, stop.id),
    status: stopStatus(stop, today),
    start: stop.start,
    end: stop.end,
    notes: listed.filter((n) => n.stop === stop.id).length,
  };
}

function listing(
  lang: Lang,
  languages: readonly Lang[],
  list: 'news' | 'stop' | 'topic',
  items: ListedNote[],
  size: number,
  path: (lang: Lang, page: number) => string,
  title = '',
  stop?: StopView,
): Page[] {
  return paginate(items, size).map((slice) => ({
    kind: 'list' as const,
    list,
    lang,
    title,
    stop: slice.page === 1 ? stop : undefined,
    path: path(lang, slice.page),
    alternates: Object.fromEntries(languages.map((l) => [l, path(l, slice.page)])),
    switcher: languages.filter((l) => l !== lang).map((other) => ({ lang: other, path: path(other, slice.page) })),
    items: slice.items,
    pager: {
      page: slice.page,
      pages: slice.pages,
      previous: slice.page > 1 ? path(lang, slice.page - 1) : undefined,
      next: slice.page < slice.pages ? path(lang, slice.page + 1) : undefined,
    },
  }));
}

/**
 * Notes most like `version` in the same language: shared topics count twice,
 * the same stop once; ties go to the note closest in time.
 */
export function related(version: NoteVersion, candidates: readonly NoteVersion[], size: number): NoteVersion[] {
  const topics = new Set(version.topics);
  const distance = (c: NoteVersion) => Math.abs(c.date.getTime() - version.date.getTime());
  return [...new Set(candidates)]
    .filter((c) => c.id !== version.id)
    .map((c) => ({ c, score: c.topics.filter((t) => topics.has(t)).length * 2 + (c.stop === version.stop ? 1 : 0) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || distance(a.c) - distance(b.c) || byNewest(a.c, b.c))
    .slice(0, size)
    .map(({ c }) => c);
}

/**
 * For each version, the notes near it in time that share its stop or one of
 * its topics: the pool `related` ranks. Looking only at neighbours keeps the
 * work linear in the number of notes, where comparing all pairs would not be.
 */
function relatedPools(versions: readonly NoteVersion[], window = 8): (version: NoteVersion) => NoteVersion[] {
  const lists = new Map<string, NoteVersion[]>();
  const positions = new Map<string, number>();
  const keys = (v: NoteVersion) => [`stop:${v.stop}`, ...v.topics.map((t) => `topic:${t}`)];
  for (const v of versions) {
    for (const key of keys(v)) {
      const list = lists.get(key) ?? [];
      positions.set(`${key}|${v.id}`, list.push(v) - 1);
      lists.set(key, list);
    }
  }
  return (v) =>
    keys(v).flatMap((key) => {
      const at = positions.get(`${key}|${v.id}`)!;
      return lists.get(key)!.slice(Math.max(0, at - window), at + window + 1);
    });
}

/**
 * The `<title>` text and meta description of a page (the site name is added by the layout).
 */
export function pageMeta(page: Page, site: { name: Record<Lang, string>; description: Record<Lang, string> }, label: (key: 'news.title' | 'search.title') => string): { title: string; description: string } {
  const { lang } = page;
  switch (page.kind) {
    case 'home':
      return { title: inLanguage(site.name, lang), description: inLanguage(site.description, lang) };
    case 'note':
      return { title: page.version.title, description: page.version.summary };
    case 'list':
      return {
        title: page.list === 'news' ? label('news.title') : page.title,
        description: page.stop?.summary ?? inLanguage(site.description, lang),
      };
    case 'search':
      return { title: label('search.title'), description: inLanguage(site.description, lang) };
  }
}
