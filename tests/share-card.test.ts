import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import satori from 'satori';
import sharp from 'sharp';
import { cardFonts, renderCard } from '../src/cli/share-images.ts';
import { formatDate } from '../src/lib/dates.ts';
import { buildPages, type Page } from '../src/lib/pages.ts';
import { cardHash, cardText, cardTree, fitText, fitTitle, lineCount, shareCard, TEMPLATE_VERSION, type CardElement, type ShareCard, type TextBox } from '../src/lib/share-card.ts';
import type { Lang, Note, NoteVersion, Stop } from '../src/lib/types.ts';
import { settings } from '../src/settings.ts';

const { measure } = cardFonts();
const has = (char: string) => measure.has(char);
const SPANISH = 'áéíóúüñ¿¡«»ÁÉÍÓÚÜÑ';

function notePage(over: Partial<NoteVersion> = {}, lang: Lang = 'es'): Extract<Page, { kind: 'note' }> {
  const version: NoteVersion = {
    id: `2023-02-27-llegada/${lang}`, folder: '2023-02-27-llegada', lang, file: `content/notes/2023-02-27-llegada/${lang}.md`,
    slug: 'llegada', title: 'Llegada a Los Ángeles', summary: 'Resumen', date: new Date('2023-02-27T18:00:00Z'), dateOnly: false,
    stop: 'los-angeles', topics: [], people: [], organizations: [], draft: false, ...over,
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
    expect(cardHash(card())).toBe(cardHash(card()));
    expect(cardHash(card())).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<ShareCard>]>([
    ['title', { title: 'Otra' }],
    ['stop', { stop: 'Texas' }],
    ['date', { date: '28 de febrero de 2023' }],
    ['lang', { lang: 'en' }],
    ['site name', { site: 'Otro sitio' }],
    ['colours', { colors: { ...settings.colors, primary: '#000000' } }],
  ])('changes with the %s', (_, over) => {
    expect(cardHash(card(over))).not.toBe(cardHash(card()));
  });

  it('changes with the template version', () => {
    expect(cardHash(card(), `${TEMPLATE_VERSION}-next`)).not.toBe(cardHash(card()));
  });

  it('does not change with what the image does not show', () => {
    const edited = notePage({ summary: 'Otro resumen', topics: ['economy'], people: ['Alguien'], updated: new Date('2023-03-01') });
    expect(cardHash(shareCard(edited, settings))).toBe(cardHash(card()));
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

describe('fitted text in satori\'s own layout', () => {
  const WORDS = ['Alcaldes', 'se', 'reúnen', 'con', 'inversionistas', 'internacionalización', '«único»', '¿Qué?', '¡Sí!', 'y', 'de', 'México,', 'Los', 'Ángeles', 'WWWWWWWW', 'Supercalifragilísticoespialidoso', '🎉', '—', 'i'];

  /** The text boxes satori laid out, in order: site name, stop, title, date. */
  async function textBoxes(c: ShareCard): Promise<{ height: number; text: string }[]> {
    const boxes: { height: number; text: string }[] = [];
    await satori(cardTree(c, measure) as never, { ...{ width: 1200, height: 630 }, fonts: cardFonts().satori, onNodeDetected: (node) => {
      if (node.textContent !== undefined) boxes.push({ height: node.height, text: node.textContent });
    } });
    return boxes;
  }

  it('never takes more lines than the card has room for, whatever the title', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 45 }), async (words) => {
      const title = words.join(' ');
      const [site, stop, fitted, date] = await textBoxes(card({ title }));
      const { size } = fitTitle(cardText(title, has), measure);
      expect(Math.round(fitted!.height / (size * 1.15)), fitted!.text).toBeLessThanOrEqual(size === 64 ? 3 : 4);
      expect(Math.round(site!.height / (28 * 1.2))).toBeLessThanOrEqual(2);
      expect(Math.round(stop!.height / (28 * 1.2))).toBe(1);
      expect(Math.round(date!.height / (28 * 1.3))).toBe(1);
    }), { numRuns: 60 });
  });
});

const texts = (element: CardElement): string[] =>
  typeof element.props.children === 'string' ? [element.props.children] : (element.props.children ?? []).flatMap(texts);

describe('cardTree', () => {
  it('shows the site name, the stop in capitals, the title and the date', () => {
    const c = card();
    expect(texts(cardTree(c, measure))).toEqual([settings.name.es, 'LOS ÁNGELES', 'Llegada a Los Ángeles', c.date]);
  });

  it('is a 1200x630 box in the site colours', () => {
    const tree = cardTree(card(), measure);
    expect(tree.props.style).toMatchObject({ width: 1200, height: 630 });
    const backgrounds = JSON.stringify(tree).match(/"backgroundColor":"#[0-9a-f]+"/g);
    expect(backgrounds).toEqual(expect.arrayContaining([`"backgroundColor":"${settings.colors.primaryDark}"`, `"backgroundColor":"${settings.colors.accent}"`]));
  });
});

describe('renderCard', () => {
  it('renders a title with emoji exactly as the same title without them', async () => {
    const withEmoji = await renderCard(card({ title: '🎉 Llegada a Los Ángeles 🇲🇽👩‍👩‍👧' }));
    const without = await renderCard(card({ title: 'Llegada a Los Ángeles' }));
    const [a, b] = await Promise.all([withEmoji, without].map((png) => sharp(png).raw().toBuffer()));
    expect(a!.equals(b!)).toBe(true);
    expect(await sharp(withEmoji).metadata()).toMatchObject({ width: 1200, height: 630, format: 'png' });
  });

  it('draws every Spanish glyph as itself, not as the box of a missing glyph', async () => {
    // A character no font has: what satori draws when a glyph is missing.
    const tofu = await glyphPixels('\u{E000}');
    for (const char of SPANISH) expect((await glyphPixels(char)).equals(tofu), char).toBe(false);
  });
});

/** The title area of a card whose title is one character, as raw pixels. */
async function glyphPixels(char: string): Promise<Buffer> {
  // Bypasses cardText (which would drop the missing glyph) by rendering the tree directly.
  const tree = cardTree(card({ title: 'x' }), measure);
  const json = JSON.stringify(tree).replace('"children":"x"', `"children":${JSON.stringify(char)}`);
  const svg = await satori(JSON.parse(json), { width: 1200, height: 630, fonts: cardFonts().satori });
  return sharp(Buffer.from(svg)).extract({ left: 64, top: 240, width: 200, height: 100 }).raw().toBuffer();
}
