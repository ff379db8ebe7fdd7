/**
 * One build at a time per output folder and per cache folder. A lock is a
 * small file naming the process that holds it; it appears whole or not at
 * all (written beside it, then hard-linked into place, which fails when the
 * lock exists), and a lock whose process is gone (killed, or a machine that
 * restarted since) is taken over instead of obeyed.
 */
import { hostname, uptime } from 'node:os';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { processRuns } from './files.ts';

/** Who holds a lock: written into the lock file as JSON. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the holding process started, in ms since 1970: tells a restarted machine's reused process number apart. */
  started: number;
  /** What the holder is building, for the message of a build that waits. */
  building: string;
}

/** A lock this process holds; `release` is safe to call twice. */
export interface Lock {
  file: string;
  release(): void;
}

/** How takeLock waits: `wait: false` refuses at once; `onWait` is told once whom it waits for. */
export interface LockOptions {
  building: string;
  wait?: boolean;
  onWait?: (holder: LockHolder) => void;
  /** Between two looks at a lock held by a live process. */
  pollMs?: number;
}

/** Thrown when `wait: false` finds the lock held. */
export class LockHeld extends Error {
  readonly holder: LockHolder;
  constructor(holder: LockHolder) {
    super(`Another build (process ${holder.pid}) is running`);
    this.holder = holder;
  }
}

const ownStart = Math.round(Date.now() - performance.now());

/** This process as a lock holder. */
export function thisProcess(building: string): LockHolder {
  return { pid: process.pid, host: hostname(), started: ownStart, building };
}

/**
 * Whether the holder's process is still running: on this machine, since its
 * last start, with that process number. A lock from another machine (a
 * shared disk) cannot be checked and counts as held.
 */
export function isAlive(holder: LockHolder, now = Date.now(), bootedAt = now - uptime() * 1000): boolean {
  if (holder.host !== hostname()) return true;
  // A process that started before this machine did died with the last boot, whoever has its number now.
  if (holder.started < bootedAt - 1000) return false;
  return processRuns(holder.pid);
}

/** The holder named in a lock file's text; undefined for text that is not a lock. */
export function parseHolder(text: string): LockHolder | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.started === 'number') {
      return { pid: data.pid, host: data.host, started: data.started, building: String(data.building ?? '') };
    }
  } catch {
    // fall through: not a lock we wrote
  }
  return undefined;
}

/**
 * Takes the lock `file`, waiting while a live process holds it (or throwing
 * LockHeld at once with `wait: false`), and taking over one whose process is
 * gone. The lock is released by `release()` or when this process exits.
 */
export async function takeLock(file: string, options: LockOptions): Promise<Lock> {
  mkdirSync(dirname(file), { recursive: true });
  const me = thisProcess(options.building);
  const mine = JSON.stringify(me);
  let told = false;
  for (;;) {
    if (tryCreate(file, mine)) break;
    const text = readOrUndefined(file);
    if (text === undefined) continue; // released between our two looks
    const holder = parseHolder(text);
    if (!holder || !isAlive(holder)) {
      takeOver(file, text);
      continue;
    }
    // Already ours (astro build run inside npm run build): the outer holder releases it.
    if (holder.pid === me.pid && holder.host === me.host) return { file, release: () => {} };
    if (options.wait === false) throw new LockHeld(holder);
    if (!told) options.onWait?.(holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own lock: never one a later build took over.
    if (readOrUndefined(file) === mine) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}

/** Creates the lock with `text` unless it exists: the text is in place from the first instant. */
function tryCreate(file: string, text: string): boolean {
  const partial = `${file}.${process.pid}.new`;
  writeFileSync(partial, text);
  try {
    linkSync(partial, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Removes a dead holder's lock, `seen` being the text read from it. Moved
 * aside first: if another waiter took it over in the meantime, the file now
 * holds that waiter's text, and it is put back instead.
 */
function takeOver(file: string, seen: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else moved it first
  }
  if (readOrUndefined(aside) !== seen) {
    try {
      linkSync(aside, file);
    } catch {
      // a third build took the lock meanwhile; it holds it
    }
  }
  rmSync(aside, { force: true });
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
