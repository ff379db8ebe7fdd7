import { LANGUAGES } from '../i18n/languages.ts';

type Params = Record<string, string | number>;

// zod names the type it expected; press staff need words and the usual fix.
const TYPE_NAMES = {
  es: {
    string: 'un texto (escríbalo entre comillas)',
    number: 'un número',
    int: 'un número entero',
    boolean: '`true` o `false`',
    array: 'una lista, por ejemplo [economy, diplomacy]',
    object: 'un grupo de campos en las líneas siguientes, con sangría',
  },
  en: {
    string: 'text (write it in quotes)',
    number: 'a number',
    int: 'a whole number',
    boolean: '`true` or `false`',
    array: 'a list, for example [economy, diplomacy]',
    object: 'a group of fields on the following lines, indented',
  },
} satisfies Record<string, Record<string, string>>;

function typeName(lang: keyof typeof TYPE_NAMES, expected: string | number | undefined): string {
  return (TYPE_NAMES[lang] as Record<string, string>)[String(expected)] ?? String(expected);
}

/**
 * Every message the content check can give press staff, in both languages.
 * Each says what is wrong, then how to fix it.
 */
export const contentMessages = {
  es: {
    notUtf8: () => 'El archivo no está guardado como UTF-8. Vuelva a guardarlo con la codificación UTF-8.',
    noFrontmatter: () => 'Falta el encabezado (frontmatter). Empiece el archivo con una línea `---`, los campos y otra línea `---`.',
    yaml: (p: Params) => `El encabezado no es YAML válido: ${p.detail}. Revise comillas, dos puntos y sangría en esa línea.`,
    yamlQuote: () => 'Las comillas que abren en esta línea no se cierran. Ciérrelas al final del texto, con las mismas comillas.',
    yamlBracket: () => 'La lista que abre en esta línea con [ no se cierra. Ciérrela con ] en la misma línea.',
    yamlAfterQuote: () => 'Hay texto después de las comillas de cierre. Ponga todo el valor entre comillas dobles y use comillas simples dentro: "Ebrard dijo \'bienvenidos\'".',
    yamlReserved: () => 'Un valor no puede empezar con *, @, ` ni %. Póngalo entre comillas.',
    yamlComment: () => 'Lo que sigue a « #» se pierde: en el encabezado es un comentario. Si es parte del texto, ponga todo el valor entre comillas.',
    yamlDuplicate: () => 'Este campo ya está más arriba en el encabezado. Deje uno solo.',
    yamlTab: () => 'La sangría tiene tabuladores. Use espacios.',
    yamlIndent: () => 'La sangría o los dos puntos no cuadran. Escriba cada campo en su línea como `nombre: valor`, y ponga entre comillas un texto que lleve dos puntos.',
    notMapping: () => 'El encabezado debe ser una lista de campos, uno por línea: `nombre: valor`. Revise que cada línea tenga sus dos puntos.',
    required: () => 'Falta este campo obligatorio. Agréguelo al encabezado.',
    empty: () => 'Está vacío. Escriba un texto.',
    noValue: () => 'No tiene valor. Escríbalo después de los dos puntos, o borre la línea si el campo es opcional.',
    tooLong: (p: Params) => `Tiene ${p.actual} caracteres; el máximo es ${p.max}. Acórtelo.`,
    wrongType: (p: Params) => `Debe ser ${typeName('es', p.expected)}. Corrija el valor.`,
    numberTooBig: (p: Params) => `Debe ser como máximo ${p.max}. Corrija el valor.`,
    numberTooSmall: (p: Params) => `Debe ser como mínimo ${p.min}. Corrija el valor.`,
    listSize: (p: Params) => `Debe ser una lista de ${p.count} valores, por ejemplo [34.05, -118.24]. Corrija el valor.`,
    unknownField: (p: Params) => `Campo desconocido «${p.name}».${p.suggestion ? ` ¿Quiso decir «${p.suggestion}»?` : ''} Corríjalo o bórrelo.`,
    badDate: (p: Params) => `«${p.value}» no es una fecha válida. Use AAAA-MM-DD o AAAA-MM-DDTHH:MM, con un día que exista.`,
    updatedBeforeDate: () => 'La fecha de actualización es anterior a la de publicación. Corrija `updated` o `date`.',
    unknownStop: (p: Params) => `No existe la parada «${p.value}».${p.suggestion ? ` ¿Quiso decir «${p.suggestion}»?` : ''} Use una de: ${p.valid}.`,
    unknownTopic: (p: Params) => `No existe el tema «${p.value}».${p.suggestion ? ` ¿Quiso decir «${p.suggestion}»?` : ''} Use uno de: ${p.valid}.`,
    badSlug: (p: Params) => `«${p.value}» no es un identificador válido. Use minúsculas sin acentos, números y guiones (por ejemplo, reunion-con-inversionistas).`,
    remoteImage: (p: Params) => `La imagen «${p.value}» no es un archivo de la carpeta de la nota. Copie la imagen a la carpeta y escriba solo su nombre.`,
    missingImage: (p: Params) => `No se encuentra la imagen «${p.value}» en la carpeta de la nota. Revise el nombre o copie el archivo.`,
    bodyImageAlt: (p: Params) => `La imagen «${p.value}» del texto no tiene texto alternativo. Descríbala entre los corchetes: ![descripción](${p.value}).`,
    versionsDisagree: (p: Params) => `No coincide con ${p.other} (${p.mine} frente a ${p.theirs}). Todas las versiones deben tener el mismo valor.`,
    duplicateSlug: (p: Params) => `La dirección «${p.value}» ya la usa ${p.others}. Elija otro \`slug\`.`,
    badFolder: () => 'El nombre de la carpeta debe ser AAAA-MM-DD-identificador (por ejemplo, 2023-02-27-llegada-los-angeles).',
    badFileName: (p: Params) => `«${p.value}» no es un nombre de versión válido. Use ${p.valid} (o .mdx).`,
    oldVersionName: (p: Params) => `Las versiones ya no se llaman «${p.value}»: cámbiele el nombre a ${p.name}.`,
    unknownLanguage: (p: Params) => `«${p.value}» no es un idioma del sitio. Use ${p.valid} (o .mdx), o agregue el idioma en src/settings.ts.`,
    twoFormats: () => 'Hay un .md y un .mdx para el mismo idioma. Deje solo uno.',
    noVersion: (p: Params) => `La carpeta no tiene ninguna versión. Agregue al menos una: ${p.valid}.`,
    strayFile: () => 'Ninguna versión de la nota usa este archivo. Bórrelo o úselo como imagen.',
    notContent: () => 'El sitio no usa este archivo: en content/notes solo van carpetas de notas y en content/stops solo archivos .yaml. Muévalo o bórrelo.',
    emptyBody: () => 'La nota no tiene texto después del encabezado. Escriba el cuerpo de la nota.',
    startAfterEnd: () => 'La fecha de inicio es posterior a la de fin. Corrija `start` o `end`.',
    halfDates: () => 'Una parada con fechas necesita `start` y `end`; una parada planeada no lleva ninguna.',
    // Images, judged by their bytes (src/lib/check/image-check.ts)
    imageNotPhoto: (p: Params) => `«${p.value}» es ${kindName('es', p.kind)}, no una foto JPEG, PNG, WebP ni AVIF. Ábrala en un editor de imágenes y expórtela como JPEG o PNG.`,
    imageBroken: (p: Params) => `«${p.value}» empieza como un ${p.kind}, pero no se puede leer entera: el archivo está dañado o incompleto. Cópielo de nuevo desde el original, o ábralo y expórtelo otra vez como JPEG o PNG.`,
    imageTooBig: (p: Params) => `«${p.value}» pesa ${p.size}; el máximo es ${p.max}. Expórtela de nuevo como JPEG (calidad 85) o redúzcala a unos 3000 px de ancho.`,
    imageTooManyPixels: (p: Params) => `«${p.value}» mide ${p.width} × ${p.height} píxeles (${p.megapixels} megapíxeles); el máximo es ${p.max} megapíxeles. Redúzcala a unos 3000 px de ancho y expórtela como JPEG.`,
    imageOutside: (p: Params) => `«${p.value}» es un enlace a un archivo fuera de la carpeta de la nota. Copie la imagen misma a la carpeta.`,
    heroNarrow: (p: Params) => `La imagen principal «${p.value}» mide ${p.width} px de ancho; el sitio la muestra hasta ${p.min} px y en pantallas grandes se verá borrosa. Si la tiene, use una de al menos ${p.min} px de ancho.`,
    htmlImageNoSrc: () => 'La etiqueta <img> no tiene `src`. Use la sintaxis de Markdown con el nombre de un archivo de la carpeta: ![descripción](foto.jpg).',
    htmlImageUseMarkdown: (p: Params) => `La imagen «${p.value}» está escrita como <img>, y así no se publica. Escríbala con la sintaxis de Markdown: ![descripción](${p.value}).`,
    // Links (src/lib/check/link-check.ts)
    linkMissing: (p: Params) => `El enlace «${p.value}» no lleva a ninguna página del sitio. La más parecida es ${p.nearest}: corrija la dirección.`,
    linkDraft: (p: Params) => `El enlace «${p.value}» lleva a ${p.file}, que es un borrador y no se publica. Quite el enlace o publique antes esa nota; la página publicada más parecida es ${p.nearest}.`,
    linkEmbargo: (p: Params) => `El enlace «${p.value}» lleva a ${p.file}, con embargo hasta el ${p.date}: hasta entonces el enlace no funcionaría. Quite el enlace o espere a esa fecha; la página publicada más parecida es ${p.nearest}.`,
    linkNoBase: (p: Params) => `El enlace «${p.value}» no empieza por la ruta base del sitio (${p.base}) y no funcionaría. Escriba ${p.nearest}, o un enlace relativo.`,
    linkScheme: (p: Params) => `El enlace «${p.value}» no es una dirección web. Use una que empiece por https://, http://, mailto: o tel:.`,
  },
  en: {
    notUtf8: () => 'The file is not saved as UTF-8. Save it again with UTF-8 encoding.',
    noFrontmatter: () => 'The header (frontmatter) is missing. Start the file with a `---` line, the fields, and another `---` line.',
    yaml: (p: Params) => `The header is not valid YAML: ${p.detail}. Check quotes, colons and indentation on that line.`,
    yamlQuote: () => 'The quote opened on this line is never closed. Close it at the end of the text, with the same kind of quote.',
    yamlBracket: () => 'The list opened on this line with [ is never closed. Close it with ] on the same line.',
    yamlAfterQuote: () => 'There is text after the closing quote. Put the whole value in double quotes and use single quotes inside: "Ebrard said \'welcome\'".',
    yamlReserved: () => 'A value cannot start with *, @, ` or %. Put it in quotes.',
    yamlComment: () => 'What follows " #" is lost: in the header it is a comment. If it is part of the text, put the whole value in quotes.',
    yamlDuplicate: () => 'This field is already higher up in the header. Keep only one.',
    yamlTab: () => 'The indentation has tabs. Use spaces.',
    yamlIndent: () => 'The indentation or the colons do not fit. Write each field on its own line as `name: value`, and put text that contains a colon in quotes.',
    notMapping: () => 'The header must be a list of fields, one per line: `name: value`. Check that every line has its colon.',
    required: () => 'This required field is missing. Add it to the header.',
    empty: () => 'It is empty. Write some text.',
    noValue: () => 'It has no value. Write it after the colon, or delete the line if the field is optional.',
    tooLong: (p: Params) => `It has ${p.actual} characters; the maximum is ${p.max}. Shorten it.`,
    wrongType: (p: Params) => `It must be ${typeName('en', p.expected)}. Fix the value.`,
    numberTooBig: (p: Params) => `It must be at most ${p.max}. Fix the value.`,
    numberTooSmall: (p: Params) => `It must be at least ${p.min}. Fix the value.`,
    listSize: (p: Params) => `It must be a list of ${p.count} values, for example [34.05, -118.24]. Fix the value.`,
    unknownField: (p: Params) => `Unknown field "${p.name}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Fix or delete it.`,
    badDate: (p: Params) => `"${p.value}" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.`,
    updatedBeforeDate: () => 'The update date is before the publication date. Fix `updated` or `date`.',
    unknownStop: (p: Params) => `There is no stop "${p.value}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Use one of: ${p.valid}.`,
    unknownTopic: (p: Params) => `There is no topic "${p.value}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Use one of: ${p.valid}.`,
    badSlug: (p: Params) => `"${p.value}" is not a valid identifier. Use lowercase letters without accents, digits and hyphens (for example, meeting-with-investors).`,
    remoteImage: (p: Params) => `The image "${p.value}" is not a file in the note folder. Copy the image into the folder and write just its name.`,
    missingImage: (p: Params) => `The image "${p.value}" is not in the note folder. Check the name or copy the file.`,
    bodyImageAlt: (p: Params) => `The image "${p.value}" in the text has no alternative text. Describe it between the brackets: ![description](${p.value}).`,
    versionsDisagree: (p: Params) => `It does not match ${p.other} (${p.mine} versus ${p.theirs}). Every version must have the same value.`,
    duplicateSlug: (p: Params) => `The address "${p.value}" is already used by ${p.others}. Choose another \`slug\`.`,
    badFolder: () => 'The folder name must be YYYY-MM-DD-identifier (for example, 2023-02-27-arrival-los-angeles).',
    badFileName: (p: Params) => `"${p.value}" is not a valid version name. Use ${p.valid} (or .mdx).`,
    oldVersionName: (p: Params) => `Versions are no longer named "${p.value}": rename it to ${p.name}.`,
    unknownLanguage: (p: Params) => `"${p.value}" is not a language of the site. Use ${p.valid} (or .mdx), or add the language in src/settings.ts.`,
    twoFormats: () => 'There is both a .md and an .mdx for the same language. Keep only one.',
    noVersion: (p: Params) => `The folder has no version. Add at least one: ${p.valid}.`,
    strayFile: () => 'No version of the note uses this file. Delete it or use it as an image.',
    notContent: () => 'The site does not use this file: content/notes holds only note folders and content/stops only .yaml files. Move or delete it.',
    emptyBody: () => 'The note has no text after the header. Write the body of the note.',
    startAfterEnd: () => 'The start date is after the end date. Fix `start` or `end`.',
    halfDates: () => 'A stop with dates needs both `start` and `end`; a planned stop has neither.',
    imageNotPhoto: (p: Params) => `"${p.value}" is ${kindName('en', p.kind)}, not a JPEG, PNG, WebP or AVIF photo. Open it in an image editor and export it as JPEG or PNG.`,
    imageBroken: (p: Params) => `"${p.value}" starts as a ${p.kind} but cannot be read to the end: the file is damaged or incomplete. Copy it again from the original, or open it and export it again as JPEG or PNG.`,
    imageTooBig: (p: Params) => `"${p.value}" is ${p.size}; the maximum is ${p.max}. Export it again as JPEG (quality 85) or shrink it to about 3000 px wide.`,
    imageTooManyPixels: (p: Params) => `"${p.value}" is ${p.width} × ${p.height} pixels (${p.megapixels} megapixels); the maximum is ${p.max} megapixels. Shrink it to about 3000 px wide and export it as JPEG.`,
    imageOutside: (p: Params) => `"${p.value}" is a link to a file outside the note folder. Copy the image itself into the folder.`,
    heroNarrow: (p: Params) => `The hero image "${p.value}" is ${p.width} px wide; the site shows it up to ${p.min} px and it will look blurry on large screens. If you have one, use an image at least ${p.min} px wide.`,
    htmlImageNoSrc: () => 'The <img> tag has no `src`. Use Markdown syntax with the name of a file of the folder: ![description](photo.jpg).',
    htmlImageUseMarkdown: (p: Params) => `The image "${p.value}" is written as <img>, which is not published. Write it in Markdown syntax: ![description](${p.value}).`,
    linkMissing: (p: Params) => `The link "${p.value}" leads to no page of the site. The closest one is ${p.nearest}: fix the address.`,
    linkDraft: (p: Params) => `The link "${p.value}" leads to ${p.file}, which is a draft and is not published. Remove the link or publish that note first; the closest published page is ${p.nearest}.`,
    linkEmbargo: (p: Params) => `The link "${p.value}" leads to ${p.file}, embargoed until ${p.date}: until then the link would not work. Remove the link or wait until then; the closest published page is ${p.nearest}.`,
    linkNoBase: (p: Params) => `The link "${p.value}" does not start with the site's base path (${p.base}) and would not work. Write ${p.nearest}, or a relative link.`,
    linkScheme: (p: Params) => `The link "${p.value}" is not a web address. Use one that starts with https://, http://, mailto: or tel:.`,
  },
} satisfies Record<string, Record<string, (p: Params) => string>>;

