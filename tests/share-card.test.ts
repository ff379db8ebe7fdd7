import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import sharp from 'sharp';
import { paintCard } from '../src/lib/share-image/card-paint.ts';
import { cardFonts, renderCard } from '../src/lib/share-image/share-images.ts';
import { formatDate } from '../src/lib/i18n/dates.ts';
import { buildPages, type Page } from '../src/lib/pages/pages.ts';
import { cardHash, cardLayout, cardText, fitText, fitTitle, lineCount, shareCard, wrapLines, type ShareCard, type TextBox } from '../src/lib/share-image/share-card.ts';
import type { Lang, Note, NoteVersion, Stop } from '../src/lib/content/types.ts';
import { settings } from '../src/settings.ts';

const { measure } = cardFonts();
const has = (char: string) => measure.has(char);
const SPANISH = 'áéíóúüñ¿¡«»ÁÉÍÓÚÜÑ';

function notePage(over: Partial<NoteVersion> = {}, lang: Lang = 'es'): Extract<Page, { kind: 'note' }> {
  const version: NoteVersion = {
    id: `2023-02-27-llegada/${lang}`, folder: '2023-02-27-llegada', lang, file: `content/notes/2023-02-27-llegada/index.${lang}.md`,
    slug: 'llegada', title: 'Llegada a Los Ángeles', summary: 'Resumen', date: new Date('2023-02-27T18:00:00Z'), dateOnly: false,
    stop: 'los-angeles', topics: [], people: [], organizations: [], draft: false, source: 'source', ...over,
  };
  const stop: Stop = {
    id: 'los-angeles', file: 'content/stops/los-angeles.yaml', order: 1,
    text: { es: { name: 'Los Ángeles', region: 'California', country: 'Estados Unidos', summary: 'S' }, en: { name: 'Los Angeles', region: 'California', country: 'United States', summary: 'S' } },
  };
  const note: Note = { folder: version.folder, versions: { [lang]: version } };
  const pages = buildPages({ notes: [note], stops: [stop], topics: {} }, { languages: ['es', 'en'], timeZone: settings.timeZone, now: new Date('2024-01-01'), preview: false, pageSize: 10 });
  return pages.find((p): p is Extract<Page, { kind: 'note' }> => p.kind === 'note')!;
}

const card = (over: Partial<ShareCard> = {}): ShareCard => ({ ...shareCard(notePage(), settings), ...over });
const TITLE_BOX: TextBox = { width: 1072, size: 56, weight: 700, maxLines: 4 };

describe('shareCard', () => {
  it('holds the title, the stop and the date in the page language, and the site name', () => {
    expect(shareCard(notePage(), settings)).toMatchObject({
      lang: 'es', title: 'Llegada a Los Ángeles', stop: 'Los Ángeles', site: settings.name.es,
      date: formatDate(new Date('2023-02-27T18:00:00Z'), 'es', settings.timeZone),
    });
    expect(shareCard(notePage(), settings).date).toMatch(/^27 de febrero de 2023/);
    expect(shareCard(notePage({ dateOnly: true, date: new Date('2023-02-27T06:00:00Z') }, 'en'), settings)).toMatchObject({
      lang: 'en', stop: 'Los Angeles', site: settings.name.en, date: 'February 27, 2023',
    });
  });
});

