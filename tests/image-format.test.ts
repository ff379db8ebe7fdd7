import { describe, expect, it } from 'vitest';
import { fileKind } from '../src/lib/check/image-format.ts';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const ftyp = (major: string, ...compatible: string[]) => {
  const body = `ftyp${major}\0\0\0\0${compatible.join('')}`;
  return bytes([0, 0, 0, 4 + body.length], body, [1, 2, 3]);
};

describe('fileKind', () => {
  it('knows the four formats the site publishes by their first bytes', () => {
    expect(fileKind(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('jpeg');
    expect(fileKind(bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR'))).toBe('png');
    expect(fileKind(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
    expect(fileKind(ftyp('avif', 'mif1', 'miaf'))).toBe('avif');
    // An AVIF may name the generic HEIF brand first and AVIF among the compatible ones.
    expect(fileKind(ftyp('mif1', 'avif', 'miaf'))).toBe('avif');
  });

  it('names what an image that is not one of them is', () => {
    expect(fileKind(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(fileKind(ftyp('mif1', 'heic'))).toBe('heic');
    expect(fileKind(bytes('GIF89a', [1, 0, 1, 0]))).toBe('gif');
    expect(fileKind(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(fileKind(bytes('II*\0'))).toBe('tiff');
    expect(fileKind(bytes('BM', [0, 0]))).toBe('bmp');
  });

  it('tells an SVG drawing from other text, whatever the file is named', () => {
    expect(fileKind(bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'))).toBe('svg');
    expect(fileKind(bytes('\ufeff<svg width="10">'.replace('\ufeff', '\xef\xbb\xbf')))).toBe('svg');
    expect(fileKind(bytes('Foto de la reunión\n'.replace('ó', '\xc3\xb3')))).toBe('text');
    expect(fileKind(bytes('<html><body>404 Not Found</body></html>'))).toBe('text');
  });

  it('calls an empty file empty, and unknown bytes unknown', () => {
    expect(fileKind(new Uint8Array())).toBe('empty');
    expect(fileKind(bytes([0, 1, 2, 3, 0xfe, 0xfd]))).toBe('unknown');
  });
});
