import { Parser, type Handler } from 'htmlparser2';

/** What `sanitizeHtml` lets through; anything not listed is dropped. */
export interface SanitizePolicy {
  /** Allowed tags, each with the attributes it may keep on top of `globalAttributes`. */
  readonly tags: Readonly<Record<string, readonly string[]>>;
  /** Attributes any allowed tag may keep. */
  readonly globalAttributes: readonly string[];
  /** Schemes allowed in `href` and `src`, lower case, without the colon. */
  readonly urlSchemes: readonly string[];
  /** Hosts whose `https:` URLs may be embedded with `<iframe>`. */
  readonly iframeHosts: readonly string[];
}

/** The policy for press notes: text formatting, links, images, tables and a few video embeds. */
export const DEFAULT_POLICY: SanitizePolicy = {
  tags: {
    p: [],
    br: [],
    hr: [],
    h2: [],
    h3: [],
    h4: [],
    h5: [],
    h6: [],
    b: [],
    strong: [],
    i: [],
    em: [],
    u: [],
    s: [],
    small: [],
    sub: [],
    sup: [],
    mark: [],
    abbr: ['title'],
    cite: [],
    q: [],
    blockquote: [],
    ul: [],
    ol: ['start', 'reversed'],
    li: [],
    dl: [],
    dt: [],
    dd: [],
    a: ['href', 'target'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    figure: [],
    figcaption: [],
    table: [],
    thead: [],
    tbody: [],
    tfoot: [],
    tr: [],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan', 'scope'],
    caption: [],
    code: [],
    pre: [],
    kbd: [],
    span: [],
    div: [],
    details: [],
    summary: [],
    time: ['datetime'],
  },
  globalAttributes: ['title', 'lang', 'dir'],
  urlSchemes: ['http', 'https', 'mailto', 'tel'],
  iframeHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'],
};

/**
 * Their content is code, markup for another renderer or a fallback, which would
 * only show up as garbage text once the tag itself is gone. (`embed` is void, so
 * it has no content to drop.)
 */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'title',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
  'math',
  'svg',
]);

/** An end tag for these means nothing to a browser (`</br>` even becomes a `<br>`). */
const VOID_TAGS = new Set(['br', 'hr', 'img']);

const URL_ATTRIBUTES = new Set(['href', 'src']);

const IFRAME_ATTRIBUTES = ['src', 'title', 'width', 'height', 'allow', 'allowfullscreen'];

/** Embeds may run their own player, but never navigate the page or open pop-ups. */
const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation';

/**
 * Re-serializes only the allowlisted tags and attributes of an HTML fragment, leaving open tags open.
 * @example sanitizeHtml('<b onclick="x()">hi</b><script>x()</script>') // '<b>hi</b>'
 */
export function sanitizeHtml(fragment: string, policy: SanitizePolicy = DEFAULT_POLICY): string {
  let output = '';
  // Counts the elements open inside a dropped-with-content element, itself included.
  let dropDepth = 0;

  const handler: Partial<Handler> = {
    onopentag(name, attributes, isImplied) {
      if (dropDepth > 0) {
        dropDepth += 1;
      } else if (DROPPED_WITH_CONTENT.has(name)) {
        dropDepth = 1;
        if (name === 'iframe') output += renderIframe(attributes, policy);
      } else if (!isImplied) {
        // Implied opens come from a stray `</p>` or `</br>`: `onEndTag` handles those end tags.
        output += renderOpenTag(name, attributes, policy);
      }
    },
    // Close events also come for tags the parser closes on its own; only their count matters.
    onclosetag() {
      if (dropDepth > 0) dropDepth -= 1;
    },
    ontext(text) {
      if (dropDepth === 0) output += escapeText(text);
    },
  };

  const onEndTag = (name: string): void => {
    if (dropDepth === 0 && isAllowedTag(name, policy) && !VOID_TAGS.has(name)) {
      output += `</${name}>`;
    }
  };

  new FragmentParser(fragment, handler, onEndTag).parse();
  return output;
}

/**
 * Whether a URL is relative or has an allowed scheme, as a browser reads it (entities, controls, spaces).
 * @example isSafeUrl('java&#x09;script:alert(1)') // false
 */
export function isSafeUrl(url: string, policy: SanitizePolicy = DEFAULT_POLICY): boolean {
  const scheme = schemeOf(stripControlsAndSpaces(decodeEntities(url)).toLowerCase());
  return scheme === undefined || policy.urlSchemes.includes(scheme);
}

