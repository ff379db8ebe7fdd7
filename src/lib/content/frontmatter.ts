import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/** A YAML document with a way back from a field path to its line in the file. */
export interface ParsedYaml {
  data: unknown;
  /** Line (1-based, in the whole file) where `path` is written, or the document's first line. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Parse errors, each with its line and the yaml library's stable `YAMLError.code` (none for a failure outside the parser). */
  errors: { line: number; message: string; code?: string }[];
}

/** The parts of a Markdown file: its frontmatter (if any) and its body. */
export interface SplitFile {
  /** Raw YAML between the `---` fences, or undefined when the file has none. */
  yaml?: string;
  /** 1-based line of the first YAML line in the file. */
  yamlLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/**
 * Normalizes text as press staff save it: strips a byte-order mark and turns
 * CRLF and lone CR line ends into LF.
 */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Splits a Markdown file into frontmatter and body.
 * @example splitFrontmatter('---\ntitle: Hola\n---\nTexto').yaml // 'title: Hola'
 */
export function splitFrontmatter(text: string): SplitFile {
  const source = normalizeText(text);
  const match = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(source);
  if (!match) return { yamlLine: 1, body: source, bodyLine: 1 };
  const yaml = match[1] ?? '';
  return {
    yaml,
    yamlLine: 2,
    body: source.slice(match[0].length),
    bodyLine: 1 + match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0),
  };
}

/**
 * Parses YAML keeping dates as the strings the author typed (YAML 1.2 core
 * schema), so that the site time zone can be applied to times without offset.
 * `firstLine` is the file line the YAML starts on, so reported lines match the file.
 */
export function parseYaml(yaml: string, firstLine = 1): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const errors: ParsedYaml['errors'] = doc.errors.map((error) => ({ line: toLine(error.pos[0]), message: error.message.split('\n')[0] ?? '', code: error.code }));
  let data: unknown;
  try {
    if (!errors.length) data = doc.toJS();
  } catch (error) {
    // `*word` is a YAML alias; an unknown one throws here rather than parsing as text.
    errors.push({ line: firstLine, message: (error as Error).message.split('\n')[0] ?? '' });
  }
  return { data, errors, lineOf: (path) => toLine(offsetOf(doc, path)) };
}

function offsetOf(doc: Document, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    if (!pair) break;
    offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? offset;
    node = pair.value;
  }
  return offset;
}
