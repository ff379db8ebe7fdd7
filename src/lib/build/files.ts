import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { threadId } from 'node:worker_threads';
import { reached } from './test-points.ts';

/**
 * Writes `file` whole or not at all: into a temporary file beside it, then
 * renamed over it. A build killed mid-write never leaves a truncated file
 * that a later build would take for a good one (a cache hit).
 */
export function writeWhole(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(partial, data);
  reached(`partial${extname(file)}`);
  renameSync(partial, file);
}

/**
 * Deletes the temporary files writeWhole left in `dir` (not below it) when
 * its process was killed mid-write. Another live process's are left alone:
 * a cache folder may be shared by builds of other outputs.
 */
export function removeDeadWrites(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /\.(\d+)-\d+\.tmp$/.exec(name)?.[1];
    if (pid && !processRuns(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

/** Whether a process with this number runs on this machine (one of another user's counts). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Puts `file` at `to` as a hard link (no copy, no disk), or as a copy where linking fails (another disk). */
export function linkOrCopy(file: string, to: string): void {
  try {
    linkSync(file, to);
  } catch {
    copyFileSync(file, to);
  }
}

/** Puts every file under folder `from` at the same place under `to`, with linkOrCopy. */
export function linkTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    const target = join(to, relative(from, entry.parentPath), entry.name);
    if (entry.isDirectory()) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      linkOrCopy(join(entry.parentPath, entry.name), target);
    }
  }
}

/**
 * Whether folders `a` and `b` hold the same files whose names end in
 * `ending`, with the same bytes; other files are not looked at. A missing
 * folder is never the same as anything.
 */
export function sameFiles(a: string, b: string, ending: string): boolean {
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ending)).sort() : undefined);
  const names = list(a);
  const others = list(b);
  if (!names || !others || names.join('\n') !== others.join('\n')) return false;
  // Sizes first: a changed site usually differs in some size, found without reading a page.
  return names.every((f) => statSync(join(a, f)).size === statSync(join(b, f)).size) && names.every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}
