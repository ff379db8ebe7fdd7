import { DomUtils, parseDocument } from 'htmlparser2';

// An oracle written apart from src/lib/security/sanitize-html.ts on purpose: the tests
// judge the sanitizer's output by these lists, not by its own.
const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const IFRAME_HOSTS = ['www.youtube-nocookie.com', 'player.vimeo.com'];

/** Elements that must never reach a page from a note. */
export const FORBIDDEN_ELEMENTS = [
  'script', 'style', 'object', 'embed', 'template', 'noscript', 'textarea',
  'title', 'xmp', 'plaintext', 'noembed', 'noframes', 'math', 'svg',
];

/** The scheme as the URL standard parses it (not `isSafeUrl`): relative URLs and allowed schemes pass. */
export function hasAllowedScheme(url: string): boolean {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || ALLOWED_SCHEMES.includes(scheme);
}

/** Re-parses HTML and lists anything that could run script or embed another site. */
export function findDangers(html: string): string[] {
  const dangers: string[] = [];
  for (const element of DomUtils.findAll(() => true, parseDocument(html).children)) {
    if (FORBIDDEN_ELEMENTS.includes(element.name)) dangers.push(`<${element.name}>`);
    if (element.name === 'iframe') {
      if (element.attribs['sandbox'] === undefined) dangers.push('unsandboxed iframe');
      const host = URL.canParse(element.attribs['src'] ?? '') ? new URL(element.attribs['src']!).host : '';
      if (!IFRAME_HOSTS.includes(host)) dangers.push(`iframe ${element.attribs['src']}`);
    }
    for (const [name, value] of Object.entries(element.attribs)) {
      if (name.startsWith('on') || name === 'style') dangers.push(`${name}="${value}"`);
      if ((name === 'href' || name === 'src') && !hasAllowedScheme(value)) dangers.push(`${name}="${value}"`);
    }
  }
  return dangers;
}
