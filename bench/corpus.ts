/**
 * A synthetic bilingual archive for the benchmark: `notes` note bundles with
 * both languages, about 600 words each with headings and lists, every field
 * of the content contract, and a hero image on one note in ten.
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

function paragraph(lang: 'es' | 'en', next: () => number, words: number): string {
  const list = WORDS[lang];
  const text = Array.from({ length: words }, () => list[Math.floor(next() * list.length)]).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function body(lang: 'es' | 'en', next: () => number): string {
  const parts: string[] = [];
  for (let section = 0; section < 4; section++) {
    parts.push(`## ${paragraph(lang, next, 5).slice(0, -1)}`, paragraph(lang, next, 60), paragraph(lang, next, 50));
    parts.push(Array.from({ length: 4 }, () => `- ${paragraph(lang, next, 6)}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/** Writes the corpus under `dir/content`; returns the content folder. */
export async function writeCorpus(dir: string, notes: number): Promise<string> {
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
        `title: "${paragraph(lang, next, 9).slice(0, -1)} ${n}"`,
        `summary: "${paragraph(lang, next, 28).slice(0, 280)}"`,
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
      writeFileSync(join(folder, `index.${lang}.md`), `${front.join('\n')}\n${body(lang, next)}`);
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
