import { describe, expect, it } from 'vitest';
import { bodyImages, folderPath, isFolderFile } from '../src/lib/content/body-images.ts';

describe('bodyImages', () => {
  it('finds each Markdown image with its alt text and file line', () => {
    const body = 'Uno ![Alcaldes](a.jpg) y ![](b.png)\n\nTexto\n![Mapa](<mapa de LA.png> "Título")';
    expect(bodyImages(body, 10)).toEqual([
      { src: 'a.jpg', alt: 'Alcaldes', line: 10 },
      { src: 'b.png', alt: '', line: 10 },
      { src: 'mapa de LA.png', alt: 'Mapa', line: 13 },
    ]);
  });

  it('ignores links, which are not images', () => {
    expect(bodyImages('[comunicado](comunicado.pdf) y [sitio](https://gob.mx)', 1)).toEqual([]);
  });
});

describe('isFolderFile', () => {
  it.each(['hero.jpg', './hero.jpg', 'fotos/hero.jpg'])('accepts %s', (src) => {
    expect(isFolderFile(src)).toBe(true);
  });

  it.each(['https://example.com/a.jpg', '//example.com/a.jpg', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:image/png;base64,AA', '/hero.jpg', '../otra/hero.jpg', 'fotos/../../x.jpg', 'C:\\fotos\\a.jpg', ''])(
    'refuses %s',
    (src) => {
      expect(isFolderFile(src)).toBe(false);
    },
  );
});

describe('folderPath', () => {
  it('drops a leading ./ so the path matches the folder listing', () => {
    expect(folderPath('./fotos/a.jpg')).toBe('fotos/a.jpg');
    expect(folderPath('a.jpg')).toBe('a.jpg');
  });
});
