import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

/** A finished build on disk, read the way a browser or crawler would. */
export class BuiltSite {
  constructor(readonly dir: string, readonly base = '/') {}

  /** Site paths (`/es/`, `/404.html`) of every HTML file in the build. */
  htmlPaths(): string[] {
    return readdirSync(this.dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => `/${f.replace(/\\/g, '/')}`.replace(/index\.html$/, ''))
      .sort();
  }

  /** Whether a URL path under the base (e.g. `/convoy/es/`) is served by the build. */
  serves(urlPath: string): boolean {
    const decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
    if (!decoded.startsWith(this.base)) return false;
    const file = join(this.dir, decoded.slice(this.base.length));
    return existsSync(decoded.endsWith('/') ? join(file, 'index.html') : file);
  }

  /** The raw text of a file of the build, by site path. */
  text(path: string): string {
    return readFileSync(join(this.dir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
  }

  /** The parsed document of a page, by site path. */
  page(path: string): Document {
    return parseHTML(this.text(path)).document as unknown as Document;
  }

  /** Every file's text, for searching the whole build. */
  allText(): string {
    return readdirSync(this.dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(html|xml|json|txt|js|css)$/.test(f))
      .map((f) => readFileSync(join(this.dir, f), 'utf8'))
      .join('\n');
  }
}

/** The href of the first element matching `selector`, or undefined. */
export const attr = (doc: Document, selector: string, name = 'href'): string | undefined =>
  doc.querySelector(selector)?.getAttribute(name) ?? undefined;
