import { writeSync } from 'node:fs';

/**
 * A named moment of a build, where the build-kill tests stop it: with
 * `CONVOY_BUILD_PAUSE_AT=<name>` the process says `[paused at <name>]` on
 * stderr and stops itself (SIGSTOP, every thread at once), so a test can
 * kill it exactly there instead of guessing a delay. Does nothing otherwise.
 */
export function reached(name: string): void {
  if (process.env.CONVOY_BUILD_PAUSE_AT !== name) return;
  writeSync(2, `[paused at ${name}]\n`);
  process.kill(process.pid, 'SIGSTOP');
}
