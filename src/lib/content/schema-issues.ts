import type { z } from 'zod';
import { closest } from './closest.ts';
import type { MessageCode } from '../check/content-messages.ts';

/** A field problem found by a schema, as a message code for press staff. */
export interface FieldIssue {
  path: PropertyKey[];
  code: MessageCode;
  params: Record<string, string | number>;
}

/**
 * zod's issues for one parsed file, in the staff's terms: one per field,
 * unknown fields with a "did you mean" taken from the fields the schema allows there.
 * @example fieldIssues(noteFrontmatter.safeParse({ titel: 'x' }).error!, { titel: 'x' }, noteFrontmatter)[0] // { path: ['title'], code: 'required', params: {} }
 */
export function fieldIssues(error: z.ZodError, data: unknown, schema: z.ZodType): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code !== 'unrecognized_keys') return [{ path: issue.path, ...describeIssue(issue, valueAt(data, issue.path)) }];
    const known = keysAt(schema, issue.path);
    return issue.keys.map((name) => ({ path: [...issue.path, name], code: 'unknownField', params: { name, suggestion: closest(name, known) ?? '' } }));
  });
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): Pick<FieldIssue, 'code' | 'params'> {
  const is = (code: MessageCode, params: FieldIssue['params'] = {}) => ({ code, params });
  if (value === undefined) return is('required');
  if (issue.path.length === 0) return is('notMapping');
  if (value === null) return is('noValue');
  const text = typeof value === 'string';
  if (issue.code === 'too_small' && text) return is('empty');
  if (issue.code === 'too_big' && text) return is('tooLong', { actual: value.trim().length, max: Number(issue.maximum) });
  if (issue.code === 'invalid_format' && text) return is('badSlug', { value });
  if (issue.code === 'invalid_key') return is('badSlug', { value: String(issue.path.at(-1)) });
  // Only dates are unions (text or a YAML timestamp).
  if (issue.code === 'invalid_union') return is('badDate', { value: String(value) });
  if (issue.code === 'too_big' && issue.origin === 'number') return is('numberTooBig', { max: Number(issue.maximum) });
  if (issue.code === 'too_small' && issue.origin === 'number') return is('numberTooSmall', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'array') return is('listSize', { count: Number(issue.maximum) });
  if (issue.code === 'too_small' && issue.origin === 'array') return is('listSize', { count: Number(issue.minimum) });
  return is('wrongType', { expected: issue.code === 'invalid_type' ? String(issue.expected) : issue.message });
}

// The field names a schema allows at `path`, looking through optional and default wrappers.
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const key of [...path, undefined]) {
    while (defOf(node)?.innerType) node = defOf(node)!.innerType;
    if (key === undefined) break;
    node = (defOf(node)?.shape as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  const shape = defOf(node)?.shape;
  return shape ? Object.keys(shape) : [];
}

const defOf = (node: unknown) => (node as { _zod?: { def?: { innerType?: unknown; shape?: object } } } | undefined)?._zod?.def;

/**
 * The value at a field path of parsed YAML, or undefined.
 * @example valueAt({ image: { alt: 'x' } }, ['image', 'alt']) // 'x'
 */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), data);
}
