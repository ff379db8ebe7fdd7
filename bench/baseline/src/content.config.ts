import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const notes = defineCollection({
  loader: glob({ base: resolve(process.env.CONTENT_DIR!, 'notes'), pattern: '*/index.{es,en}.md', generateId: ({ entry }) => entry.replace(/\/index\.([^/]+)\.md$/, '/$1') }),
  schema: ({ image }) =>
    z.looseObject({ title: z.string(), summary: z.string(), date: z.coerce.date(), image: z.object({ src: image(), alt: z.string() }).optional() }),
});

export const collections = { notes };
