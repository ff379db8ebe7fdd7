import { createHash } from 'node:crypto';
import type { Settings } from '../settings.ts';
import { formatDate } from './dates.ts';
import type { Page } from './pages.ts';
import type { Lang } from './types.ts';

/**
 * Bump whenever the layout, sizes or fonts of the card change: it is part of
 * every cache key, so cached images of the old design are never reused.
 */
export const TEMPLATE_VERSION = '1';

/** Size of a share image, the one Facebook, X and LinkedIn all crop to. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** The family name the element tree asks for; the renderer registers the bundled fonts under it. */
export const FONT_FAMILY = 'Montserrat';

/** Font weights the card uses (the renderer loads exactly these). */
export const FONT_WEIGHTS = [500, 700] as const;
/** One of the card's font weights. */
export type FontWeight = (typeof FONT_WEIGHTS)[number];

/** Everything that appears on one share image: its cache key is a hash of this. */
export interface ShareCard {
  lang: Lang;
  title: string;
  stop: string;
  date: string;
  site: string;
  /** The site's colours are on the card too, so changing them re-renders every card. */
  colors: Settings['colors'];
}

/** Metrics of the bundled fonts, so text can be fitted before satori lays it out. */
export interface Measure {
  /** Whether the bundled fonts have a glyph for this character (one code point). */
  has(char: string): boolean;
  /** Advance width in px of `text` set at `size` px in `weight`. */
  width(text: string, size: number, weight: FontWeight): number;
}

/** A satori element: the object form of JSX, so no React or JSX compiler is needed. */
export interface CardElement {
  type: 'div';
  props: { style: Record<string, string | number>; children?: string | CardElement[] };
}

type NotePage = Extract<Page, { kind: 'note' }>;

/**
 * The share card of a note page: its title, stop and date in the page's language.
 * @example shareCard(page, settings) // { lang: 'es', title: 'Llegada a Los Ángeles', stop: 'Los Ángeles', date: '27 de febrero de 2023 a las 12:00 p.m. GMT-6', … }
 */
export function shareCard(page: NotePage, site: Pick<Settings, 'name' | 'timeZone' | 'colors'>): ShareCard {
  const { version, lang } = page;
  return {
    lang,
    title: version.title,
    stop: page.stop.name,
    date: formatDate(version.date, lang, site.timeZone, version.dateOnly),
    site: site.name[lang],
    colors: site.colors,
  };
}

/** The cache key of a card: sha256 of its data and the template version, as hex. */
export function cardHash(card: ShareCard, templateVersion: string = TEMPLATE_VERSION): string {
  // Fields listed explicitly so the key never depends on property order.
  const { lang, title, stop, date, site, colors } = card;
  const colorList = [colors.primary, colors.primaryDark, colors.accent, colors.accentLight];
  return createHash('sha256').update(JSON.stringify([templateVersion, lang, title, stop, date, site, colorList])).digest('hex');
}

/**
 * Text the bundled fonts can draw: spaces normalized, a letter the fonts lack
 * replaced by its unaccented base letter when they have that, anything else
 * (emoji, joiners, variation selectors, other scripts) dropped rather than
 * drawn as a box.
 * @example cardText('¡Llegamos! 🇲🇽🎉 a Texas', measure.has) // '¡Llegamos! a Texas'
 */
export function cardText(text: string, has: (char: string) => boolean): string {
  const chars = Array.from(text.normalize('NFC').replace(/\s+/gu, ' '), (char) => (has(char) || char === ' ' ? char : baseLetters(char, has)));
  return chars.join('').replace(/ {2,}/g, ' ').trim();
}

function baseLetters(char: string, has: (char: string) => boolean): string {
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  return base && base !== char && Array.from(base).every(has) ? base : '';
}

/** A text box: lines of `width` px at `size` px; `letterSpacing` in px as satori applies it. */
export interface TextBox {
  width: number;
  size: number;
  weight: FontWeight;
  maxLines: number;
  letterSpacing?: number;
}

/**
 * How many lines `text` takes in `box` when wrapped at spaces. Wrapping only
 * at spaces, with 4% of the width kept spare, never counts fewer lines than
 * satori's own layout (which may also break after hyphens and applies
 * kerning), so text fitted here never overflows the card.
 */
export function lineCount(text: string, box: TextBox, measure: Measure): number {
  const room = box.width * 0.96;
  const width = (t: string) => measure.width(t, box.size, box.weight) + (box.letterSpacing ?? 0) * Array.from(t).length;
  let lines = 0;
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const joined = `${line} ${word}`;
    if (line && width(joined) <= room) {
      line = joined;
      continue;
    }
    // A new line. A word wider than the line is broken by satori (word-break:
    // break-word) over several; counting its last part as full is the safe side.
    lines += Math.max(1, Math.ceil(width(word) / room));
    line = word;
  }
  return lines;
}

