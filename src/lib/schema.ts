import { z } from 'zod';

/** Lowercase ASCII kebab-case, as used by slugs, stop ids and topic ids. */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) => z.string().trim().min(1).max(max);
// Dates stay strings here: the site time zone is applied by parseContentDate.
const dateText = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : v));

/**
 * The frontmatter of one language file of a note. Strict: an unknown field
 * (a typo such as `titel`) is an error, never silently ignored.
 */
export const noteFrontmatter = z.strictObject({
  title: text(160),
  summary: text(300),
  date: dateText,
  updated: dateText.optional(),
  stop: z.string().regex(KEBAB),
  topics: z.array(z.string()).default([]),
  people: z.array(text(120)).default([]),
  organizations: z.array(text(160)).default([]),
  image: z
    .strictObject({ src: z.string().min(1), alt: text(300), credit: text(200).optional() })
    .optional(),
  draft: z.boolean().default(false),
  slug: z.string().regex(KEBAB).max(100).optional(),
});

export type NoteFrontmatter = z.infer<typeof noteFrontmatter>;

const stopText = z.strictObject({
  name: text(80),
  region: text(80),
  country: text(80),
  summary: text(300),
});

/** A stop file, `content/stops/<id>.yaml`. */
export const stopFile = z.strictObject({
  order: z.number().int(),
  start: dateText.optional(),
  end: dateText.optional(),
  coordinates: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]).optional(),
  es: stopText,
  en: stopText,
});

/** `content/topics.yaml`: topic id to its label in each language. */
export const topicsFile = z.record(z.string().regex(KEBAB), z.strictObject({ es: text(60), en: text(60) }));
