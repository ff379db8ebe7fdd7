import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageLanguage } from '../src/lib/check/content-messages.ts';

/** One content folder with one fixture per problem: a note folder, or a stop file. */
const CONTENT = 'tests/fixtures/problems/content';
const NOTES = `${CONTENT}/notes`;

/** Runs `npm run check` the way press staff do, with a neutral locale unless `env` sets one. */
function check(args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['src/cli/check.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: '', LC_ALL: '', LC_MESSAGES: '', CONTENT_DIR: CONTENT, BUILD_NOW: '2026-11-24T12:00:00Z', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n') };
}

/** The problem lines whose location (not message) contains `key`. */
const problemsAt = (lines: string[], key: string) =>
  lines.filter((line) => /^(error|aviso|warning)  /.test(line) && line.split('  ')[1]!.includes(key));

// [what, fixture (part of the path), Spanish lines, English lines]
const PROBLEMS: [string, string, string[], string[]][] = [
  [
    'malformed YAML, on the line where the quote opens',
    'malformed-yaml',
    [
      `error  ${NOTES}/2023-03-01-malformed-yaml/index.es.md:2  -  Las comillas que abren en esta línea no se cierran. Ciérrelas al final del texto, con las mismas comillas.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-malformed-yaml/index.es.md:2  -  The quote opened on this line is never closed. Close it at the end of the text, with the same kind of quote.`,
    ],
  ],
  [
    'a file without frontmatter',
    'no-frontmatter',
    [
      `error  ${NOTES}/2023-03-01-no-frontmatter/index.es.md:1  -  Falta el encabezado (frontmatter). Empiece el archivo con una línea \`---\`, los campos y otra línea \`---\`.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-no-frontmatter/index.es.md:1  -  The header (frontmatter) is missing. Start the file with a \`---\` line, the fields, and another \`---\` line.`,
    ],
  ],
  [
    'a missing required field',
    'missing-title',
    [
      `error  ${NOTES}/2023-03-01-missing-title/index.es.md:2  title  Falta este campo obligatorio. Agréguelo al encabezado.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-missing-title/index.es.md:2  title  This required field is missing. Add it to the header.`,
    ],
  ],
  [
    'an empty required field',
    'empty-summary',
    [
      `error  ${NOTES}/2023-03-01-empty-summary/index.es.md:3  summary  Está vacío. Escriba un texto.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-empty-summary/index.es.md:3  summary  It is empty. Write some text.`,
    ],
  ],
  [
    'a field that is too long',
    'title-too-long',
    [
      `error  ${NOTES}/2023-03-01-title-too-long/index.es.md:2  title  Tiene 161 caracteres; el máximo es 160. Acórtelo.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-title-too-long/index.es.md:2  title  It has 161 characters; the maximum is 160. Shorten it.`,
    ],
  ],
  [
    'a value of the wrong type',
    'wrong-type',
    [
      `error  ${NOTES}/2023-03-01-wrong-type/index.es.md:7  draft  Debe ser \`true\` o \`false\`. Corrija el valor.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-wrong-type/index.es.md:7  draft  It must be \`true\` or \`false\`. Fix the value.`,
    ],
  ],
  [
    'an impossible date that must not roll over to March',
    'impossible-date',
    [
      `error  ${NOTES}/2023-03-01-impossible-date/index.es.md:4  date  «2023-02-30» no es una fecha válida. Use AAAA-MM-DD o AAAA-MM-DDTHH:MM, con un día que exista.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-impossible-date/index.es.md:4  date  "2023-02-30" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.`,
    ],
  ],
  [
    '`updated` before `date`',
    'updated-before-date',
    [
      `error  ${NOTES}/2023-03-01-updated-before-date/index.es.md:7  updated  La fecha de actualización es anterior a la de publicación. Corrija \`updated\` o \`date\`.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-updated-before-date/index.es.md:7  updated  The update date is before the publication date. Fix \`updated\` or \`date\`.`,
    ],
  ],
  [
    'an unknown stop, with a suggestion and the valid ones',
    'unknown-stop',
    [
      `error  ${NOTES}/2023-03-01-unknown-stop/index.es.md:5  stop  No existe la parada «los-angelez». ¿Quiso decir «los-angeles»? Use una de: los-angeles, texas.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-unknown-stop/index.es.md:5  stop  There is no stop "los-angelez". Did you mean "los-angeles"? Use one of: los-angeles, texas.`,
    ],
  ],
  [
    'an unknown topic, with a suggestion and the valid ones',
    'unknown-topic',
    [
      `error  ${NOTES}/2023-03-01-unknown-topic/index.es.md:6  topics  No existe el tema «economia». ¿Quiso decir «economy»? Use uno de: economy, film.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-unknown-topic/index.es.md:6  topics  There is no topic "economia". Did you mean "economy"? Use one of: economy, film.`,
    ],
  ],
  [
    'a missing image file',
    'missing-image',
    [
      `error  ${NOTES}/2023-03-01-missing-image/index.es.md:8  image.src  No se encuentra la imagen «hero.jpg» en la carpeta de la nota. Revise el nombre o copie el archivo.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-missing-image/index.es.md:8  image.src  The image "hero.jpg" is not in the note folder. Check the name or copy the file.`,
    ],
  ],
  [
    'an empty alt text',
    'empty-alt',
    [
      `error  ${NOTES}/2023-03-01-empty-alt/index.es.md:9  image.alt  Está vacío. Escriba un texto.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-empty-alt/index.es.md:9  image.alt  It is empty. Write some text.`,
    ],
  ],
  [
    'a remote image URL',
    'remote-image',
    [
      `error  ${NOTES}/2023-03-01-remote-image/index.es.md:8  image.src  La imagen «https://example.com/hero.jpg» no es un archivo de la carpeta de la nota. Copie la imagen a la carpeta y escriba solo su nombre.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-remote-image/index.es.md:8  image.src  The image "https://example.com/hero.jpg" is not a file in the note folder. Copy the image into the folder and write just its name.`,
    ],
  ],
  [
    'a javascript: image URL',
    'javascript-image',
    [
      `error  ${NOTES}/2023-03-01-javascript-image/index.es.md:8  image.src  La imagen «javascript:alert(1)» no es un archivo de la carpeta de la nota. Copie la imagen a la carpeta y escriba solo su nombre.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-javascript-image/index.es.md:8  image.src  The image "javascript:alert(1)" is not a file in the note folder. Copy the image into the folder and write just its name.`,
    ],
  ],
  [
    'an unknown field, with "did you mean"',
    'unknown-field',
    [
      `error  ${NOTES}/2023-03-01-unknown-field/index.es.md:7  titel  Campo desconocido «titel». ¿Quiso decir «title»? Corríjalo o bórrelo.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-unknown-field/index.es.md:7  titel  Unknown field "titel". Did you mean "title"? Fix or delete it.`,
    ],
  ],
  [
    'versions that disagree on the date, naming both files',
    'versions-disagree-date',
    [
      `error  ${NOTES}/2023-03-01-versions-disagree-date/index.en.md:4  date  No coincide con ${NOTES}/2023-03-01-versions-disagree-date/index.es.md (2023-03-02 frente a 2023-03-01). Todas las versiones deben tener el mismo valor.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-versions-disagree-date/index.en.md:4  date  It does not match ${NOTES}/2023-03-01-versions-disagree-date/index.es.md (2023-03-02 versus 2023-03-01). Every version must have the same value.`,
    ],
  ],
  [
    'versions that disagree on the stop',
    'versions-disagree-stop',
    [
      `error  ${NOTES}/2023-03-01-versions-disagree-stop/index.en.md:5  stop  No coincide con ${NOTES}/2023-03-01-versions-disagree-stop/index.es.md (texas frente a los-angeles). Todas las versiones deben tener el mismo valor.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-versions-disagree-stop/index.en.md:5  stop  It does not match ${NOTES}/2023-03-01-versions-disagree-stop/index.es.md (texas versus los-angeles). Every version must have the same value.`,
    ],
  ],
  [
    'versions that disagree on the topics',
    'versions-disagree-topics',
    [
      `error  ${NOTES}/2023-03-01-versions-disagree-topics/index.en.md:6  topics  No coincide con ${NOTES}/2023-03-01-versions-disagree-topics/index.es.md (economy, film frente a economy). Todas las versiones deben tener el mismo valor.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-versions-disagree-topics/index.en.md:6  topics  It does not match ${NOTES}/2023-03-01-versions-disagree-topics/index.es.md (economy, film versus economy). Every version must have the same value.`,
    ],
  ],
  [
    'a duplicate slug, on every file involved',
    'duplicate-slug',
    [
      `error  ${NOTES}/2023-03-01-duplicate-slug-a/index.es.md:7  slug  La dirección «llega-el-convoy» ya la usa ${NOTES}/2023-03-02-duplicate-slug-b/index.es.md. Elija otro \`slug\`.`,
      `error  ${NOTES}/2023-03-02-duplicate-slug-b/index.es.md:7  slug  La dirección «llega-el-convoy» ya la usa ${NOTES}/2023-03-01-duplicate-slug-a/index.es.md. Elija otro \`slug\`.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-duplicate-slug-a/index.es.md:7  slug  The address "llega-el-convoy" is already used by ${NOTES}/2023-03-02-duplicate-slug-b/index.es.md. Choose another \`slug\`.`,
      `error  ${NOTES}/2023-03-02-duplicate-slug-b/index.es.md:7  slug  The address "llega-el-convoy" is already used by ${NOTES}/2023-03-01-duplicate-slug-a/index.es.md. Choose another \`slug\`.`,
    ],
  ],
  [
    'an invalid slug',
    'invalid-slug',
    [
      `error  ${NOTES}/2023-03-01-invalid-slug/index.es.md:7  slug  «Llegada a LA» no es un identificador válido. Use minúsculas sin acentos, números y guiones (por ejemplo, reunion-con-inversionistas).`,
    ],
    [
      `error  ${NOTES}/2023-03-01-invalid-slug/index.es.md:7  slug  "Llegada a LA" is not a valid identifier. Use lowercase letters without accents, digits and hyphens (for example, meeting-with-investors).`,
    ],
  ],
  [
    'a file that is not UTF-8',
    'not-utf8',
    [
      `error  ${NOTES}/2023-03-01-not-utf8/index.es.md  -  El archivo no está guardado como UTF-8. Vuelva a guardarlo con la codificación UTF-8.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-not-utf8/index.es.md  -  The file is not saved as UTF-8. Save it again with UTF-8 encoding.`,
    ],
  ],
  [
    'a stray file, as a warning',
    'stray-file',
    [
      `aviso  ${NOTES}/2023-03-01-stray-file/notas.txt  -  Ninguna versión de la nota usa este archivo. Bórrelo o úselo como imagen.`,
    ],
    [
      `warning  ${NOTES}/2023-03-01-stray-file/notas.txt  -  No version of the note uses this file. Delete it or use it as an image.`,
    ],
  ],
  [
    'an empty body',
    'empty-body',
    [
      `error  ${NOTES}/2023-03-01-empty-body/index.es.md:7  body  La nota no tiene texto después del encabezado. Escriba el cuerpo de la nota.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-empty-body/index.es.md:7  body  The note has no text after the header. Write the body of the note.`,
    ],
  ],
  [
    'an image in the body that is not in the folder',
    'body-image-missing',
    [
      `error  ${NOTES}/2023-03-01-body-image-missing/index.es.md:11  body  No se encuentra la imagen «reunion.jpg» en la carpeta de la nota. Revise el nombre o copie el archivo.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-body-image-missing/index.es.md:11  body  The image "reunion.jpg" is not in the note folder. Check the name or copy the file.`,
    ],
  ],
  [
    'an image in the body without alt text',
    'body-image-no-alt',
    [
      `error  ${NOTES}/2023-03-01-body-image-no-alt/index.es.md:11  body  La imagen «reunion.jpg» del texto no tiene texto alternativo. Descríbala entre los corchetes: ![descripción](reunion.jpg).`,
    ],
    [
      `error  ${NOTES}/2023-03-01-body-image-no-alt/index.es.md:11  body  The image "reunion.jpg" in the text has no alternative text. Describe it between the brackets: ![description](reunion.jpg).`,
    ],
  ],
  [
    'a note folder without a date',
    'notes/sin-fecha',
    [
      `error  ${NOTES}/sin-fecha  -  El nombre de la carpeta debe ser AAAA-MM-DD-identificador (por ejemplo, 2023-02-27-llegada-los-angeles).`,
    ],
    [
      `error  ${NOTES}/sin-fecha  -  The folder name must be YYYY-MM-DD-identifier (for example, 2023-02-27-arrival-los-angeles).`,
    ],
  ],
  [
    'a stop file without its order',
    'stops/japan.yaml',
    [
      `error  ${CONTENT}/stops/japan.yaml:1  order  Falta este campo obligatorio. Agréguelo al encabezado.`,
    ],
    [
      `error  ${CONTENT}/stops/japan.yaml:1  order  This required field is missing. Add it to the header.`,
    ],
  ],
  [
    'a hero that is an iPhone HEIC photo named .jpg',
    'image-heic',
    [
      `error  ${NOTES}/2023-03-01-image-heic/index.es.md:8  image.src  «hero.jpg» es una foto HEIC (el formato de los iPhone), no una foto JPEG, PNG, WebP ni AVIF. Ábrala en un editor de imágenes y expórtela como JPEG o PNG.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-image-heic/index.es.md:8  image.src  "hero.jpg" is a HEIC photo (the iPhone format), not a JPEG, PNG, WebP or AVIF photo. Open it in an image editor and export it as JPEG or PNG.`,
    ],
  ],
  [
    'a hero that is an SVG drawing named .jpg',
    'image-svg',
    [
      `error  ${NOTES}/2023-03-01-image-svg/index.es.md:8  image.src  «hero.jpg» es un dibujo SVG, no una foto JPEG, PNG, WebP ni AVIF. Ábrala en un editor de imágenes y expórtela como JPEG o PNG.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-image-svg/index.es.md:8  image.src  "hero.jpg" is an SVG drawing, not a JPEG, PNG, WebP or AVIF photo. Open it in an image editor and export it as JPEG or PNG.`,
    ],
  ],
  [
    'a hero JPEG cut short',
    'image-truncated',
    [
      `error  ${NOTES}/2023-03-01-image-truncated/index.es.md:8  image.src  «hero.jpg» empieza como un JPEG, pero no se puede leer entera: el archivo está dañado o incompleto. Cópielo de nuevo desde el original, o ábralo y expórtelo otra vez como JPEG o PNG.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-image-truncated/index.es.md:8  image.src  "hero.jpg" starts as a JPEG but cannot be read to the end: the file is damaged or incomplete. Copy it again from the original, or open it and export it again as JPEG or PNG.`,
    ],
  ],
  [
    'a hero PNG of 20000 x 20000 pixels (a pixel bomb)',
    'image-pixel-bomb',
    [
      `error  ${NOTES}/2023-03-01-image-pixel-bomb/index.es.md:8  image.src  «hero.png» mide 20000 × 20000 píxeles (400 megapíxeles); el máximo es 100 megapíxeles. Redúzcala a unos 3000 px de ancho y expórtela como JPEG.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-image-pixel-bomb/index.es.md:8  image.src  "hero.png" is 20000 × 20000 pixels (400 megapixels); the maximum is 100 megapixels. Shrink it to about 3000 px wide and export it as JPEG.`,
    ],
  ],
  [
    'a warning for a hero narrower than the widest size served',
    'image-narrow',
    [
      `aviso  ${NOTES}/2023-03-01-image-narrow/index.es.md:8  image.src  La imagen principal «hero.jpg» mide 800 px de ancho; el sitio la muestra hasta 1600 px y en pantallas grandes se verá borrosa. Si la tiene, use una de al menos 1600 px de ancho.`,
    ],
    [
      `warning  ${NOTES}/2023-03-01-image-narrow/index.es.md:8  image.src  The hero image "hero.jpg" is 800 px wide; the site shows it up to 1600 px and it will look blurry on large screens. If you have one, use an image at least 1600 px wide.`,
    ],
  ],
  [
    'raw-HTML images: no src, remote, missing',
    'html-images',
    [
      `error  ${NOTES}/2023-03-01-html-images/index.es.md:11  body  La etiqueta <img> no tiene \`src\`. Use la sintaxis de Markdown con el nombre de un archivo de la carpeta: ![descripción](foto.jpg).`,
      `error  ${NOTES}/2023-03-01-html-images/index.es.md:13  body  La imagen «https://example.com/foto.jpg» no es un archivo de la carpeta de la nota. Copie la imagen a la carpeta y escriba solo su nombre.`,
      `error  ${NOTES}/2023-03-01-html-images/index.es.md:15  body  No se encuentra la imagen «no-esta.jpg» en la carpeta de la nota. Revise el nombre o copie el archivo.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-html-images/index.es.md:11  body  The <img> tag has no \`src\`. Use Markdown syntax with the name of a file of the folder: ![description](photo.jpg).`,
      `error  ${NOTES}/2023-03-01-html-images/index.es.md:13  body  The image "https://example.com/foto.jpg" is not a file in the note folder. Copy the image into the folder and write just its name.`,
      `error  ${NOTES}/2023-03-01-html-images/index.es.md:15  body  The image "no-esta.jpg" is not in the note folder. Check the name or copy the file.`,
    ],
  ],
  [
    'links to a missing note, a draft, an embargoed note (absolute, relative, raw HTML) and a javascript: link',
    'broken-links',
    [
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:9  body  El enlace «/es/notas/no-existe/» no lleva a ninguna página del sitio. La más parecida es /es/notas/bom-crlf/: corrija la dirección.`,
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:11  body  El enlace «/es/notas/borrador/» lleva a ${NOTES}/2023-03-01-borrador/index.es.md, que es un borrador y no se publica. Quite el enlace o publique antes esa nota; la página publicada más parecida es /es/notas/bom-crlf/.`,
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:11  body  El enlace «../futura/» lleva a ${NOTES}/2099-01-01-futura/index.es.md, con embargo hasta el 1 de enero de 2099 a las 12:00 a.m. GMT-6: hasta entonces el enlace no funcionaría. Quite el enlace o espere a esa fecha; la página publicada más parecida es /es/notas/.`,
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:11  body  El enlace «/es/notas/futura/» lleva a ${NOTES}/2099-01-01-futura/index.es.md, con embargo hasta el 1 de enero de 2099 a las 12:00 a.m. GMT-6: hasta entonces el enlace no funcionaría. Quite el enlace o espere a esa fecha; la página publicada más parecida es /es/notas/.`,
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:13  body  El enlace «javascript:alert(1)» no es una dirección web. Use una que empiece por https://, http://, mailto: o tel:.`,
    ],
    [
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:9  body  The link "/es/notas/no-existe/" leads to no page of the site. The closest one is /es/notas/bom-crlf/: fix the address.`,
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:11  body  The link "/es/notas/borrador/" leads to ${NOTES}/2023-03-01-borrador/index.es.md, which is a draft and is not published. Remove the link or publish that note first; the closest published page is /es/notas/bom-crlf/.`,
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:11  body  The link "../futura/" leads to ${NOTES}/2099-01-01-futura/index.es.md, embargoed until January 1, 2099 at 12:00 AM CST: until then the link would not work. Remove the link or wait until then; the closest published page is /es/notas/.`,
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:11  body  The link "/es/notas/futura/" leads to ${NOTES}/2099-01-01-futura/index.es.md, embargoed until January 1, 2099 at 12:00 AM CST: until then the link would not work. Remove the link or wait until then; the closest published page is /es/notas/.`,
      `error  ${NOTES}/2023-03-01-broken-links/index.es.md:13  body  The link "javascript:alert(1)" is not a web address. Use one that starts with https://, http://, mailto: or tel:.`,
    ],
  ],
  [
    'nothing for a file with a byte-order mark and CRLF line ends',
    'bom-crlf',
    [],
    [],
  ],
];