// Punctuation that reads badly right before an ellipsis: «Sí, pero…» not «Sí, pero,…».
const TRAILING = /[\s,;:.\-–—«“‘¿¡(]+$/u;

/**
 * `text` if it fits in `box`, else shortened at a word boundary with an
 * ellipsis (at a character when not even one word fits).
 * @example fitText('Alcaldes mexicanos se reúnen con inversionistas de California', { width: 1072, size: 56, weight: 700, maxLines: 1 }, measure) // 'Alcaldes mexicanos se reúnen…'
 */
export function fitText(text: string, box: TextBox, measure: Measure): string {
  if (lineCount(text, box, measure) <= box.maxLines) return text;
  const fits = (t: string) => lineCount(`${t.replace(TRAILING, '')}…`, box, measure) <= box.maxLines;
  const words = text.split(' ');
  for (let n = words.length - 1; n > 0; n--) {
    const candidate = words.slice(0, n).join(' ');
    if (fits(candidate)) return `${candidate.replace(TRAILING, '')}…`;
  }
  const chars = Array.from(text);
  for (let n = chars.length - 1; n > 0; n--) {
    const candidate = chars.slice(0, n).join('');
    if (fits(candidate)) return `${candidate.replace(TRAILING, '')}…`;
  }
  return '…';
}

const PAD_X = 64;
const INNER_WIDTH = CARD_SIZE.width - 2 * PAD_X;
/** Larger type for a short title, smaller type and one more line for a long one. */
const TITLE_SIZES = [
  { size: 64, maxLines: 3 },
  { size: 56, maxLines: 4 },
] as const;
const SITE_BOX: TextBox = { width: INNER_WIDTH, size: 28, weight: 500, maxLines: 2 };
const STOP_BOX: TextBox = { width: INNER_WIDTH, size: 28, weight: 700, maxLines: 1, letterSpacing: 2 };
const DATE_BOX: TextBox = { width: INNER_WIDTH, size: 28, weight: 500, maxLines: 1 };

/**
 * The title at the largest size it fits, shortened at the smallest size
 * when it fits at none.
 */
export function fitTitle(title: string, measure: Measure): { text: string; size: number } {
  for (const { size, maxLines } of TITLE_SIZES) {
    if (lineCount(title, { width: INNER_WIDTH, size, weight: 700, maxLines }, measure) <= maxLines) return { text: title, size };
  }
  const last = TITLE_SIZES[TITLE_SIZES.length - 1]!;
  return { text: fitText(title, { width: INNER_WIDTH, size: last.size, weight: 700, maxLines: last.maxLines }, measure), size: last.size };
}

// Satori lays out every element as a flex box and requires saying so.
const div = (style: CardElement['props']['style'], children?: CardElement['props']['children']): CardElement => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

/**
 * The satori element tree of a card: a guinda band with the site name, a
 * gold rule, the stop, the title and the date. All text is fitted and
 * cleaned here, so satori never wraps past the card or meets a missing glyph.
 */
export function cardTree(card: ShareCard, measure: Measure): CardElement {
  const { colors } = card;
  const text = (t: string) => cardText(t, (c) => measure.has(c));
  const title = fitTitle(text(card.title), measure);
  const stop = fitText(text(card.stop).toLocaleUpperCase(card.lang), STOP_BOX, measure);
  const font = (box: TextBox) => ({ fontSize: box.size, fontWeight: box.weight });
  return div({ width: CARD_SIZE.width, height: CARD_SIZE.height, flexDirection: 'column', backgroundColor: '#ffffff', fontFamily: FONT_FAMILY }, [
    div({ height: 112, padding: `0 ${PAD_X}px`, alignItems: 'center', backgroundColor: colors.primaryDark }, [
      div({ color: '#ffffff', lineHeight: 1.2, ...font(SITE_BOX) }, fitText(text(card.site), SITE_BOX, measure)),
    ]),
    div({ height: 8, backgroundColor: colors.accent }),
    div({ flexGrow: 1, flexDirection: 'column', padding: `44px ${PAD_X}px 40px` }, [
      div({ color: colors.primary, letterSpacing: STOP_BOX.letterSpacing!, lineHeight: 1.2, ...font(STOP_BOX) }, stop),
      div({ width: 120, height: 4, marginTop: 16, marginBottom: 24, backgroundColor: colors.accent }),
      div({ color: '#1f1f1f', fontSize: title.size, fontWeight: 700, lineHeight: 1.15, wordBreak: 'break-word' }, title.text),
      div({ flexGrow: 1 }),
      div({ color: '#4d4d4d', lineHeight: 1.3, ...font(DATE_BOX) }, fitText(text(card.date), DATE_BOX, measure)),
    ]),
    div({ height: 14, backgroundColor: colors.primary }),
  ]);
}