describe('cardHash', () => {
  it('is stable for the same card', () => {
    expect(cardHash(card(), 'painter')).toBe(cardHash(card(), 'painter'));
    expect(cardHash(card(), 'painter')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<ShareCard>]>([
    ['title', { title: 'Otra' }],
    ['stop', { stop: 'Texas' }],
    ['date', { date: '28 de febrero de 2023' }],
    ['lang', { lang: 'en' }],
    ['site name', { site: 'Otro sitio' }],
    ['colours', { colors: { ...settings.colors, primary: '#000000' } }],
  ])('changes with the %s', (_, over) => {
    expect(cardHash(card(over), 'painter')).not.toBe(cardHash(card(), 'painter'));
  });

  it("changes with the painter's fingerprint", () => {
    expect(cardHash(card(), 'painter 2')).not.toBe(cardHash(card(), 'painter'));
  });

  it('does not change with what the image does not show', () => {
    const edited = notePage({ summary: 'Otro resumen', topics: ['economy'], people: ['Alguien'], updated: new Date('2023-03-01') });
    expect(cardHash(shareCard(edited, settings), 'painter')).toBe(cardHash(card(), 'painter'));
  });
});

describe('cardText', () => {
  it('has every Spanish glyph in the bundled fonts and keeps them', () => {
    for (const char of SPANISH) expect(has(char), char).toBe(true);
    expect(cardText(`¿Qué? ¡Sí! «Año» ${SPANISH}`, has)).toBe(`¿Qué? ¡Sí! «Año» ${SPANISH}`);
  });

  it('drops emoji, joiners and variation selectors', () => {
    expect(cardText('¡Llegamos! 🇲🇽🎉 a Texas 👩‍👩‍👧 ❤️', has)).toBe('¡Llegamos! a Texas');
    expect(cardText('Paso 1️⃣', has)).toBe('Paso 1');
  });

  it('falls back to the base letter of an accented letter the fonts lack', () => {
    expect(has('ệ')).toBe(false);
    expect(cardText('Nguyễn Thị Ngọc', has)).toBe('Nguyen Thi Ngoc');
  });

  it('keeps Latin Extended letters of names', () => {
    expect(cardText('Dvořák en Łódź', has)).toBe('Dvořák en Łódź');
  });

  it('turns every kind of space into one plain space', () => {
    expect(cardText(' 2:00\u202fp.m.\u00a0CST\n\tfin ', has)).toBe('2:00 p.m. CST fin');
  });
});

describe('fitting the title', () => {
  const longTitle = 'Alcaldesas y alcaldes de México se reúnen con inversionistas, cámaras de comercio, estudios de cine y universidades de California para hablar de comercio, turismo y cultura durante toda la semana';

  it('keeps a short title whole, at the large size', () => {
    expect(fitTitle('Llegada a Los Ángeles', measure)).toEqual({ text: 'Llegada a Los Ángeles', size: 64 });
  });

  it('keeps a title of four lines whole at the smaller size', () => {
    const title = 'Alcaldesas y alcaldes de México se reúnen con inversionistas y cámaras de comercio de California';
    expect(lineCount(title, { ...TITLE_BOX, size: 64, maxLines: 3 }, measure)).toBeGreaterThan(3);
    expect(fitTitle(title, measure)).toEqual({ text: title, size: 56 });
  });

  it('shortens a title too long for four lines at a word boundary, with an ellipsis', () => {
    const { text, size } = fitTitle(longTitle, measure);
    expect(size).toBe(56);
    expect(text).toMatch(/[^\s,]…$/u);
    const kept = text.slice(0, -1);
    expect(longTitle.startsWith(kept)).toBe(true);
    expect(longTitle[kept.length]).toMatch(/[ ,]/);
    expect(lineCount(text, TITLE_BOX, measure)).toBeLessThanOrEqual(4);
    // Graceful, not greedy: one more word would not have fitted.
    const nextWord = longTitle.slice(0, longTitle.indexOf(' ', kept.length + 2));
    expect(lineCount(`${nextWord}…`, TITLE_BOX, measure)).toBeGreaterThan(4);
  });

  it('drops punctuation left before the ellipsis', () => {
    const box: TextBox = { ...TITLE_BOX, maxLines: 1 };
    const text = fitText('Comercio, turismo, cultura, cine, ciencia, tecnología, deporte, salud y educación en California', box, measure);
    expect(text).toMatch(/[a-zí]…$/u);
  });

  it('cuts a single word wider than the card inside the word', () => {
    const text = fitText('Supercalifragilístico'.repeat(12), { ...TITLE_BOX, maxLines: 2 }, measure);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeGreaterThan(20);
    expect(lineCount(text, { ...TITLE_BOX, maxLines: 2 }, measure)).toBeLessThanOrEqual(2);
  });
});

describe('wrapLines', () => {
  const box: TextBox = { width: 400, size: 28, weight: 500, maxLines: 9 };

  it('breaks at spaces, never making a line wider than the box', () => {
    const lines = wrapLines('Alcaldes mexicanos se reúnen con inversionistas de California', box, measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Alcaldes mexicanos se reúnen con inversionistas de California');
    for (const line of lines) expect(measure.width(line, 28, 500)).toBeLessThanOrEqual(400 * 0.96);
    // Greedy: the next word never fitted on the line before.
    lines.slice(1).forEach((line, i) => expect(measure.width(`${lines[i]} ${line.split(' ')[0]}`, 28, 500)).toBeGreaterThan(400 * 0.96));
  });

  it('cuts inside a word only when the word alone is wider than a line', () => {
    const word = 'Supercalifragilísticoespialidoso'.repeat(2);
    const lines = wrapLines(`de ${word} y`, box, measure);
    expect(lines[0]).toBe('de');
    // The rest of the long word starts a line that the next word may join.
    expect(lines.slice(1).join('')).toBe(`${word} y`);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(measure.width(line, 28, 500)).toBeLessThanOrEqual(400 * 0.96);
  });

  it('counts letter spacing, as the stop line uses it', () => {
    const text = 'LOS ÁNGELES CALIFORNIA ESTADOS UNIDOS';
    const plain = { ...box, width: measure.width(text, 28, 500) / 0.96 + 1 };
    expect(lineCount(text, plain, measure)).toBe(1);
    expect(lineCount(text, { ...plain, letterSpacing: 2 }, measure)).toBe(2);
  });
});

describe('cardLayout', () => {
  const WORDS = ['Alcaldes', 'se', 'reúnen', 'con', 'inversionistas', 'internacionalización', '«único»', '¿Qué?', '¡Sí!', 'y', 'de', 'México,', 'Los', 'Ángeles', 'WWWWWWWW', 'Supercalifragilísticoespialidoso', '🎉', '—', 'i'];
  const blocks = (c: ShareCard) => {
    const { lines } = cardLayout(c, measure);
    const by = (color: string, size?: number) => lines.filter((l) => l.color === color && (size === undefined || l.size === size));
    return { site: by('#ffffff'), stop: by(settings.colors.primary), title: by('#1f1f1f'), date: by('#4d4d4d'), lines };
  };

  it('shows the site name, the stop in capitals, the title and the date, in that order down the card', () => {
    const c = card();
    const { site, stop, title, date, lines } = blocks(c);
    expect([site, stop, title, date].map((block) => block.map((l) => l.text).join(' '))).toEqual([settings.name.es, 'LOS ÁNGELES', 'Llegada a Los Ángeles', c.date]);
    expect(lines.map((l) => l.baseline)).toEqual([...lines.map((l) => l.baseline)].sort((a, b) => a - b));
    expect(stop[0]).toMatchObject({ weight: 700, letterSpacing: 2, x: 64 });
  });

  it('is a 1200x630 card with bands in the site colours', () => {
    const layout = cardLayout(card(), measure);
    expect(layout).toMatchObject({ width: 1200, height: 630, background: '#ffffff' });
    expect(layout.rects[0]).toEqual({ x: 0, y: 0, width: 1200, height: 112, color: settings.colors.primaryDark });
    expect(layout.rects.map((r) => r.color)).toEqual(expect.arrayContaining([settings.colors.accent, settings.colors.primary]));
  });

  it('centres a one-line site name in the band: its baseline as CSS would put it', () => {
    const [site] = blocks(card()).site;
    // Line box of 28 x 1.2 px centred in 112 px; the glyphs centred in the line box.
    const top = (112 - 28 * 1.2) / 2;
    expect(site!.baseline).toBeCloseTo(top + (28 * 1.2 - (measure.ascent + measure.descent) * 28) / 2 + measure.ascent * 28, 6);
  });

  it('never puts text past the margins or into the next block, whatever the title', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 45 }), (words) => {
      const { site, stop, title, date, lines } = blocks(card({ title: words.join(' ') }));
      expect(site.length).toBeGreaterThanOrEqual(1);
      expect(site.length).toBeLessThanOrEqual(2);
      expect(stop).toHaveLength(1);
      expect(date).toHaveLength(1);
      // A title of emoji alone has nothing the fonts can draw: no title line.
      expect(title.length).toBe(cardText(words.join(' '), has) ? Math.max(1, title.length) : 0);
      expect(title.length).toBeLessThanOrEqual(title[0]?.size === 64 ? 3 : 4);
      for (const line of lines) {
        const width = measure.width(line.text, line.size, line.weight) + line.letterSpacing * Array.from(line.text).length;
        expect(line.x + width, line.text).toBeLessThanOrEqual(1200 - 64);
      }
      // The title's last line ends above the date's first.
      const last = title.at(-1) ?? stop[0]!;
      expect(last.baseline + measure.descent * last.size).toBeLessThan(date[0]!.baseline - measure.ascent * date[0]!.size);
      expect(site.at(-1)!.baseline + measure.descent * 28).toBeLessThanOrEqual(112);
    }), { numRuns: 100 });
  });
});

