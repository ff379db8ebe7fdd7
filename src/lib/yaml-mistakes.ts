import type { MessageCode } from './content-messages.ts';
import type { ParsedYaml } from './frontmatter.ts';
import { valueAt } from './schema-issues.ts';

/** A YAML syntax mistake, on the line press staff should look at. */
export interface YamlMistake {
  line: number;
  code: MessageCode;
  /** yaml's own words, for the mistakes without a message of their own. */
  detail: string;
}

// yaml's messages are English and terse; the common mistakes get a message of
// their own, the rest keep yaml's text inside a general one.
const MISTAKES: [RegExp, MessageCode][] = [
  [/^Missing closing ["']quote/, 'yamlQuote'],
  [/end with a \]/, 'yamlBracket'],
  [/^Map keys must be unique/, 'yamlDuplicate'],
  [/cannot start with/, 'yamlReserved'],
  [/tab/i, 'yamlTab'],
  [/implicit key|compact mapping|indent/i, 'yamlIndent'],
];

/**
 * The syntax mistakes of a header, one per line and kind. `firstLine` is
 * the file line the YAML starts on.
 * @example yamlMistakes(parseYaml('title: "Hola\nstop: x', 2).errors, 'title: "Hola\nstop: x', 2) // [{ line: 2, code: 'yamlQuote', … }]
 */
export function yamlMistakes(errors: ParsedYaml['errors'], yaml: string, firstLine: number): YamlMistake[] {
  const lines = yaml.split('\n');
  const mistakes = new Map<string, YamlMistake>();
  for (const error of errors) {
    const code = mistakeCode(error.message, lines[error.line - firstLine] ?? '');
    const opening = openingLine(code, error.message, lines.slice(0, error.line - firstLine + 1));
    const line = opening === undefined ? error.line : firstLine + opening;
    if (!mistakes.has(`${line} ${code}`)) mistakes.set(`${line} ${code}`, { line, code, detail: error.message });
  }
  return [...mistakes.values()];
}

function mistakeCode(message: string, lineText: string): MessageCode {
  // "Unexpected scalar" follows a value that ended too early: after a quote, or a `*word`.
  if (/^Unexpected scalar at node end/.test(message)) {
    if (/^[^:]*:\s+["']/.test(lineText)) return 'yamlAfterQuote';
    if (/^[^:]*:\s+[*&!]/.test(lineText)) return 'yamlReserved';
  }
  return MISTAKES.find(([re]) => re.test(message))?.[1] ?? 'yaml';
}

// yaml finds an unclosed quote or list where the header ends; staff need the
// line where it opens: the last one that opens more than it closes.
function openingLine(code: MessageCode, message: string, lines: string[]): number | undefined {
  const quote = message.includes("'quote") ? "'" : '"';
  const unclosed =
    code === 'yamlQuote' ? (line: string) => line.split(quote).length % 2 === 0
    : code === 'yamlBracket' ? (line: string) => line.split('[').length > line.split(']').length
    : undefined;
  const index = unclosed ? lines.findLastIndex(unclosed) : -1;
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
