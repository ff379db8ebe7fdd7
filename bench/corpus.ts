/**
 * A synthetic bilingual archive for the benchmark: `notes` note bundles with
 * both languages, about 600 words each with headings and lists, every field
 * of the content contract, and a hero image on one note in ten.
 *
 * Its words come from one of two vocabularies:
 * - `uniform` (the default, the build benchmark's): the 40 words below, drawn
 *   alike, so every note has every word: the worst case for a search, whose
 *   every query word then matches every note.
 * - `zipf`: those 40 words among 5000 (the others made of syllables), drawn
 *   as words are in real text, the word of rank r about 1/r as often as the
 *   commonest. The i-th of the 40 has rank 1 + 2i²: "el" and "convoy" are on
 *   every note, "inversión" (rank 723) on about one in ten, "cine" (1153) on
 *   one in twenty and the last ones on one in forty, as the subjects and
 *   names of a real archive are.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const STOPS = ['los-angeles', 'texas', 'florida', 'new-york', 'european-union', 'india', 'south-korea', 'japan'];
const TOPICS = ['economy', 'communities', 'creative-industries', 'diplomacy', 'trade-investment', 'industry-4-0', 'automotive', 'biomedical', 'film', 'diaspora'];
const WORDS = {
  es: 'el convoy de municipios reunió a alcaldesas y alcaldes con inversionistas empresas cámaras de comercio para presentar oportunidades de inversión en industria automotriz biomédica cine tecnología financiera vinculación con la diáspora cooperación internacional y desarrollo económico local sostenible'.split(' '),
  en: 'the convoy of municipalities brought mayors together with investors companies chambers of commerce to present investment opportunities in automotive biomedical film financial technology diaspora ties international cooperation and sustainable local economic development'.split(' '),
};

// A deterministic generator, so every run builds the same corpus.
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/**
 * A second deterministic generator, for the `zipf` draws only: random() above loses
 * its low bits to rounding (its product passes 2^53), which a draw among 5000 ranks
 * shows (a word of rank 1353 was on no note in 400). random() stays for the uniform
 * corpus, so that the build benchmark keeps measuring the same notes.
 */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Vocabulary = 'uniform' | 'zipf';

/** Words of the `zipf` vocabulary. */
const ZIPF_WORDS = 5000;
const SYLLABLES = ['ba', 'ce', 'di', 'fo', 'gu', 'la', 'me', 'ni', 'po', 'ru', 'sa', 'te', 'vi', 'zo', 'que', 'lan', 'mor', 'tes'];

/** Draws one word at a time, in the given language, from a vocabulary (`uniform` with the corpus's `next`, `zipf` with its own generator). */
type Draw = (lang: 'es' | 'en', next: () => number) => string;

function drawFrom(vocabulary: Vocabulary): Draw {
  if (vocabulary === 'uniform') return (lang, next) => WORDS[lang][Math.floor(next() * WORDS[lang].length)]!;
  const ranked = (lang: 'es' | 'en') => {
    const words: string[] = [];
    WORDS[lang].forEach((word, i) => (words[2 * i * i] = word));
    for (let r = 0; r < ZIPF_WORDS; r++) {
      if (words[r]) continue;
      // A word no language has, from the rank's digits in base 18: 'bacelan', 'fogutes'...
      let made = '';
      for (let n = r + SYLLABLES.length * SYLLABLES.length; n > 0; n = Math.floor(n / SYLLABLES.length)) made += SYLLABLES[n % SYLLABLES.length];
      words[r] = made;
    }
    return words;
  };
  const words = { es: ranked('es'), en: ranked('en') };
  // Cumulative weights 1, 1/2, 1/3…, for a binary search of a uniform draw.
  const cumulative: number[] = [];
  for (let r = 0, total = 0; r < ZIPF_WORDS; r++) cumulative.push((total += 1 / (r + 1)));
  const uniform = mulberry32(42);
  return (lang) => {
    const target = uniform() * cumulative.at(-1)!;
    let low = 0;
    for (let high = ZIPF_WORDS - 1; low < high; ) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return words[lang][low]!;
  };
}