/** A language press staff messages exist in; any other site language reads English ones. */
export type StaffLang = keyof typeof contentMessages;

/**
 * The language of press staff messages for a site language: itself when the
 * messages exist in it, else English.
 * @example staffLanguage('fr') // 'en'
 */
export const staffLanguage = (lang: string): StaffLang => (Object.hasOwn(contentMessages, lang) ? (lang as StaffLang) : 'en');

// What a file is, for a message that refuses it (src/lib/check/image-format.ts).
const KIND_NAMES = {
  es: {
    heic: 'una foto HEIC (el formato de los iPhone)',
    gif: 'una imagen GIF',
    svg: 'un dibujo SVG',
    pdf: 'un documento PDF',
    tiff: 'una imagen TIFF',
    bmp: 'una imagen BMP',
    text: 'un archivo de texto',
    empty: 'un archivo vacío',
    unknown: 'un archivo que no es una imagen',
  },
  en: {
    heic: 'a HEIC photo (the iPhone format)',
    gif: 'a GIF image',
    svg: 'an SVG drawing',
    pdf: 'a PDF document',
    tiff: 'a TIFF image',
    bmp: 'a BMP image',
    text: 'a text file',
    empty: 'an empty file',
    unknown: 'a file that is not an image',
  },
} satisfies Record<string, Record<string, string>>;

