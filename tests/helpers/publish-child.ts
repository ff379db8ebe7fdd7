/**
 * A stand-in for the build around the real publish step, for the kill tests
 * of src/lib/build/output-folder.ts: tidies the output as a build does, writes a
 * small site whose every file says `label`, and publishes it. With `--loop N`
 * it publishes N times, alternating the label with `other`, printing a line
 * after each, so a test can kill it at any moment of a publish.
 *
 *   node tests/helpers/publish-child.ts <out> <label> [--loop N <other>]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildName, outputFolders, publish, tidyOutput } from '../../src/lib/build/output-folder.ts';
import { SITE_FILES } from './stand-in-site.ts';

const [out, label, flag, times, other] = process.argv.slice(2);
const folders = outputFolders(out!);
const rounds = flag === '--loop' ? Number(times) : 1;
for (let round = 0; round < rounds; round++) {
  const text = round % 2 ? other! : label!;
  tidyOutput(folders);
  for (const file of SITE_FILES) {
    mkdirSync(join(folders.staging, file, '..'), { recursive: true });
    writeFileSync(join(folders.staging, file), text);
  }
  publish(folders, `${buildName(new Date(), process.pid)}-${String(round).padStart(4, '0')}`);
  console.log(`published ${text}`);
}
