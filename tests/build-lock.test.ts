import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive, LockHeld, parseHolder, takeLock, thisProcess, type LockHolder } from '../src/lib/build/build-lock.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-lock-'));
  file = join(dir, 'lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A process that has exited: its number is free. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const holder = (over: Partial<LockHolder>): LockHolder => ({ pid: process.ppid, host: hostname(), started: Date.now() - 1000, building: 'dist', ...over });
const write = (h: LockHolder) => writeFileSync(file, JSON.stringify(h));

describe('takeLock', () => {
  it('takes a free lock, naming this process, and removes it on release', async () => {
    const lock = await takeLock(file, { building: 'dist' });
    expect(parseHolder(readFileSync(file, 'utf8'))).toEqual(thisProcess('dist'));
    lock.release();
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses at once with wait: false while a live process holds it, naming that process', async () => {
    write(holder({}));
    const error = await takeLock(file, { building: 'dist', wait: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockHeld);
    expect((error as LockHeld).holder).toEqual(holder({ started: (error as LockHeld).holder.started }));
    expect((error as LockHeld).message).toBe(`Another build (process ${process.ppid}) is running`);
  });

  it('takes over the lock of a process that is gone', async () => {
    write(holder({ pid: deadPid() }));
    const lock = await takeLock(file, { building: 'dist', wait: false });
    expect(parseHolder(readFileSync(file, 'utf8'))?.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock from before the machine last started, even if its number is in use again', async () => {
    write(holder({ started: 0 }));
    const lock = await takeLock(file, { building: 'dist', wait: false });
    expect(parseHolder(readFileSync(file, 'utf8'))?.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a file that is not a lock', async () => {
    writeFileSync(file, '');
    const lock = await takeLock(file, { building: 'dist', wait: false });
    expect(parseHolder(readFileSync(file, 'utf8'))?.pid).toBe(process.pid);
    lock.release();
  });

  it('waits while a live process holds it, says for whom once, and takes it when that process ends', async () => {
    const other = spawn(process.execPath, ['-e', 'process.stdin.resume()'], { stdio: ['pipe', 'ignore', 'ignore'] });
    write(holder({ pid: other.pid! }));
    const told: number[] = [];
    const taking = takeLock(file, {
      building: 'dist',
      pollMs: 10,
      onWait: (h) => {
        told.push(h.pid);
        other.kill('SIGKILL');
      },
    });
    const lock = await taking;
    expect(told).toEqual([other.pid]);
    expect(parseHolder(readFileSync(file, 'utf8'))?.pid).toBe(process.pid);
    lock.release();
  });

  it('gives this process the lock it already holds without taking it twice', async () => {
    const lock = await takeLock(file, { building: 'dist' });
    const inner = await takeLock(file, { building: 'dist' });
    inner.release();
    expect(existsSync(file), 'the inner release leaves the outer lock').toBe(true);
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('never removes a lock another build took over', async () => {
    const lock = await takeLock(file, { building: 'dist' });
    write(holder({}));
    lock.release();
    expect(parseHolder(readFileSync(file, 'utf8'))?.pid).toBe(process.ppid);
  });
});

describe('isAlive', () => {
  it('is true for a live process on this machine, false for a gone one or one older than the last start', () => {
    expect(isAlive(holder({}))).toBe(true);
    expect(isAlive(holder({ pid: deadPid() }))).toBe(false);
    expect(isAlive(holder({ started: 1000 }), 10_000_000, 5_000_000)).toBe(false);
  });

  it('counts a lock from another machine as held: it cannot be checked', () => {
    expect(isAlive(holder({ host: `not-${hostname()}`, pid: deadPid() }))).toBe(true);
  });
});
