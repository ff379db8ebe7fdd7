/**
 * The content check of the last build, reused while nothing it read has
 * changed. The key hashes the path, size and modification time of every file
 * under the content folder, together with the code and settings that check
 * it: any edit, added or deleted file, or change to the checker makes a new
 * key, and the next build checks everything again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from './content.ts';
import { fromSnapshot } from './content-snapshot.ts';
import { writeWhole } from '../build/files.ts';

/**
 * The key of `contentDir` as it is now, for a checker identified by
 * `checker` (see `sourceFingerprint`) and the options it was run with.
 */
export function contentKey(contentDir: string, checker: string, options: Record<string, string>): string {
  const hash = createHash('sha256').update(JSON.stringify([checker, options]));
  for (const file of readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).sort()) {
    const stat = statSync(join(contentDir, file));
    hash.update(`\n${file}\0${stat.isDirectory() ? 'folder' : `${stat.size}\0${stat.mtimeMs}`}`);
  }
  return hash.digest('hex');
}

/** A hash of the text of `files`: the code and settings the check depends on. */
export function sourceFingerprint(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(`\n${file}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * The content stored under `key` in `file`, with its snapshot text (what
 * Astro's pages read), if that is the key stored there.
 */
export function readCachedContent(file: string, key: string): { content: Content; snapshot: string } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (text.slice(0, newline) !== key) return undefined;
  const snapshot = text.slice(newline + 1);
  return { content: fromSnapshot(snapshot), snapshot };
}

/** Stores a content snapshot (`toSnapshot`) under `key` in `file`. */
export function writeCachedContent(file: string, key: string, snapshot: string): void {
  writeWhole(file, `${key}\n${snapshot}`);
}
