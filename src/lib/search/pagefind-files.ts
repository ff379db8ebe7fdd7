/**
 * Reading the index Pagefind writes, for what the build adds on top of it
 * (src/lib/search/search-scores.ts): each language's pages and date order
 * (`pagefind.<lang>_<hash>.pf_meta`) and every word's places in every page
 * (`index/<hash>.pf_index`). Both are gzipped CBOR behind Pagefind's 12-byte
 * signature; the shapes read here are Pagefind 1.6's, and the build tests
 * check them against a real index, so an upgrade that changes them fails
 * there, not on the site.
 */
import { gunzipSync } from 'node:zlib';

/** A page of one language's index: its id (the fragment's name) and its length in words. */
export interface MetaPage {
  id: string;
  words: number;
}

/** One language's index in one bundle, as its meta file describes it. */
export interface IndexMeta {
  pages: MetaPage[];
  /** The index chunk files' names (`index/<name>.pf_index`). */
  chunks: string[];
  /** Page numbers newest first, as Pagefind sorts by `data-pagefind-sort="date:…"`. */
  newestFirst: number[];
  /** The meta fields, by the number a word's meta places give. */
  metaFields: string[];
}

/** Where a word stands in one page: its places in the text with their weight (1 for body text), and in the meta fields. */
export interface WordInPage {
  page: number;
  text: Array<{ weight: number; position: number }>;
  meta: Array<{ field: number; position: number }>;
}

/** Pagefind's unit of weight: a place of weight 1 (body text) is stored as 24. */
const WEIGHT_UNIT = 24;

/** The contents of a Pagefind index or meta file: gunzipped (when it is), its signature dropped, its CBOR decoded. */
export function readPagefindFile(bytes: Uint8Array): unknown {
  return decodeCbor(unwrap(bytes));
}

/** A Pagefind fragment (`fragment/<page id>.pf_fragment`): gzipped JSON behind the same signature. */
export function readFragment(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(unwrap(bytes)));
}

function unwrap(bytes: Uint8Array): Uint8Array {
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return plain.subarray(12);
}

/**
 * Decodes the CBOR that Pagefind writes: integers, strings and arrays.
 * @example decodeCbor(Uint8Array.of(0x82, 0x01, 0x20)) // [1, -1]
 */
export function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new Error(`Pagefind index: unreadable CBOR at byte ${at}`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): unknown => {
    if (at >= bytes.length) throw new Error('Pagefind index: the file ends early');
    const head = bytes[at++]!;
    const info = head & 31;
    switch (head >> 5) {
      case 0: return length(info);
      case 1: return -1 - length(info);
      case 2: case 3: {
        const n = length(info);
        const chunk = bytes.subarray(at, (at += n));
        return head >> 5 === 3 ? text.decode(chunk) : chunk;
      }
      case 4: return Array.from({ length: length(info) }, item);
      default: throw new Error(`Pagefind index: unexpected CBOR type ${head >> 5} at byte ${at - 1}`);
    }
  };
  return item();
}

/** One language's meta file, decoded: `[version, pages, chunks, filters, sorts, meta fields]`. */
export function readIndexMeta(value: unknown): IndexMeta {
  const [, pages, chunks, , sorts, fields] = asArray(value, 'meta file');
  const date = asArray(sorts, 'sorts').map((sort) => asArray(sort, 'sort')).find(([name]) => name === 'date');
  return {
    pages: asArray(pages, 'pages').map((page) => {
      const [id, words] = asArray(page, 'page');
      return { id: String(id), words: Number(words) };
    }),
    chunks: asArray(chunks, 'chunks').map((chunk) => String(asArray(chunk, 'chunk')[2])),
    // Pagefind keeps each sort oldest first and reads it backwards for `desc`.
    newestFirst: date ? asArray(date[1], 'date order').map(Number).reverse() : [],
    metaFields: asArray(fields, 'meta fields').map(String),
  };
}

/**
 * One index chunk, decoded: each indexed word (Pagefind's stem, folded) and
 * the pages it stands in, its accented spellings merged into it. A word's
 * entry is `[word, pages, spellings]`, a page's `[page number step, text
 * places, meta places]`; page numbers and places are steps from the one
 * before, and a negative number `-(w + 1)` starts a run of weight `w`
 * (text) or of meta field `w` (meta), its places counted from 0 again.
 */
export function readIndexChunk(value: unknown): Map<string, WordInPage[]> {
  const words = new Map<string, WordInPage[]>();
  for (const entry of asArray(asArray(value, 'index chunk')[0], 'words')) {
    const [word, pages, spellings] = asArray(entry, 'word');
    const byPage = new Map<number, WordInPage>();
    for (const list of [pages, ...asArray(spellings ?? [], 'spellings').map((s) => asArray(s, 'spelling')[1])]) {
      let page = 0;
      for (const item of asArray(list, 'word pages')) {
        const [step, text, meta] = asArray(item, 'word page');
        page += Number(step);
        let found = byPage.get(page);
        if (!found) byPage.set(page, (found = { page, text: [], meta: [] }));
        for (const { run, position } of places(text)) found.text.push({ weight: run / WEIGHT_UNIT, position });
        for (const { run, position } of places(meta ?? [])) found.meta.push({ field: run, position });
      }
    }
    words.set(String(word), [...byPage.values()].sort((a, b) => a.page - b.page));
  }
  return words;
}

/** The places of one run-coded list: each with the run it is in (-1 before any). */
function places(list: unknown): Array<{ run: number; position: number }> {
  const out: Array<{ run: number; position: number }> = [];
  let run = WEIGHT_UNIT;
  let position = 0;
  for (const n of asArray(list, 'places').map(Number)) {
    if (n < 0) {
      run = -1 - n;
      position = 0;
    } else out.push({ run, position: (position += n) });
  }
  return out;
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`Pagefind index: expected a list for the ${what}`);
  return value;
}
