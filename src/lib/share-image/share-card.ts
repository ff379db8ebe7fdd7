import { createHash } from 'node:crypto';
import type { Settings } from '../../settings.ts';
import { formatDate } from '../i18n/dates.ts';
import { inLanguage } from '../i18n/languages.ts';
import type { Page } from '../pages/pages.ts';
import type { Lang } from '../content/types.ts';

/** Size of a share image, the one Facebook, X and LinkedIn all crop to. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

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

/** Metrics of the bundled fonts: the card is laid out with these and drawn with the same fonts. */
export interface Measure {
  /** Whether the bundled fonts have a glyph for this character (one code point). */
  has(char: string): boolean;
  /** Advance width in px of `text` set at `size` px in `weight`, kerning included. */
  width(text: string, size: number, weight: FontWeight): number;
  /** Height above and depth below the baseline, as fractions of the font size (the fonts' hhea metrics). */
  ascent: number;
  descent: number;
}

/** A filled rectangle of the card, in px. */
export interface CardRect {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

/** One line of text on the card: where its baseline starts and how it is set. */
export interface CardLine {
  text: string;
  x: number;
  baseline: number;
  size: number;
  weight: FontWeight;
  color: string;
  /** Px added after every character, as CSS `letter-spacing` does. */
  letterSpacing: number;
}

/** Everything the painter draws, in order: the background, the rectangles, then the lines. */
export interface CardLayout {
  width: number;
  height: number;
  background: string;
  rects: CardRect[];
  lines: CardLine[];
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
    site: inLanguage(site.name, lang),
    colors: site.colors,
  };
}

/**
 * The cache key of a card: sha256 of its data and of `painter`, the
 * fingerprint of everything else that decides its pixels (the code, fonts
 * and libraries that lay it out and paint it; see painterFingerprint in
 * src/lib/share-image/share-images.ts), as hex.
 */
export function cardHash(card: ShareCard, painter: string): string {
  // Fields listed explicitly so the key never depends on property order.
  const { lang, title, stop, date, site, colors } = card;
  const colorList = [colors.primary, colors.primaryDark, colors.accent, colors.accentLight];
  return createHash('sha256').update(JSON.stringify([painter, lang, title, stop, date, site, colorList])).digest('hex');
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

/** A text box: lines of `width` px at `size` px; `letterSpacing` in px added after each character. */
export interface TextBox {
  width: number;
  size: number;
  weight: FontWeight;
  maxLines: number;
  letterSpacing?: number;
}

/**
 * `text` wrapped into lines of `box`: at spaces, and inside a word only when
 * the word alone is wider than the line. 4% of the width is kept spare, so
 * no line ever touches the card's margin.
 * @example wrapLines('Llegada a Los Ángeles', { width: 300, size: 56, weight: 700, maxLines: 3 }, measure) // ['Llegada a', 'Los', 'Ángeles']
 */
export function wrapLines(text: string, box: TextBox, measure: Measure): string[] {
  const room = box.width * 0.96;
  const width = (t: string) => measure.width(t, box.size, box.weight) + (box.letterSpacing ?? 0) * Array.from(t).length;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (width(joined) <= room) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    // A word wider than a line goes over several, cut between characters.
    for (const char of width(word) <= room ? [word] : Array.from(word)) {
      if (line && width(line + char) > room) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** How many lines `text` takes in `box` (see `wrapLines`). */
export function lineCount(text: string, box: TextBox, measure: Measure): number {
  return wrapLines(text, box, measure).length;
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

const BAND = 112;
const RULE = 8;
const FOOT = 14;
const BODY_TOP = BAND + RULE + 44;
const BODY_BOTTOM = CARD_SIZE.height - FOOT - 40;
const LINE_HEIGHT = { site: 1.2, stop: 1.2, title: 1.15, date: 1.3 } as const;

/**
 * The lines of `text` set in `box` from `top`, each `lineHeight` times the
 * size tall with its baseline where CSS puts it (the leading split above and
 * below the glyphs).
 */
function textLines(text: string, box: TextBox, top: number, lineHeight: number, color: string, measure: Measure): CardLine[] {
  const { size } = box;
  const leading = (lineHeight - measure.ascent - measure.descent) * size;
  return wrapLines(text, box, measure).map((line, i) => ({
    text: line,
    x: PAD_X,
    baseline: top + i * lineHeight * size + leading / 2 + measure.ascent * size,
    size,
    weight: box.weight,
    color,
    letterSpacing: box.letterSpacing ?? 0,
  }));
}

/**
 * The layout of a card: a guinda band with the site name, a gold rule, the
 * stop, a short gold rule, the title, and the date at the foot. All text is
 * cleaned and fitted here, so nothing is drawn past the card or with a
 * missing glyph.
 */
export function cardLayout(card: ShareCard, measure: Measure): CardLayout {
  const { colors } = card;
  const text = (t: string) => cardText(t, (c) => measure.has(c));
  const site = fitText(text(card.site), SITE_BOX, measure);
  const siteHeight = lineCount(site, SITE_BOX, measure) * LINE_HEIGHT.site * SITE_BOX.size;
  const stop = fitText(text(card.stop).toLocaleUpperCase(card.lang), STOP_BOX, measure);
  const stopHeight = LINE_HEIGHT.stop * STOP_BOX.size;
  const ruleTop = BODY_TOP + stopHeight + 16;
  const title = fitTitle(text(card.title), measure);
  const titleBox: TextBox = { width: INNER_WIDTH, size: title.size, weight: 700, maxLines: 4 };
  const dateTop = BODY_BOTTOM - LINE_HEIGHT.date * DATE_BOX.size;
  return {
    ...CARD_SIZE,
    background: '#ffffff',
    rects: [
      { x: 0, y: 0, width: CARD_SIZE.width, height: BAND, color: colors.primaryDark },
      { x: 0, y: BAND, width: CARD_SIZE.width, height: RULE, color: colors.accent },
      { x: PAD_X, y: ruleTop, width: 120, height: 4, color: colors.accent },
      { x: 0, y: CARD_SIZE.height - FOOT, width: CARD_SIZE.width, height: FOOT, color: colors.primary },
    ],
    lines: [
      ...textLines(site, SITE_BOX, (BAND - siteHeight) / 2, LINE_HEIGHT.site, '#ffffff', measure),
      ...textLines(stop, STOP_BOX, BODY_TOP, LINE_HEIGHT.stop, colors.primary, measure),
      ...textLines(title.text, titleBox, ruleTop + 4 + 24, LINE_HEIGHT.title, '#1f1f1f', measure),
      ...textLines(fitText(text(card.date), DATE_BOX, measure), DATE_BOX, dateTop, LINE_HEIGHT.date, '#4d4d4d', measure),
    ],
  };
}
