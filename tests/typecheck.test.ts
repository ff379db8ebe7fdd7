import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// A test rather than a step before vitest: it runs while the build tests wait on their builds.
describe('npm run typecheck (astro sync, then tsc --noEmit under the strict config)', () => {
  it('finds no type error in src/, tests/ or bench/', () => {
    const run = spawnSync('npm', ['run', '--silent', 'typecheck'], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    expect(`${run.stdout}${run.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line))).toEqual([]);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  }, 120_000);
});