function kindName(lang: keyof typeof KIND_NAMES, kind: string | number | undefined): string {
  return (KIND_NAMES[lang] as Record<string, string>)[String(kind)] ?? KIND_NAMES[lang].unknown;
}

/** The id of a message in {@link contentMessages}. */
export type MessageCode = keyof (typeof contentMessages)['en'];

/**
 * Renders a message for press staff in their language.
 * @example contentMessage('en', 'tooLong', { actual: 170, max: 160 }) // 'It has 170 characters; …'
 */
export function contentMessage(lang: string, code: MessageCode, params: Params = {}): string {
  return contentMessages[staffLanguage(lang)][code](params);
}

/**
 * The language press staff read messages in: `--lang` when given, else the
 * locale of their terminal (`LC_ALL`, `LC_MESSAGES`, then `LANG`): the
 * language it names when messages exist in it, English for any other. With
 * no locale set (or `C`), the site's default language decides, the same way.
 * @example messageLanguage(undefined, { LANG: 'en_US.UTF-8' }) // 'en'
 */
export function messageLanguage(flag: string | undefined, env: Record<string, string | undefined>, siteLanguage: string = LANGUAGES[0]!): StaffLang {
  const locale = flag || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const code = locale.toLowerCase().split(/[-_.@]/)[0]!;
  return staffLanguage(!code || code === 'c' || code === 'posix' ? siteLanguage : code);
}
