import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How a killed (or finished) child ended, and what it printed. */
export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Whether the kill condition was met before the child ended by itself. */
  killed: boolean;
}

const running = new Set<number>();

/** Kills every child runAndKill started that is still there (a test that failed half-way must not leave one holding a lock). */
export function killLeftChildren(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** When to kill: at a named point of src/lib/build/test-points.ts, or on the n-th line the child prints. */
export type KillAt = { point: string; signal?: NodeJS.Signals } | { line: number; signal?: NodeJS.Signals };

/**
 * Runs `node args` (in `cwd`, if given) in a process group of its own and kills the whole group
 * (SIGKILL unless told otherwise) at the moment `at` names: when the child
 * says it paused there, or when it has printed `at.line` lines. No guessed
 * delays: the kill follows what the child reports.
 */
export function runAndKill(args: string[], env: Record<string, string | undefined>, at: KillAt, cwd?: string): Promise<Ended> {
  const point = 'point' in at ? at.point : undefined;
  const child = spawn(process.execPath, args, {
    cwd,
    detached: true,
    env: { ...process.env, ...env, ...(point ? { CONVOY_BUILD_PAUSE_AT: point } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child.pid!);
  child.on('exit', () => running.delete(child.pid!));
  let stdout = '';
  let stderr = '';
  let killed = false;
  const send = () => {
    try {
      process.kill(-child.pid!, at.signal ?? 'SIGKILL');
      // A stopped process acts on a signal other than SIGKILL only once continued.
      if (point && at.signal && at.signal !== 'SIGKILL') process.kill(-child.pid!, 'SIGCONT');
    } catch {
      // already gone
    }
  };
  const kill = () => {
    if (killed) return;
    killed = true;
    // The child says where it is just before it stops itself: a signal it must catch waits until it has.
    if (point && at.signal && at.signal !== 'SIGKILL') whenStopped(child.pid!, send);
    else send();
  };
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
    if ('line' in at && stdout.split('\n').length > at.line) kill();
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    if (point && stderr.includes(`[paused at ${point}]`)) kill();
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, killed })));
}

/** Calls `then` once process `pid` is stopped (Linux: its state in /proc), or gone. */
function whenStopped(pid: number, then: () => void): void {
  let state = '';
  try {
    state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] ?? '';
  } catch {
    return then();
  }
  if (state === 'T' || state === 't') then();
  else setTimeout(() => whenStopped(pid, then), 5);
}
