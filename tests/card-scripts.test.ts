import { describe, expect, it } from 'vitest';
import { cardScriptProblems } from '../src/lib/share-image/card-scripts.ts';

// A stand-in for the fonts: Latin letters only.
const latin = (char: string) => /\p{Script=Latin}|\p{N}/u.test(char);

describe('cardScriptProblems', () => {
  it('accepts languages the fonts draw', () => {
    expect(cardScriptProblems([{ code: 'fr', texts: ['Français', '27 février 2023'] }], latin)).toEqual([]);
  });

  it('refuses a script the fonts lack, naming the letters and a font that has them', () => {
    expect(cardScriptProblems([{ code: 'ja', texts: ['日本語'] }], latin)).toEqual([
      'Language "ja": the share-card fonts cannot draw 日, 本, 語. Add a font for Han such as @fontsource/noto-sans-sc (or -tc, -jp) to the card fonts (src/lib/share-image/share-images.ts), or remove the language from src/settings.ts.',
    ]);
    expect(cardScriptProblems([{ code: 'el', texts: ['Ελληνικά'] }], latin)[0]).toContain('a font for Greek such as @fontsource/noto-sans');
  });

  it('ignores spaces and punctuation the card never draws as letters', () => {
    expect(cardScriptProblems([{ code: 'es', texts: ['¿Año «único»? — sí'] }], latin)).toEqual([]);
  });
});
