import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes `file` whole or not at all: into a temporary file beside it, then
 * renamed over it. A build killed mid-write never leaves a truncated file
 * that a later build would take for a good one (a cache hit).
 */
export function writeWhole(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
