import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

// Blocks the thread without spinning: the builds it waits for run in other processes.
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const pause = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8').split(' ')[0]);
  } catch {
    return false; // released while we looked
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work` while holding `lock`, a file other test processes wait on:
 * test builds share the project's `.astro/` folder (Astro writes the content
 * modules of the build there), so two at once could read each other's. A
 * lock left by a process that died is taken over.
 */
export function oneAtATime<T>(lock: string, work: () => T): T {
  for (;;) {
    try {
      writeFileSync(lock, `${process.pid} ${threadId}`, { flag: 'wx' });
      break;
    } catch {
      if (!holderAlive(lock)) rmSync(lock, { force: true });
      else pause(100);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}