describe('npm run check over one fixture per problem', () => {
  const es = check();
  const en = check(['--lang', 'en']);

  it.each(PROBLEMS)('reports %s (%s)', (_, key, spanish, english) => {
    expect(problemsAt(es.lines, key)).toEqual(spanish);
    expect(problemsAt(en.lines, key)).toEqual(english);
  });

  it('lists every problem of every fixture in one run, nothing more', () => {
    const pinned = PROBLEMS.flatMap(([, , spanish]) => spanish);
    expect(problemsAt(es.lines, CONTENT).sort()).toEqual(pinned.sort());
  });

  it('keeps the bytes that make the encoding fixtures what they are', () => {
    const bomCrlf = readFileSync(`${NOTES}/2023-03-01-bom-crlf/index.es.md`);
    expect([...bomCrlf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bomCrlf.toString('utf8')).toContain('\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(`${NOTES}/2023-03-01-not-utf8/index.es.md`))).toThrow();
  });

  it('exits with status 1 when there is any error', () => {
    expect(es.status).toBe(1);
    expect(en.status).toBe(1);
  });

  it('ends with a summary that counts notes, versions, errors and warnings', () => {
    expect(es.lines.at(-2)).toBe('16 notas (19 versiones), 39 errores, 2 avisos.');
    expect(en.lines.at(-2)).toBe('16 notes (19 versions), 39 errors, 2 warnings.');
  });
});

describe('npm run check on content that is fine', () => {
  it('is clean on the sample content', () => {
    const result = check([], { CONTENT_DIR: 'content' });
    expect(problemsAt(result.lines, 'content/')).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('does not fail on warnings alone', () => {
    const result = check(['--lang', 'en'], { CONTENT_DIR: 'tests/fixtures/problems/status/content' });
    expect(problemsAt(result.lines, 'content/')).toEqual([
      'warning  tests/fixtures/problems/status/content/notes/2023-02-27-bilingual/notes.txt  -  No version of the note uses this file. Delete it or use it as an image.',
    ]);
    expect(result.lines.at(-2)).toBe('5 notes (8 versions), 0 errors, 1 warning.');
    expect(result.status).toBe(0);
  });
});

describe('the language of the messages', () => {
  const firstProblem = (env: Record<string, string>, args: string[] = []) => problemsAt(check(args, env).lines, 'no-frontmatter')[0];

  it('is Spanish by default', () => {
    expect(firstProblem({})).toMatch(/Falta el encabezado/);
  });

  it('is English in an English terminal (LANG=en_US.UTF-8)', () => {
    expect(firstProblem({ LANG: 'en_US.UTF-8' })).toMatch(/The header \(frontmatter\) is missing/);
  });

  it('follows --lang over the terminal locale', () => {
    expect(firstProblem({ LANG: 'en_US.UTF-8' }, ['--lang', 'es'])).toMatch(/Falta el encabezado/);
  });

  it('refuses a language it does not have, with status 2', () => {
    const result = check(['--lang', 'fr']);
    expect(result.stderr.trim()).toBe('«fr» no es un idioma de los mensajes. Use --lang es o --lang en (u otro idioma del sitio: sus mensajes están en inglés).');
    expect(result.status).toBe(2);
  });
});

describe('messageLanguage', () => {
  it('takes English only from a locale that starts with "en"', () => {
    expect(messageLanguage(undefined, { LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(messageLanguage(undefined, { LANG: 'es_MX.UTF-8' })).toBe('es');
    expect(messageLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('es');
    expect(messageLanguage(undefined, {})).toBe('es');
  });

  it('lets LC_ALL win over LC_MESSAGES and LANG, as POSIX does', () => {
    expect(messageLanguage(undefined, { LC_ALL: 'es_MX.UTF-8', LANG: 'en_US.UTF-8' })).toBe('es');
    expect(messageLanguage(undefined, { LC_MESSAGES: 'en_US.UTF-8', LANG: 'es_MX.UTF-8' })).toBe('en');
  });

  it('lets the --lang flag win over the locale', () => {
    expect(messageLanguage('es', { LC_ALL: 'en_US.UTF-8' })).toBe('es');
    expect(messageLanguage('en', {})).toBe('en');
  });

  it('gives English messages for a language they are not written in', () => {
    expect(messageLanguage(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(messageLanguage('fr', {})).toBe('en');
  });

  it('follows the site\'s first language when no locale is set', () => {
    expect(messageLanguage(undefined, {}, 'fr')).toBe('en');
    expect(messageLanguage(undefined, { LANG: 'C.UTF-8' }, 'es')).toBe('es');
  });
});
