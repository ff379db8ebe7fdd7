/**
 * A worker thread of the share-image pool: warms up, says so with `{}`, then
 * renders the jobs it is sent one at a time, answering each with `{}` or
 * `{ error }`. Sent `'stop'`, it ends once its current task is done
 * (stopWorker in ./share-images.ts).
 */
import { parentPort } from 'node:worker_threads';
import { renderJob, warmUp, type RenderJob } from './share-images.ts';

const port = parentPort!;
const reply = (error?: unknown) => port.postMessage(error === undefined ? {} : { error: error instanceof Error ? error.message : String(error) });

port.on('message', (job: RenderJob | 'stop') => (job === 'stop' ? port.close() : void renderJob(job).then(() => reply(), reply)));
void warmUp().then(() => reply(), reply);
