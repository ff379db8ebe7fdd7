import type { MessageCode } from '../check/content-messages.ts';
import type { ParsedYaml } from './frontmatter.ts';
import { valueAt } from './schema-issues.ts';

/** A YAML syntax mistake, on the line press staff should look at. */
export interface YamlMistake {
  line: number;
  code: MessageCode;
  /** yaml's own words, for the mistakes without a message of their own. */
  detail: string;
}

// The yaml library's messages are English, terse and may change between
// versions; its error codes (`YAMLError.code`) are the stable key. The common
// mistakes get a message of their own, the rest keep yaml's text inside a
// general one. A code can cover two mistakes (MISSING_CHAR is an unclosed
// quote or a key without a value): the source lines tell them apart.
const MISTAKES: Record<string, MessageCode> = {
  DUPLICATE_KEY: 'yamlDuplicate',
  BAD_SCALAR_START: 'yamlReserved',
  TAB_AS_INDENT: 'yamlTab',
  BLOCK_AS_IMPLICIT_KEY: 'yamlIndent',
  MULTILINE_IMPLICIT_KEY: 'yamlIndent',
};

/**
 * The syntax mistakes of a header, one per line and kind. `firstLine` is
 * the file line the YAML starts on.
 * @example yamlMistakes(parseYaml('title: "Hola\nstop: x', 2).errors, 'title: "Hola\nstop: x', 2) // [{ line: 2, code: 'yamlQuote', … }]
 */
export function yamlMistakes(errors: ParsedYaml['errors'], yaml: string, firstLine: number): YamlMistake[] {
  const lines = yaml.split('\n');
  const mistakes = new Map<string, YamlMistake>();
  for (const error of errors) {
    const before = lines.slice(0, error.line - firstLine + 1);
    const code = mistakeCode(error.code, before);
    const opening = openingLine(code, before);
    const line = opening === undefined ? error.line : firstLine + opening;
    if (!mistakes.has(`${line} ${code}`)) mistakes.set(`${line} ${code}`, { line, code, detail: error.message });
  }
  return [...mistakes.values()];
}

// A line that opens a quote it does not close, or a list it does not close.
const unclosedQuote = (line: string) => ['"', "'"].find((quote) => line.split(quote).length % 2 === 0);
const unclosedList = (line: string) => line.split('[').length > line.split(']').length;

function mistakeCode(yamlCode: string | undefined, lines: string[]): MessageCode {
  const lineText = lines.at(-1) ?? '';
  switch (yamlCode) {
    case 'MISSING_CHAR':
      return lines.some(unclosedQuote) ? 'yamlQuote' : 'yamlIndent';
    case 'BAD_INDENT':
      return lines.some(unclosedList) ? 'yamlBracket' : 'yamlIndent';
    // A value that ended too early: after a closing quote, or after a `*word`.
    case 'UNEXPECTED_TOKEN':
      if (/^[^:]*:\s+["']/.test(lineText)) return 'yamlAfterQuote';
      if (/^[^:]*:\s+[*&!]/.test(lineText)) return 'yamlReserved';
      return 'yaml';
    default:
      return (yamlCode && MISTAKES[yamlCode]) || 'yaml';
  }
}

// yaml finds an unclosed quote or list where the header ends; staff need the
// line where it opens: the last one that opens more than it closes.
function openingLine(code: MessageCode, lines: string[]): number | undefined {
  const unclosed = code === 'yamlQuote' ? unclosedQuote : code === 'yamlBracket' ? unclosedList : undefined;
  const index = unclosed ? lines.findLastIndex((line) => Boolean(unclosed(line))) : -1;
  return index >= 0 ? index : undefined;
}

/**
 * The line of a value starting with `*`, which yaml reads as an alias and,
 * when it names nothing, throws on instead of reporting.
 */
export function aliasLine(yaml: string, firstLine: number): number {
  return firstLine + Math.max(0, yaml.split('\n').findIndex((line) => /(:|^\s*-)\s+\*/.test(line)));
}

// In YAML, ` #` starts a comment: `summary: Arranca el #Convoy` silently loses
// the hashtag. These are the fields where that would reach readers.
const TEXT_FIELDS = [['title'], ['summary'], ['image', 'alt'], ['image', 'credit']];

/** The text fields whose unquoted value loses a ` #…` tail to a comment. */
export function fieldsCutByComments(parsed: ParsedYaml, yaml: string, firstLine: number): { path: string[]; line: number }[] {
  const lines = yaml.split('\n');
  return TEXT_FIELDS.flatMap((path) => {
    if (typeof valueAt(parsed.data, path) !== 'string') return [];
    const line = parsed.lineOf(path);
    return /^\s*[\w-]+:\s+[^\s"'|>].*?\s#/.test(lines[line - firstLine] ?? '') ? [{ path, line }] : [];
  });
}
