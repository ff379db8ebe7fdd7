import { describe, expect, it } from 'vitest';
import { NO_SLUG, notePreviewUrl, PREVIEW_MARK, previewPathTemplate } from '../src/lib/editor/preview-link.ts';
import { notePath, withBase } from '../src/lib/pages/routes.ts';

const WORDS = { es: 'notas', en: 'news' };

describe('previewPathTemplate', () => {
  it('writes the language, the folder and the own slug under the base path', () => {
    expect(previewPathTemplate('/')).toBe(`/{{locale}}/${PREVIEW_MARK}/{{slug}}/{{fields.slug | default('${NO_SLUG}')}}`);
    expect(previewPathTemplate('/convoy/')).toBe(`/convoy/{{locale}}/${PREVIEW_MARK}/{{slug}}/{{fields.slug | default('${NO_SLUG}')}}`);
  });
});

describe('notePreviewUrl', () => {
  it("links a version with its own slug to that page, in its language's words", () => {
    expect(notePreviewUrl(`https://a.mx/convoy/en/${PREVIEW_MARK}/2023-02-27-bilingue/bilingual-test`, WORDS)).toBe(`https://a.mx${withBase(notePath('en', 'bilingual-test'), '/convoy/')}`);
  });

  it("links a version without one to the folder's slug, as the check names it", () => {
    expect(notePreviewUrl(`http://localhost:4321/es/${PREVIEW_MARK}/2023-02-27-bilingue/${NO_SLUG}`, WORDS)).toBe(`http://localhost:4321${notePath('es', 'bilingue')}`);
    expect(notePreviewUrl(`http://localhost:4321/es/${PREVIEW_MARK}/2023-02-27-bilingue/`, WORDS)).toBe(`http://localhost:4321${notePath('es', 'bilingue')}`);
  });

  it('leaves other links, and links it cannot complete, as they are', () => {
    for (const url of ['https://github.com/a/b/blob/main/x.md', `https://a.mx/fr/${PREVIEW_MARK}/2023-02-27-x/`, `https://a.mx/es/${PREVIEW_MARK}/sin-fecha/`, 'not a url']) {
      expect(notePreviewUrl(url, WORDS)).toBe(url);
    }
  });
});
