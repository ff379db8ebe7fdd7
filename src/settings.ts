/**
 * The one settings file a site operator edits. Everything the generator needs
 * to know about the site lives here; `SITE_URL` and `BASE_PATH` in the
 * environment override `url` and `base` at build time (handy for previews and
 * GitHub Pages project sites).
 */
import type { Lang } from './lib/types.ts';

export interface Settings {
  /** Public origin, no trailing slash. */
  url: string;
  /** Sub-path the site lives under, `/` for the root. */
  base: string;
  /** Languages in order; the first is the default. */
  languages: readonly Lang[];
  defaultLanguage: Lang;
  /** IANA time zone for dates without an offset and for display. */
  timeZone: string;
  name: Record<Lang, string>;
  description: Record<Lang, string>;
  publisher: { name: Record<Lang, string>; url: string };
  /** Brand colours, used by the stylesheet and share images. */
  colors: { primary: string; primaryDark: string; accent: string; accentLight: string };
  /** Notes per listing page. */
  pageSize: number;
}

export const settings: Settings = {
  url: 'https://convoy.example.gob.mx',
  base: '/',
  languages: ['es', 'en'],
  defaultLanguage: 'es',
  timeZone: 'America/Mexico_City',
  name: {
    es: 'Convoy para la Internacionalización de Municipios Mexicanos',
    en: 'Convoy for the Internationalization of Mexican Municipalities',
  },
  description: {
    es: 'Notas de prensa del convoy que lleva a alcaldesas y alcaldes de México al encuentro de inversionistas en el extranjero.',
    en: 'Press notes from the convoy that takes Mexican mayors abroad to meet investors.',
  },
  publisher: {
    name: { es: 'Secretaría de Relaciones Exteriores', en: 'Ministry of Foreign Affairs of Mexico' },
    url: 'https://www.gob.mx/sre',
  },
  colors: { primary: '#9f2241', primaryDark: '#691c32', accent: '#bc955c', accentLight: '#ddc9a3' },
  pageSize: 12,
};
