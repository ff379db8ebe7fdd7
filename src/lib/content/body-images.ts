/** An image written in the Markdown body: `![alt](src)`. */
export interface BodyImage {
  src: string;
  alt: string;
  /** 1-based line in the whole file. */
  line: number;
}

// ![alt](src) or ![alt](<src with spaces> "title"); enough for press notes,
// which never nest brackets in alt text.
const IMAGE_RE = /!\[([^\]]*)\]\(\s*(?:<([^>]*)>|([^\s)]+))(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;

/**
 * The Markdown images of a note body, with their file lines, so the check can
 * tell which files of the folder are used and which are missing.
 * @example bodyImages('Text\n![Mayors](photo.jpg)', 5) // [{ src: 'photo.jpg', alt: 'Mayors', line: 6 }]
 */
export function bodyImages(body: string, firstLine: number): BodyImage[] {
  return body.split('\n').flatMap((text, index) =>
    [...text.matchAll(IMAGE_RE)].map((m) => ({ src: (m[2] ?? m[3] ?? '').trim(), alt: m[1]!.trim(), line: firstLine + index })),
  );
}

/**
 * Whether an image source names a file inside the note folder: no scheme
 * (`https:`, `javascript:`), no absolute path, no way out with `..`.
 * @example isFolderFile('./hero.jpg') // true
 */
export function isFolderFile(src: string): boolean {
  return src.length > 0 && !/^[a-z][a-z0-9+.-]*:|^\/|^\\|(^|[\\/])\.\.([\\/]|$)/i.test(src);
}

/** A folder-relative source without its leading `../`, as the folder lists it. */
export const folderPath = (src: string): string => src.replace(/^(\.\/)+/, '');
