import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_ENV } from '../setup/fixture-builds.ts';
import { scratchProject } from './scratch-project.ts';

/** What the served page answered. */
export interface Served {
  status: number;
  text: string;
}

/**
 * `astro dev` on a throwaway copy of the project and of the fixture content
 * (see scratch-project.ts): Astro's dev server keeps its content store in
 * `<root>/.astro/`, which a second dev server on the same root (the press
 * officer's own `npm run dev`) would share and overwrite.
 */
export class DevServer {
  readonly root: string;
  readonly content: string;
  private child?: ChildProcess;
  private output = '';
  url = '';

  constructor(name: string, from = 'tests/fixtures/site/content') {
    this.root = scratchProject(name, { content: from });
    this.content = join(this.root, 'content');
  }

  /** Starts the server on `port` and resolves once it answers. */
  async start(port: number, env: Record<string, string> = {}): Promise<void> {
    // As from a terminal: vitest's own variables (NODE_ENV=test, VITEST) change how Vite serves.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
    this.child = spawn(process.execPath, [join(this.root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
      cwd: this.root,
      // The Astro cache outside the copy: Vite watches everything under the root.
      env: { ...inherited, ...FIXTURE_ENV, CONTENT_DIR: 'content', ASTRO_CACHE_DIR: `${this.root}-cache`, ASTRO_TELEMETRY_DISABLED: '1', LANG: '', LC_ALL: '', LC_MESSAGES: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => (this.output += chunk.toString());
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.url = `http://localhost:${port}`;
    await this.until(async () => (await this.get('/')).status > 0, 'the dev server to answer', 60_000);
  }

  /** What the terminal of `npm run dev` showed so far. */
  log(): string {
    return this.output;
  }

  /** Fetches a path; status 0 when nothing answers. */
  async get(path: string): Promise<Served> {
    try {
      const response = await fetch(`${this.url}${path}`, { redirect: 'manual' });
      return { status: response.status, text: await response.text() };
    } catch {
      return { status: 0, text: '' };
    }
  }

  /** Polls `test` until it holds; fails with `what` and the terminal's output after `timeout` ms. */
  async until(test: () => Promise<boolean> | boolean, what: string, timeout = 20_000): Promise<void> {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      if (await test()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Timed out waiting for ${what}. Dev server output:\n${this.output.slice(-4000)}`);
  }

  /** Rewrites a content file (path relative to the content folder). */
  edit(file: string, change: (text: string) => string): void {
    const path = join(this.content, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  }

  /** Writes a new content file, creating its folder. */
  write(file: string, text: string | Buffer): void {
    const path = join(this.content, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }

  /** Stops the server and deletes the copy. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.root, { recursive: true, force: true });
    rmSync(`${this.root}-cache`, { recursive: true, force: true });
  }
}