/**
 * htmlparser2 silently swallows end tags that match no element it has seen, but in a
 * Markdown fragment a `</b>` usually closes the `<b>` of an earlier raw node. This
 * reports every end tag written in the source, matched or not.
 */
class FragmentParser extends Parser {
  readonly #source: string;
  readonly #onEndTag: (name: string) => void;

  constructor(source: string, handler: Partial<Handler>, onEndTag: (name: string) => void) {
    super(handler);
    this.#source = source;
    this.#onEndTag = onEndTag;
  }

  parse(): void {
    this.end(this.#source);
  }

  override onclosetag(start: number, endIndex: number): void {
    // The parser goes first, so an end tag that also closes a dropped element is kept.
    super.onclosetag(start, endIndex);
    this.#onEndTag(this.#source.slice(start, endIndex).toLowerCase());
  }
}

function renderOpenTag(name: string, attributes: Record<string, string>, policy: SanitizePolicy): string {
  if (!isAllowedTag(name, policy)) return '';
  const allowed = [...policy.globalAttributes, ...(policy.tags[name] ?? [])];
  const kept = Object.entries(attributes).filter(
    ([attribute, value]) => allowed.includes(attribute) && isAllowedValue(name, attribute, value, policy),
  );
  const has = (attribute: string) => kept.some(([a]) => a === attribute);
  // A link whose href was refused is plain text: a target on it would be invalid.
  const rendered = kept.filter(([a]) => !(name === 'a' && a === 'target' && !has('href')));
  // Links to other sites must not get a handle on this page through `window.opener`.
  if (name === 'a' && has('href')) rendered.push(['rel', 'noopener noreferrer']);
  // Every image needs an alt attribute; the content check asks staff for a real one.
  if (name === 'img' && !has('alt')) rendered.push(['alt', '']);
  return `<${name}${rendered.map(([a, v]) => renderAttribute(a, v)).join('')}>`;
}

function isAllowedValue(tag: string, attribute: string, value: string, policy: SanitizePolicy): boolean {
  if (URL_ATTRIBUTES.has(attribute)) return isSafeUrl(value, policy);
  // Named targets could reuse a window another site opened.
  if (tag === 'a' && attribute === 'target') return value === '_blank';
  return true;
}

/** Emits the iframe already closed: its content is never shown and an open one would swallow the page. */
function renderIframe(attributes: Record<string, string>, policy: SanitizePolicy): string {
  const src = embeddableUrl(attributes['src'] ?? '', policy);
  if (src === undefined) return '';
  let rendered = '';
  for (const attribute of IFRAME_ATTRIBUTES) {
    const value = attribute === 'src' ? src : attributes[attribute];
    if (value !== undefined) rendered += renderAttribute(attribute, value);
  }
  rendered += renderAttribute('loading', 'lazy');
  rendered += renderAttribute('sandbox', IFRAME_SANDBOX);
  return `<iframe${rendered}></iframe>`;
}

/** The normalized URL is what gets embedded, so the page loads exactly the host that was checked. */
function embeddableUrl(src: string, policy: SanitizePolicy): string | undefined {
  if (!URL.canParse(src)) return undefined;
  const url = new URL(src);
  const allowed = url.protocol === 'https:' && policy.iframeHosts.includes(url.hostname);
  return allowed ? url.href : undefined;
}

/** `Object.hasOwn`, because a plain lookup would find `constructor` and friends on the prototype. */
function isAllowedTag(name: string, policy: SanitizePolicy): boolean {
  return Object.hasOwn(policy.tags, name);
}

/** The scheme, or `undefined` for a relative URL (a `/`, `?` or `#` before any colon). */
function schemeOf(url: string): string | undefined {
  const colon = url.indexOf(':');
  if (colon === -1) return undefined;
  const delimiter = url.search(/[/?#]/);
  if (delimiter !== -1 && delimiter < colon) return undefined;
  return url.slice(0, colon);
}

/** Browsers ignore tabs and newlines inside a URL and spaces and controls around it. */
function stripControlsAndSpaces(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f]/g, '');
}

/**
 * Attribute values usually arrive decoded already; decoding again only ever refuses
 * more, and keeps `isSafeUrl` safe when handed a value straight from the source.
 */
function decodeEntities(text: string): string {
  let decoded = '';
  const parser = new Parser({
    ontext(chunk) {
      decoded += chunk;
    },
  });
  parser.end(text.replaceAll('<', '&lt;'));
  return decoded;
}

function renderAttribute(name: string, value: string): string {
  return ` ${name}="${escapeAttribute(value)}"`;
}

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replaceAll('"', '&quot;');
}
