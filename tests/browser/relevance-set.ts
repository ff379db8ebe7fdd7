/**
 * The relevance set: queries a reader could type over the sample content,
 * each with the note that should come first (its slug), or `null` when no
 * note should be shown at all. Written from the notes' text before the
 * ranking work was run against them (commit "relevance set, written before
 * running it"); any query added later says so in `added`, and is not
 * evidence for the ranking, only a guard against regressions.
 */

/** One query and what a reader expects at the top. */
export interface RelevanceCase {
  query: string;
  /** Slug of the note that must come first; null: nothing may be shown. */
  first: string | null;
  /** Why this note, read from the notes' text. */
  why: string;
  /** Set when the query was written after the ranking was first run. */
  added?: string;
}

/** Spanish queries, over `content/notes/*\/index.es.md`. */
export const RELEVANCE_ES: RelevanceCase[] = [
  { query: 'Karen Bass', first: 'llegada-los-angeles', why: 'she receives the convoy (summary, body); the Texas note names her once' },
  { query: 'Netflix', first: 'netflix-estudios', why: 'the meeting at Netflix (summary, body)' },
  { query: 'Netflx', first: 'netflix-estudios', why: 'one letter missing: Netflix' },
  { query: 'Ted Sarandos', first: 'netflix-estudios', why: 'only note that names him' },
  { query: 'Hollywood', first: 'netflix-estudios', why: 'in its title' },
  { query: 'Motion Picture Association', first: 'netflix-estudios', why: 'summary and body' },
  { query: 'EarthX', first: 'texas', why: 'the award at Expo EarthX' },
  { query: 'Austin Dallas Houston', first: 'texas', why: 'title' },
  { query: 'Houston', first: 'texas', why: 'title and body' },
  { query: 'biomédico', first: 'camara-biomedico-think-tank', why: 'the biomedical council note says it most' },
  { query: 'Southern California Biomedical Council', first: 'camara-biomedico-think-tank', why: 'summary and body, only there' },
  { query: 'Chamber of Commerce', first: 'camara-biomedico-think-tank', why: 'US-Mexico Chamber of Commerce, only there' },
  { query: 'think tank', first: 'camara-biomedico-think-tank', why: 'only there' },
  { query: 'Corea del Sur', first: 'proximas-paradas', why: 'in its summary; the Texas note has it in the body only' },
  { query: 'Japón', first: 'proximas-paradas', why: 'in its summary' },
  { query: 'japon', first: 'proximas-paradas', why: 'the same without the accent' },
  { query: 'próximos destinos', first: 'proximas-paradas', why: 'heading "Los próximos destinos", "destinos" in the title' },
  { query: 'Congreso para la Internacionalización', first: 'proximas-paradas', why: 'the congress where the convoy was born, only there' },
  { query: '300 alcaldesas', first: 'proximas-paradas', why: 'more than 300 mayors at the congress' },
  { query: 'embarazo', first: null, why: 'no note says it (Pagefind alone lists every note, matching "e")' },
  { query: 'aeropuerto', first: null, why: 'no note says it' },
  { query: 'grupo de trabajo', first: 'netflix-estudios', why: 'title; the Texas note mentions it once' },
  { query: 'San Francisco', first: 'llegada-los-angeles', why: 'the California leg includes it, only there' },
  { query: 'startups', first: 'camara-biomedico-think-tank', why: 'only there' },
  { query: 'alcaldesa', first: 'llegada-los-angeles', why: 'la alcaldesa Karen Bass, several times' },
  { query: 'rodajes', first: 'netflix-estudios', why: 'heading "Más rodajes, más empleo"' },
  { query: 'Sarandso', first: 'netflix-estudios', why: 'two letters swapped: Sarandos' },
  { query: 'Hollywod', first: 'netflix-estudios', why: 'one letter missing: Hollywood' },
  { query: 'Netfl', first: 'netflix-estudios', why: 'Netflix still being typed' },
  { query: 'Unión Europea', first: 'proximas-paradas', why: 'summary; Texas has it in the body' },
  { query: 'Nueva York', first: 'proximas-paradas', why: 'summary; Texas has it in the body' },
  { query: 'Secretaría de Relaciones Exteriores', first: 'netflix-estudios', why: 'the only body that names it' },
  { query: 'Paramount', first: 'netflix-estudios', why: 'only there' },
  { query: 'Warner', first: 'netflix-estudios', why: 'only there' },
  { query: 'xilófono', first: null, why: 'no note says it' },
];

/** English queries, over `content/notes/*\/index.en.md`. */
export const RELEVANCE_EN: RelevanceCase[] = [
  { query: 'Karen Bass', first: 'arrival-los-angeles', why: 'she welcomes the delegation (summary, body)' },
  { query: 'Netflix', first: 'netflix-studios-working-group', why: 'summary and body' },
  { query: 'Netflx', first: 'netflix-studios-working-group', why: 'one letter missing: Netflix' },
  { query: 'Ted Sarandos', first: 'netflix-studios-working-group', why: 'only there' },
  { query: 'Motion Picture Association', first: 'netflix-studios-working-group', why: 'summary and body' },
  { query: 'working group', first: 'netflix-studios-working-group', why: 'title; Texas mentions it once' },
  { query: 'EarthX', first: 'texas-leg', why: 'summary and body' },
  { query: 'Austin Dallas Houston', first: 'texas-leg', why: 'title' },
  { query: 'award', first: 'texas-leg', why: 'the EarthX Latin America Award' },
  { query: 'biomedical council', first: 'chamber-biomedical-think-tank', why: 'summary and body' },
  { query: 'Chamber of Commerce', first: 'chamber-biomedical-think-tank', why: 'summary; arrival says "chambers of commerce" once' },
  { query: 'biotech', first: 'chamber-biomedical-think-tank', why: 'title' },
  { query: 'startups', first: 'chamber-biomedical-think-tank', why: 'only there' },
  { query: 'South Korea', first: 'next-stops', why: 'summary; Texas has it in the body' },
  { query: 'Japan', first: 'next-stops', why: 'summary' },
  { query: 'next destinations', first: 'next-stops', why: 'heading "The next destinations", destinations in the title' },
  { query: 'Congress for the Internationalization', first: 'next-stops', why: 'only there' },
  { query: 'San Francisco', first: 'arrival-los-angeles', why: 'only there' },
  { query: 'San Jose', first: 'arrival-los-angeles', why: 'San José without its accent, only there' },
  { query: 'pregnancy', first: null, why: 'no note says it' },
  { query: 'airport', first: null, why: 'no note says it' },
  { query: 'Paramount', first: 'netflix-studios-working-group', why: 'only there' },
  { query: 'shooting', first: 'netflix-studios-working-group', why: '"appetite for shooting in Mexico"' },
  { query: 'Sarandso', first: 'netflix-studios-working-group', why: 'two letters swapped: Sarandos' },
  { query: 'jobs', first: 'netflix-studios-working-group', why: '"More productions, more jobs"' },
  { query: 'European Union', first: 'next-stops', why: 'summary and body' },
  { query: 'New York', first: 'next-stops', why: 'summary and body' },
  { query: 'warm reception', first: 'arrival-los-angeles', why: 'only there' },
  { query: 'Disney', first: 'netflix-studios-working-group', why: 'only there' },
  { query: 'xylophone', first: null, why: 'no note says it' },
];
