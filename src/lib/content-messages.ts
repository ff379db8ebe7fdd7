import type { Lang } from './types.ts';

type Params = Record<string, string | number>;

/**
 * Every message the content check can give press staff, in both languages.
 * Each says what is wrong, then how to fix it.
 */
export const contentMessages = {
  es: {
    notUtf8: () => 'El archivo no está guardado como UTF-8. Vuelva a guardarlo con la codificación UTF-8.',
    noFrontmatter: () => 'Falta el encabezado (frontmatter). Empiece el archivo con una línea `---`, los campos y otra línea `---`.',
    yaml: (p: Params) => `El encabezado no es YAML válido: ${p.detail}. Revise comillas, dos puntos y sangría en esa línea.`,
    required: () => 'Falta este campo obligatorio. Agréguelo al encabezado.',
    empty: () => 'Está vacío. Escriba un texto.',
    tooLong: (p: Params) => `Tiene ${p.actual} caracteres; el máximo es ${p.max}. Acórtelo.`,
    wrongType: (p: Params) => `Debe ser ${p.expected}. Corrija el valor.`,
    unknownField: (p: Params) => `Campo desconocido «${p.name}».${p.suggestion ? ` ¿Quiso decir «${p.suggestion}»?` : ''} Corríjalo o bórrelo.`,
    badDate: (p: Params) => `«${p.value}» no es una fecha válida. Use AAAA-MM-DD o AAAA-MM-DDTHH:MM, con un día que exista.`,
    updatedBeforeDate: () => 'La fecha de actualización es anterior a la de publicación. Corrija `updated` o `date`.',
    unknownStop: (p: Params) => `No existe la parada «${p.value}». Use una de: ${p.valid}.`,
    unknownTopic: (p: Params) => `No existe el tema «${p.value}». Use uno de: ${p.valid}.`,
    badSlug: (p: Params) => `«${p.value}» no es un identificador válido. Use minúsculas sin acentos, números y guiones (por ejemplo, reunion-con-inversionistas).`,
    remoteImage: (p: Params) => `La imagen «${p.value}» no es un archivo de la carpeta de la nota. Copie la imagen a la carpeta y escriba solo su nombre.`,
    missingImage: (p: Params) => `No se encuentra la imagen «${p.value}» en la carpeta de la nota. Revise el nombre o copie el archivo.`,
    versionsDisagree: (p: Params) => `No coincide con ${p.other} (${p.mine} frente a ${p.theirs}). Las dos versiones deben tener el mismo valor.`,
    duplicateSlug: (p: Params) => `La dirección «${p.value}» ya la usa ${p.others}. Elija otro \`slug\`.`,
    badFolder: () => 'El nombre de la carpeta debe ser AAAA-MM-DD-identificador (por ejemplo, 2023-02-27-llegada-los-angeles).',
    badFileName: (p: Params) => `«${p.value}» no es un nombre de versión válido. Use es.md o en.md (o .mdx).`,
    twoFormats: () => 'Hay un .md y un .mdx para el mismo idioma. Deje solo uno.',
    noVersion: () => 'La carpeta no tiene es.md ni en.md. Agregue al menos una versión.',
    strayFile: () => 'Ninguna versión de la nota usa este archivo. Bórrelo o úselo como imagen.',
    emptyBody: () => 'La nota no tiene texto después del encabezado. Escriba el cuerpo de la nota.',
    startAfterEnd: () => 'La fecha de inicio es posterior a la de fin. Corrija `start` o `end`.',
    halfDates: () => 'Una parada con fechas necesita `start` y `end`; una parada planeada no lleva ninguna.',
  },
  en: {
    notUtf8: () => 'The file is not saved as UTF-8. Save it again with UTF-8 encoding.',
    noFrontmatter: () => 'The header (frontmatter) is missing. Start the file with a `---` line, the fields, and another `---` line.',
    yaml: (p: Params) => `The header is not valid YAML: ${p.detail}. Check quotes, colons and indentation on that line.`,
    required: () => 'This required field is missing. Add it to the header.',
    empty: () => 'It is empty. Write some text.',
    tooLong: (p: Params) => `It has ${p.actual} characters; the maximum is ${p.max}. Shorten it.`,
    wrongType: (p: Params) => `It must be ${p.expected}. Fix the value.`,
    unknownField: (p: Params) => `Unknown field "${p.name}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Fix or delete it.`,
    badDate: (p: Params) => `"${p.value}" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.`,
    updatedBeforeDate: () => 'The update date is before the publication date. Fix `updated` or `date`.',
    unknownStop: (p: Params) => `There is no stop "${p.value}". Use one of: ${p.valid}.`,
    unknownTopic: (p: Params) => `There is no topic "${p.value}". Use one of: ${p.valid}.`,
    badSlug: (p: Params) => `"${p.value}" is not a valid identifier. Use lowercase letters without accents, digits and hyphens (for example, meeting-with-investors).`,
    remoteImage: (p: Params) => `The image "${p.value}" is not a file in the note folder. Copy the image into the folder and write just its name.`,
    missingImage: (p: Params) => `The image "${p.value}" is not in the note folder. Check the name or copy the file.`,
    versionsDisagree: (p: Params) => `It does not match ${p.other} (${p.mine} versus ${p.theirs}). Both versions must have the same value.`,
    duplicateSlug: (p: Params) => `The address "${p.value}" is already used by ${p.others}. Choose another \`slug\`.`,
    badFolder: () => 'The folder name must be YYYY-MM-DD-identifier (for example, 2023-02-27-arrival-los-angeles).',
    badFileName: (p: Params) => `"${p.value}" is not a valid version name. Use es.md or en.md (or .mdx).`,
    twoFormats: () => 'There is both a .md and an .mdx for the same language. Keep only one.',
    noVersion: () => 'The folder has neither es.md nor en.md. Add at least one version.',
    strayFile: () => 'No version of the note uses this file. Delete it or use it as an image.',
    emptyBody: () => 'The note has no text after the header. Write the body of the note.',
    startAfterEnd: () => 'The start date is after the end date. Fix `start` or `end`.',
    halfDates: () => 'A stop with dates needs both `start` and `end`; a planned stop has neither.',
  },
} satisfies Record<Lang, Record<string, (p: Params) => string>>;

/** The id of a message in {@link contentMessages}. */
export type MessageCode = keyof (typeof contentMessages)['en'];

/**
 * Renders a message for press staff in their language.
 * @example contentMessage('en', 'tooLong', { actual: 170, max: 160 }) // 'It has 170 characters; …'
 */
export function contentMessage(lang: Lang, code: MessageCode, params: Params = {}): string {
  return contentMessages[lang][code](params);
}