function paragraph(lang: 'es' | 'en', next: () => number, words: number, draw: Draw): string {
  const text = Array.from({ length: words }, () => draw(lang, next)).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function body(lang: 'es' | 'en', next: () => number, draw: Draw): string {
  const parts: string[] = [];
  for (let section = 0; section < 4; section++) {
    parts.push(`## ${paragraph(lang, next, 5, draw).slice(0, -1)}`, paragraph(lang, next, 60, draw), paragraph(lang, next, 50, draw));
    parts.push(Array.from({ length: 4 }, () => `- ${paragraph(lang, next, 6, draw)}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/** Writes the corpus under `dir/content`; returns the content folder. */
export async function writeCorpus(dir: string, notes: number, vocabulary: Vocabulary = 'uniform'): Promise<string> {
  const draw = drawFrom(vocabulary);
  const content = join(dir, 'content');
  mkdirSync(join(content, 'stops'), { recursive: true });
  writeFileSync(join(content, 'topics.yaml'), TOPICS.map((t) => `${t}:\n  es: Tema ${t}\n  en: Topic ${t}\n`).join(''));
  STOPS.forEach((stop, i) => {
    const text = (lang: string) => `${lang}:\n  name: ${stop} ${lang}\n  region: Región\n  country: País\n  summary: Parada ${stop}.\n`;
    writeFileSync(join(content, 'stops', `${stop}.yaml`), `order: ${i + 1}\nstart: 2023-0${(i % 9) + 1}-01\nend: 2023-0${(i % 9) + 1}-05\ncoordinates: [${10 + i}, ${-100 + i}]\n${text('es')}${text('en')}`);
  });
  const images = await heroImages(dir);
  const next = random(42);
  for (let n = 0; n < notes; n++) {
    const day = new Date(Date.UTC(2020, 0, 1) + n * 6 * 3600_000);
    const iso = day.toISOString().slice(0, 10);
    const folder = join(content, 'notes', `${iso}-nota-${n}`);
    mkdirSync(folder, { recursive: true });
    const withImage = n % 10 === 0;
    if (withImage) copyFileSync(images[n % images.length]!, join(folder, 'hero.jpg'));
    const stop = STOPS[n % STOPS.length];
    const topics = [TOPICS[n % TOPICS.length], TOPICS[(n * 7 + 3) % TOPICS.length]];
    for (const lang of ['es', 'en'] as const) {
      const front = [
        '---',
        `title: "${paragraph(lang, next, 9, draw).slice(0, -1)} ${n}"`,
        `summary: "${paragraph(lang, next, 28, draw).slice(0, 280)}"`,
        `date: ${day.toISOString().slice(0, 16).replace('T', ' ')}`,
        `updated: ${iso}T23:59:00-06:00`,
        `stop: ${stop}`,
        `topics: [${[...new Set(topics)].join(', ')}]`,
        'people: ["Marcelo Ebrard", "Karen Bass"]',
        'organizations: ["Secretaría de Relaciones Exteriores"]',
        ...(withImage ? ['image:', '  src: hero.jpg', `  alt: "Ilustración ${n}"`, '  credit: "Convoy"'] : []),
        ...(lang === 'en' ? [`slug: note-${n}`] : []),
        '---',
      ];
      writeFileSync(join(folder, `index.${lang}.md`), `${front.join('\n')}\n${body(lang, next, draw)}`);
    }
  }
  return content;
}

// A few distinct pictures, so image processing is not all one cached file.
async function heroImages(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < 5; i++) {
    const file = join(dir, `hero-${i}.jpg`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#${(0x691c32 + i * 0x101010).toString(16)}"/><circle cx="${300 + i * 200}" cy="450" r="${200 + i * 30}" fill="#bc955c"/></svg>`;
    await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(file);
    files.push(file);
  }
  return files;
}
