/**
 * Reading Pagefind's index files (src/lib/search/pagefind-files.ts), on
 * values shaped as Pagefind 1.6 writes them; tests/search-index.test.ts
 * reads a real index with the same code.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeCbor, readFragment, readIndexChunk, readIndexMeta, readPagefindFile } from '../src/lib/search/pagefind-files.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);
const signed = (body: Uint8Array) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), body]));

describe('decodeCbor', () => {
  it('reads whole numbers of every size, negative numbers, strings and lists', () => {
    expect(decodeCbor(bytes(0x17))).toBe(23);
    expect(decodeCbor(bytes(0x18, 0xff))).toBe(255);
    expect(decodeCbor(bytes(0x19, 0x01, 0x00))).toBe(256);
    expect(decodeCbor(bytes(0x1a, 0x00, 0x01, 0x00, 0x00))).toBe(65536);
    expect(decodeCbor(bytes(0x20))).toBe(-1);
    expect(decodeCbor(bytes(0x38, 0x90))).toBe(-145);
    // "ó" is two bytes of UTF-8.
    expect(decodeCbor(bytes(0x63, 0x63, 0xc3, 0xb3))).toBe('có');
    expect(decodeCbor(bytes(0x83, 0x01, 0x80, 0x82, 0x20, 0x04))).toEqual([1, [], [-1, 4]]);
  });

  it('says so when a file ends early or holds what Pagefind does not write', () => {
    expect(() => decodeCbor(bytes(0x82, 0x01))).toThrow('ends early');
    expect(() => decodeCbor(bytes(0xa1, 0x01, 0x02))).toThrow('unexpected CBOR type 5');
  });
});

describe('readPagefindFile and readFragment', () => {
  it('drop the gzip and the signature', () => {
    expect(readPagefindFile(signed(Buffer.from([0x82, 0x01, 0x02])))).toEqual([1, 2]);
    expect(readFragment(signed(Buffer.from('{"url":"/es/notas/a/"}')))).toEqual({ url: '/es/notas/a/' });
  });
});

describe('readIndexMeta', () => {
  it('gives the pages with their lengths, the chunk files, the date order newest first and the meta fields', () => {
    const meta = ['1.6.0', [['es_a', 368, ''], ['es_b', 358, ''], ['es_c', 374, '']], [['00', 'york', 'es_chunk']], [['stop', 'es_f']], [['date', [2, 0, 1]]], ['date', 'title']];
    expect(readIndexMeta(meta)).toEqual({
      pages: [{ id: 'es_a', words: 368 }, { id: 'es_b', words: 358 }, { id: 'es_c', words: 374 }],
      chunks: ['es_chunk'],
      // Pagefind keeps the order oldest first: page 2 is the oldest.
      newestFirst: [1, 0, 2],
      metaFields: ['date', 'title'],
    });
  });

  it('says what it expected when the shape is not Pagefind’s', () => {
    expect(() => readIndexMeta(['1.6.0', 'pages', [], [], [], []])).toThrow('expected a list for the pages');
  });
});

describe('readIndexChunk', () => {
  it('gives each word’s pages and places, in steps, with their weights and meta fields, its accented spellings merged', () => {
    const chunk = [[
      ['convoy', [
        // Page 0: body places 52, 151, 335.
        [0, [-25, 52, 99, 184], []],
        // Page 2: body place 38 and 176, then the summary (weight 3) from 0 again: place 9; in meta field 3, place 7.
        [2, [-25, 38, 138, -73, 9], [-4, 7]],
      ], []],
      ['inversion', [[1, [-25, 71], []]], [['inversión', [[1, [-25, 94], []], [1, [], [-4, 2]]]]]],
    ]];
    const words = readIndexChunk(chunk);
    expect(words.get('convoy')).toEqual([
      { page: 0, text: [{ weight: 1, position: 52 }, { weight: 1, position: 151 }, { weight: 1, position: 335 }], meta: [] },
      { page: 2, text: [{ weight: 1, position: 38 }, { weight: 1, position: 176 }, { weight: 3, position: 9 }], meta: [{ field: 3, position: 7 }] },
    ]);
    // The spelling "inversión" is on page 1 too, and alone on page 2 (in its title).
    expect(words.get('inversion')).toEqual([
      { page: 1, text: [{ weight: 1, position: 71 }, { weight: 1, position: 94 }], meta: [] },
      { page: 2, text: [], meta: [{ field: 3, position: 2 }] },
    ]);
  });
});
