import { defineCollection } from 'astro:content';
import { resolve } from 'node:path';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { buildEnv } from './lib/build/build-env.ts';
import { noteFrontmatter } from './lib/content/schema.ts';
import { settings } from './settings.ts';

const { contentDir } = buildEnv(settings, process.env);

// The content check (src/lib/content/content.ts) is the authority on the rules and
// runs before every build; this schema only adds Astro's image resolution.
const notes = defineCollection({
  loader: glob({
    base: resolve(contentDir, 'notes'),
    // index.<code>.md for each language of the settings (a one-item brace would be read as
    // literal text); the id is `<folder>/<code>`, as NoteVersion.id.
    pattern: `*/index.${settings.languages.length > 1 ? `{${settings.languages.join(',')}}` : settings.languages[0]}.{md,mdx}`,
    generateId: ({ entry }) => entry.replace(/\/index\.([^/]+)\.mdx?$/, '/$1'),
  }),
  schema: ({ image }) =>
    noteFrontmatter.extend({
      image: z.strictObject({ src: image(), alt: z.string().min(1), credit: z.string().optional() }).optional(),
    }),
});

export const collections = { notes };
