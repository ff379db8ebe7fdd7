/**
 * The web editor's page, /admin/: its HTML and its Content Security Policy.
 *
 * The page is not one of the site's Astro pages: it carries no site script,
 * stylesheet or search attribute, and the site's pages never link its code.
 * Its policy allows only what Sveltia CMS needs: its own origin, the inline
 * styles its components inject, blob: and data: images of uploads, and the
 * git host's API once staff sign in.
 */
/** Where the editor lives, below the site's base path. */
export const EDITOR_PATH = 'admin/';

/**
 * The editor page's `Cross-Origin-Opener-Policy` (the site's pages have
 * `same-origin`). Signing in opens a pop-up on the git host that reports back
 * through `window.opener`: GitHub's through the authenticator's page, GitLab's
 * PKCE by coming back to /admin/ itself. `same-origin` cuts that link as soon
 * as the pop-up leaves the site, and so does `same-origin-allow-popups` when
 * the pop-up comes back to a page with that policy from the git host, so the
 * editor page keeps the browser's default.
 */
export const EDITOR_OPENER_POLICY = 'unsafe-none';

/** The id of the element holding the configuration, read by src/admin/editor.ts. */
export const CONFIG_ELEMENT_ID = 'editor-config';

/**
 * The editor's policy: its own origin, plus `apiOrigins` for fetches and the
 * git host's images (avatars, repository files) once signed in.
 * @example editorCsp(['https://api.github.com']) // "default-src 'none'; script-src 'self'; …"
 */
export function editorCsp(apiOrigins: readonly string[]): string {
  const api = apiOrigins.join(' ');
  const images = apiOrigins.some((o) => o.includes('github')) ? 'https://avatars.githubusercontent.com https://raw.githubusercontent.com' : api;
  const directives: string[] = [
    "default-src 'none'",
    "script-src 'self'",
    // Svelte components add their styles as <style> elements at run time: no hash can name them.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${images}`.trim(),
    "font-src 'self'",
    `connect-src 'self' blob: data: ${api}`.trim(),
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  return directives.join('; ');
}

/** What the page is made of. */
export interface EditorPageInput {
  /** The editor's script, relative to the page (`assets/editor-1a2b.js`) or absolute in dev. */
  script: string;
  /** The configuration, see src/lib/editor-config.ts. */
  config: unknown;
  /** The page's policy (none on the dev server, where Vite injects its own code). */
  csp?: string;
  /** The site's stylesheet for the preview pane, if any. */
  previewStyle?: string;
  /** Each language's URL word for notes, for the links to a note's page (src/lib/editor/preview-link.ts). */
  noteWords?: Readonly<Record<string, string>>;
}

/**
 * The editor's HTML: noindex, the policy as a `<meta>` (also copied into
 * `_headers`), the configuration as inert JSON, and one module script.
 */
export function editorPageHtml({ script, config, csp, previewStyle, noteWords }: EditorPageInput): string {
  // JSON inside <script> must not close it: "<" is written as \u003c.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return [
    '<!DOCTYPE html>',
    '<html lang="es">',
    '<head>',
    '<meta charset="utf-8">',
    ...(csp ? [`<meta http-equiv="content-security-policy" content="${escapeAttribute(csp)}">`] : []),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    '<meta name="referrer" content="same-origin">',
    '<title>Editor · Convoy</title>',
    `<script type="application/json" id="${CONFIG_ELEMENT_ID}"${previewStyle ? ` data-preview-style="${escapeAttribute(previewStyle)}"` : ''}${noteWords ? ` data-note-words="${escapeAttribute(JSON.stringify(noteWords))}"` : ''}>${json}</script>`,
    `<script type="module" src="${escapeAttribute(script)}"></script>`,
    '</head>',
    '<body>',
    '<noscript>El editor necesita JavaScript. / The editor needs JavaScript.</noscript>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
