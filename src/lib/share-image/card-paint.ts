/**
 * Paints a card layout (src/lib/share-image/share-card.ts) into a PNG: solid rectangles,
 * then text drawn glyph by glyph from coverage masks. Each glyph is
 * rasterized once per thread and size (src/lib/share-image/outline-raster.ts) and then
 * only blended, so a card costs a millisecond or two of blending plus the PNG
 * encoding, not a full vector render.
 */
import type { Font, Glyph } from 'opentype.js';
import sharp from 'sharp';
import { rasterizeOutline, type Coverage, type OutlineCommand } from './outline-raster.ts';
import type { CardLayout, CardLine, FontWeight } from './share-card.ts';

/** One bundled font and its weight; faces of one weight are tried in their order (Latin, then Latin Extended). */
export interface Face {
  weight: FontWeight;
  font: Font;
}

/** Horizontal positions are kept to a third of a pixel, so spacing stays even without a mask per position. */
const PHASES = 3;
const CHANNELS = 3;
// Flat colours and anti-aliased text: a fast zlib level costs about 10% in size and halves the encoding time.
const PNG = { compressionLevel: 3 } as const;

/** The font of `weight` that has `char`, else the first (which draws .notdef; cardText never lets that happen). */
function fontFor(faces: readonly Face[], char: string, weight: FontWeight): Font {
  const own = faces.filter((face) => face.weight === weight);
  return (own.find((face) => face.font.charToGlyphIndex(char) > 0) ?? own[0]!).font;
}

