/**
 * The one settings file a site operator edits. Everything the generator needs
 * to know about the site lives here; `SITE_URL` and `BASE_PATH` in the
 * environment override `url` and `base` at build time (handy for previews and
 * GitHub Pages project sites).
 *
 * Languages are listed in order, the first the default. Adding one is an
 * entry here and its interface strings in `src/i18n/<code>.ts`
 * (copy `en.ts` and translate it); see README.md, "Languages".
 *
 * `SETTINGS_FILE` in the environment names another file that exports
 * `settings` the same way (the test fixtures with one and three languages
 * use it).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import en from './i18n/en.ts';
import es from './i18n/es.ts';
import { defineSettings, type Settings } from './lib/settings/site-settings.ts';

export type { Settings };

const site = defineSettings({
  url: 'https://convoy.example.gob.mx',
  base: '/',
  languages: [
    {
      code: 'es',
      name: 'Español',
      locale: 'es-MX',
      words: { note: 'notas', stop: 'paradas', topic: 'temas', search: 'buscar', page: 'pagina' },
      strings: es,
      site: {
        name: 'Convoy para la Internacionalización de Municipios Mexicanos',
        description: 'Notas de prensa del convoy que lleva a alcaldesas y alcaldes de México al encuentro de inversionistas en el extranjero.',
        publisher: 'Secretaría de Relaciones Exteriores',
      },
    },
    {
      code: 'en',
      name: 'English',
      locale: 'en-US',
      tag: 'en',
      words: { note: 'news', stop: 'stops', topic: 'topics', search: 'search', page: 'page' },
      strings: en,
      site: {
        name: 'Convoy for the Internationalization of Mexican Municipalities',
        description: 'Press notes from the convoy that takes Mexican mayors abroad to meet investors.',
        publisher: 'Ministry of Foreign Affairs of Mexico',
      },
    },
  ],
  timeZone: 'America/Mexico_City',
  publisherUrl: 'https://www.gob.mx/sre',
  colors: { primary: '#9f2241', primaryDark: '#691c32', accent: '#bc955c', accentLight: '#ddc9a3' },
  pageSize: 12,
  // The web editor at /admin/ saves here: the repository and branch the site is built from.
  editor: { name: 'github', repo: 'sre-prensa/convoy-microsite', branch: 'main' },
});

const override = process.env.SETTINGS_FILE;

/** The site's settings: this file's, or those of the file `SETTINGS_FILE` names. */
export const settings: Settings = override ? ((await import(/* @vite-ignore */ pathToFileURL(resolve(override)).href)) as { settings: Settings }).settings : site;
