import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter, parseYaml } from '../src/lib/content/frontmatter.ts';
import { contentJsonSchemas, DATE_PATTERN, schemaFileText } from '../src/lib/content/json-schema.ts';

const schemas = contentJsonSchemas();
const note = schemas['note.schema.json'] as { required: string[]; additionalProperties: boolean; properties: Record<string, { pattern?: string; description?: string; anyOf?: unknown }> };

describe('content/schemas/', () => {
  it.each(Object.keys(schemas))('%s is up to date with src/lib/content/schema.ts (run `npm run schema` to update it)', (name) => {
    expect(readFileSync(join('content/schemas', name), 'utf8')).toBe(schemaFileText(schemas[name]!));
  });

  it('holds only the generated schemas', () => {
    expect(readdirSync('content/schemas').sort()).toEqual(Object.keys(schemas).sort());
  });
});

describe('the note schema', () => {
  it('requires the fields the check requires and refuses unknown ones', () => {
    expect(note.required).toEqual(['title', 'summary', 'date', 'stop']);
    expect(note.additionalProperties).toBe(false);
  });

  it('describes every field in both languages, for editor tooltips', () => {
    for (const [name, field] of Object.entries(note.properties)) expect(field.description, name).toMatch(/ \/ /);
  });

  it('types dates as text with the pattern the check reads, not as a union editors cannot show', () => {
    expect(note.properties.date).toMatchObject({ type: 'string', pattern: DATE_PATTERN });
    expect(note.properties.date?.anyOf).toBeUndefined();
    const date = new RegExp(DATE_PATTERN);
    for (const ok of ['2023-02-27', '2023-02-27T10:30', '2023-02-27 10:30', '2023-02-27T10:30:00-08:00', '2023-02-27T18:00:00Z']) expect(date.test(ok), ok).toBe(true);
    for (const bad of ['27/02/2023', '2023-2-27', 'mañana']) expect(date.test(bad), bad).toBe(false);
  });

  it('accepts the dates of every sample note', () => {
    const date = new RegExp(DATE_PATTERN);
    for (const folder of readdirSync('content/notes')) {
      for (const file of readdirSync(join('content/notes', folder)).filter((f) => /\.mdx?$/.test(f))) {
        const split = splitFrontmatter(readFileSync(join('content/notes', folder, file), 'utf8'));
        const data = parseYaml(split.yaml ?? '').data as { date: string };
        expect(date.test(data.date), `${folder}/${file}`).toBe(true);
      }
    }
  });
});
