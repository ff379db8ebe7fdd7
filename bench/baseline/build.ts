/** Builds the bare baseline into an output folder, then indexes it with Pagefind. */
import { build } from 'astro';
import * as pagefind from 'pagefind';

const [root, outDir] = process.argv.slice(2) as [string, string];
await build({ root, outDir, logLevel: 'warn' });
const { index } = await pagefind.createIndex({});
if (!index) throw new Error('Pagefind did not start');
await index.addDirectory({ path: outDir });
await index.writeFiles({ outputPath: `${outDir}/pagefind` });
await pagefind.close();
