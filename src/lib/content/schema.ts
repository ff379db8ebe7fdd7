import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';

/** Lowercase ASCII kebab-case, as used by slugs, stop ids and topic ids. */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Descriptions are in both languages: editors show them while staff type
// (see content/schemas/, generated from these schemas by `npm run schema`).
const about = (es: string, en: string) => ({ description: `${es} / ${en}` });

const text = (max: number) => z.string().trim().min(1).max(max);
// Dates stay strings here: the site time zone is applied by parseContentDate.
const dateText = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : v));

/**
 * The frontmatter of one language file of a note. Strict: an unknown field
 * (a typo such as `titel`) is an error, never silently ignored.
 */
export const noteFrontmatter = z.strictObject({
  title: text(160).meta(about('Título, de 1 a 160 caracteres', 'Title, 1 to 160 characters')),
  summary: text(300).meta(about('Resumen para listas, buscadores y al compartir; de 1 a 300 caracteres', 'Summary for listings, search engines and sharing; 1 to 300 characters')),
  date: dateText.meta(about(
    'Publicación: 2023-03-02 o 2023-03-02T10:30 (hora del sitio, Ciudad de México); en el futuro, es un embargo',
    'Publication: 2023-03-02 or 2023-03-02T10:30 (site time, Mexico City); in the future, it is an embargo',
  )),
  updated: dateText.optional().meta(about('Última actualización, no antes de `date`', 'Last update, not before `date`')),
  stop: z.string().regex(KEBAB).meta(about('Parada: el nombre de un archivo de content/stops/, sin .yaml', 'Stop: the name of a file in content/stops/, without .yaml')),
  topics: z.array(z.string()).default([]).meta(about('Temas: ids de content/topics.yaml, p. ej. [economy, diplomacy]', 'Topics: ids from content/topics.yaml, e.g. [economy, diplomacy]')),
  people: z.array(text(120)).default([]).meta(about('Personas mencionadas', 'People mentioned')),
  organizations: z.array(text(160)).default([]).meta(about('Organizaciones mencionadas', 'Organizations mentioned')),
  image: z
    .strictObject({
      src: z.string().min(1).meta(about('Un archivo de la carpeta de la nota, p. ej. hero.jpg', 'A file in the note folder, e.g. hero.jpg')),
      alt: text(300).meta(about('Describa la imagen para quien no la ve', 'Describe the image for people who cannot see it')),
      credit: text(200).optional().meta(about('Crédito, p. ej. "Foto: SRE"', 'Credit, e.g. "Photo: SRE"')),
    })
    .optional()
    .meta(about('Imagen principal', 'Main image')),
  draft: z.boolean().default(false).meta(about('true: borrador, no se publica', 'true: draft, not published')),
  slug: z.string().regex(KEBAB).max(100).optional().meta(about(
    'Dirección de esta versión: minúsculas sin acentos y guiones',
    'Address of this version: lowercase without accents, and hyphens',
  )),
});

/** A validated note header, dates still as written. */
export type NoteFrontmatter = z.infer<typeof noteFrontmatter>;

const stopText = z.strictObject({
  name: text(80),
  region: text(80),
  country: text(80),
  summary: text(300),
});

// "Textos en francés / French texts": a language named in both languages of the descriptions.
const textsIn = (code: string) => {
  const name = (locale: string) => new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  return about(`Textos en ${name('es')}`, `${name('en')} texts`);
};

/** A stop file, `content/stops/<id>.yaml`, for a site in `languages`: one block of texts per language code. */
export function stopFileSchema(languages: readonly string[]) {
  return z.strictObject({
    order: z.number().int().meta(about('Posición en el itinerario', 'Position in the itinerary')),
    start: dateText.optional().meta(about('Primer día, AAAA-MM-DD (sin fechas: parada planeada)', 'First day, YYYY-MM-DD (no dates: planned stop)')),
    end: dateText.optional().meta(about('Último día, AAAA-MM-DD', 'Last day, YYYY-MM-DD')),
    coordinates: z
      .tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)])
      .optional()
      .meta(about('[latitud, longitud]', '[latitude, longitude]')),
    ...Object.fromEntries(languages.map((code) => [code, stopText.meta(textsIn(code))])),
  });
}

/** `content/topics.yaml` for a site in `languages`: topic id to its label in each language. */
export function topicsFileSchema(languages: readonly string[]) {
  return z.record(z.string().regex(KEBAB), z.strictObject(Object.fromEntries(languages.map((code) => [code, text(60)]))));
}

/** The stop file of this site's languages (the settings file's). */
export const stopFile = stopFileSchema(LANGUAGES);

/** `content/topics.yaml` of this site's languages. */
export const topicsFile = topicsFileSchema(LANGUAGES);
