import { describe, expect, it } from 'vitest';
import { bodyReferences } from '../src/lib/check/note-references.ts';

describe('bodyReferences', () => {
  it('finds Markdown links, definitions and autolinks with their lines', () => {
    const body = ['Vea [la nota](../otra/) y [el sitio](https://sre.gob.mx/ "SRE").', '', '[ref]: /es/notas/x/', 'Escriba a <mailto:prensa@sre.gob.mx>.', '[md](javascript:alert(4))'].join('\n');
    expect(bodyReferences(body, 10)).toEqual([
      { kind: 'link', url: '../otra/', line: 10, html: false },
      { kind: 'link', url: 'https://sre.gob.mx/', line: 10, html: false },
      { kind: 'link', url: '/es/notas/x/', line: 12, html: false },
      { kind: 'link', url: 'mailto:prensa@sre.gob.mx', line: 13, html: false },
      { kind: 'link', url: 'javascript:alert(4)', line: 14, html: false },
    ]);
  });

  it('finds raw-HTML links and images, with entities decoded and a missing src kept as missing', () => {
    const body = '<a href="&#x6a;avascript:alert(1)">x</a> <img alt="Sin archivo"> <img src=foto.jpg alt=Foto>';
    expect(bodyReferences(body, 3)).toEqual([
      { kind: 'link', url: 'javascript:alert(1)', line: 3, html: true },
      { kind: 'image', url: undefined, alt: 'Sin archivo', line: 3, html: true },
      { kind: 'image', url: 'foto.jpg', alt: 'Foto', line: 3, html: true },
    ]);
  });

  it('leaves Markdown images to bodyImages, and skips code, which shows addresses without linking', () => {
    const body = ['![Foto](foto.jpg)', '```html', '<a href="/no/">x</a>', '```', 'Escriba `[x](/no/)` o `<img>`.'].join('\n');
    expect(bodyReferences(body, 1)).toEqual([]);
  });
});
