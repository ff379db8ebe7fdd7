/**
 * A tiny static file server for the browser suite, close to what a static
 * host does with `dist/`:
 *
 *   const site = await serve('dist', '/convoy/');  // base defaults to '/'
 *   await page.goto(site.url + 'es/');             // site.url ends with the base
 *   await site.close();
 *
 * - `url` is `http://127.0.0.1:<port><base>` (always ends with `/`).
 * - Files are served from `dir` under `base`; anything outside `base` is 404.
 * - `/path/` serves `/path/index.html`; `/path` that is a folder redirects (301)
 *   to `/path/`; a missing file serves `<dir>/404.html` with status 404.
 * - If `<dir>/_headers` exists (Netlify / Cloudflare Pages format) its headers
 *   are applied, so tests see the same Content-Security-Policy and security
 *   headers a static host would send. Pass `{ headers: false }` to skip them.
 * - `{ gzip: true }` compresses text the way hosts do (for Lighthouse).
 * - Listens on 127.0.0.1 on a free port (or `{ port }`); `close()` stops it.
 */
import { createServer, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface Served {
  url: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

interface HeaderRule {
  pattern: RegExp;
  headers: Array<[string, string]>;
}

/** Parses a Netlify / Cloudflare `_headers` file: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (/^\s/.test(raw)) {
      const m = /^\s+([^:\s]+)\s*:\s*(.*)$/.exec(raw);
      if (m && current) current.headers.push([m[1]!, m[2]!.trim()]);
      continue;
    }
    const path = raw.trim();
    const source = path
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
      .join('.*');
    current = { pattern: new RegExp(`^${source}$`), headers: [] };
    rules.push(current);
  }
  return rules;
}

function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      // Like the hosts, repeated headers are joined (for a CSP that means both policies apply).
      out[key] = out[key] ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

export async function serve(dir: string, base = '/', options: { headers?: boolean; port?: number; gzip?: boolean } = {}): Promise<Served> {
  const root = resolve(dir);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  let rules: HeaderRule[] = [];
  if (options.headers !== false) {
    try {
      rules = parseHeadersFile(await readFile(join(root, '_headers'), 'utf8'));
    } catch {
      rules = [];
    }
  }

  const send = async (res: ServerResponse, status: number, file: string, pathname: string, head: boolean, acceptsGzip: boolean) => {
    let body = await readFile(file);
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const gzip = options.gzip && acceptsGzip && /^(text\/|application\/(json|xml|manifest)|image\/svg)/.test(type);
    if (gzip) body = gzipSync(body);
    res.writeHead(status, {
      'content-type': type,
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      'cache-control': 'no-store',
      ...headersFor(rules, pathname),
    });
    res.end(head ? undefined : body);
  };

  const notFound = async (res: ServerResponse, pathname: string, head: boolean) => {
    try {
      await send(res, 404, join(root, '404.html'), pathname, head, false);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  };

  const server = createServer(async (req, res) => {
    try {
      const head = req.method === 'HEAD';
      const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (req.method !== 'GET' && !head) {
        res.writeHead(405).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (pathname.includes('\0')) {
        res.writeHead(400).end();
        return;
      }
      if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) {
        await notFound(res, url.pathname, head);
        return;
      }
      if (`${pathname}/` === prefix) {
        res.writeHead(301, { location: prefix + url.search }).end();
        return;
      }
      const relative = pathname.slice(prefix.length);
      const target = normalize(join(root, relative));
      if (target !== root && !target.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(target).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        const index = join(target, 'index.html');
        info = await stat(index).catch(() => undefined);
        if (info?.isFile()) {
          await send(res, 200, index, url.pathname, head, acceptsGzip);
          return;
        }
      } else if (info?.isFile()) {
        await send(res, 200, target, url.pathname, head, acceptsGzip);
        return;
      }
      await notFound(res, url.pathname, head);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
