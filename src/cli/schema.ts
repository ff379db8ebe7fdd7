/**
 * `npm run schema`: writes the JSON Schemas of the content files to
 * `content/schemas/` from the zod schemas in `src/lib/content/schema.ts`. Run it
 * after changing a field; a test fails while the committed files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentJsonSchemas, schemaFileText } from '../lib/content/json-schema.ts';

const dir = join(process.cwd(), 'content', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(contentJsonSchemas())) {
  writeFileSync(join(dir, name), schemaFileText(schema));
  console.log(`content/schemas/${name}`);
}
