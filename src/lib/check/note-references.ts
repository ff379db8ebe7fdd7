import { Parser } from 'htmlparser2';

/** A link or an image a note's body points to, with its 1-based line in the file. */
export interface Reference {
  kind: 'link' | 'image';
  /** The address as written; undefined for an `<img>` without `src`. */
  url: string | undefined;
  /** Alt text of an image (`undefined` when an `<img>` has none). */
  alt?: string;
  line: number;
  /** Written as raw HTML rather than Markdown. */
  html: boolean;
}

// [text](url "title") not preceded by "!", and [id]: url definitions; the URL
// either in <angle brackets> or up to the first space, with balanced parentheses.
const LINK_RE = /(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*(?:<([^>]*)>|((?:[^\s()]|\([^\s()]*\))+))(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const DEFINITION_RE = /^ {0,3}\[[^\]]+\]:\s*(?:<([^>]*)>|(\S+))/;
const AUTOLINK_RE = /<((?:https?|mailto|tel|ftp|javascript|data|file):[^\s<>]*)>/gi;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The links and raw-HTML images of a Markdown body (Markdown images are
 * `bodyImages`' job), skipping code blocks and code spans, which show
 * addresses rather than link to them.
 * @example bodyReferences('See [the note](../otra/).', 9) // [{ kind: 'link', url: '../otra/', line: 9, html: false }]
 */
export function bodyReferences(body: string, firstLine: number): Reference[] {
  const found: Reference[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((text, index) => {
    const line = firstLine + index;
    const marker = FENCE_RE.exec(text)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    // Most lines are plain prose: nothing to find without a bracket or an angle bracket.
    if (!text.includes('[') && !text.includes('<')) return;
    const code = text.includes('`') ? text.replace(/(`+)(?:(?!\1).)+\1/g, (span) => ' '.repeat(span.length)) : text;
    for (const m of code.matchAll(LINK_RE)) found.push({ kind: 'link', url: (m[1] ?? m[2] ?? '').trim(), line, html: false });
    const definition = DEFINITION_RE.exec(code);
    if (definition) found.push({ kind: 'link', url: (definition[1] ?? definition[2] ?? '').trim(), line, html: false });
    for (const m of code.matchAll(AUTOLINK_RE)) found.push({ kind: 'link', url: m[1]!, line, html: false });
    found.push(...htmlReferences(code, line));
  });
  return found;
}

function htmlReferences(text: string, line: number): Reference[] {
  if (!text.includes('<')) return [];
  const found: Reference[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'a' && 'href' in attributes) found.push({ kind: 'link', url: attributes.href!.trim(), line, html: true });
      if (name === 'img') found.push({ kind: 'image', url: attributes.src?.trim() || undefined, alt: attributes.alt?.trim(), line, html: true });
    },
  });
  parser.end(text);
  return found;
}
