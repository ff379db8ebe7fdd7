/** What a file is, judged by its first bytes, whatever its name says. */
export type FileKind = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic' | 'gif' | 'svg' | 'pdf' | 'tiff' | 'bmp' | 'text' | 'empty' | 'unknown';

/** The kinds the site publishes (Astro converts them to AVIF and WebP). */
export const PUBLISHABLE: readonly FileKind[] = ['jpeg', 'png', 'webp', 'avif'];

/** How many bytes {@link fileKind} needs to look at. */
export const SNIFF_BYTES = 512;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

// ISO base media files (AVIF, HEIC) name their family in the `ftyp` box: the
// major brand, then the compatible brands. AVIF wins when it is listed at all,
// since an AVIF may carry the generic HEIF brand `mif1` as its major one.
function isoBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 12 || ascii(bytes, 4, 8) !== 'ftyp') return [];
  const size = Math.min(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0), bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * The kind of a file from its first bytes ({@link SNIFF_BYTES} are enough).
 * @example fileKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // 'jpeg'
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  const brands = isoBrands(bytes);
  if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  if (brands.some((b) => HEIF_BRANDS.has(b))) return 'heic';
  if (/^GIF8[79]a/.test(ascii(bytes, 0, 6))) return 'gif';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  const text = asText(bytes);
  if (text !== undefined) return /<svg[\s>]/i.test(text) ? 'svg' : 'text';
  return 'unknown';
}

// The start of the file as text, when it is text (UTF-8, no control bytes but
// line breaks and tabs); a cut-off multi-byte character at the end is fine.
function asText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(bytes));
  } catch {
    return undefined;
  }
  return /[\0-\x08\x0b\x0e-\x1f\x7f]/.test(text) ? undefined : text;
}

function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0xc0) return bytes.subarray(0, end - back);
    if ((byte & 0xc0) !== 0x80) break;
  }
  return bytes;
}
