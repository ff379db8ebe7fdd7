/**
 * Whether the share-card fonts can draw each site language. A card with
 * missing glyphs would show empty boxes on every share, so a language whose
 * script the fonts lack is refused at build, naming a font to add.
 */

/** What is checked of one language: its code and texts in its script (its own name, the site name, a date). */
export interface LanguageSample {
  code: string;
  texts: string[];
}

// A font package for the scripts Montserrat lacks; Latin and Cyrillic it has.
const FONTS_BY_SCRIPT: [script: string, test: RegExp, font: string][] = [
  ['Greek', /\p{Script=Greek}/u, '@fontsource/noto-sans (its greek subset)'],
  ['Arabic', /\p{Script=Arabic}/u, '@fontsource/noto-sans-arabic'],
  ['Hebrew', /\p{Script=Hebrew}/u, '@fontsource/noto-sans-hebrew'],
  ['Devanagari', /\p{Script=Devanagari}/u, '@fontsource/noto-sans-devanagari'],
  ['Thai', /\p{Script=Thai}/u, '@fontsource/noto-sans-thai'],
  ['Hangul', /\p{Script=Hangul}/u, '@fontsource/noto-sans-kr'],
  ['Japanese', /[\p{Script=Hiragana}\p{Script=Katakana}]/u, '@fontsource/noto-sans-jp'],
  ['Han', /\p{Script=Han}/u, '@fontsource/noto-sans-sc (or -tc, -jp)'],
];

/**
 * One sentence per language the fonts cannot draw, naming the characters and a font that can.
 * @example cardScriptProblems([{ code: 'ja', texts: ['日本語'] }], (c) => c < '\u0250')[0] // 'Language "ja": the share-card fonts cannot draw 日, 本, 語 …'
 */
export function cardScriptProblems(samples: readonly LanguageSample[], has: (char: string) => boolean): string[] {
  return samples.flatMap(({ code, texts }) => {
    const missing = [...new Set([...texts.join('')].filter((char) => /\p{L}|\p{N}/u.test(char) && !has(char)))];
    if (!missing.length) return [];
    const found = FONTS_BY_SCRIPT.find(([, test]) => missing.some((char) => test.test(char)));
    const font = found ? `a font for ${found[0]} such as ${found[2]}` : 'a font that has them';
    return [`Language "${code}": the share-card fonts cannot draw ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}. Add ${font} to the card fonts (src/lib/share-image/share-images.ts), or remove the language from src/settings.ts.`];
  });
}
