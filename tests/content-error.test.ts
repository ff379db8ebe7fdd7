import { describe, expect, it } from 'vitest';
import { ContentError } from '../src/lib/check/content-error.ts';
import type { Problem } from '../src/lib/content/types.ts';

const PROBLEMS: Problem[] = [
  { file: 'content/notes/2023-03-05-x/index.es.md', line: 5, field: 'stop', message: 'No existe la parada «los-angles».', severity: 'error' },
  { file: 'content/notes/2023-03-05-x/hero.jpg', field: undefined, message: 'Ninguna versión usa este archivo.', severity: 'warning' },
  { file: 'content/stops/japan.yaml', line: 2, field: 'order', message: 'Debe ser un número.', severity: 'error' },
];

describe('ContentError', () => {
  it('says every problem exactly as npm run check prints it, and nothing of the code', () => {
    const error = new ContentError(PROBLEMS, 'es', '/site');
    expect(error.message).toBe(
      [
        'error  content/notes/2023-03-05-x/index.es.md:5  stop  No existe la parada «los-angles».',
        'aviso  content/notes/2023-03-05-x/hero.jpg  -  Ninguna versión usa este archivo.',
        'error  content/stops/japan.yaml:2  order  Debe ser un número.',
      ].join('\n'),
    );
    expect(error.stack).not.toMatch(/\bat\b.*\.ts/);
  });

  it('has a heading and a hint in the reader’s language', () => {
    expect(new ContentError(PROBLEMS, 'es', '/site')).toMatchObject({
      title: 'El contenido tiene 2 errores',
      hint: 'Son los mismos mensajes de `npm run check`. Corrija los archivos y guárdelos: la página se actualiza sola.',
    });
    expect(new ContentError(PROBLEMS.slice(0, 1), 'en', '/site')).toMatchObject({
      title: 'The content has 1 error',
      hint: 'These are the messages of `npm run check`. Fix the files and save them: the page updates by itself.',
    });
  });

  it('points Astro’s code frame at the first error’s file and line', () => {
    expect(new ContentError(PROBLEMS, 'en', '/site').loc).toEqual({ file: '/site/content/notes/2023-03-05-x/index.es.md', line: 5, column: 1 });
  });
});
