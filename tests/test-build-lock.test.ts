import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { oneAtATime } from './helpers/build-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'convoy-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each child takes the lock, writes "start", holds it a moment, writes "end".
const child = (lock: string, log: string, name: string) => `
  import { appendFileSync } from 'node:fs';
  import { oneAtATime } from ${JSON.stringify(pathToFileURL(join(process.cwd(), 'tests/helpers/build-lock.ts')).href)};
  oneAtATime(${JSON.stringify(lock)}, () => {
    appendFileSync(${JSON.stringify(log)}, 'start ${name}\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
    appendFileSync(${JSON.stringify(log)}, 'end ${name}\\n');
  });
`;
const run = (code: string) =>
  new Promise<number | null>((resolve) => spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: 'inherit' }).on('exit', resolve));

describe('oneAtATime', () => {
  it('lets one process in at a time: every start is followed by its own end', async () => {
    const lock = join(dir, 'a.lock');
    const log = join(dir, 'a.log');
    writeFileSync(log, '');
    expect(await Promise.all(['a', 'b', 'c'].map((name) => run(child(lock, log, name))))).toEqual([0, 0, 0]);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(6);
    for (let i = 0; i < lines.length; i += 2) expect(lines[i + 1]).toBe(lines[i]!.replace('start', 'end'));
  });

  it('takes over a lock left by a process that no longer exists, and releases it after', () => {
    const lock = join(dir, 'stale.lock');
    writeFileSync(lock, '999999999 0');
    expect(oneAtATime(lock, () => readFileSync(lock, 'utf8'))).toMatch(new RegExp(`^${process.pid} `));
    expect(() => readFileSync(lock)).toThrow();
  });

  it('releases the lock when the work throws', () => {
    const lock = join(dir, 'throw.lock');
    expect(() => oneAtATime(lock, () => { throw new Error('build failed'); })).toThrow('build failed');
    expect(() => readFileSync(lock)).toThrow();
  });
});
