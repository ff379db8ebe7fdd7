import { z } from 'zod';
import { noteFrontmatter, stopFile, topicsFile } from './schema.ts';

/** The pattern of a content date in JSON Schema: `2023-03-02`, `2023-03-02T10:30`, with an optional offset. */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?$';

/**
 * The JSON Schemas of the content files, by file name, for editors to
 * autocomplete and check as staff type. Generated from the zod schemas so
 * they never disagree with the check; `npm run schema` writes them to
 * `content/schemas/`.
 */
export function contentJsonSchemas(): Record<string, object> {
  return {
    'note.schema.json': toJson(noteFrontmatter, 'Nota de prensa (encabezado de index.<idioma>.md) / Press note (header of index.<language>.md)'),
    'stop.schema.json': toJson(stopFile, 'Parada del convoy (content/stops/<id>.yaml) / Convoy stop'),
    'topics.schema.json': toJson(topicsFile, 'Temas (content/topics.yaml) / Topics'),
  };
}

// Draft 7 because it is the version every editor's YAML support reads.
function toJson(schema: z.ZodType, title: string): object {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any', override: describeDates });
  return { $schema, title, ...rest };
}

// YAML dates are typed as text (`2023-03-02T10:30`); zod's union of string and
// Date has no JSON form, so dates become strings with the accepted pattern.
function describeDates(ctx: { zodSchema: z.core.$ZodType; jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  const def = ctx.zodSchema._zod.def;
  if (def.type !== 'pipe' || (def as z.core.$ZodPipeDef).in._zod.def.type !== 'union') return;
  delete ctx.jsonSchema.anyOf;
  Object.assign(ctx.jsonSchema, { type: 'string', pattern: DATE_PATTERN });
}

/** A schema file as written to disk: two-space JSON with a final newline. */
export const schemaFileText = (schema: object): string => `${JSON.stringify(schema, null, 2)}\n`;
