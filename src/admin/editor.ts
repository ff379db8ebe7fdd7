/**
 * The web editor's script (/admin/): Sveltia CMS, bundled from node_modules
 * by Vite (src/admin/integration.ts), started with the configuration the
 * build wrote into the page (src/lib/editor/editor-config.ts).
 */
import { CONFIG_ELEMENT_ID } from '../lib/editor/editor-page.ts';
import { NOTE_FORMAT, noteFormat, notesTimeZone } from '../lib/editor/note-format.ts';
import { notePreviewUrl } from '../lib/editor/preview-link.ts';

const element = document.getElementById(CONFIG_ELEMENT_ID);
const config = JSON.parse(element?.textContent ?? '{}');
const noteWords = JSON.parse(element?.dataset.noteWords ?? '{}') as Record<string, string>;

// Sveltia asks the git host's status page on load, before anyone signs in; the
// editor talks only to its own origin and, once signed in, the git host's API.
const STATUS_PAGES = /^https:\/\/(www\.githubstatus\.com|status\.gitlab\.com|status-api\.hostedstatus\.com)\//;
const fetchAnywhere = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  return STATUS_PAGES.test(url) ? Promise.reject(new TypeError(`Not fetched: ${url}`)) : fetchAnywhere(input, init);
};

// "View on Live Site" opens a marked path: it becomes the note's address in its language's words.
const openWindow = window.open.bind(window);
window.open = (url, target, features) => openWindow(typeof url === 'string' ? notePreviewUrl(new URL(url, location.href).href, noteWords) : url, target, features);

// The package starts itself when loaded as a classic script; the page starts it with its own configuration.
Object.assign(window, { CMS_MANUAL_INIT: true });
const CMS = await import('@sveltia/cms');
const previewStyle = element?.dataset.previewStyle;
if (previewStyle) CMS.registerPreviewStyle(previewStyle);
// The notes collection's format (editor-config.ts): how a note file is read and written, its dates in the site's time zone.
CMS.registerCustomFormat(NOTE_FORMAT, 'md', noteFormat(notesTimeZone(config)));
CMS.init({ config });
