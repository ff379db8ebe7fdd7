/**
 * The live preview of `npm run dev`: every change under `content/` reaches the
 * open page.
 *
 * `src/site.ts` reads the content once, when it is first imported, and Vite
 * knows nothing of the files it read, so without this the dev server kept a
 * note's old title, stops and topics until it was restarted. On any change
 * under `content/` this integration forgets `src/site.ts` and every module
 * that imports it (they run again on the next request, reading the content
 * afresh and throwing the content check's message while a problem remains),
 * then reloads the page.
 *
 * A note's Markdown file is also read by Astro's content layer, which renders
 * the body into its store and reloads the page itself once it has saved it
 * (it waits 500 ms for more changes first). The reload here does not wait for
 * it: a new title, stop or listing shows at once, and an edited body with
 * Astro's own reload half a second later (measured: bench/dev-latency.ts).
 */
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { isRunnableDevEnvironment, type DevEnvironment, type EnvironmentModuleNode, type ViteDevServer } from 'vite';
import { contentChange } from '../lib/content/content-changes.ts';

/** Where the content is and which module reads it. */
export interface LiveContentOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path of the module that loads the content (`src/site.ts`). */
  siteModule: string;
}

// Changes closer together than this (a folder copied, an editor's save) make one reload.
const SETTLE_MS = 30;

/** The dev-server integration that makes every content edit show at once. */
export function liveContent(options: LiveContentOptions): AstroIntegration {
  return {
    name: 'convoy:live-content',
    hooks: {
      'astro:server:setup': ({ server, logger, refreshContent }) => watchContent(server, options, refreshContent, (text) => logger.info(text)),
    },
  };
}

type Refresh = ((options: { loaders?: string[] }) => Promise<void>) | undefined;

function watchContent(server: ViteDevServer, { contentDir, siteModule }: LiveContentOptions, refreshContent: Refresh, log: (text: string) => void): void {
  const environments = Object.values(server.environments).filter((env) => env.name !== 'client');
  const changed = new Set<string>();
  let settle: NodeJS.Timeout | undefined;
  let imageChanged = false;

  const reload = async () => {
    if (imageChanged) {
      imageChanged = false;
      // An image the content layer resolved: have it load the notes again (Astro's
      // own way to say a loader's input changed), or a note that failed for want
      // of this image, or that holds its old size, would stay so.
      forgetSite();
      await refreshContent?.({}).catch((error: unknown) => log(`content reload failed: ${String(error)}`));
    }
    forgetSite();
    // Astro's own signal after a content change: its server environments drop their getStaticPaths cache.
    for (const env of environments) env.hot.send('astro:content-changed', {});
    server.ws.send({ type: 'full-reload', path: '*' });
    log(`${[...changed].join(', ')}: page reloaded`);
    changed.clear();
  };
  const forgetSite = () => {
    const timestamp = Date.now();
    for (const env of environments) forgetModule(env, siteModule, timestamp);
  };

  const onEvent = (path: string) => {
    const change = contentChange(path, contentDir);
    if (change.kind === 'ignored') return;
    changed.add(relative(contentDir, path));
    if (change.kind === 'noteFile') imageChanged = true;
    clearTimeout(settle);
    settle = setTimeout(() => void reload(), SETTLE_MS);
  };
  server.watcher.add(contentDir);
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onEvent);
}

// Invalidates a module and everything that imports it, in Vite's graph and in
// the module runner that executes them, as Astro's own HMR does.
function forgetModule(env: DevEnvironment, file: string, timestamp: number): void {
  const seen = new Set<EnvironmentModuleNode>();
  for (const mod of env.moduleGraph.getModulesByFile(file) ?? []) env.moduleGraph.invalidateModule(mod, seen, timestamp, true);
  if (!isRunnableDevEnvironment(env)) return;
  for (const mod of seen) {
    const evaluated = mod.id ? env.runner.evaluatedModules.getModuleById(mod.id) : undefined;
    if (evaluated) env.runner.evaluatedModules.invalidateModule(evaluated);
  }
}
