import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fontRuns, paintCard, shapeRun } from '../src/lib/share-image/card-paint.ts';
import { cardFonts } from '../src/lib/share-image/share-images.ts';
import type { CardLayout, CardLine } from '../src/lib/share-image/share-card.ts';

const { faces, measure } = cardFonts();
const blank: CardLayout = { width: 400, height: 200, background: '#ffffff', rects: [], lines: [] };
const line = (over: Partial<CardLine> = {}): CardLine => ({ text: 'Año «único»', x: 40, baseline: 120, size: 56, weight: 700, color: '#000000', letterSpacing: 0, ...over });

async function pixels(layout: CardLayout): Promise<(x: number, y: number) => string> {
  const { data, info } = await sharp(await paintCard(layout, faces)).raw().toBuffer({ resolveWithObject: true });
  return (x, y) => `#${data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3).toString('hex')}`;
}

/** The box of every pixel that is not the background. */
async function inkBox(layout: CardLayout) {
  const at = await pixels(layout);
  const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (let y = 0; y < layout.height; y++) {
    for (let x = 0; x < layout.width; x++) {
      if (at(x, y) === layout.background) continue;
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x + 1);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y + 1);
    }
  }
  return box;
}

describe('paintCard', () => {
  it('fills the background and the rectangles with their exact colours, rectangles over the background', async () => {
    const at = await pixels({ ...blank, rects: [{ x: 10, y: 20, width: 30, height: 40, color: '#691c32' }, { x: 30, y: 20, width: 10, height: 10, color: '#bc955c' }] });
    expect([at(0, 0), at(10, 20), at(29, 59), at(30, 20), at(39, 29), at(40, 20), at(10, 60)]).toEqual(['#ffffff', '#691c32', '#691c32', '#bc955c', '#bc955c', '#ffffff', '#ffffff']);
  });

  it('draws a line of text inside the box its metrics give it, in its colour', async () => {
    const text = line();
    const box = await inkBox({ ...blank, lines: [text] });
    const width = measure.width(text.text, text.size, text.weight);
    expect(box.left).toBeGreaterThanOrEqual(text.x - 1);
    expect(box.left).toBeLessThan(text.x + 10);
    expect(box.right).toBeLessThanOrEqual(Math.ceil(text.x + width) + 1);
    expect(box.right).toBeGreaterThan(text.x + width - 12);
    expect(box.top).toBeGreaterThanOrEqual(Math.floor(text.baseline - measure.ascent * text.size));
    expect(box.bottom).toBeLessThanOrEqual(Math.ceil(text.baseline + measure.descent * text.size));
    const stem = { ...blank, lines: [line({ text: 'I', color: '#9f2241' })] };
    const { left, right, top, bottom } = await inkBox(stem);
    expect((await pixels(stem))(Math.floor((left + right) / 2), Math.floor((top + bottom) / 2)), 'the middle of the stem of the I').toBe('#9f2241');
  });

  it('spreads the characters by the letter spacing', async () => {
    const tight = await inkBox({ ...blank, lines: [line({ text: 'ABC', size: 28 })] });
    const spaced = await inkBox({ ...blank, lines: [line({ text: 'ABC', size: 28, letterSpacing: 10 })] });
    // Two gaps between three letters; the trailing spacing leaves no ink.
    expect(spaced.right - tight.right).toBeGreaterThanOrEqual(19);
    expect(spaced.right - tight.right).toBeLessThanOrEqual(21);
  });

  it('paints the same bytes for the same layout, whatever was painted before', async () => {
    const layout = { ...blank, lines: [line()] };
    const first = await paintCard(layout, faces);
    await paintCard({ ...blank, background: '#000000', lines: [line({ text: 'Łódź WAVE ¿?', color: '#ffffff' })] }, faces);
    expect((await paintCard(layout, faces)).equals(first)).toBe(true);
  });

  it('refuses a colour it cannot paint, saying where to fix it', async () => {
    await expect(paintCard({ ...blank, background: 'white' }, faces)).rejects.toThrow('Share card colour "white" is not of the form #rrggbb: fix it in src/settings.ts.');
  });
});

describe('shaping', () => {
  it('advances exactly as opentype.js lays the text out, kerning included, at a fraction of the cost', () => {
    for (const weight of [500, 700] as const) {
      const font = fontRuns(faces, 'a', weight)[0]!.font;
      for (const text of ['AV Ta Yo', 'Llegada a Los Ángeles', '¿Año «único»?', 'WAVE fi ffl 2023']) {
        expect(shapeRun(font, text, 64).advance, text).toBeCloseTo(font.getAdvanceWidth(text, 64), 9);
        expect(measure.width(text, 64, weight)).toBe(shapeRun(font, text, 64).advance);
      }
    }
  });

  it('takes each character from the first font of the weight that has it', () => {
    const runs = fontRuns(faces, 'Łódź y Ñ', 500);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.map((r) => r.text).join('')).toBe('Łódź y Ñ');
    const latin = faces.find((f) => f.weight === 500)!.font;
    for (const run of runs) for (const char of run.text) expect(run.font.charToGlyphIndex(char), char).toBeGreaterThan(0);
    expect(runs.find((r) => r.text.includes('Ñ'))!.font).toBe(latin);
  });
});
