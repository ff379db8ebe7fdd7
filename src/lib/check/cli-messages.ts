import { staffLanguage, type StaffLang } from './content-messages.ts';

type Params = Record<string, string | number>;

const plural = (n: string | number | undefined, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/**
 * What `npm run check` and `npm run new` say besides content problems, in
 * both languages. Problems themselves are in `content-messages.ts`.
 */
export const cliMessages = {
  es: {
    // npm run check
    severityError: () => 'error',
    severityWarning: () => 'aviso',
    statusHeading: () => 'Traducciones y publicación:',
    statusClean: () => 'Traducciones y publicación: todas las notas tienen todas sus versiones al día; no hay borradores ni embargos.',
    statusMissing: (p: Params) => `Falta la versión en ${languageName('es', p.lang)} (index.${p.lang}.md). Mientras tanto, las listas en ${languageName('es', p.lang)} enlazan a esta.`,
    statusStale: (p: Params) => `Traducción desactualizada: cambió por última vez el ${p.changed}, y ${p.newer} el ${p.newerChanged}. Revísela y ponga en \`updated\` la fecha de su revisión.`,
    statusDraft: () => 'Borrador: no se publica mientras tenga `draft: true`.',
    statusEmbargo: (p: Params) => `Embargo: se publica con la primera compilación después del ${p.date} (${p.zone}).`,
    summary: (p: Params) =>
      `${plural(p.notes, 'nota', 'notas')} (${plural(p.versions, 'versión', 'versiones')}), ${plural(p.errors, 'error', 'errores')}, ${plural(p.warnings, 'aviso', 'avisos')}.`,
    badLangFlag: (p: Params) => `«${p.value}» no es un idioma de los mensajes. Use --lang es o --lang en (u otro idioma del sitio: sus mensajes están en inglés).`,
    // npm run dev, in the page while the content has errors
    devProblemsTitle: (p: Params) => `El contenido tiene ${plural(p.errors, 'error', 'errores')}`,
    devProblemsHint: () => 'Son los mismos mensajes de `npm run check`. Corrija los archivos y guárdelos: la página se actualiza sola.',
    // npm run new
    newUsage: (p: Params) =>
      [
        'Crea la carpeta de una nota nueva con un archivo index.<idioma>.md por idioma del sitio.',
        '',
        '  npm run new                       pregunta los datos (en una terminal)',
        `  npm run new -- --stop los-angeles --title "Título" --date 2023-03-01 --lang ${p.langs}`,
        '  npm run new -- --list             muestra las paradas y los temas válidos',
        '',
        `Opciones: --stop, --title (título en el primer idioma), ${p.titleFlags}--date (AAAA-MM-DD o AAAA-MM-DDTHH:MM),`,
        `--lang (idiomas separados por comas; por omisión ${p.langs}), --topics (ids separados por comas), --slug (la dirección).`,
      ].join('\n'),
    newMissing: (p: Params) => `Faltan datos: ${p.flags}. Escriba, por ejemplo: npm run new -- --stop los-angeles --title "Título" (vea npm run new -- --help).`,
    newBadLangs: (p: Params) => `«${p.value}» no es una lista de idiomas del sitio. Use uno o varios de ${p.valid}, separados por comas.`,
    newNoSlug: () => 'No se puede formar una dirección con este título. Indíquela con --slug, por ejemplo --slug reunion-con-inversionistas.',
    newFolderExists: (p: Params) => `Ya existe la carpeta ${p.folder}. Elija otro título, otra fecha o otra dirección con --slug.`,
    newSlugTaken: (p: Params) => `La dirección «${p.slug}» ya la usa ${p.file}. Elija otra con --slug.`,
    newListHint: () => 'Vea las paradas y los temas válidos con: npm run new -- --list',
    newStops: () => 'Paradas (--stop):',
    newTopics: () => 'Temas (--topics):',
    askStop: () => 'Parada (número o identificador)',
    askTitle: (p: Params) => `Título en ${languageName('es', p.lang)}`,
    askDate: () => 'Fecha de publicación (AAAA-MM-DD o AAAA-MM-DDTHH:MM)',
    askLangs: (p: Params) => `Idiomas (${p.valid}, separados por comas)`,
    askTopics: () => 'Temas, separados por comas (Enter para ninguno)',
    newCreated: (p: Params) => `Nota creada en ${p.folder}/`,
    newNext: (p: Params) =>
      [
        'Siguientes pasos:',
        `  1. Escriba el resumen y el texto en ${p.files}.`,
        '  2. Véala con `npm run dev`: aparece con el aviso «Borrador».',
        '  3. Cuando esté lista, borre la línea `draft: true` y ejecute `npm run check`.',
      ].join('\n'),
  },
  en: {
    severityError: () => 'error',
    severityWarning: () => 'warning',
    statusHeading: () => 'Translations and publication:',
    statusClean: () => 'Translations and publication: every note has all its versions up to date; there are no drafts or embargoes.',
    statusMissing: (p: Params) => `The ${languageName('en', p.lang)} version (index.${p.lang}.md) is missing. Until it exists, ${languageName('en', p.lang)} listings link to this one.`,
    statusStale: (p: Params) => `Stale translation: it last changed on ${p.changed}, and ${p.newer} on ${p.newerChanged}. Review it and set \`updated\` to the time of your review.`,
    statusDraft: () => 'Draft: it is not published while it has `draft: true`.',
    statusEmbargo: (p: Params) => `Embargoed: it is published by the first build after ${p.date} (${p.zone}).`,
    summary: (p: Params) =>
      `${plural(p.notes, 'note', 'notes')} (${plural(p.versions, 'version', 'versions')}), ${plural(p.errors, 'error', 'errors')}, ${plural(p.warnings, 'warning', 'warnings')}.`,
    badLangFlag: (p: Params) => `"${p.value}" is not a message language. Use --lang es or --lang en (or another language of the site: its messages are in English).`,
    devProblemsTitle: (p: Params) => `The content has ${plural(p.errors, 'error', 'errors')}`,
    devProblemsHint: () => 'These are the messages of `npm run check`. Fix the files and save them: the page updates by itself.',
    newUsage: (p: Params) =>
      [
        'Creates the folder of a new note with one index.<language>.md file per language of the site.',
        '',
        '  npm run new                       asks for the details (in a terminal)',
        `  npm run new -- --stop los-angeles --title "Title" --date 2023-03-01 --lang ${p.langs}`,
        '  npm run new -- --list             shows the valid stops and topics',
        '',
        `Options: --stop, --title (title in the first language), ${p.titleFlags}--date (YYYY-MM-DD or YYYY-MM-DDTHH:MM),`,
        `--lang (comma-separated languages; default ${p.langs}), --topics (comma-separated ids), --slug (the address).`,
      ].join('\n'),
    newMissing: (p: Params) => `Missing: ${p.flags}. Type, for example: npm run new -- --stop los-angeles --title "Title" (see npm run new -- --help).`,
    newBadLangs: (p: Params) => `"${p.value}" is not a list of the site's languages. Use one or more of ${p.valid}, separated by commas.`,
    newNoSlug: () => 'This title does not make an address. Give one with --slug, for example --slug meeting-with-investors.',
    newFolderExists: (p: Params) => `The folder ${p.folder} already exists. Choose another title, another date, or another address with --slug.`,
    newSlugTaken: (p: Params) => `The address "${p.slug}" is already used by ${p.file}. Choose another with --slug.`,
    newListHint: () => 'See the valid stops and topics with: npm run new -- --list',
    newStops: () => 'Stops (--stop):',
    newTopics: () => 'Topics (--topics):',
    askStop: () => 'Stop (number or id)',
    askTitle: (p: Params) => `Title in ${languageName('en', p.lang)}`,
    askDate: () => 'Publication date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)',
    askLangs: (p: Params) => `Languages (${p.valid}, separated by commas)`,
    askTopics: () => 'Topics, separated by commas (Enter for none)',
    newCreated: (p: Params) => `Note created in ${p.folder}/`,
    newNext: (p: Params) =>
      [
        'Next steps:',
        `  1. Write the summary and the text in ${p.files}.`,
        '  2. Preview it with `npm run dev`: it shows with the "Draft" banner.',
        '  3. When it is ready, delete the `draft: true` line and run `npm run check`.',
      ].join('\n'),
  },
} satisfies Record<StaffLang, Record<string, (p: Params) => string>>;

// The runtime's own language names: 'inglés', 'French'; no table to keep per language.
function languageName(lang: StaffLang, of: string | number | undefined): string {
  return new Intl.DisplayNames([lang], { type: 'language' }).of(String(of)) ?? String(of);
}

/** The id of a message in {@link cliMessages}. */
export type CliMessageCode = keyof (typeof cliMessages)['en'];

/**
 * Renders a command-line message in the reader's language.
 * @example cliMessage('en', 'summary', { notes: 1, versions: 2, errors: 0, warnings: 1 }) // '1 note (2 versions), 0 errors, 1 warning.'
 */
export function cliMessage(lang: string, code: CliMessageCode, params: Params = {}): string {
  return cliMessages[staffLanguage(lang)][code](params);
}