/** `text` cut into runs of characters set in the same font, so kerning applies within each. */
export function fontRuns(faces: readonly Face[], text: string, weight: FontWeight): { font: Font; text: string }[] {
  const runs: { font: Font; text: string }[] = [];
  for (const char of text) {
    const font = fontFor(faces, char, weight);
    const last = runs.at(-1);
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

const glyphCache = new Map<Font, Map<string, Glyph>>();
const kernCache = new Map<Font, Map<number, number>>();

/**
 * The glyphs of a run and the pen position of each in px, with the font's
 * kerning: one glyph per character (text is NFC and never needs ligatures),
 * which keeps measuring as cheap as a few map lookups.
 */
export function shapeRun(font: Font, text: string, size: number, letterSpacing = 0): { glyphs: Glyph[]; x: number[]; advance: number } {
  let glyphsOf = glyphCache.get(font);
  if (!glyphsOf) glyphCache.set(font, (glyphsOf = new Map()));
  let kerns = kernCache.get(font);
  if (!kerns) kernCache.set(font, (kerns = new Map()));
  const scale = size / font.unitsPerEm;
  const glyphs: Glyph[] = [];
  const x: number[] = [];
  let pen = 0;
  let previous: Glyph | undefined;
  for (const char of text) {
    let glyph = glyphsOf.get(char);
    if (!glyph) glyphsOf.set(char, (glyph = font.charToGlyph(char)));
    if (previous) {
      const pair = previous.index * 65536 + glyph.index;
      let kern = kerns.get(pair);
      if (kern === undefined) kerns.set(pair, (kern = font.getKerningValue(previous, glyph)));
      pen += kern * scale;
    }
    glyphs.push(glyph);
    x.push(pen);
    pen += (glyph.advanceWidth ?? 0) * scale + letterSpacing;
    previous = glyph;
  }
  return { glyphs, x, advance: pen };
}

interface Placed {
  font: Font;
  glyph: Glyph;
  size: number;
  /** Pen position: whole pixel and phase (0 to PHASES - 1). */
  x: number;
  phase: number;
  baseline: number;
  color: string;
}

/** Every glyph of a line at its pen position, rounded to a phase. */
function placeLine(faces: readonly Face[], line: CardLine): Placed[] {
  const placed: Placed[] = [];
  let pen = line.x;
  for (const run of fontRuns(faces, line.text, line.weight)) {
    const shaped = shapeRun(run.font, run.text, line.size, line.letterSpacing);
    shaped.glyphs.forEach((glyph, i) => {
      const at = pen + shaped.x[i]!;
      const whole = Math.floor(at);
      const phase = Math.round((at - whole) * PHASES);
      placed.push({ font: run.font, glyph, size: line.size, x: whole + Math.floor(phase / PHASES), phase: phase % PHASES, baseline: Math.round(line.baseline), color: line.color });
    });
    pen += shaped.advance;
  }
  return placed;
}

/** Glyph coverage of one thread (placed relative to the pen on the baseline), by font, glyph, size and phase. */
const masks = new Map<string, Coverage | undefined>();
const fontIds = new Map<Font, number>();
const maskKey = ({ font, glyph, size, phase }: Placed) => {
  if (!fontIds.has(font)) fontIds.set(font, fontIds.size);
  return `${fontIds.get(font)}|${glyph.index}|${size}|${phase}`;
};

/** The mask of a placed glyph, rasterized on first use. */
function maskOf(placed: Placed): Coverage | undefined {
  const key = maskKey(placed);
  if (!masks.has(key)) masks.set(key, rasterizeOutline(placed.glyph.getPath(placed.phase / PHASES, 0, placed.size).commands as OutlineCommand[]));
  return masks.get(key);
}

const rgb = (hex: string): [number, number, number] => {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`Share card colour "${hex}" is not of the form #rrggbb: fix it in src/settings.ts.`);
  const value = Number.parseInt(hex.slice(1), 16);
  return [value >> 16, (value >> 8) & 255, value & 255];
};

/** Paints the layout and encodes it as a PNG. Deterministic: the same layout gives the same bytes on any thread. */
export async function paintCard(layout: CardLayout, faces: readonly Face[]): Promise<Buffer> {
  const { width, height } = layout;
  // A fresh 2 MB buffer per card costs more in page faults than painting it: reuse them.
  const size = width * height * CHANNELS;
  const free = spare.findIndex((buffer) => buffer.length === size);
  const pixels = free === -1 ? Buffer.alloc(size) : spare.splice(free, 1)[0]!;
  try {
    return await paintInto(pixels, layout, faces);
  } finally {
    spare.push(pixels);
  }
}

/** Pixel buffers of this thread not in use (every card is painted over its whole area). */
const spare: Buffer[] = [];

async function paintInto(pixels: Buffer, layout: CardLayout, faces: readonly Face[]): Promise<Buffer> {
  const { width, height } = layout;
  const fill = (x0: number, y0: number, w: number, h: number, color: string) => {
    const left = Math.max(0, Math.round(x0));
    const right = Math.min(width, Math.round(x0 + w));
    if (right <= left) return;
    // One row of the colour, copied into every row of the rectangle.
    const row = Buffer.alloc((right - left) * CHANNELS, Buffer.from(rgb(color)));
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(height, Math.round(y0 + h)); y++) pixels.set(row, (y * width + left) * CHANNELS);
  };
  fill(0, 0, width, height, layout.background);
  for (const rect of layout.rects) fill(rect.x, rect.y, rect.width, rect.height, rect.color);

  for (const placed of layout.lines.flatMap((line) => placeLine(faces, line))) {
    const mask = maskOf(placed);
    if (!mask) continue;
    const [r, g, b] = rgb(placed.color);
    for (let row = 0; row < mask.height; row++) {
      const y = placed.baseline + mask.top + row;
      if (y < 0 || y >= height) continue;
      for (let col = 0; col < mask.width; col++) {
        const x = placed.x + mask.left + col;
        const a = mask.alpha[row * mask.width + col]!;
        if (a === 0 || x < 0 || x >= width) continue;
        const i = (y * width + x) * CHANNELS;
        pixels[i] = (pixels[i]! * (255 - a) + r * a + 127) / 255;
        pixels[i + 1] = (pixels[i + 1]! * (255 - a) + g * a + 127) / 255;
        pixels[i + 2] = (pixels[i + 2]! * (255 - a) + b * a + 127) / 255;
      }
    }
  }
  return sharp(pixels, { raw: { width, height, channels: CHANNELS } }).png(PNG).toBuffer();
}
