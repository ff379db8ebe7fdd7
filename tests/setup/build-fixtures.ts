import { execFileSync } from 'node:child_process';
import { FIXTURE_BUILDS, FIXTURE_ENV } from './fixture-builds.ts';

/** Builds the fixture site once per test run, the way `npm run build` does. */
export default function setup(): void {
  for (const { out, env } of Object.values(FIXTURE_BUILDS)) {
    execFileSync(process.execPath, ['src/cli/build.ts', '--out', out], {
      env: { ...process.env, NODE_ENV: 'production', ...FIXTURE_ENV, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}
