/**
 * A worker thread of the share-image pool: warms up, says so with `{}`, then
 * renders the jobs it is sent one at a time, answering each with `{}` or
 * `{ error }`.
 */
import { parentPort } from 'node:worker_threads';
import { renderJob, warmUp, type RenderJob } from './share-images.ts';

const port = parentPort!;
const reply = (error?: unknown) => port.postMessage(error === undefined ? {} : { error: error instanceof Error ? error.message : String(error) });

port.on('message', (job: RenderJob) => renderJob(job).then(() => reply(), reply));
await warmUp().then(() => reply(), reply);