describe('renderCard', () => {
  it('renders a title with emoji exactly as the same title without them', async () => {
    const withEmoji = await renderCard(card({ title: '🎉 Llegada a Los Ángeles 🇲🇽👩‍👩‍👧' }));
    const without = await renderCard(card({ title: 'Llegada a Los Ángeles' }));
    expect(withEmoji.equals(without)).toBe(true);
    expect(await sharp(withEmoji).metadata()).toMatchObject({ width: 1200, height: 630, format: 'png' });
  });

  it('draws every Spanish glyph as itself, not as the box of a missing glyph', async () => {
    // A character no font has: what would be drawn for a missing glyph.
    const tofu = await glyphPixels('\u{E000}');
    for (const char of SPANISH) expect((await glyphPixels(char)).equals(tofu), char).toBe(false);
  });
});

/** The title area of a card whose title is one character, as raw pixels. */
async function glyphPixels(char: string): Promise<Buffer> {
  // Bypasses cardText (which would drop a missing glyph) by editing the laid-out line.
  const { faces } = cardFonts();
  const layout = cardLayout(card({ title: 'x' }), measure);
  const lines = layout.lines.map((line) => (line.text === 'x' ? { ...line, text: char } : line));
  const png = await paintCard({ ...layout, lines }, faces);
  return sharp(png).extract({ left: 64, top: 240, width: 200, height: 100 }).raw().toBuffer();
}
